import fc from 'fast-check';
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

describe('changeTags against the pairwise rule it replaced', () => {
  /** The former rule: every tag compared with every other one (quadratic). */
  function pairwise(tags: readonly string[], add: readonly string[], remove: readonly string[]) {
    const same = (a: string, b: string) =>
      a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
    const removing = remove.map(cleanTag).filter((t): t is string => t !== null);
    const result = tags.filter((tag) => !removing.some((r) => same(r, tag)));
    for (const raw of add) {
      const tag = cleanTag(raw);
      if (tag && !result.some((t) => same(t, tag))) result.push(tag);
    }
    return result;
  }
  const tag = fc.oneof(
    fc.constantFrom('a', 'A', 'á', 'Å', 'b', 'B ', ' ', 'ß', 'ss', 'Été', 'ete', 'e\u0301te', 'œ'),
    fc.string({ maxLength: 4 }),
  );

  it('gives the same tags in the same order for any tags, additions and removals', () => {
    fc.assert(
      fc.property(fc.array(tag), fc.array(tag), fc.array(tag), (tags, add, remove) => {
        expect(changeTags(tags, { add, remove })).toEqual(pairwise(tags, add, remove));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps all 20,000 distinct keywords of one entry (found by fuzzing: the pairwise rule took minutes)', () => {
    const add = Array.from({ length: 20_000 }, (_, i) => `t${i.toString(36)}`);
    const tags = changeTags([], { add: [...add, ...add.map((t) => t.toUpperCase())] });
    expect(tags).toEqual(add);
  });
});

describe('parseTagList', () => {
  it('splits on commas, semicolons and new lines and drops empty entries', () => {
    expect(parseTagList('war, peace;; <b>html</b>\n')).toEqual(['war', 'peace', '<b>html</b>']);
  });
});
