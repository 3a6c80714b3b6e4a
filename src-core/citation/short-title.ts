import { ARTICLES, COORDINATING_CONJUNCTIONS, PREPOSITIONS } from './word-lists.ts';

/** Longer main titles are cut to this many words (CMOS 18 13.32: "no more than five words"). */
const MAX_WORDS = 4;

/**
 * The short title cited in the text when a work has no author (APA 7 8.14, MLA 9 6.4) or in
 * shortened notes (CMOS 18 13.32): the main title (before a colon, question mark, exclamation
 * mark or full stop), cut after its fourth word when it is longer (or after the next content word,
 * so it does not end on a function word). A one-word main title ("Video: …") is a label, not the title, so the
 * words after it are kept. Chicago also drops an initial article.
 */
export function shortTitle(title: string, { dropArticle = false } = {}): string {
  const words = title.trim().split(/\s+/u).filter(Boolean);
  let end = words.findIndex((w, i) => i > 0 && /[:?!]$|[^.\s]{2,}\.$/u.test(w));
  if (end === 0 || (end !== -1 && end < 1)) end = -1;
  let main = end === -1 ? words : words.slice(0, end + 1);
  if (main.length < 2 && words.length > main.length) main = words;
  if (dropArticle && main.length > 1 && ARTICLES.has(bare(main[0]!))) main = main.slice(1);
  if (main.length > MAX_WORDS + 1) {
    // Cut after the fourth word, or after the first content word that follows it, so the short
    // title never ends on "of", "the" or "are" ("A Guide to the Birds", not "A Guide to the").
    let cut = MAX_WORDS;
    while (cut < main.length && isFunctionWord(main[cut - 1]!)) cut++;
    main = main.slice(0, cut);
  }
  return main.join(' ').replace(/[\s:;,.?!]+$/u, (tail) => (/[?!]/u.test(tail) ? tail.trim() : ''));
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}'-]/gu, '');
}

/** Verbs that only help the next one: a short title never ends on them ("Why Cities Are"). */
const AUXILIARIES = new Set(
  'am is are was were be been being has have had do does did can could will would shall should may might must'.split(
    ' ',
  ),
);

function isFunctionWord(word: string): boolean {
  const w = bare(word);
  return (
    ARTICLES.has(w) || PREPOSITIONS.has(w) || COORDINATING_CONJUNCTIONS.has(w) || AUXILIARIES.has(w)
  );
}
