import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutations } from '../../testing/arbitraries.ts';
import { readFixture } from '../../testing/fixtures.ts';
import { documentProblems } from './spans.ts';
import { isDecoration, textDocument } from './text.ts';
import type { SourceDocument } from './types.ts';

const REFERENCE = readFixture('000_bfa7ac14e5553cb7.txt');

function expectSound(doc: SourceDocument): void {
  expect(documentProblems(doc)).toEqual([]);
}

describe('textDocument', () => {
  it('splits at blank lines and trims each line, keeping exact ranges', () => {
    const source = '\n  Title line  \n\n\tFirst line\n   second line \t\n \t \nLast\n';
    const doc = textDocument(source);
    expect(doc.format).toBe('text');
    expect(doc.stated).toEqual({});
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'Title line',
      'First line\nsecond line',
      'Last',
    ]);
    const [title, body, last] = doc.blocks;
    expect(source.slice(title!.start, title!.end)).toBe('Title line');
    expect(source.slice(body!.start, body!.end)).toBe('First line\n   second line');
    expect(body!.spans).toEqual([
      { text: 0, textLength: 10, source: 18, sourceLength: 10 },
      { text: 11, textLength: 11, source: 32, sourceLength: 11 },
    ]);
    expect(source.slice(last!.start, last!.end)).toBe('Last');
    expectSound(doc);
  });

  it('reads CRLF and lone CR line endings', () => {
    const doc = textDocument('one\r\ntwo\r\n\r\nthree\rfour\r\rfive');
    expect(doc.blocks.map((b) => b.text)).toEqual(['one\ntwo', 'three\nfour', 'five']);
    expectSound(doc);
  });

  it('treats Unicode spaces and a byte order mark as blank', () => {
    const doc = textDocument('\uFEFFHello\n\u00a0\u3000\n\u2003World\u00a0');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Hello', 'World']);
    expect(doc.blocks[0]!.start).toBe(1);
    expectSound(doc);
  });

  it('marks decoration-only blocks as separators', () => {
    const doc = textDocument(
      'Before\n\n*\n\n* * *\n\n---\n\n• • •\n\n~~~\n\n* not a rule\n\nAfter',
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'separator',
      'separator',
      'separator',
      'separator',
      'separator',
      'paragraph',
      'paragraph',
    ]);
    expect(doc.blocks[2]!.text).toBe('* * *');
  });

  it('interprets no Markdown at all', () => {
    const source =
      '# Heading\n\n**Bold** and [a link](https://example.org) &amp; <b>tags</b>\n\n- item';
    const doc = textDocument(source);
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', '# Heading'],
      ['paragraph', '**Bold** and [a link](https://example.org) &amp; <b>tags</b>'],
      ['paragraph', '- item'],
    ]);
    expect(doc.blocks.every((b) => b.marks.length === 0)).toBe(true);
  });

  it('reads nothing from empty or blank input', () => {
    expect(textDocument('').blocks).toEqual([]);
    expect(textDocument(' \n\t\r\n ').blocks).toEqual([]);
  });

  it('reads the reference article into its paragraphs, with the lone asterisk as a separator', () => {
    const doc = textDocument(REFERENCE);
    expectSound(doc);
    expect(doc.blocks).toHaveLength(32);
    expect(doc.blocks.map((b) => b.kind).filter((k) => k !== 'paragraph')).toEqual(['separator']);
    expect(doc.blocks[24]).toMatchObject({ kind: 'separator', text: '*' });
    expect(doc.blocks.slice(0, 4).map((b) => b.text)).toEqual([
      'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
      'By [South Front](#)',
      'Global Research, August 15, 2018',
      '[South Front](#)',
    ]);
    expect(doc.blocks[26]!.text).toBe(
      'The original source of this article is [South Front](#)\nCopyright © [South Front](#), [South Front](#), 2018',
    );
    expect(doc.blocks.at(-1)!.text).toBe('For media inquiries: publications@globalresearch.ca');
    // Every character of every block is a verbatim copy except the line breaks between lines.
    for (const block of doc.blocks) {
      const mapped = block.spans.reduce((n, s) => n + s.textLength, 0);
      expect(mapped).toBe(block.text.length - (block.text.split('\n').length - 1));
    }
  });

  it.each(['[', '*', '-', ' ', '\t', '\r', 'a'])('finishes on a 1 MB line of %j', (ch) => {
    const source = ch.repeat(1 << 20);
    const doc = textDocument(source);
    expect(doc.blocks.length).toBeLessThanOrEqual(1);
    expectSound(doc);
  });

  it('keeps its promises on any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (source) => {
        const doc = textDocument(source);
        expect(documentProblems(doc)).toEqual([]);
        for (const block of doc.blocks) {
          expect(block.text).toBe(block.text.trim());
          expect(block.text).not.toBe('');
          expect(block.text).not.toMatch(/\n\s*\n/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps its promises on mutations of the reference article', () => {
    fc.assert(
      fc.property(mutations(REFERENCE), (source) => {
        expect(documentProblems(textDocument(source))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('isDecoration', () => {
  it('accepts rules and asterisms, and nothing with words or digits', () => {
    for (const s of ['*', '***', '- - -', '• • •', '⁂', '§', '~~~', '. . .', '＊ ＊ ＊']) {
      expect(isDecoration(s)).toBe(true);
    }
    for (const s of ['', '   ', '* a', '1.', '--x', 'o0o', '->'])
      expect(isDecoration(s)).toBe(false);
  });
});
