import { MARKUP } from '../text-rules.ts';
import {
  bylineText,
  isBoilerplate,
  isSeparator,
  NAVIGATION,
  taxonomyValues,
  URL_LINE,
} from '../boilerplate.ts';
import { findDate, type FoundDate } from '../dates.ts';
import { readDateline } from './dateline.ts';
import type { BlockView } from './view.ts';

/** Hard cap on a title's length: a longer first line is prose, kept as text. */
export const MAX_TITLE = 300;

export interface HeaderFacts {
  title: string | null;
  bylines: string[];
  date: FoundDate | null;
  site: string | null;
  keywords: string[];
  /** Index (into the views) of the first block after the header. */
  bodyStart: number;
}

const TITLE_LINE = /^title\s*:\s*(.+)$/i;

/** A title is text: whatever markup follows its words is dropped with them. */
export function titleText(title: string): string | null {
  const markup = title.search(MARKUP);
  const text = (markup < 0 ? title : title.slice(0, markup)).trim();
  if (!text || text.length > MAX_TITLE) return null;
  return text;
}

/**
 * Walks the blocks above the article: title, byline, dateline, taxonomy, navigation and
 * furniture. The header ends at the first block that is none of these: the prose begins.
 */
export function readHeader(
  views: readonly BlockView[],
  from = 0,
  options: { titleFromParagraphs: boolean } = { titleFromParagraphs: true },
): HeaderFacts {
  const facts: HeaderFacts = {
    title: null,
    bylines: [],
    date: null,
    site: null,
    keywords: [],
    bodyStart: from,
  };
  let updated: FoundDate | null = null;
  let i = from;
  for (; i < views.length; i++) {
    const view = views[i]!;
    const { flat, block } = view;
    // The title is the first real line of the page: navigation and furniture may come before it.
    const titleOpen =
      facts.title === null && facts.bylines.length === 0 && !facts.date && !facts.keywords.length;
    if (titleOpen && !isNavigation(view)) {
      const title = titleOf(views, i, options.titleFromParagraphs);
      if (title) {
        facts.title = title;
        continue;
      }
    }
    if (block.kind === 'figure' || block.kind === 'caption' || block.kind === 'separator') continue;
    const byline = bylineText(flat);
    if (byline) {
      facts.bylines.push(byline);
      const dated = findDate(byline);
      if (dated && !facts.date) facts.date = dated;
      continue;
    }
    const dateline = view.lines.length === 1 ? readDateline(flat) : null;
    if (dateline) {
      if (dateline.byline) facts.bylines.push(dateline.byline);
      if (dateline.updated) updated ??= dateline.date;
      else facts.date ??= dateline.date;
      facts.site ??= dateline.site;
      continue;
    }
    const taxonomy = taxonomyValues(flat);
    if (taxonomy) {
      facts.keywords.push(...taxonomy);
      continue;
    }
    if (URL_LINE.test(flat)) continue;
    if (view.linkOnly) {
      // A bare link beside the taxonomy lines is one more topic ("[War Agenda](#)").
      if (facts.keywords.length && flat.length < 60 && !sameName(flat, facts.bylines))
        facts.keywords.push(flat);
      continue;
    }
    if (isNavigation(view) || isBoilerplate(flat, true)) continue;
    // A publication's name alone on its line, between the header lines, names the site.
    if (facts.title !== null && isNameLine(view) && (facts.date || facts.bylines.length)) {
      facts.site ??= flat;
      continue;
    }
    // A standfirst between the title and the byline or dateline is still header, not body.
    if (facts.title !== null && !facts.bylines.length && !facts.date && isHeaderAhead(views, i))
      continue;
    break;
  }
  facts.date ??= updated;
  facts.bodyStart = i;
  return facts;
}

function titleOf(views: readonly BlockView[], i: number, fromParagraphs: boolean): string | null {
  const { flat, block, lines } = views[i]!;
  if (block.kind === 'heading') return titleText(flat);
  if (!fromParagraphs || block.kind !== 'paragraph' || lines.length > 1) return null;
  const labelled = TITLE_LINE.exec(flat);
  if (labelled?.[1]) return titleText(labelled[1]);
  if (flat.length > MAX_TITLE || readDateline(flat) || bylineText(flat)) return null;
  // A line that ends like a sentence is a title only when a byline or dateline follows it.
  if (/[.,;:]$/.test(flat) && !(/\.$/.test(flat) && isHeaderAhead(views, i))) return null;
  return titleText(flat);
}

/** A byline or dateline within the next two blocks: the prose has not begun yet. */
function isHeaderAhead(views: readonly BlockView[], i: number): boolean {
  return views.slice(i + 1, i + 3).some((v) => {
    return bylineText(v.flat) !== null || (v.lines.length === 1 && readDateline(v.flat) !== null);
  });
}

function isNavigation(view: BlockView): boolean {
  return (
    isSeparator(view.flat) ||
    view.linkOnly ||
    NAVIGATION.test(view.flat) ||
    view.block.kind === 'figure' ||
    view.block.context?.landmark === 'nav'
  );
}

/** One short line of capitalised words and no sentence punctuation: "Global Research". */
function isNameLine(view: BlockView): boolean {
  const { flat } = view;
  if (view.lines.length !== 1 || flat.length > 60 || /[.!?:;,]$/.test(flat)) return false;
  const words = flat.split(' ');
  return (
    words.length <= 6 &&
    words.every((w) => /^[\p{Lu}\p{N}"“'‘(&]/u.test(w) || /^(?:of|the|and|for|on|de)$/i.test(w))
  );
}

function sameName(text: string, bylines: readonly string[]): boolean {
  const t = text.toLowerCase().trim();
  return bylines.some((b) => b.toLowerCase().includes(t));
}
