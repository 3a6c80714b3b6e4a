import { describe, expect, it } from 'vitest';
import {
  displayOffset,
  displayText,
  findAll,
  foldQuote,
  foldLoosely,
  foldedOffset,
  paragraphIndexAt,
  paragraphSpan,
  trimRange,
  unfoldRange,
} from './display-text.ts';

// The reference article's first three paragraphs (196, 158 and 198 characters).
const BODY = [
  {
    n: 1,
    id: 'p-116677c8aeeee86c',
    text:
      'ISIS has increased its efforts in order to expand its influence in Afghanistan. The local ' +
      'ISIS branch is believed to have about 3,000-5,000 members, including local Afghans, ' +
      'Pakistanis and Uzbeks.',
  },
  {
    n: 2,
    id: 'p-04a4d2bf990de72f',
    text:
      'According to available data, most of the terrorists are in the province of Nangarhar. ' +
      'However, cells of the terrorist group operate across the entire country.',
  },
  {
    n: 3,
    id: 'p-6918d1c854a726b7',
    text:
      'Over the past few months, ISIS members have carried a series of terrorist attacks against ' +
      'government targets as well as engaged members of the Taliban in separate clashes and ' +
      'hit-and-run operations.',
  },
];
const DISPLAY = displayText(BODY);
const [P1, P2, P3] = [0, 198, 358]; // each start: the previous ones' lengths plus "\n\n"

describe('displayText', () => {
  it('joins the paragraphs with a blank line and records where each starts', () => {
    expect(DISPLAY.text).toBe(BODY.map((p) => p.text).join('\n\n'));
    expect(DISPLAY.starts).toEqual([P1, P2, P3]);
    expect(DISPLAY.text.slice(P2, P2 + 9)).toBe('According');
    expect(DISPLAY.numbers).toEqual([1, 2, 3]);
    expect(DISPLAY.ids).toEqual(BODY.map((p) => p.id));
  });

  it('turns an offset in a paragraph into a display offset', () => {
    expect(displayOffset(DISPLAY, 2, 5)).toBe(P3 + 5);
    expect(DISPLAY.text.slice(displayOffset(DISPLAY, 1, 29), P2 + 33)).toBe('most');
  });
});

describe('paragraphIndexAt', () => {
  it('gives the paragraph at its first and last characters', () => {
    expect(paragraphIndexAt(DISPLAY, 0)).toBe(0);
    expect(paragraphIndexAt(DISPLAY, P2 - 3)).toBe(0);
    expect(paragraphIndexAt(DISPLAY, P2)).toBe(1);
    expect(paragraphIndexAt(DISPLAY, P3 - 3)).toBe(1);
    expect(paragraphIndexAt(DISPLAY, P3)).toBe(2);
  });

  it('gives the paragraph before a break for an offset in it, and the last past the end', () => {
    expect(paragraphIndexAt(DISPLAY, P2 - 2)).toBe(0);
    expect(paragraphIndexAt(DISPLAY, P2 - 1)).toBe(0);
    expect(paragraphIndexAt(DISPLAY, DISPLAY.text.length)).toBe(2);
    expect(paragraphIndexAt(DISPLAY, DISPLAY.text.length + 50)).toBe(2);
  });
});

describe('paragraphSpan', () => {
  it('names the first and last paragraph a range touches', () => {
    expect(paragraphSpan(DISPLAY, P2 + 5, P3 + 4)).toEqual({
      firstId: BODY[1]!.id,
      firstN: 2,
      lastId: BODY[2]!.id,
      lastN: 3,
    });
  });

  it('does not count the paragraph a range ends just before', () => {
    expect(paragraphSpan(DISPLAY, P1, P2 - 2)).toMatchObject({ firstN: 1, lastN: 1 });
    expect(paragraphSpan(DISPLAY, P1, P2 + 1)).toMatchObject({ firstN: 1, lastN: 2 });
  });
});

describe('trimRange', () => {
  it('drops whitespace of every kind at either end, and empties an all-blank range', () => {
    const text = ' \n\u00a0\u2003word two\t\u3000\n';
    expect(text.slice(...trimRange(text, 0, text.length))).toBe('word two');
    expect(trimRange(text, 0, 4)).toEqual([4, 4]);
  });
});

describe('foldLoosely', () => {
  it('makes one space of each whitespace run and ASCII of quotes, dashes and ellipses', () => {
    const text =
      'a “victory”\u00a0–  it’s\n\nover\u2026 self\u00adproclaimed\u0000 \u2014 56\u201157%';
    expect(foldLoosely(text).text).toBe('a "victory" - it\'s over... selfproclaimed - 56-57%');
  });

  it('maps every folded offset back to the original text', () => {
    const text = 'about 56–57%\n\nof  Afghanistan… The “rest”';
    const folded = foldLoosely(text);
    const at = (s: string): [number, number] => {
      const start = folded.text.indexOf(s);
      return unfoldRange(text, folded, start, start + s.length);
    };
    expect(text.slice(...at('56-57% of Afghanistan...'))).toBe('56–57%\n\nof  Afghanistan…');
    expect(text.slice(...at('"rest"'))).toBe('“rest”');
    expect(text.slice(...at(' of '))).toBe('of'); // a range's own whitespace is trimmed
    expect(foldedOffset(folded, text.indexOf('of'))).toBe(folded.text.indexOf('of'));
    expect(foldedOffset(folded, text.indexOf('The'))).toBe(folded.text.indexOf('The'));
    expect(folded.from[folded.text.length]).toBe(text.length);
  });

  it('folds a quote without the spaces its ends may fold to', () => {
    expect(foldQuote('\n\u00a0“the Kabul government”  ')).toBe('"the Kabul government"');
  });
});

describe('findAll', () => {
  it('finds overlapping occurrences in order', () => {
    expect(findAll('aaaa', 'aa', 0, 4, 10)).toEqual([0, 1, 2]);
    expect(findAll('abababab', 'abab', 0, 8, 10)).toEqual([0, 2, 4]);
  });

  it('starts at `from`, keeps starts before `before`, and stops at `limit`', () => {
    const text = 'the Taliban and the Taliban and the Taliban';
    expect(findAll(text, 'Taliban', 5, text.length, 10)).toEqual([20, 36]);
    expect(findAll(text, 'Taliban', 0, 20, 10)).toEqual([4]);
    expect(findAll(text, 'Taliban', 0, 21, 10)).toEqual([4, 20]);
    expect(findAll(text, 'Taliban', 0, text.length, 2)).toEqual([4, 20]);
    expect(findAll(text, 'Taliban')).toEqual([4]);
  });

  it('finds nothing for an empty needle or one longer than the text', () => {
    expect(findAll('abc', '')).toEqual([]);
    expect(findAll('abc', 'abcd')).toEqual([]);
  });
});
