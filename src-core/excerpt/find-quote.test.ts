import type search from 'approx-string-match';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { capture } from '../testing/capture.ts';
import { readFixture } from '../testing/fixtures.ts';
import { displayText, foldLoosely, type BodyParagraph } from './display-text.ts';
import { approxCandidates, editDistance, findQuote } from './find-quote.ts';

// The matcher, watched: some tests check how much it is asked to do.
const searches = vi.hoisted(() => [] as { text: number; pattern: number; found: number }[]);
vi.mock('approx-string-match', async (importOriginal) => {
  const actual = await importOriginal<{ default: typeof search }>();
  return {
    default: (text: string, pattern: string, maxErrors: number) => {
      const found = actual.default(text, pattern, maxErrors);
      searches.push({ text: text.length, pattern: pattern.length, found: found.length });
      return found;
    },
  };
});
beforeEach(() => {
  searches.length = 0;
});

/** The reference article's 15 body paragraphs. */
const BODY: BodyParagraph[] = capture(readFixture('000_bfa7ac14e5553cb7.txt'), 'text/plain').body;
const TEXT = displayText(BODY).text;
const id = (n: number): string => BODY[n - 1]!.id;

const SIGAR = 'the central government controls only about 56-57% of Afghanistan';

describe('findQuote on the reference article', () => {
  it('finds a verbatim quote in paragraph 5', () => {
    expect(findQuote(BODY, SIGAR)).toEqual({
      found: true,
      start: TEXT.indexOf(SIGAR),
      end: TEXT.indexOf(SIGAR) + SIGAR.length,
      text: SIGAR,
      paragraphs: { firstId: id(5), firstN: 5, lastId: id(5), lastN: 5 },
      exact: true,
    });
  });

  it('trims the whitespace a paste brings along', () => {
    expect(findQuote(BODY, `\n  ${SIGAR}\t\n`)).toMatchObject({ found: true, exact: true });
  });

  it('finds a quote typed with other dashes, quotes or spacing, giving the article’s own text', () => {
    const variants = [
      [SIGAR.replace('56-57', '56–57'), SIGAR],
      [SIGAR.replace('central government', 'central  government'), SIGAR],
      [SIGAR.replace(' government ', '\u00a0government\n'), SIGAR],
      [
        'declare a "victory" in the conflict - something',
        'declare a “victory” in the conflict – something',
      ],
      [
        'the terrorist group’s self-proclaimed caliphate',
        "the terrorist group's self-proclaimed caliphate",
      ],
    ];
    for (const [typed, article] of variants) {
      const match = findQuote(BODY, typed!);
      expect(match).toMatchObject({ found: true, exact: false, text: article });
      if (match.found) expect(TEXT.slice(match.start, match.end)).toBe(article);
    }
  });

  it('finds a quote pasted across two paragraphs with a single line break', () => {
    const match = findQuote(
      BODY,
      'controlled by the Taliban.\nThe Taliban is actively combating ISIS.',
    );
    expect(match).toMatchObject({
      found: true,
      exact: false,
      text: 'controlled by the Taliban.\n\nThe Taliban is actively combating ISIS.',
      paragraphs: { firstN: 5, lastN: 6 },
    });
  });

  it('gives the closest passage for a misspelt quote, with its paragraph and edit count', () => {
    const typo = SIGAR.replace('government', 'govenment').replace('Afghanistan', 'Afganistan');
    expect(findQuote(BODY, typo)).toEqual({
      found: false,
      closest: { text: SIGAR, n: 5, errors: 2 },
    });
  });

  it('gives the closest passage for a long misspelt quote, found by its head and tail', () => {
    const p11 = BODY[10]!.text; // 434 characters
    const typo = p11.replace('significantly', 'signifcantly').replace('deployed', 'deploid');
    expect(findQuote(BODY, typo)).toEqual({
      found: false,
      closest: { text: p11, n: 11, errors: 3 },
    });
  });

  it('gives the closest passage up to one edit in three, and none beyond', () => {
    // 64 characters: 21 edits.
    const garble = (edits: number): string =>
      [...SIGAR].map((c, i) => (i % 3 === 0 && i < 3 * edits ? '#' : c)).join('');
    expect(findQuote(BODY, garble(21))).toMatchObject({ closest: { text: SIGAR, errors: 21 } });
    expect(findQuote(BODY, garble(22))).toEqual({ found: false, closest: null });
  });

  it('gives no closest passage for words that are not in the article', () => {
    expect(findQuote(BODY, 'Purple elephants juggle marmalade on quiet Tuesdays')).toEqual({
      found: false,
      closest: null,
    });
  });

  it('finds nothing for an empty quote, and refuses one over 20,000 characters unsearched', () => {
    for (const quote of ['', ' \n\t\u00a0 '])
      expect(findQuote(BODY, quote)).toEqual({ found: false, closest: null });
    expect(findQuote(BODY, `${SIGAR} `.repeat(400))).toEqual({ found: false, closest: null });
    expect(searches).toEqual([]);
  });

  it('treats HTML in a quote as plain text', () => {
    const body = [
      { n: 1, id: 'p-1', text: 'It printed <b>bold</b> &amp; <script>x()</script> raw.' },
    ];
    expect(findQuote(body, '<b>bold</b> &amp; <script>')).toMatchObject({ found: true, start: 11 });
    expect(findQuote(body, '<b>bold</b> & <script>')).toMatchObject({ found: false });
  });

  it('returns on a million-character run of one letter, asking the matcher for few matches', () => {
    const body = [{ n: 1, id: 'p-1', text: 'a'.repeat(1_000_000) }];
    const quote = `${'a'.repeat(9_999)}b${'a'.repeat(10_000)}`;
    expect(findQuote(body, quote)).toMatchObject({ found: false, closest: { n: 1, errors: 1 } });
    expect(searches.reduce((sum, s) => sum + s.found, 0)).toBeLessThan(20_000);
  });
});

describe('editDistance', () => {
  it('counts the edits between two whole strings', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance(SIGAR, SIGAR.replace('only ', ''), 10)).toBe(5);
    expect(editDistance('', 'abc', 5)).toBe(3);
  });

  it('counts the whole of the text, not its best part', () => {
    expect(editDistance('xxxxabc', 'abc', 5)).toBe(4);
    expect(editDistance('abcxxxx', 'abc', 5)).toBe(4);
    expect(editDistance('ab xyz cd', 'ab cd', 3)).toBe(null);
  });

  it('says null when the edits exceed the bound', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(null);
    expect(editDistance(TEXT, TEXT.replace('intensely', 'strongly'), 32)).toBe(6);
    expect(editDistance(TEXT, TEXT.replace('intensely', 'strongly'), 5)).toBe(null);
  });
});

describe('approxCandidates', () => {
  const anchorBudget = (length: number): number => Math.min(32, Math.floor(length / 8));
  const unranked = (): number => 0;

  it('finds a 20,000-character pattern by its first and last 64 characters', () => {
    // A long report: the reference article 25 times in numbered sections, 117,000 characters.
    const long = Array.from({ length: 25 }, (_, k) =>
      BODY.map((p) => ({ n: k * 15 + p.n, id: `${p.id}-${k}`, text: `${k + 1}.${p.n} ${p.text}` })),
    ).flat();
    const text = foldLoosely(displayText(long).text).text;
    const start = text.indexOf('2.1 ISIS');
    const pattern = text.slice(start, start + 20_000).replace('4.8 A major', '4.8 A large');
    const found = approxCandidates(text, pattern, anchorBudget, start, unranked);
    expect(found).toEqual([{ start, end: start + 20_000, errors: 4 }]);
    // The whole pattern is never run over the whole text.
    expect(searches.some((s) => s.pattern === 64)).toBe(true);
    expect(searches.filter((s) => s.pattern > 256 && s.text > 1.25 * s.pattern)).toEqual([]);
  });

  it('keeps only the matches with the fewest edits, though a worse one is nearer', () => {
    // 13,000 characters of the article without paragraph 5: several chunks.
    const filler = displayText(BODY.filter((p) => p.n !== 5)).text.repeat(3);
    const variant = SIGAR.replace('only', 'oily');
    const text = `${SIGAR} ${filler} ${variant} ${filler} ${SIGAR}`;
    const pattern = SIGAR.replace('56-57', '56-58'); // 1 edit from SIGAR, 2 from the variant
    const found = approxCandidates(text, pattern, anchorBudget, text.indexOf(variant), unranked);
    expect(found.map((m) => [m.errors, m.start])).toEqual([
      [1, 0],
      [1, text.length - SIGAR.length],
    ]);
  });

  it('asks the matcher for few matches on a million-character run of one letter', () => {
    const text = 'a'.repeat(1_000_000);
    const pattern = `${'a'.repeat(128)}b${'a'.repeat(127)}`;
    expect(approxCandidates(text, pattern, anchorBudget, 500_000, unranked).length).toBeGreaterThan(
      0,
    );
    // One search over the whole text would report a match at almost every offset.
    expect(searches.reduce((sum, s) => sum + s.found, 0)).toBeLessThan(20_000);
  });
});
