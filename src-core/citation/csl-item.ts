import type { CslItem } from '../article/model.ts';
import { cleanDate } from './csl-json.ts';
import { toSentenceCase } from './sentence-case.ts';
import { shortTitle } from './short-title.ts';
import { toApaTitleCase, toChicagoTitleCase, toMlaTitleCase } from './title-case.ts';
import type { TitleCasing } from './styles.ts';

/** citeproc sees one item per call; a fixed id keeps its engine's registry to one entry. */
export const ITEM_ID = 'quire-item';

export const UNTITLED = '[Untitled]';

/** Title-case styles (MLA, Chicago) italicise or quote these as titles, in headline style. */
export const TITLE_FIELDS = [
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
  chicago: toChicagoTitleCase,
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
  // citeproc prints month 13 as "Spring" and 31 February as written: impossible parts go.
  for (const field of ['issued', 'accessed', 'original-date'] as const) {
    if (item[field] === undefined) continue;
    const date = cleanDate(item[field]);
    if (date) item[field] = date;
    else delete item[field];
  }
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
  if (prep.styleId === 'apa' || prep.styleId === 'mla') sameAuthorAndSite(item, prep.styleId);
  // MLA 9 (5.93) leaves out http:// and https:// from URLs.
  if (prep.styleId === 'mla' && typeof item.URL === 'string') {
    item.URL = item.URL.replace(/^https?:\/\//iu, '');
  }
  const override = prep.override?.trim();
  // Titles in another language keep the capitals of that language (MLA 9 1.2.2, CMOS 18 11.6,
  // APA 7 6.17): English casing rules would write "Warum Die Energiewende in Bayern Stockt".
  if (!isEnglish(csl.language)) {
    if (override) item.title = override;
    const title = typeof item.title === 'string' ? item.title : '';
    if (title && !(typeof csl['title-short'] === 'string' && csl['title-short'].trim()))
      item['title-short'] = shortTitle(title);
    return item;
  }
  const title = typeof csl.title === 'string' && csl.title.trim() ? csl.title : null;
  const statedShort = typeof csl['title-short'] === 'string' && csl['title-short'].trim();
  if (prep.casing !== 'sentence') {
    const headline = HEADLINE[prep.casing];
    for (const field of TITLE_FIELDS) {
      const value = item[field];
      if (typeof value === 'string' && value.trim()) item[field] = headline(value, nouns);
    }
    const dropArticle = prep.casing === 'chicago';
    if (override) {
      item.title = override;
      if (!statedShort) item['title-short'] = shortTitle(override, { dropArticle });
    } else if (title && !statedShort) {
      item['title-short'] = headline(shortTitle(title, { dropArticle }), nouns);
    }
    return item;
  }
  if (!title) return item;
  item.title = override || toSentenceCase(title, nouns);
  const short = statedShort || shortTitle(override || title);
  if (override && !statedShort) item['title-short'] = short;
  else if (prep.styleId !== 'apa' || APA_SENTENCE_SHORT.has(csl.type))
    item['title-short'] = toSentenceCase(short, nouns);
  // APA cites an authorless work in the text by its title in title case (APA 7 8.14).
  else item['title-short'] = toApaTitleCase(short, nouns);
  return item;
}

/** "The Guardian", "guardian", "GUARDIAN." compare equal: case, articles and punctuation aside. */
function nameKey(name: unknown): string {
  if (typeof name !== 'string') return '';
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * An organisation that wrote the page and runs the site is named once. APA 7 (9.16, 10.16)
 * drops the site name (and a publisher) equal to the author; MLA 9 (2.1.3, 5.2) starts the
 * entry with the title and keeps the organisation as the site or publisher.
 */
function sameAuthorAndSite(item: CslItem, style: 'apa' | 'mla'): void {
  const authors = item.author ?? [];
  if (authors.length !== 1) return;
  const author = nameKey(authors[0]?.literal ?? '');
  if (!author) return;
  const same = (field: 'container-title' | 'publisher'): boolean => nameKey(item[field]) === author;
  if (style === 'apa') {
    if (same('container-title')) delete item['container-title'];
    if (same('publisher')) delete item.publisher;
    return;
  }
  if (same('container-title') || same('publisher')) delete item.author;
}

/** No language stated is taken as English, the language of the casing rules. */
function isEnglish(language: unknown): boolean {
  return typeof language !== 'string' || !language.trim() || /^en\b/iu.test(language.trim());
}
