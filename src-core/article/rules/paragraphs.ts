import type { Paragraph } from '../model.ts';
import type { Mark, Span } from '../document/types.ts';
import type { BodyPart } from './body.ts';

export type { Heading } from '../model.ts';

/** Blocks of one paragraph (a run of list or quote blocks) are joined by a blank line. */
const JOIN = '\n\n';

/**
 * A numbered body paragraph: its display text, the map back to the source and an id from its
 * content alone, so renumbering never changes it. Identical paragraphs get `-2`, `-3`, … in order.
 */
export function paragraphOf(part: BodyPart, n: number, seen: Map<string, number>): Paragraph {
  let text = '';
  const spans: Span[] = [];
  const marks: Mark[] = [];
  const items: NonNullable<Paragraph['items']> = [];
  for (const view of part.views) {
    const at = text ? text.length + JOIN.length : 0;
    if (text) text += JOIN;
    const block = view.block;
    text += block.text;
    for (const s of block.spans) spans.push({ ...s, text: s.text + at });
    for (const m of block.marks) marks.push({ ...m, start: m.start + at, end: m.end + at });
    for (const item of block.items ?? [])
      items.push({ ...item, start: item.start + at, end: item.end + at });
  }
  const first = part.views[0]!.block;
  const last = part.views[part.views.length - 1]!.block;
  const hash = contentHash(text);
  const count = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, count);
  const paragraph: Paragraph = {
    n,
    id: count === 1 ? `p-${hash}` : `p-${hash}-${count}`,
    kind: part.kind,
    text,
    start: first.start,
    end: Math.max(last.end, first.start),
    spans,
  };
  if (marks.length) paragraph.marks = marks;
  if (items.length) paragraph.items = items;
  if (first.ordered) paragraph.ordered = true;
  return paragraph;
}

/** 64 bits of FNV-1a over the text's UTF-16 code units, as 16 hex digits. */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
