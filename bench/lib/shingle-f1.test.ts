import { describe, expect, it } from 'vitest';
import { aggregate, pythonMean, scorePage, shingles, tokenize } from './shingle-f1.ts';

// Expectations are worked out by hand from the definition in
// ../shared/corpora/article-extraction/README.md (and checked against Python's `re`).

describe('tokenize', () => {
  it('splits on an apostrophe and keeps case', () => {
    expect(tokenize('Don’t stop')).toEqual(['Don', 't', 'stop']);
  });

  it('keeps a run of CJK characters as one token, up to punctuation', () => {
    expect(tokenize('東京は晴れです。明日も')).toEqual(['東京は晴れです', '明日も']);
  });

  it('treats combining marks as separators, like Python', () => {
    expect(tokenize('cafe\u0301 noir')).toEqual(['cafe', 'noir']);
  });

  it('counts digits of any kind and underscores as word characters', () => {
    expect(tokenize('x_1, ①² — 42%')).toEqual(['x_1', '①²', '42']);
  });
});

describe('shingles', () => {
  it('slides a 4-token window', () => {
    expect([...shingles(['a', 'b', 'c', 'd', 'e']).keys()]).toEqual(['a b c d', 'b c d e']);
  });

  it('makes one shingle of 1 to 3 tokens and none of 0', () => {
    expect([...shingles(['a', 'b', 'c'])]).toEqual([['a b c', 1]]);
    expect([...shingles(['a'])]).toEqual([['a', 1]]);
    expect(shingles([]).size).toBe(0);
  });
});

describe('scorePage', () => {
  it('gives 1/1 and an exact match for identical texts', () => {
    const s = scorePage('The quick brown fox jumps.', 'The quick brown fox jumps.');
    expect(s).toMatchObject({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1, exact: true });
  });

  it('ignores whitespace and punctuation for exactness', () => {
    expect(scorePage('One, two; three.\n\nFour five', 'One two three Four five').exact).toBe(true);
  });

  it('leaves an empty prediction out of precision and gives it recall 0', () => {
    const s = scorePage('a b c d e', '');
    expect(s).toMatchObject({ tp: 0, fp: 0, fn: 2, precision: null, recall: 0, exact: false });
  });

  it('compares short texts as one shingle', () => {
    expect(scorePage('Hello world', 'Hello world!')).toMatchObject({ precision: 1, recall: 1 });
    // 'Hello there world' is a different single shingle: nothing matches.
    expect(scorePage('Hello world', 'Hello there world')).toMatchObject({
      tp: 0,
      fp: 1,
      fn: 1,
      precision: 0,
      recall: 0,
    });
  });

  it('is case sensitive', () => {
    expect(scorePage('Hello world', 'hello world')).toMatchObject({ precision: 0, recall: 0 });
  });

  it('counts repeated text as a multiset', () => {
    // Truth: 1 shingle. Prediction (8 tokens): 5 shingles, 'one two three four' twice.
    const s = scorePage('one two three four', 'one two three four one two three four');
    expect(s).toMatchObject({ tp: 1, fp: 4, fn: 0, recall: 1 });
    expect(s.precision).toBeCloseTo(0.2, 15);
  });

  it('scores a partial prediction', () => {
    // Truth shingles: abcd bcde cdef defg. Prediction: abcd bcde, both right.
    const s = scorePage('a b c d e f g', 'a b c d e');
    expect(s).toMatchObject({ tp: 2, fp: 0, fn: 2, precision: 1, recall: 0.5, exact: false });
  });
});

describe('aggregate', () => {
  it('macro-averages precision and recall, then takes their harmonic mean', () => {
    const pages = [
      scorePage('a b c d', 'a b c d'), // P 1, R 1, exact
      scorePage('a b c d e f g', 'a b c d e'), // P 1, R 0.5
      scorePage('x y z w', ''), // P left out, R 0
    ];
    const result = aggregate(pages);
    expect(result.precision).toBe(1); // (1 + 1) / 2
    expect(result.recall).toBe(0.5); // (1 + 0.5 + 0) / 3
    expect(result.f1).toBeCloseTo(2 / 3, 15); // 2·1·0.5 / 1.5
    // The mean of page F1 values would be (1 + 2/3 + 0) / 3 ≈ 0.556: not what upstream reports.
    expect(result.f1).not.toBeCloseTo((1 + 2 / 3 + 0) / 3, 2);
    expect(result.accuracy).toBeCloseTo(1 / 3, 15);
    expect(result).toMatchObject({ precisionPages: 2, recallPages: 3, pages: 3 });
  });
});

describe('pythonMean', () => {
  it('rounds once, like statistics.mean, where a running sum would not', () => {
    expect((0.1 + 0.2 + 0.3) / 3).toBe(0.20000000000000004);
    expect(pythonMean([0.1, 0.2, 0.3])).toBe(0.2);
  });

  it('is exact on simple values', () => {
    expect(pythonMean([1, 0.5, 0])).toBe(0.5);
    expect(pythonMean([1 / 3])).toBe(1 / 3);
    expect(pythonMean([])).toBe(0);
  });
});
