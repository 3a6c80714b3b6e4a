import type { Block } from '../document/types.ts';

/** A display line of a block: `[start, end)` of the block's text. */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/**
 * A block as the rules read it: its text flattened once (whitespace collapsed), its lines and
 * whether it is nothing but links. Every rule reads these fields; none re-parses the text.
 */
export interface BlockView {
  block: Block;
  index: number;
  flat: string;
  lines: Line[];
  linkOnly: boolean;
}

const SEPARATORS = /^[\s,|·•/\-–—>»:]*$/;

export function viewOf(block: Block, index: number): BlockView {
  const lines: Line[] = [];
  let from = 0;
  const text = block.text;
  for (;;) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed)
      lines.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
    if (nl < 0) break;
    from = nl + 1;
  }
  return {
    block,
    index,
    flat: collapse(text),
    lines,
    linkOnly: isLinkOnly(block),
  };
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** True when every visible character of the block sits inside a link (menus, tag clouds). */
function isLinkOnly(block: Block): boolean {
  const links = block.marks.filter((m) => m.type === 'link');
  if (!links.length) return false;
  let rest = '';
  let at = 0;
  for (const link of [...links].sort((a, b) => a.start - b.start)) {
    if (link.start > at) rest += block.text.slice(at, link.start);
    at = Math.max(at, link.end);
  }
  rest += block.text.slice(at);
  return SEPARATORS.test(rest);
}

/** The link marks that cover `[start, end)` of a block's text, in order. */
export function linksWithin(block: Block, start: number, end: number): Block['marks'] {
  return block.marks
    .filter((m) => m.type === 'link' && m.start >= start && m.end <= end)
    .sort((a, b) => a.start - b.start);
}
