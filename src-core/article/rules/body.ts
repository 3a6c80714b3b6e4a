import type { Paragraph } from '../model.ts';
import { ACTIVE_MARKUP, hasMarkup } from '../text-rules.ts';
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
import { isContactLine, isPageFurniture, isTimestampLine, isWidgetText } from './furniture.ts';
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

/**
 * Below the article, a short paragraph set wholly in italics is an editor's note or the
 * author's bio ("*Jane Smith covers the harbour for the Times.*").
 */
function isItalicNote(view: BlockView): boolean {
  const { block, flat } = view;
  if (block.kind !== 'paragraph' || flat.length > 400) return false;
  const visible = block.text.trim().length;
  return block.marks.some(
    (m) => m.type === 'emphasis' && m.end - m.start >= visible - 2 && m.start <= 1,
  );
}

/** What is never a body paragraph, wherever it stands: rules, pictures, widget text, stamps. */
function isNeverProse(view: BlockView): boolean {
  const { flat, block } = view;
  return (
    !flat ||
    block.kind === 'separator' ||
    block.kind === 'figure' ||
    block.kind === 'caption' ||
    isSeparator(flat) ||
    view.linkOnly ||
    isWidgetText(view) ||
    isTimestampLine(view)
  );
}

/** Blocks below the article that are never prose: furniture, notices, bios, tags. */
function isFooterBlock(view: BlockView, authors: readonly string[]): boolean {
  const { flat, block } = view;
  return (
    isNeverProse(view) ||
    block.kind === 'heading' ||
    isBoilerplate(flat, true) ||
    isContactLine(view) ||
    noticeKind(flat, true) !== null ||
    isAuthorBio(flat, authors) ||
    isItalicNote(view) ||
    taxonomyValues(flat) !== null ||
    /^(?:[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/\S+)$/.test(flat)
  );
}

/**
 * Index just past the last block of the article's prose: everything after it is footer.
 * `names` are the authors' and the publishers' names: a paragraph that opens with one of them
 * and says what it is ("Ascom is a global provider…") is their bio.
 */
export function findBodyEnd(
  views: readonly BlockView[],
  bodyStart: number,
  end: number,
  names: readonly string[] = [],
): number {
  while (end > bodyStart && isFooterBlock(views[end - 1]!, names)) end--;
  return aboutSectionStart(views, bodyStart, end) ?? end;
}

/** "About the author" / "About Example Corp" heading near the end: what follows is a bio. */
function aboutSectionStart(
  views: readonly BlockView[],
  bodyStart: number,
  end: number,
): number | null {
  for (let i = end - 1; i > bodyStart && i >= end - 4; i--) {
    const view = views[i]!;
    if (view.block.kind === 'heading' || view.lines.length === 1) {
      if (
        /^about (?:the authors?|us|\p{Lu}[\p{L}\d&.'’-]*(?: \p{Lu}[\p{L}\d&.'’-]*){0,4})$/u.test(
          view.flat,
        )
      )
        return i;
    }
  }
  return null;
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
  views.forEach((view, i) => {
    const { flat, block } = view;
    if (isImageCredit(views, i, result.paragraphs.length === 0)) return;
    // Past the first notice, the page is in its footer: weaker evidence of a notice counts.
    const notices = block.kind === 'paragraph' ? noticesIn(view, result.notices.length > 0) : [];
    if (notices.length) {
      result.notices.push(...notices);
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
    // An interview's questions are often set as headings: they are what was said, not titles.
    if (block.kind === 'heading' && !/^(?:Q|Question)\s*[:.]\s*\S/.test(flat)) {
      if (flat) result.headings.push({ view, before: result.paragraphs.length });
      return;
    }
    if (isSkippable(view)) return;
    const kind = paragraphKind(view);
    if (!kind) return;
    // Markup left in Markdown or plain text is code or an attack, not prose a reader would
    // see; an HTML page's text is already what its reader sees ("<The Palace>" as a title).
    if (block.context ? ACTIVE_MARKUP.test(block.text) : hasMarkup(block.text)) return;
    // One block, one paragraph: the front ends already make a whole list or quote one block.
    result.paragraphs.push({ kind, views: [view] });
  });
  return result;
}

function paragraphKind(view: BlockView): Paragraph['kind'] | null {
  switch (view.block.kind) {
    case 'paragraph':
    case 'heading':
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
    isNeverProse(view) ||
    block.kind === 'meta' ||
    isBoilerplate(flat) ||
    isPageFurniture(view) ||
    (view.lines.length === 1 &&
      flat.length < 60 &&
      !/[.!?]$/.test(flat) &&
      readDateline(flat) !== null)
  );
}

const CREDIT_MARK = /^(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*)?[\p{L} .'’&/-]{2,60}$/iu;

/**
 * "© Aaron Schwartz" under a photo credits the photo: a copyright notice of the image, not
 * of the article, and no sign that the article's footer has begun.
 */
function isImageCredit(views: readonly BlockView[], i: number, beforeProse: boolean): boolean {
  const view = views[i]!;
  if (!CREDIT_MARK.test(view.flat) || /rights reserved/i.test(view.flat)) return false;
  if (beforeProse) return !/\d{4}/.test(view.flat);
  const near = (v: BlockView | undefined): boolean =>
    v?.block.kind === 'figure' || v?.block.kind === 'caption';
  return near(views[i - 1]) || near(views[i + 1]);
}
