import type { CslItem } from '../article/model.ts';
import { toSentenceCase } from './sentence-case.ts';
import { toApaTitleCase, toMlaTitleCase } from './title-case.ts';
import type { InTextStyle } from './types.ts';

/** citeproc sees one item per call; a fixed id keeps its engine's registry to one entry. */
export const ITEM_ID = 'quire-item';

export const UNTITLED = '[Untitled]';

/** MLA italicises or quotes these as titles; the style asked citeproc to title-case them. */
const MLA_TITLE_FIELDS = [
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

/**
 * The item as a style should print it, with Quire's casing applied: APA sentence case for the
 * reference-list title and APA title case for the short title of in-text citations; MLA title
 * case for every title. Periodical and site names stay as published in APA (APA 7 9.25).
 */
export function itemForStyle(
  csl: CslItem,
  style: InTextStyle,
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
  if (style === 'mla') {
    for (const field of MLA_TITLE_FIELDS) {
      const value = item[field];
      if (typeof value === 'string' && value.trim()) item[field] = toMlaTitleCase(value, nouns);
    }
    return item;
  }
  const title = typeof csl.title === 'string' && csl.title.trim() ? csl.title : null;
  if (!title) return item;
  item.title = toSentenceCase(title, nouns);
  const short = typeof csl['title-short'] === 'string' ? csl['title-short'] : title;
  item['title-short'] = APA_SENTENCE_SHORT.has(csl.type)
    ? toSentenceCase(short, nouns)
    : toApaTitleCase(short, nouns);
  return item;
}
