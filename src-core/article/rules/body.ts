import type { Paragraph } from '../model.ts';
import { hasMarkup } from '../text-rules.ts';
import {
  bylineText,
  isAuthorBio,
  isBoilerplate,
  isSeparator,
  taxonomyValues,
} from '../boilerplate.ts';
import { noticeKind } from '../notices.ts';
import { readDateline } from './dateline.ts';
import { noticesIn, type FoundNotice } from './notice-spans.ts';
import { isWidgetText, isPageFurniture } from './furniture.ts';
import type { BlockView } from './view.ts';

/** A body paragraph before numbering: the views it is made of (a list or quote run is one). */
export interface BodyPart {
  kind: Paragraph['kind'];
  views: BlockView[];
}

export interface HeadingPart {
  view: BlockView;
  /** Number of body paragraphs before it. */
  before: number;
}

export interface BodyResult {
  paragraphs: BodyPart[];
  headings: HeadingPart[];
  notices: FoundNotice[];
  bylines: string[];
  keywords: string[];
}

/** Blocks below the article that are never prose: furniture, notices, bios, tags. */
function isFooterBlock(view: BlockView, authors: readonly string[]): boolean {
  const { flat, block } = view;
  return (
    !flat ||
    block.kind === 'separator' ||
    block.kind === 'figure' ||
    block.kind === 'caption' ||
    block.kind === 'heading' ||
    isSeparator(flat) ||
    view.linkOnly ||
    isBoilerplate(flat, true) ||
    isWidgetText(view) ||
    noticeKind(flat, true) !== null ||
    isAuthorBio(flat, authors) ||
    taxonomyValues(flat) !== null ||
    /^(?:[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/\S+)$/.test(flat)
  );
}

/** Index just past the last block of the article's prose: everything after it is footer. */
export function findBodyEnd(
  views: readonly BlockView[],
  bodyStart: number,
  end: number,
  authors: readonly string[] = [],
): number {
  while (end > bodyStart && isFooterBlock(views[end - 1]!, authors)) end--;
  return end;
}

/** The article's own prose blocks in reading order; list and quote runs merge into one. */
export function readBody(views: readonly BlockView[]): BodyResult {
  const result: BodyResult = {
    paragraphs: [],
    headings: [],
    notices: [],
    bylines: [],
    keywords: [],
  };
  let previous: Paragraph['kind'] | null = null;
  views.forEach((view) => {
    const { flat, block } = view;
    // Past the first notice, the page is in its footer: weaker evidence of a notice counts.
    const notices = block.kind === 'paragraph' ? noticesIn(view, result.notices.length > 0) : [];
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
    if (block.kind === 'heading') {
      if (flat) result.headings.push({ view, before: result.paragraphs.length });
      previous = null;
      return;
    }
    if (isSkippable(view)) {
      // A rule ends a list or quote: what follows is a new paragraph.
      if (block.kind === 'separator' || isSeparator(flat)) previous = null;
      return;
    }
    const kind = paragraphKind(view);
    if (!kind) return;
    const last = result.paragraphs[result.paragraphs.length - 1];
    if (last && kind !== 'prose' && kind === previous) {
      last.views.push(view);
    } else {
      if (hasMarkup(block.text)) return; // markup, not prose a reader would see
      result.paragraphs.push({ kind, views: [view] });
    }
    previous = kind;
  });
  return result;
}

function paragraphKind(view: BlockView): Paragraph['kind'] | null {
  switch (view.block.kind) {
    case 'paragraph':
      return 'prose';
    case 'quote':
      return 'blockquote';
    case 'list':
      return 'list';
    case 'preformatted':
      return 'preformatted';
    case 'table':
      return 'table';
    default:
      return null;
  }
}

function isSkippable(view: BlockView): boolean {
  const { flat, block } = view;
  return (
    !flat ||
    block.kind === 'separator' ||
    block.kind === 'figure' ||
    block.kind === 'caption' ||
    block.kind === 'meta' ||
    isSeparator(flat) ||
    view.linkOnly ||
    isBoilerplate(flat) ||
    isWidgetText(view) ||
    isPageFurniture(view) ||
    (view.lines.length === 1 &&
      flat.length < 60 &&
      !/[.!?]$/.test(flat) &&
      readDateline(flat) !== null)
  );
}
