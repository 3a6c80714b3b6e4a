import { describe, expect, it } from 'vitest';
import {
  appendAligned,
  appendLines,
  documentProblems,
  SpanBuilder,
  sourceRangeOf,
  type AlignOptions,
} from './spans.ts';
import type { Block, SourceDocument, Span } from './types.ts';

/** Display text, spans and the source piece each span stands for, for readable assertions. */
function aligned(
  source: string,
  value: string,
  options: AlignOptions,
  start = 0,
  end = source.length,
) {
  const b = new SpanBuilder(source);
  appendAligned(b, value, start, end, options);
  const text = b.text();
  return {
    text,
    spans: b.spans,
    pieces: b.spans.map((s) => [
      text.slice(s.text, s.text + s.textLength),
      source.slice(s.source, s.source + s.sourceLength),
    ]),
  };
}

function expectVerbatimExact(text: string, source: string, spans: readonly Span[]): void {
  for (const s of spans) {
    if (s.textLength !== s.sourceLength) continue;
    expect(text.slice(s.text, s.text + s.textLength)).toBe(
      source.slice(s.source, s.source + s.sourceLength),
    );
  }
}

describe('SpanBuilder', () => {
  it('joins contiguous verbatim pieces into one span and keeps synthetic text unmapped', () => {
    const source = 'Hello world, again';
    const b = new SpanBuilder(source);
    b.verbatim(0, 5);
    b.verbatim(5, 11);
    b.synthetic(' |');
    b.verbatim(12, 18);
    expect(b.text()).toBe('Hello world | again');
    expect(b.spans).toEqual([
      { text: 0, textLength: 11, source: 0, sourceLength: 11 },
      { text: 13, textLength: 6, source: 12, sourceLength: 6 },
    ]);
  });

  it('records a rewritten piece as a whole, and never lets one pass for a verbatim copy', () => {
    const source = 'a &amp; b XY';
    const b = new SpanBuilder(source);
    b.rewritten('&', 2, 7);
    expect(b.spans).toEqual([{ text: 0, textLength: 1, source: 2, sourceLength: 5 }]);
    // Same length and same characters: really verbatim.
    b.rewritten('XY', 10, 12);
    expect(b.spans[1]).toEqual({ text: 1, textLength: 2, source: 10, sourceLength: 2 });
    // Same length, different characters: cannot be told apart from a copy, so left unmapped.
    b.rewritten('xy', 10, 12);
    expect(b.spans).toHaveLength(2);
    expect(b.text()).toBe('&XYxy');
  });

  it('trims a segment and cuts its spans and marks to match', () => {
    const source = '  \u00a0Some *text*  ';
    const b = new SpanBuilder(source);
    b.synthetic('A');
    const at = b.checkpoint();
    b.verbatim(0, 8);
    b.rewritten('text', 8, 14);
    b.mark('emphasis', 9, 13);
    b.verbatim(14, 16);
    expect(b.trimSince(at)).toBe(9);
    expect(b.text()).toBe('ASome text');
    expect(b.spans).toEqual([
      { text: 1, textLength: 5, source: 3, sourceLength: 5 },
      { text: 6, textLength: 4, source: 8, sourceLength: 6 },
    ]);
    expect(b.marks).toEqual([{ type: 'emphasis', start: 6, end: 10 }]);
  });

  it('rolls back to a checkpoint', () => {
    const b = new SpanBuilder('abc');
    b.verbatim(0, 1);
    const at = b.checkpoint();
    b.synthetic('\n\n');
    b.verbatim(1, 3);
    b.mark('strong', 3, 5);
    b.truncate(at);
    expect(b.text()).toBe('a');
    expect(b.spans).toHaveLength(1);
    expect(b.marks).toHaveLength(0);
    expect(b.length).toBe(1);
  });
});

describe('appendAligned', () => {
  const markdown: AlignOptions = { escapes: true, references: true, linePrefixes: true };

  it('maps a value equal to its source as one verbatim span', () => {
    const r = aligned('plain words', 'plain words', markdown);
    expect(r.spans).toEqual([{ text: 0, textLength: 11, source: 0, sourceLength: 11 }]);
  });

  it('rewrites only the escaped characters', () => {
    const r = aligned('2 \\* 3 = 6\\_', '2 * 3 = 6_', markdown);
    expect(r.pieces).toEqual([
      ['2 ', '2 '],
      ['*', '\\*'],
      [' 3 = 6', ' 3 = 6'],
      ['_', '\\_'],
    ]);
  });

  it('rewrites character references, named, decimal, hex, astral and two-character ones', () => {
    const source = 'A&amp;B &#169; &#x1F600; &fjlig;ord &bogus; end';
    const r = aligned(source, 'A&B © 😀 fjord &bogus; end', markdown);
    expect(r.text).toBe('A&B © 😀 fjord &bogus; end');
    expect(r.pieces).toContainEqual(['&', '&amp;']);
    expect(r.pieces).toContainEqual(['©', '&#169;']);
    expect(r.pieces).toContainEqual(['😀', '&#x1F600;']);
    expect(r.pieces).toContainEqual(['fj', '&fjlig;']);
    expect(r.pieces).toContainEqual(['ord &bogus; end', 'ord &bogus; end']);
  });

  it('drops container prefixes and trailing spaces around soft line breaks', () => {
    const source = '> first line  \n>   second &amp; line\n> third';
    const r = aligned(source, 'first line\nsecond & line\nthird', markdown, 2);
    expect(r.pieces).toEqual([
      ['first line', 'first line'],
      ['\n', '\n'],
      ['second ', 'second '],
      ['&', '&amp;'],
      [' line\n', ' line\n'],
      ['third', 'third'],
    ]);
    expectVerbatimExact(r.text, source, r.spans);
  });

  it('keeps a CRLF line ending verbatim and rewrites a changed one', () => {
    expect(aligned('a\r\nb', 'a\r\nb', markdown).spans).toHaveLength(1);
    const r = aligned('a\r\nb', 'a\nb', markdown);
    expect(r.pieces).toEqual([
      ['a', 'a'],
      ['\n', '\r\n'],
      ['b', 'b'],
    ]);
  });

  it('shows a source line ending as a space when allowed', () => {
    const r = aligned('`a\n> b`', 'a b', { linePrefixes: true, lineEndingAsSpace: true }, 1, 6);
    // A one-character piece standing for a different character cannot be told from a copy:
    // the space stays unmapped.
    expect(r.pieces).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
    expect(r.text).toBe('a b');
    expectVerbatimExact(r.text, '`a\n> b`', r.spans);
  });

  it('does not collapse a no-break space into the whitespace around it', () => {
    const r = aligned('a\u00a0 b', 'a\u00a0 b', { collapseWhitespace: true });
    expect(r.spans).toEqual([{ text: 0, textLength: 4, source: 0, sourceLength: 4 }]);
  });

  it('collapses whitespace runs when asked (HTML text)', () => {
    const source = 'one \n\t two&nbsp;three';
    const r = aligned(source, 'one two\u00a0three', { collapseWhitespace: true, references: true });
    expect(r.pieces).toEqual([
      ['one', 'one'],
      [' ', ' \n\t '],
      ['two', 'two'],
      ['\u00a0', '&nbsp;'],
      ['three', 'three'],
    ]);
  });

  it('falls back to one rewritten piece per line and keeps the common tail verbatim', () => {
    const source = '*a* and b';
    const r = aligned(source, 'a and b', {});
    expect(r.pieces).toEqual([
      ['a', '*a*'],
      [' and b', ' and b'],
    ]);
  });

  it('leaves display text beyond the source unmapped', () => {
    const r = aligned('ab', 'abc', {});
    expect(r.text).toBe('abc');
    expect(r.spans).toEqual([{ text: 0, textLength: 2, source: 0, sourceLength: 2 }]);
  });
});

describe('appendLines', () => {
  it('maps each code line to the end of its source line', () => {
    const source = '> ```\n> x = 1\n>     y\n> ```';
    const b = new SpanBuilder(source);
    appendLines(b, 'x = 1\n    y', 6, source.length);
    expect(b.text()).toBe('x = 1\n    y');
    expect(b.spans).toEqual([
      { text: 0, textLength: 6, source: 8, sourceLength: 6 },
      { text: 6, textLength: 5, source: 16, sourceLength: 5 },
    ]);
  });

  it('rewrites a line whose indentation was a tab', () => {
    const source = '-\tfoo\n\t  bar';
    const b = new SpanBuilder(source);
    appendLines(b, '  bar', 6, source.length);
    expect(b.spans).toEqual([{ text: 0, textLength: 5, source: 7, sourceLength: 5 }]);
    const c = new SpanBuilder('\tbar');
    appendLines(c, '  bar', 0, 4);
    expect(c.spans).toEqual([{ text: 0, textLength: 5, source: 0, sourceLength: 4 }]);
  });
});

describe('sourceRangeOf', () => {
  // "Tom &amp; Jerry\n> are *here*" read as "Tom & Jerry\nare here"
  const source = 'Tom &amp; Jerry\n> are *here*';
  const block: Pick<Block, 'spans' | 'start' | 'end'> = {
    start: 0,
    end: source.length,
    spans: [
      { text: 0, textLength: 4, source: 0, sourceLength: 4 },
      { text: 4, textLength: 1, source: 4, sourceLength: 5 },
      { text: 5, textLength: 7, source: 9, sourceLength: 7 },
      { text: 12, textLength: 4, source: 18, sourceLength: 4 },
      { text: 16, textLength: 4, source: 23, sourceLength: 4 },
    ],
  };

  it('is exact inside verbatim spans', () => {
    expect(sourceRangeOf(block, 0, 3)).toEqual({ start: 0, end: 3 });
    expect(sourceRangeOf(block, 6, 11)).toEqual({ start: 10, end: 15 });
    expect(sourceRangeOf(block, 16, 20)).toEqual({ start: 23, end: 27 });
    expect(sourceRangeOf(block, 13, 18)).toEqual({ start: 19, end: 25 });
  });

  it('widens to whole rewritten pieces', () => {
    expect(sourceRangeOf(block, 4, 5)).toEqual({ start: 4, end: 9 });
    expect(sourceRangeOf(block, 2, 6)).toEqual({ start: 2, end: 10 });
  });

  it('maps synthetic text to an empty range where the next mapped text begins', () => {
    const gap: Pick<Block, 'spans' | 'start' | 'end'> = {
      start: 0,
      end: 10,
      spans: [
        { text: 0, textLength: 2, source: 0, sourceLength: 2 },
        { text: 4, textLength: 2, source: 6, sourceLength: 2 },
      ],
    };
    expect(sourceRangeOf(gap, 2, 4)).toEqual({ start: 6, end: 6 });
    expect(sourceRangeOf(gap, 1, 1)).toEqual({ start: 1, end: 1 });
    expect(sourceRangeOf(gap, 6, 8)).toEqual({ start: 8, end: 8 });
  });
});

describe('documentProblems', () => {
  const doc = (blocks: Block[]): SourceDocument => ({
    format: 'text',
    source: 'abc def',
    blocks,
    stated: {},
  });
  const block = (over: Partial<Block>): Block => ({
    kind: 'paragraph',
    text: 'abc',
    marks: [],
    start: 0,
    end: 3,
    spans: [{ text: 0, textLength: 3, source: 0, sourceLength: 3 }],
    ...over,
  });

  it('accepts a consistent document', () => {
    expect(documentProblems(doc([block({})]))).toEqual([]);
  });

  it('reports a verbatim span whose characters differ, and blocks out of range or order', () => {
    expect(documentProblems(doc([block({ text: 'abd' })]))).toHaveLength(1);
    expect(documentProblems(doc([block({ end: 99 })])).join()).toMatch(/outside the source/);
    expect(
      documentProblems(doc([block({ start: 4, end: 7, spans: [] }), block({})])).join(),
    ).toMatch(/before the previous block/);
    expect(
      documentProblems(doc([block({ marks: [{ type: 'strong', start: 1, end: 9 }] })])).join(),
    ).toMatch(/strong mark/);
  });
});
