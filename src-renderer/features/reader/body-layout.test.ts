import { describe, expect, it } from 'vitest';
import type { Mark } from '../../../src-core/article/document/types.ts';
import type { Heading, Paragraph } from '../../../src-core/article/model.ts';
import {
  bodyEntries,
  fallbackItems,
  inlineTree,
  listTree,
  splitBlocks,
  tableRows,
  type InlineNode,
  type ListNode,
} from './body-layout.ts';

const para = (n: number): Paragraph => ({
  n,
  id: `p${n}`,
  text: `Paragraph ${n}.`,
  start: n * 100,
  end: n * 100 + 12,
  kind: 'prose',
  spans: [],
});
const heading = (text: string, level: number, before: number): Heading => ({
  text,
  level,
  before,
  start: before * 100 + 50,
  end: before * 100 + 60,
});
const shape = (entries: ReturnType<typeof bodyEntries>) =>
  entries.map((e) => (e.type === 'heading' ? `${e.tag}:${e.heading.text}` : `p${e.paragraph.n}`));

describe('bodyEntries', () => {
  it('places each heading before paragraph before + 1, and trailing ones at the end', () => {
    const body = [para(1), para(2), para(3)];
    const headings = [heading('Intro', 2, 0), heading('Middle', 2, 2), heading('After', 2, 3)];
    expect(shape(bodyEntries(body, headings))).toEqual([
      'h2:Intro',
      'p1',
      'p2',
      'h2:Middle',
      'p3',
      'h2:After',
    ]);
  });

  it('makes the shallowest level h2, deeper ones h3 and h4 at most', () => {
    const headings = [
      heading('A', 1, 0),
      heading('B', 2, 1),
      heading('C', 3, 1),
      heading('D', 6, 1),
    ];
    expect(shape(bodyEntries([para(1), para(2)], headings))).toEqual([
      'h2:A',
      'p1',
      'h3:B',
      'h4:C',
      'h4:D',
      'p2',
    ]);
  });

  it('keeps headings in their order and copes with no headings (old records)', () => {
    const headings = [heading('Second', 3, 1), heading('First', 2, 1)];
    expect(shape(bodyEntries([para(1), para(2)], headings))).toEqual([
      'p1',
      'h3:Second',
      'h2:First',
      'p2',
    ]);
    expect(shape(bodyEntries([para(1)], undefined))).toEqual(['p1']);
    expect(shape(bodyEntries([], [heading('Only', 2, 5)]))).toEqual(['h2:Only']);
  });
});

/** `text` of each node, nested as [own text, [children]]. */
function showList(text: string, nodes: ListNode[]): unknown[] {
  return nodes.map((node) => {
    const own = node.parts.map((p) => text.slice(p.start, p.end)).join(' | ');
    return node.children.length ? [own, showList(text, node.children)] : own;
  });
}

describe('listTree', () => {
  it('nests items by depth (Markdown: each item holds its own text only)', () => {
    const text = 'one bold\nnested link\nnested two\ntwo';
    const items = [
      { start: 0, end: 8, depth: 0 },
      { start: 9, end: 20, depth: 1 },
      { start: 21, end: 31, depth: 1 },
      { start: 32, end: 35, depth: 0 },
    ];
    expect(showList(text, listTree(text, items))).toEqual([
      ['one bold', ['nested link', 'nested two']],
      'two',
    ]);
  });

  it('nests items by containment (HTML: an item range holds its sub-items)', () => {
    const text = 'one\nnested\ntwo';
    const items = [
      { start: 0, end: 11, depth: 0 },
      { start: 4, end: 10, depth: 0 },
      { start: 11, end: 14, depth: 0 },
    ];
    expect(showList(text, listTree(text, items))).toEqual([['one', ['nested']], 'two']);
  });

  it('splits an old record without items on line breaks, dropping bullets', () => {
    const text = '- first item\n* second [x]\n\n3. third';
    expect(fallbackItems(text).map((i) => text.slice(i.start, i.end))).toEqual([
      'first item',
      'second [x]',
      'third',
    ]);
    expect(showList(text, listTree(text, undefined))).toEqual([
      'first item',
      'second [x]',
      'third',
    ]);
    expect(showList('a\nb', listTree('a\nb', []))).toEqual(['a', 'b']);
  });

  it('never reads outside the text, whatever the offsets say', () => {
    const text = 'short';
    expect(showList(text, listTree(text, [{ start: 2, end: 99, depth: 0 }]))).toEqual(['ort']);
  });
});

/** Nodes as a string: text as is, marks as <type>…</type>. */
function showInline(text: string, nodes: InlineNode[]): string {
  return nodes
    .map((n) =>
      n.type === 'text'
        ? text.slice(n.start, n.end)
        : `<${n.mark.type}>${showInline(text, n.children)}</${n.mark.type}>`,
    )
    .join('');
}

describe('inlineTree', () => {
  const text = 'Read the council plan now, please.';
  const link: Mark = { type: 'link', start: 9, end: 21, href: 'https://x.example/plan' };

  it('returns the plain range when there are no marks', () => {
    expect(inlineTree({ start: 0, end: text.length }, undefined)).toEqual([
      { type: 'text', start: 0, end: text.length },
    ]);
  });

  it('nests marks as written', () => {
    const strong: Mark = { type: 'strong', start: 17, end: 21 };
    expect(showInline(text, inlineTree({ start: 0, end: text.length }, [strong, link]))).toBe(
      'Read the <link>council <strong>plan</strong></link> now, please.',
    );
  });

  it('splits crossing marks and clips marks to the range', () => {
    const emphasis: Mark = { type: 'emphasis', start: 17, end: 25 };
    expect(showInline(text, inlineTree({ start: 0, end: text.length }, [link, emphasis]))).toBe(
      'Read the <link>council <emphasis>plan</emphasis></link><emphasis> now</emphasis>, please.',
    );
    expect(showInline(text, inlineTree({ start: 13, end: 25 }, [link]))).toBe(
      '<link>cil plan</link> now',
    );
  });

  it('puts a link outside emphasis over the same text', () => {
    const emphasis: Mark = { type: 'emphasis', start: 9, end: 21 };
    expect(showInline(text, inlineTree({ start: 9, end: 21 }, [emphasis, link]))).toBe(
      '<link><emphasis>council plan</emphasis></link>',
    );
  });
});

describe('splitBlocks and tableRows', () => {
  it('splits a quote of several paragraphs at blank lines', () => {
    const text = 'First part.\n\nSecond part.\n \nThird.';
    expect(
      splitBlocks(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end)),
    ).toEqual(['First part.', 'Second part.', 'Third.']);
  });

  it('reads tab-separated rows as a table, anything else as text', () => {
    expect(tableRows('h1\th2\na\tb')).toEqual([
      ['h1', 'h2'],
      ['a', 'b'],
    ]);
    expect(tableRows('a\nb\nc')).toBeNull();
  });
});
