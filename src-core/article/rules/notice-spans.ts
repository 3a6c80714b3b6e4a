import type { RightsKind } from '../model.ts';
import type { Block, SourceFormat } from '../document/types.ts';
import { noticeKind } from '../notices.ts';
import { sourceRangeOf } from '../document/spans.ts';
import type { BlockView } from './view.ts';

/** A notice found in a block: its kind and `[start, end)` of the block's display text. */
export interface FoundNotice {
  kind: RightsKind;
  view: BlockView;
  textStart: number;
  textEnd: number;
}

/**
 * Splits a notice block into notices. A block whose lines each open a notice of their own
 * ("The original source…" then "Copyright ©…") yields one notice per line; a wrapped
 * paragraph yields one notice for the whole block, its kind read from all of its text.
 */
export function noticesIn(view: BlockView, footer: boolean): FoundNotice[] {
  const blockKind = noticeKind(view.flat, footer);
  if (!blockKind || !view.lines.length) return [];
  const first = view.lines[0]!;
  const last = view.lines[view.lines.length - 1]!;
  const opening = view.lines.map((l) => noticeKind(l.text, false));
  if (opening.filter(Boolean).length < 2)
    return [
      {
        kind: blockKind,
        view,
        textStart: first.start,
        textEnd: withoutTrailingLinks(view, last.end),
      },
    ];
  const found: FoundNotice[] = [];
  view.lines.forEach((line, i) => {
    const kind = opening[i];
    const current = found[found.length - 1];
    if (kind || !current)
      found.push({ kind: kind ?? blockKind, view, textStart: line.start, textEnd: line.end });
    else current.textEnd = line.end;
  });
  return found;
}

const SEPARATOR = /\s*[·|•]\s*$/;

/**
 * "© 2023 Example Post · Privacy · Contact": links after a separator at the end of a notice
 * line are the site's legal links, not part of the notice.
 */
function withoutTrailingLinks(view: BlockView, end: number): number {
  const { text, marks } = view.block;
  const links = marks.filter((m) => m.type === 'link').sort((a, b) => b.start - a.start);
  let cut = end;
  for (const link of links) {
    if (link.end < cut - 1 || text.slice(link.end, cut).trim()) break;
    const before = text.slice(0, link.start);
    const separator = SEPARATOR.exec(before);
    if (!separator || link.end - link.start > 40) break;
    cut = separator.index;
  }
  return text.slice(0, cut).trim() ? cut : end;
}

/**
 * The source range of `[textStart, textEnd)` of a block's display text, widened to whole
 * syntax: a Markdown line keeps its link brackets and emphasis markers, an HTML notice the
 * inline tags that open and close around it. The notice's text is this exact slice.
 */
export function sourceRange(
  block: Block,
  textStart: number,
  textEnd: number,
  source: string,
  format: SourceFormat,
): { start: number; end: number } | null {
  const { start, end } = sourceRangeOf(block, textStart, textEnd);
  if (end <= start) return null;
  if (format === 'markdown') return widenToLines(source, start, end, block);
  if (format === 'html') return widenOverTags(source, start, end);
  return { start, end };
}

/** From the line's first character after container markers to its last non-blank one. */
function widenToLines(
  source: string,
  start: number,
  end: number,
  block: Block,
): { start: number; end: number } {
  let lineStart = start;
  while (lineStart > block.start && source[lineStart - 1] !== '\n') lineStart--;
  let s = lineStart;
  // Skip quote markers, list bullets and indentation: they belong to the container.
  for (;;) {
    while (s < start && (source[s] === ' ' || source[s] === '\t' || source[s] === '>')) s++;
    const bullet = /^(?:[-*+]|\d{1,9}[.)])[ \t]/.exec(source.slice(s, Math.min(start, s + 12)));
    if (!bullet) break;
    s += bullet[0].length;
  }
  let e = end;
  const limit = Math.max(block.end, end);
  while (e < limit && source[e] !== '\n' && source[e] !== '\r') e++;
  while (e > end && (source[e - 1] === ' ' || source[e - 1] === '\t')) e--;
  return { start: Math.min(s, start), end: e };
}

const INLINE =
  /^<\/?(?:a|b|strong|em|i|span|small|font|u|abbr|time|cite|sup|sub|mark)\b[^<>]{0,2000}>/i;

/** Takes in inline tags that wrap the notice's first and last words. */
function widenOverTags(source: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  for (let guard = 0; guard < 8; guard++) {
    const open = source.lastIndexOf('<', s - 1);
    if (open < 0 || source[s - 1] !== '>') break;
    const tag = source.slice(open, s);
    if (!INLINE.test(tag) || tag.startsWith('</')) break;
    s = open;
  }
  let e = end;
  for (let guard = 0; guard < 8; guard++) {
    if (source[e] !== '<') break;
    const m = INLINE.exec(source.slice(e, e + 2100));
    if (!m || !m[0].startsWith('</')) break;
    e += m[0].length;
  }
  return { start: s, end: e };
}
