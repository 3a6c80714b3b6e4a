import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SESSION,
  SESSION_KEY,
  loadSession,
  parseSession,
  saveSession,
} from './persisted-state.ts';

const memoryStorage = () => {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    map,
  };
};

describe('the reader session kept across reloads', () => {
  it('reads back what was saved', () => {
    const storage = memoryStorage();
    const session = {
      articleId: 'a1',
      paragraph: 7,
      asideTab: 'notes' as const,
      asideOpen: true,
      libraryOpen: false,
    };
    saveSession(storage, session);
    expect(JSON.parse(storage.map.get(SESSION_KEY)!)).toEqual(session);
    expect(loadSession(storage)).toEqual(session);
  });

  it('falls back to the defaults for missing, unreadable or non-object JSON', () => {
    for (const raw of [null, undefined, '', '{', 'null', '42', '"text"', '[1,2]']) {
      expect(parseSession(raw)).toEqual(DEFAULT_SESSION);
    }
    expect(loadSession(null)).toEqual(DEFAULT_SESSION);
  });

  it('checks each field on its own: a bad one takes its default, the rest are kept', () => {
    expect(
      parseSession(
        JSON.stringify({
          articleId: 5,
          paragraph: 3,
          asideTab: 'comments',
          asideOpen: 'yes',
          libraryOpen: true,
        }),
      ),
    ).toEqual({ ...DEFAULT_SESSION, libraryOpen: true });
    expect(parseSession(JSON.stringify({ articleId: 'x', paragraph: 2.5 }))).toEqual({
      ...DEFAULT_SESSION,
      articleId: 'x',
    });
    expect(parseSession(JSON.stringify({ articleId: 'x', paragraph: 0 })).paragraph).toBeNull();
    expect(parseSession(JSON.stringify({ articleId: '', paragraph: 4 })).articleId).toBeNull();
    expect(parseSession(JSON.stringify({ asideTab: 'notes' })).asideTab).toBe('notes');
  });

  it('keeps no paragraph without an article', () => {
    expect(parseSession(JSON.stringify({ paragraph: 9 })).paragraph).toBeNull();
  });

  it('never throws when storage does', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadSession(broken)).toEqual(DEFAULT_SESSION);
    expect(() => saveSession(broken, DEFAULT_SESSION)).not.toThrow();
  });
});
