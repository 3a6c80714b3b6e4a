import type { CslItem } from '../article/model.ts';
import { toSentenceCase } from './sentence-case.ts';
import { toApaTitleCase, toMlaTitleCase } from './title-case.ts';
import type { TitleCasing } from './styles.ts';

/** citeproc sees one item per call; a fixed id keeps its engine's registry to one entry. */
export const ITEM_ID = 'quire-item';

export const UNTITLED = '[Untitled]';

/** Title-case styles (MLA, Chicago) italicise or quote these as titles, in headline style. */
const TITLE_FIELDS = [
  'title',
  'title-short',
  'container-title',
  'collection-title',
  'part-title',
  'volume-title',
  'reviewed-title',
  'original-title',
] as const;

/** APA keeps short titles in sentence case for these types (apa.csl, macro title-short). */
const APA_SENTENCE_SHORT = new Set(['post', 'legal_case']);

/** How one style wants its titles: its casing rules, and the user's hand-cased title if any. */
export interface TitlePreparation {
  styleId: string;
  casing: TitleCasing;
  /** The title as the user cased it for this style; printed verbatim. */
  override?: string | undefined;
}

const HEADLINE: Record<Exclude<TitleCasing, 'sentence'>, typeof toMlaTitleCase> = {
  mla: toMlaTitleCase,
  // Chicago's headline style (CMOS 18 8.160) differs from MLA's in details the shared rules
  // cover; until its own function lands it is MLA's, which lowercases the same word classes.
  chicago: toMlaTitleCase,
};

/**
 * The item as a style should print it, with Quire's casing applied: sentence case for the
 * reference-list title of APA-like styles (and APA title case for APA's in-text short title);
 * headline case for every title in MLA and Chicago. Site and periodical names stay as published
 * in sentence-case styles (APA 7 9.25).
 */
export function itemForStyle(
  csl: CslItem,
  prep: TitlePreparation,
  nouns: ReadonlySet<string>,
): CslItem {
  const item: CslItem = { ...csl, id: ITEM_ID };
  // A page whose title the parser could not find still gets a citation that says so, in the
  // bracketed-description form APA 7 and MLA 9 use for untitled works, instead of "(N.d.).".
  if (typeof csl.title !== 'string' || !csl.title.trim()) item.title = UNTITLED;
  // A republication's original publisher without an original date is what importers record for
  // pages like the reference article (the republication itself lives in originalSource). APA
  // would print "(Original work published South Front)" and MLA the optional "Originally
  // published by" element; the manuals' answers for such pages show neither.
  if (!csl['original-date']) {
    delete item['original-publisher'];
    delete item['original-publisher-place'];
  }
  // MLA 9 (5.93) leaves out http:// and https:// from URLs.
  if (prep.styleId === 'mla' && typeof item.URL === 'string') {
    item.URL = item.URL.replace(/^https?:\/\//iu, '');
  }
  const override = prep.override?.trim();
  if (prep.casing !== 'sentence') {
    const headline = HEADLINE[prep.casing];
    for (const field of TITLE_FIELDS) {
      const value = item[field];
      if (typeof value === 'string' && value.trim()) item[field] = headline(value, nouns);
    }
    if (override) item.title = override;
    return item;
  }
  const title = typeof csl.title === 'string' && csl.title.trim() ? csl.title : null;
  if (!title) return item;
  item.title = override || toSentenceCase(title, nouns);
  if (prep.styleId !== 'apa') return item;
  // APA cites an authorless work in the text by its title in title case (APA 7 8.14).
  const short = typeof csl['title-short'] === 'string' ? csl['title-short'] : title;
  item['title-short'] = APA_SENTENCE_SHORT.has(csl.type)
    ? toSentenceCase(short, nouns)
    : toApaTitleCase(short, nouns);
  return item;
}
