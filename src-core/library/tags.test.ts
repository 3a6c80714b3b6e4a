import { describe, expect, it } from 'vitest';
import { changeTags, cleanTag, MAX_TAG_LENGTH, parseTagList } from './tags.ts';

describe('cleanTag', () => {
  it('trims and collapses spaces, refuses blank tags and cuts long ones', () => {
    expect(cleanTag('  climate \n change ')).toBe('climate change');
    expect(cleanTag(' \t ')).toBeNull();
    expect(cleanTag('x'.repeat(500))).toHaveLength(MAX_TAG_LENGTH);
  });
});

describe('changeTags', () => {
  it('adds new tags once, ignoring case and accents, and keeps the first spelling', () => {
    expect(changeTags(['Été'], { add: ['ete', 'History', 'history '] })).toEqual([
      'Été',
      'History',
    ]);
  });

  it('removes tags ignoring case and keeps the order of the others', () => {
    expect(changeTags(['a', 'B', 'c'], { remove: ['b'] })).toEqual(['a', 'c']);
  });

  it('does not change its input', () => {
    const tags = ['a'];
    changeTags(tags, { add: ['b'] });
    expect(tags).toEqual(['a']);
  });
});

describe('parseTagList', () => {
  it('splits on commas, semicolons and new lines and drops empty entries', () => {
    expect(parseTagList('war, peace;; <b>html</b>\n')).toEqual(['war', 'peace', '<b>html</b>']);
  });
});
