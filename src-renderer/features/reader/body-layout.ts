import type { ListItem, Mark } from '../../../src-core/article/document/types.ts';
import type { CapturedImage, Heading, Paragraph } from '../../../src-core/article/model.ts';

/**
 * Pure layout of the article body for the reader: where the section headings go among the
 * numbered paragraphs, how list items nest and how inline marks (links, emphasis…) nest over
 * the plain display text. Everything here works on offsets into display text; the components
 * turn the result into React text nodes and elements, never into markup.
 */

export type HeadingTag = 'h2' | 'h3' | 'h4';

/**
 * One item of the body in reading order. Headings (and, later, figures) sit between the
 * numbered paragraphs; every kind has a `key` unique in the article, so a list (full or
 * virtualized) can keep each item's element and measured height by it. A new kind is a new
 * member here, a case in `BodyItem` and, when it is placed by `before`, a source in
 * `bodyEntries`.
 */
export type BodyEntry =
  | { type: 'heading'; heading: Heading; tag: HeadingTag; key: string }
  | { type: 'figure'; image: CapturedImage; key: string }
  | { type: 'paragraph'; paragraph: Paragraph; key: string };

/**
 * The paragraphs in order with each heading and figure placed before paragraph `before + 1`
 * (one whose `before` is the number of paragraphs, or more, goes at the end; at the same place
 * headings come first). The shallowest heading level in the article becomes h2 (h1 is the
 * article's title), deeper ones h3 and h4.
 */
export function bodyEntries(
  body: readonly Paragraph[],
  headings: readonly Heading[] | undefined,
  images: readonly CapturedImage[] = [],
): BodyEntry[] {
  const list = headings ?? [];
  // A loop, not Math.min(...): an argument list of tens of thousands overflows the stack.
  let top = Infinity;
  for (const h of list) top = Math.min(top, h.level);
  const tagOf = (level: number): HeadingTag =>
    (['h2', 'h3', 'h4'] as const)[Math.min(Math.max(level - top, 0), 2)]!;
  const placed = list
    .map((heading, i) => ({ heading, i, at: Math.min(Math.max(heading.before, 0), body.length) }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const entries: BodyEntry[] = [];
  let next = 0;
  const figures = images
    .map((image, i) => ({ image, i, at: Math.min(Math.max(image.before, 0), body.length) }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  let nextFigure = 0;
  const headingsBefore = (at: number) => {
    while (next < placed.length && placed[next]!.at <= at) {
      const { heading, i } = placed[next++]!;
      entries.push({
        type: 'heading',
        heading,
        tag: tagOf(heading.level),
        key: `h-${heading.start}-${i}`,
      });
    }
    while (nextFigure < figures.length && figures[nextFigure]!.at <= at) {
      const { image, i } = figures[nextFigure++]!;
      entries.push({ type: 'figure', image, key: `f-${image.id}-${i}` });
    }
  };
  // Paragraph ids are unique within an article (a repeated text gets a counter); the index
  // keeps keys unique even in a record that breaks that promise.
  const seen = new Set<string>();
  body.forEach((paragraph, i) => {
    headingsBefore(i);
    const key = seen.has(paragraph.id) ? `${paragraph.id}@${i}` : paragraph.id;
    seen.add(key);
    entries.push({ type: 'paragraph', paragraph, key });
  });
  headingsBefore(body.length);
  return entries;
}

/** Where each paragraph number sits in `entries` (to jump to "para. n"). */
export function paragraphIndexes(entries: readonly BodyEntry[]): Map<number, number> {
  const indexes = new Map<number, number>();
  entries.forEach((entry, i) => {
    if (entry.type === 'paragraph' && !indexes.has(entry.paragraph.n)) {
      indexes.set(entry.paragraph.n, i);
    }
  });
  return indexes;
}

/**
 * Bodies up to this size are rendered whole, exactly as written; longer ones are virtualized
 * (only the items near the viewport are in the DOM). Rendering and laying out a few hundred
 * items costs tens of milliseconds; tens of thousands cost seconds.
 */
export const FULL_RENDER_LIMIT = { items: 300, chars: 300_000 } as const;

/** Whether a body is long enough to be virtualized (see FULL_RENDER_LIMIT). */
export function isLongBody(entries: readonly BodyEntry[]): boolean {
  if (entries.length > FULL_RENDER_LIMIT.items) return true;
  let chars = 0;
  for (const entry of entries) {
    chars += entryText(entry).length;
    if (chars > FULL_RENDER_LIMIT.chars) return true;
  }
  return false;
}

/** The text an entry shows: a paragraph's, a heading's, a figure's alternative text. */
export function entryText(entry: BodyEntry): string {
  if (entry.type === 'paragraph') return entry.paragraph.text;
  return entry.type === 'heading' ? entry.heading.text : entry.image.alt;
}

/** Sizes of the reader's text, in CSS pixels, for height estimates before an item is measured. */
export interface TextMetrics {
  /** Characters of body text on one line of the column. */
  charsPerLine: number;
  /** Height of one line of body text. */
  lineHeight: number;
}

/**
 * A guess at an item's height before it is rendered: lines of text times the line height.
 * Only a starting point (the list measures each item once it is in the DOM), but a close guess
 * keeps the scroll bar steady and a jump to a far paragraph on target.
 */
export function estimateHeight(
  entry: BodyEntry,
  { charsPerLine, lineHeight }: TextMetrics,
): number {
  if (entry.type === 'heading') return Math.round(lineHeight * 1.9);
  if (entry.type === 'figure') return Math.round(lineHeight * 12);
  const { text, kind } = entry.paragraph;
  let lines = 0;
  for (let at = 0; at <= text.length;) {
    const end = text.indexOf('\n', at);
    const stop = end === -1 ? text.length : end;
    lines += Math.max(1, Math.ceil((stop - at) / charsPerLine));
    at = stop + 1;
  }
  const padding = kind === 'preformatted' || kind === 'table' ? 20 : 0;
  return Math.round(lines * lineHeight + padding);
}

/** A range of display text. */
export interface TextRange {
  start: number;
  end: number;
}

/** One list item: the ranges of text that are its own (not its sub-items'), and its sub-items. */
export interface ListNode extends TextRange {
  parts: TextRange[];
  children: ListNode[];
}

/** "- ", "* ", "• ", "1. ", "2) " at the start of a line of an old record's list text. */
const BULLET = /^[ \t]*(?:[-*+•◦▪‣]|\d{1,3}[.)])[ \t]+/;

/**
 * Items for a list paragraph saved without them (records from before parser version 2): one
 * item per non-blank line, its bullet or number left out.
 */
export function fallbackItems(text: string): ListItem[] {
  const items: ListItem[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const bullet = BULLET.exec(line)?.[0].length ?? 0;
    if (line.trim()) items.push({ start: start + bullet, end: start + line.length, depth: 0 });
    start += line.length + 1;
  }
  return items;
}

/** `range` without leading and trailing blank space (null when nothing else is left). */
function trimRange(text: string, { start, end }: TextRange): TextRange | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/**
 * The items of a list paragraph as a tree. An item is the child of the one before it when it is
 * deeper, or when its range lies inside that item's range (front ends that give an item the
 * text of its sub-items too). Each item's own text is its range minus its sub-items' ranges.
 */
export function listTree(text: string, items: readonly ListItem[] | undefined): ListNode[] {
  const source = items?.length ? items : fallbackItems(text);
  const sorted = source
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.start - b.item.start || b.item.end - a.item.end || a.i - b.i);
  const roots: ListNode[] = [];
  const stack: { node: ListNode; depth: number }[] = [];
  for (const { item } of sorted) {
    const start = Math.max(0, Math.min(item.start, text.length));
    const end = Math.max(start, Math.min(item.end, text.length));
    const node: ListNode = { start, end, parts: [], children: [] };
    const isChildOf = (parent: ListNode, depth: number) =>
      item.depth > depth ||
      (start >= parent.start && end <= parent.end && end - start < parent.end - parent.start);
    while (stack.length && !isChildOf(stack.at(-1)!.node, stack.at(-1)!.depth)) stack.pop();
    const parent = stack.at(-1);
    (parent ? parent.node.children : roots).push(node);
    stack.push({ node, depth: parent ? Math.max(item.depth, parent.depth + 1) : item.depth });
  }
  const fill = (node: ListNode) => {
    let at = node.start;
    for (const child of node.children) {
      if (child.start > at) {
        const own = trimRange(text, { start: at, end: Math.min(child.start, node.end) });
        if (own) node.parts.push(own);
      }
      at = Math.max(at, child.end);
      fill(child);
    }
    if (node.end > at) {
      const own = trimRange(text, { start: at, end: node.end });
      if (own) node.parts.push(own);
    }
  };
  roots.forEach(fill);
  return roots;
}

/** Display text with its inline marks, nested: plain runs and marked runs holding more. */
export type InlineNode =
  | { type: 'text'; start: number; end: number }
  | { type: 'mark'; mark: Mark; start: number; end: number; children: InlineNode[] };

const MARK_ORDER: Record<Mark['type'], number> = { link: 0, strong: 1, emphasis: 2, code: 3 };

/**
 * The marks over `[start, end)` of a text as a tree. Marks that nest give the same tree as the
 * source; marks that cross are split at the boundary, so every run shows all of its marks.
 */
export function inlineTree(range: TextRange, marks: readonly Mark[] | undefined): InlineNode[] {
  const clipped = (marks ?? [])
    .map((mark, i) => ({
      mark,
      i,
      start: Math.max(mark.start, range.start),
      end: Math.min(mark.end, range.end),
    }))
    .filter((m) => m.start < m.end);
  if (!clipped.length) return [{ type: 'text', start: range.start, end: range.end }];
  // Outer marks first: earlier start, then longer, then links before emphasis.
  clipped.sort(
    (a, b) =>
      a.mark.start - b.mark.start ||
      b.mark.end - a.mark.end ||
      MARK_ORDER[a.mark.type] - MARK_ORDER[b.mark.type] ||
      a.i - b.i,
  );
  const cuts = new Set([range.start, range.end]);
  for (const m of clipped) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const runs = points.slice(1).map((end, k) => {
    const start = points[k]!;
    return { start, end, stack: clipped.filter((m) => m.start <= start && m.end >= end) };
  });
  const group = (slice: typeof runs, depth: number): InlineNode[] => {
    const nodes: InlineNode[] = [];
    let k = 0;
    while (k < slice.length) {
      const outer = slice[k]!.stack[depth];
      let j = k + 1;
      while (j < slice.length && slice[j]!.stack[depth] === outer) j++;
      const start = slice[k]!.start;
      const end = slice[j - 1]!.end;
      if (outer === undefined) nodes.push({ type: 'text', start, end });
      else
        nodes.push({
          type: 'mark',
          mark: outer.mark,
          start,
          end,
          children: group(slice.slice(k, j), depth + 1),
        });
      k = j;
    }
    return nodes;
  };
  return group(runs, 0);
}

/** Ranges of `text` between blank lines (the blocks of a quote made of several paragraphs). */
export function splitBlocks(text: string, range: TextRange): TextRange[] {
  const parts: TextRange[] = [];
  const separator = /\n[ \t]*\n/g;
  separator.lastIndex = range.start;
  let at = range.start;
  for (let m = separator.exec(text); m && m.index < range.end; m = separator.exec(text)) {
    const part = trimRange(text, { start: at, end: m.index });
    if (part) parts.push(part);
    at = m.index + m[0].length;
  }
  const last = trimRange(text, { start: at, end: range.end });
  if (last) parts.push(last);
  return parts;
}

/** Rows and cells of a table paragraph: rows on line breaks, cells on tabs. */
export function tableRows(text: string): string[][] | null {
  const rows = text.split('\n').filter((row) => row.trim());
  if (!rows.some((row) => row.includes('\t'))) return null;
  return rows.map((row) => row.split('\t'));
}
