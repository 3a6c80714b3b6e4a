import type { Paragraph, RightsKind } from './model.ts';
import { flatText, hasMarkup, IMAGE, isLinkOnly, plainText, type Block } from './blocks.ts';
import {
  bylineText,
  isAuthorBio,
  isBoilerplate,
  isSeparator,
  taxonomyValues,
} from './boilerplate.ts';
import { noticeKind } from './notices.ts';
import { readDateline } from './header.ts';

export interface NoticeSpan {
  kind: RightsKind;
  start: number;
  end: number;
}

const HEADING = /^#{1,6}\s+\S/;
const QUOTE = /^>/;
const LIST_ITEM = /^(?:[-*+•]|\d{1,3}[.)])\s+\S/;

/** Blocks below the article that are never prose: furniture, notices, bios, tags. */
function isFooterBlock(block: Block, authors: readonly string[]): boolean {
  const flat = flatText(block.raw);
  return (
    isSeparator(flat) ||
    isLinkOnly(block.raw) ||
    isBoilerplate(flat, true) ||
    noticeKind(flat, true) !== null ||
    isAuthorBio(flat, authors) ||
    taxonomyValues(flat) !== null ||
    IMAGE.test(block.raw) ||
    /^(?:[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/\S+)$/.test(flat)
  );
}

/** Index just past the last block of the article's prose: everything after it is footer. */
export function findBodyEnd(
  blocks: readonly Block[],
  bodyStart: number,
  authors: readonly string[] = [],
): number {
  let end = blocks.length;
  while (end > bodyStart && isFooterBlock(blocks[end - 1]!, authors)) end--;
  return end;
}

/**
 * Splits a notice block into notices. A block whose lines each open a notice of their own
 * ("The original source…" then "Copyright ©…") yields one notice per line; a wrapped
 * paragraph yields one notice for the whole block, its kind read from all of its text.
 */
export function noticeSpans(block: Block, footer: boolean): NoticeSpan[] {
  const blockKind = noticeKind(flatText(block.raw), footer);
  if (!blockKind) return [];
  const opening = block.lines.map((l) => noticeKind(flatText(l.raw), false));
  if (opening.filter(Boolean).length < 2)
    return [{ kind: blockKind, start: block.start, end: block.end }];
  const spans: NoticeSpan[] = [];
  block.lines.forEach((line, i) => {
    const kind = opening[i];
    const current = spans[spans.length - 1];
    if (kind || !current) spans.push({ kind: kind ?? blockKind, start: line.start, end: line.end });
    else current.end = line.end;
  });
  return spans;
}

export interface BodyResult {
  paragraphs: Omit<Paragraph, 'id' | 'n'>[];
  notices: NoticeSpan[];
  bylines: string[];
  keywords: string[];
}

type Kind = Paragraph['kind'];

/** The article's own prose blocks in reading order; list items and quotes merge into one paragraph. */
export function readBody(blocks: readonly Block[]): BodyResult {
  const result: BodyResult = { paragraphs: [], notices: [], bylines: [], keywords: [] };
  let previous: Kind | null = null;
  blocks.forEach((block, index) => {
    const flat = flatText(block.raw);
    const next = blocks[index + 1];
    // Past the first notice, the page is in its footer: weaker evidence of a notice counts.
    const notices = noticeSpans(block, result.notices.length > 0);
    if (notices.length) {
      result.notices.push(...notices);
      previous = null;
      return;
    }
    const byline = bylineText(flat);
    // Bylines stand above the prose; further down, "By …" opens a sentence.
    if (byline && result.paragraphs.length === 0) {
      result.bylines.push(byline);
      return;
    }
    const taxonomy = taxonomyValues(flat);
    if (taxonomy) {
      result.keywords.push(...taxonomy);
      return;
    }
    // Below a notice that follows the prose, a line that is not a sentence is footer furniture.
    const inFooter = result.notices.length > 0 && result.paragraphs.length > 0;
    if (inFooter && !/[.!?:"”’')\]]$/.test(flat)) return;
    if (isSkippable(block, flat, next)) {
      // A heading or a rule ends a list or quote: what follows is a new paragraph.
      if (isSeparator(flat) || HEADING.test(block.raw)) previous = null;
      return;
    }
    const kind: Kind = block.lines.every((l) => QUOTE.test(l.raw))
      ? 'blockquote'
      : LIST_ITEM.test(block.raw)
        ? 'list'
        : 'prose';
    const last = result.paragraphs[result.paragraphs.length - 1];
    if (last && kind !== 'prose' && kind === previous) {
      last.end = block.end;
      last.text = joinText(last.text, block, kind);
    } else {
      const text = displayText(block.raw, kind);
      if (!text.trim() || hasMarkup(text)) return; // markup, not prose a reader would see
      result.paragraphs.push({ kind, start: block.start, end: block.end, text });
    }
    previous = kind;
  });
  return result;
}

function isSkippable(block: Block, flat: string, next: Block | undefined): boolean {
  return (
    isSeparator(flat) ||
    HEADING.test(block.raw) ||
    IMAGE.test(block.raw) ||
    isLinkOnly(block.raw) ||
    isBoilerplate(flat) ||
    (block.lines.length === 1 &&
      flat.length < 60 &&
      !/[.!?]$/.test(flat) &&
      readDateline(flat) !== null) ||
    isPlainHeading(flat, block, next)
  );
}

/** A plain-text section heading: one short line, no closing punctuation, prose after it. */
function isPlainHeading(flat: string, block: Block, next: Block | undefined): boolean {
  if (block.lines.length > 1 || !next || flat.length > 80) return false;
  if (/[.!?:;,"”’)\]]$/.test(flat) || LIST_ITEM.test(flat) || QUOTE.test(flat)) return false;
  if (flat.split(/\s+/).length > 12) return false;
  return flatText(next.raw).length > flat.length;
}

function displayText(raw: string, kind: Kind): string {
  const text = kind === 'blockquote' ? raw.replace(/^>[ \t]?/gm, '') : raw;
  return plainText(text);
}

function joinText(previous: string, block: Block, kind: Kind): string {
  return `${previous}\n\n${displayText(block.raw, kind)}`;
}
