import { describe, expect, it } from 'vitest';
import type { Mark } from '../../../src-core/article/document/types.ts';
import type { Heading, Paragraph } from '../../../src-core/article/model.ts';
import {
  bodyEntries,
  estimateHeight,
  FULL_RENDER_LIMIT,
  isLongBody,
  paragraphIndexes,
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
  entries.map((e) =>
    e.type === 'heading'
      ? `${e.tag}:${e.heading.text}`
      : e.type === 'figure'
        ? `fig:${e.image.id}`
        : `p${e.paragraph.n}`,
  );

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

describe('long bodies', () => {
  const many = (count: number) => Array.from({ length: count }, (_, i) => para(i + 1));

  it('keys every item uniquely, even paragraphs that share an id', () => {
    const twin = { ...para(2), id: 'p1' };
    const entries = bodyEntries([para(1), twin, para(3)], [heading('H', 2, 1)]);
    const keys = entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe('p1');
  });

  it('finds each paragraph number among headings (and later figures) between them', () => {
    const entries = bodyEntries(many(4), [heading('A', 2, 0), heading('B', 2, 2)]);
    const index = paragraphIndexes(entries);
    expect([1, 2, 3, 4].map((n) => index.get(n))).toEqual([1, 2, 4, 5]);
    expect(index.get(5)).toBeUndefined();
  });

  it('renders short bodies whole and virtualizes long ones, by items or by text', () => {
    expect(isLongBody(bodyEntries(many(15), []))).toBe(false);
    expect(isLongBody(bodyEntries(many(FULL_RENDER_LIMIT.items), []))).toBe(false);
    expect(isLongBody(bodyEntries(many(FULL_RENDER_LIMIT.items + 1), []))).toBe(true);
    const huge = { ...para(1), text: 'x'.repeat(FULL_RENDER_LIMIT.chars + 1) };
    expect(isLongBody(bodyEntries([huge], []))).toBe(true);
  });

  it('copes with tens of thousands of paragraphs and headings (no spread into Math.min)', () => {
    const body = many(50_000);
    const headings = body.map((p) => heading(`H${p.n}`, 2 + (p.n % 2), p.n - 1));
    headings.push(...headings);
    headings.push(...headings);
    const entries = bodyEntries(body, headings);
    expect(entries).toHaveLength(250_000);
    expect(entries[0]).toMatchObject({ type: 'heading', tag: 'h3' });
    expect(entries.at(-1)).toMatchObject({ type: 'paragraph' });
    expect(paragraphIndexes(entries).get(50_000)).toBe(249_999);
  });

  it('estimates heights from the text: one line at least, more for long and broken text', () => {
    const metrics = { charsPerLine: 80, lineHeight: 30 };
    const [short] = bodyEntries([{ ...para(1), text: 'Short.' }], []);
    const [long] = bodyEntries([{ ...para(1), text: 'x'.repeat(200) }], []);
    const [lines] = bodyEntries([{ ...para(1), text: 'a\nb\n\nc', kind: 'preformatted' }], []);
    const [title] = bodyEntries([], [heading('H', 2, 0)]);
    expect(estimateHeight(short!, metrics)).toBe(30);
    expect(estimateHeight(long!, metrics)).toBe(90);
    expect(estimateHeight(lines!, metrics)).toBe(4 * 30 + 20);
    expect(estimateHeight(title!, metrics)).toBeGreaterThan(30);
  });
});

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
