import { analyseTitle } from './title-words.ts';
import { capitaliseFirst, isCapitalised, joinWords, type Word } from './tokens.ts';
import { ARTICLES, COORDINATING_CONJUNCTIONS, PARTICLES, PREPOSITIONS } from './word-lists.ts';

/**
 * APA 7 sentence case (Publication Manual 6.17): lower-case every word except the first word,
 * the first word after a colon, an em dash or end punctuation, proper nouns (learned from the
 * article, see learnProperNouns), acronyms, words with inner capitals (iPhone, McDonald), the
 * pronoun I, initials, and nouns followed by a number ("Table 2"). Hyphenated compounds are
 * cased part by part: "Self-Proclaimed" -> "self-proclaimed", "Anti-American" keeps "American".
 *
 * A title that is already in sentence case ("Notes on the March meeting") says by its own
 * capitals which words are names, so those are kept as written.
 */
export function toSentenceCase(title: string, properNouns: ReadonlySet<string>): string {
  const { words, tail, parts } = analyseTitle(title, properNouns);
  const keepCapitals = isSentenceCased(words);
  const cores = words.map((word, i) =>
    (parts[i] ?? [])
      .map((part, j) => {
        if (part.fixed) return part.text;
        if (keepCapitals && !(j === 0 && word.startsSentence) && isCapitalised(part.text))
          return part.text;
        const lower = part.text.toLowerCase();
        return j === 0 && word.startsSentence ? capitaliseFirst(lower) : lower;
      })
      .join(''),
  );
  return joinWords(words, tail, cores);
}

const MINOR = new Set([
  ...ARTICLES,
  ...COORDINATING_CONJUNCTIONS,
  ...PREPOSITIONS,
  ...PARTICLES,
  'to',
]);

/**
 * Title case capitalises every principal word, so one lower-case principal word ("meeting")
 * shows the title was written in sentence case; a caseless title shows nothing.
 */
function isSentenceCased(words: readonly Word[]): boolean {
  const lower = words.filter((w) => !w.startsSentence && /^\p{Ll}[\p{Ll}'’-]{2,}$/u.test(w.core));
  const capital = words.filter((w) => isCapitalised(w.core));
  return capital.length > 0 && lower.some((w) => !MINOR.has(w.core.toLowerCase()));
}
