import { flatText, IMAGE, isLinkOnly, MARKUP, type Block } from './blocks.ts';
import {
  bylineText,
  isBoilerplate,
  isSeparator,
  taxonomyValues,
  URL_LINE,
  NAVIGATION,
} from './boilerplate.ts';
import { findDate, type FoundDate } from './dates.ts';

export interface HeaderFacts {
  title: string | null;
  bylines: string[];
  date: FoundDate | null;
  site: string | null;
  keywords: string[];
  /** Index of the first block after the header. */
  bodyStart: number;
}

const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*$/;
const TITLE_LINE = /^title\s*:\s*(.+)$/i;
const DATE_WORDS =
  /^(?:published|posted|updated|last updated|modified|date|on|dated)\b\s*(?:on|at)?\s*:?\s*/i;

/** A short line that is mostly a date: "Global Research, August 15, 2018", "Published: 3 May 2021". */
export interface Dateline {
  date: FoundDate;
  site: string | null;
  updated: boolean;
  /** "Posted on 12 May 2022 by Priya Raman" names the author too. */
  byline: string | null;
}

export function readDateline(line: string): Dateline | null {
  if (line.length > 160) return null;
  // "Published: 3 March 2021 | Updated: 5 March 2021": each part on its own, the first one wins.
  const parts = line.split(/\s+[|·•]\s+/);
  if (parts.length > 1) {
    const read = parts.map(readDateline).filter((d): d is NonNullable<typeof d> => !!d);
    return read.find((d) => !d.updated) ?? read[0] ?? null;
  }
  const date = findDate(line);
  if (!date) return null;
  const before = line.slice(0, date.index);
  const after = line
    .slice(date.index + date.length)
    .replace(/^[\s,]*(?:(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4})?/i, '');
  const byline = /^\s*by\s+(\S.*)$/i.exec(after)?.[1]?.trim() ?? null;
  if (!byline && after.split(/\s+/).filter(Boolean).length > 4) return null;
  const updated = /\b(?:updated|modified)\b/i.test(before);
  const site = before
    .replace(DATE_WORDS, '')
    .replace(/\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?/gi, '')
    .replace(/[\s,|·•–—-]+$/, '')
    .trim();
  // A site is a name ("Global Research", "The Times of India"); "The vote is on" is a sentence.
  if (site.split(/\s+/).length > 6 || (site && !looksLikeName(site))) return null;
  return { date, site: site && !DATE_WORDS.test(site) ? site : null, updated, byline };
}

function looksLikeName(text: string): boolean {
  return text
    .split(/\s+/)
    .every(
      (t) => /^[\p{Lu}\p{N}"“'‘(]/u.test(t) || /^(?:of|the|and|for|on|de|&|-|–|—|\|)$/i.test(t),
    );
}

/** A title is text: whatever markup follows its words is dropped with them. */
export function titleText(title: string): string | null {
  const markup = title.search(MARKUP);
  const text = (markup < 0 ? title : title.slice(0, markup)).trim();
  return text || null;
}

function titleOf(flat: string, block: Block): string | null {
  if (block.lines.length > 1) return null;
  const heading = MARKDOWN_HEADING.exec(flat);
  if (heading?.[1]) return titleText(heading[1]);
  const labelled = TITLE_LINE.exec(flat);
  if (labelled?.[1]) return titleText(labelled[1]);
  if (flat.length > 220 || /[.,;:]$/.test(flat) || readDateline(flat) || bylineText(flat))
    return null;
  return titleText(flat);
}

/**
 * Walks the blocks above the article: title, byline, dateline, taxonomy, navigation and
 * furniture. The header ends at the first block that is none of these: the prose begins.
 */
export function readHeader(blocks: readonly Block[]): HeaderFacts {
  const facts: HeaderFacts = {
    title: null,
    bylines: [],
    date: null,
    site: null,
    keywords: [],
    bodyStart: 0,
  };
  let updated: FoundDate | null = null;
  let i = 0;
  for (; i < blocks.length; i++) {
    const block = blocks[i]!;
    const flat = flatText(block.raw);
    // The title is the first real line of the page: navigation and furniture may come before it.
    const titleOpen =
      facts.title === null && facts.bylines.length === 0 && !facts.date && !facts.keywords.length;
    if (titleOpen && !isNavigation(block, flat)) {
      const title = titleOf(flat, block);
      if (title) {
        facts.title = title;
        continue;
      }
    }
    const byline = bylineText(flat);
    if (byline) {
      facts.bylines.push(byline);
      const dated = findDate(byline);
      if (dated && !facts.date) facts.date = dated;
      continue;
    }
    const dateline = block.lines.length === 1 ? readDateline(flat) : null;
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
    if (isLinkOnly(block.raw)) {
      // A bare link beside the taxonomy lines is one more topic ("[War Agenda](#)").
      if (facts.keywords.length && flat.length < 60 && !sameName(flat, facts.bylines))
        facts.keywords.push(flat);
      continue;
    }
    if (isFurniture(block, flat)) continue;
    // A standfirst between the title and the byline or dateline is still header, not body.
    if (facts.title !== null && !facts.bylines.length && !facts.date && isHeaderAhead(blocks, i))
      continue;
    break;
  }
  facts.date ??= updated;
  facts.bodyStart = i;
  return facts;
}

/** A byline or dateline within the next two blocks: the prose has not begun yet. */
function isHeaderAhead(blocks: readonly Block[], i: number): boolean {
  return blocks.slice(i + 1, i + 3).some((b) => {
    const flat = flatText(b.raw);
    return bylineText(flat) !== null || (b.lines.length === 1 && readDateline(flat) !== null);
  });
}

function isNavigation(block: Block, flat: string): boolean {
  return (
    isSeparator(flat) || isLinkOnly(block.raw) || NAVIGATION.test(flat) || IMAGE.test(block.raw)
  );
}

/** Navigation, or any other page furniture (share prompts, appeals, captions). */
function isFurniture(block: Block, flat: string): boolean {
  return isNavigation(block, flat) || isBoilerplate(flat, true);
}

function sameName(text: string, bylines: readonly string[]): boolean {
  const t = text.toLowerCase().trim();
  return bylines.some((b) => b.toLowerCase().includes(t));
}
