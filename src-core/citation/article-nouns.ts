import { learnProperNouns, sharedNamesOf, withSharedNames } from './proper-nouns.ts';
import { PROPER_NOUN_LEXICON } from './proper-noun-lexicon.ts';
import type { CitableArticle } from './types.ts';

/**
 * What the article's body teaches, plus the lexicon's names that the body never writes in
 * lower case ("turkey" in a recipe keeps the bird from becoming a country).
 */
export function articleProperNouns(
  paragraphs: readonly string[],
  about?: ReadonlySet<string>,
): Set<string> {
  const nouns = learnProperNouns(paragraphs, about);
  // The lexicon is not copied into each article's set (it would cost every article ~400
  // names): the set is marked as also holding the lexicon except the names the text writes in
  // lower case, and the casing index consults both. With `about`, only the names made of those
  // words can matter, and only they are looked for.
  const except = new Set<string>();
  for (const name of about ? lexiconNamesIn(about) : PROPER_NOUN_LEXICON) {
    const lower = name.toLowerCase();
    if (paragraphs.some((p) => containsWords(p, lower))) except.add(lower);
  }
  return withSharedNames(nouns, LEXICON, except);
}

const LEXICON: ReadonlySet<string> = new Set(PROPER_NOUN_LEXICON);

const LEXICON_WORDS = PROPER_NOUN_LEXICON.map((name) => ({
  name,
  words: name.toLowerCase().split(' '),
}));

/** The lexicon's names all of whose words are among `words` (lower case). */
function lexiconNamesIn(words: ReadonlySet<string>): string[] {
  return LEXICON_WORDS.filter((entry) => entry.words.every((w) => words.has(w))).map(
    (entry) => entry.name,
  );
}

const isWordChar = (c: string | undefined): boolean => !!c && /[\p{L}\p{N}]/u.test(c);

/** `phrase` in `text` as whole words (not inside a longer word). */
function containsWords(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + phrase.length])) return true;
  }
  return false;
}

/** Words that say nothing about names: a paragraph is not read for them. */
const FUNCTION_WORDS = new Set(
  'a an the and or nor but for so yet of in on at to by as from with into onto over under is are was were be been it its this that these those'.split(
    ' ',
  ),
);

/** The words of these titles that can be names, in lower case (see paragraphsAbout). */
export function titleWords(titles: readonly unknown[]): Set<string> {
  const keys = new Set<string>();
  for (const title of titles) {
    if (typeof title !== 'string') continue;
    for (const [word] of title.matchAll(/[\p{L}\p{N}]+/gu)) {
      const key = word.toLowerCase();
      if (!FUNCTION_WORDS.has(key)) keys.add(key);
    }
  }
  return keys;
}

/**
 * How much of the relevant text names are learned from. A name's evidence shows within the
 * first pages that mention it; reading a 10 MB body whole would block the window for the
 * length of a book (issue 9) and teach nothing more.
 */
export const LEARNING_BUDGET_CHARS = 200_000;

/** How much of the body is searched for those paragraphs: the first pages of a very long one. */
export const SCAN_BUDGET_CHARS = 1_000_000;

/**
 * The paragraphs that can tell anything about these words (titleWords), in order, up to
 * `budget` characters found among the first `scan` characters of the body. Every piece of evidence for a word (capitalised mid-sentence, a name it
 * belongs to, a lower-case use) sits in a paragraph that contains the word, so the others are
 * not read: long bodies cost their relevant paragraphs only. One case-insensitive pattern of
 * the words, tested per paragraph, finds them (linear in the text).
 */
export function paragraphsAbout(
  paragraphs: readonly string[],
  words: ReadonlySet<string>,
  budget: number = LEARNING_BUDGET_CHARS,
  scan: number = SCAN_BUDGET_CHARS,
): string[] {
  if (words.size === 0) return [];
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');
  const found: string[] = [];
  let used = 0;
  let scanned = 0;
  for (const text of paragraphs) {
    if (used >= budget || scanned >= scan) break;
    scanned += text.length;
    if (!pattern.test(text)) continue;
    found.push(text);
    used += text.length;
  }
  return found;
}

/** Works whose text (a description, an abstract) names the work itself by its title. */
const SELF_NAMING_TYPES = new Set([
  'book',
  'chapter',
  'report',
  'thesis',
  'paper-conference',
  'motion_picture',
  'broadcast',
  'song',
  'musical_score',
  'dataset',
  'software',
]);

/**
 * A book's description that names the book ("Fear and Trembling was published in 1843") writes
 * the title in title case because it is a title, not because its words are names: learned from
 * there, the title would keep its capitals in sentence case ("Fear and Trembling" instead of
 * APA's "Fear and trembling"). For such works the title, its main title and its subtitle, where
 * the text writes them as the title has them, are read as a plain "it" before names are learned.
 * Web pages and news keep theirs: a page titled "Barack Obama" is about a name.
 */
export function withoutOwnTitle(
  paragraphs: readonly string[],
  title: unknown,
  type: string,
): string[] {
  if (typeof title !== 'string' || !SELF_NAMING_TYPES.has(type)) return [...paragraphs];
  const parts = [title, ...title.split(/[:?!.]\s+/u)]
    .map((p) => p.trim().replace(/[:?!.]+$/u, ''))
    .filter((p) => /\s/u.test(p))
    .sort((x, y) => y.length - x.length);
  return paragraphs.map((text) => parts.reduce((out, part) => out.split(part).join('it'), text));
}

/** The people and publications the metadata names are proper nouns wherever the title uses them. */
export function withMetadataNames(nouns: Set<string>, article: CitableArticle): Set<string> {
  const names = [
    ...(article.csl.author ?? []).flatMap((n) => [n.literal, n.family, n.given]),
    article.csl['container-title'],
    article.originalSource?.name,
  ].filter((n): n is string => typeof n === 'string' && /^\p{Lu}/u.test(n.trim()));
  if (names.length === 0) return nouns;
  const merged = new Set(nouns);
  for (const name of names) merged.add(name.trim());
  const shared = sharedNamesOf(nouns);
  return shared ? withSharedNames(merged, LEXICON, shared.except) : merged;
}
