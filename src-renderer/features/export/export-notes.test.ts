import { describe, expect, it } from 'vitest';
import { carriesTagsAndNotes, notesByArticle } from './export-formats.ts';

const target = (exact: string, firstN: number, lastN = firstN) => ({
  quote: { exact },
  paragraphs: { firstN, lastN },
});

describe('notesByArticle', () => {
  it('lists whole-article notes first, then highlight notes after their quote and paragraph', () => {
    const notes = notesByArticle([
      { articleId: 'a', note: 'On paragraph 7', target: target('late words', 7), createdAt: 3 },
      { articleId: 'a', note: ' Imported note ', target: null, createdAt: 5 },
      { articleId: 'a', note: 'Spans two', target: target('early words', 2, 3), createdAt: 1 },
      { articleId: 'a', note: '   ', target: target('no note here', 1), createdAt: 2 },
      { articleId: 'b', note: 'Other article', target: null, createdAt: 4 },
    ]);
    expect(notes.get('a')).toEqual([
      'Imported note',
      '“early words” (¶2–3): Spans two',
      '“late words” (¶7): On paragraph 7',
    ]);
    expect(notes.get('b')).toEqual(['Other article']);
  });

  it('shortens a long quote in the note, never the note', () => {
    const long = 'w'.repeat(400);
    const [note] = notesByArticle([
      { articleId: 'a', note: 'n'.repeat(1000), target: target(long, 1), createdAt: 1 },
    ]).get('a')!;
    expect(note).toBe(`“${'w'.repeat(300)}…” (¶1): ${'n'.repeat(1000)}`);
  });
});

describe('carriesTagsAndNotes', () => {
  it('is true for RIS and CSL-JSON only', () => {
    expect(carriesTagsAndNotes('ris')).toBe(true);
    expect(carriesTagsAndNotes('csl-json')).toBe(true);
    expect(carriesTagsAndNotes('bibtex')).toBe(false);
    expect(carriesTagsAndNotes('list-text')).toBe(false);
  });
});
