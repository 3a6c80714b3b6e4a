import { analyseTitle } from './title-words.ts';
import { capitaliseFirst, joinWords } from './tokens.ts';

/**
 * APA 7 sentence case (Publication Manual 6.17): lower-case every word except the first word,
 * the first word after a colon, an em dash or end punctuation, proper nouns (learned from the
 * article, see learnProperNouns), acronyms, words with inner capitals (iPhone, McDonald), the
 * pronoun I, initials, and nouns followed by a number ("Table 2"). Hyphenated compounds are
 * cased part by part: "Self-Proclaimed" -> "self-proclaimed", "Anti-American" keeps "American".
 */
export function toSentenceCase(title: string, properNouns: ReadonlySet<string>): string {
  const { words, tail, parts } = analyseTitle(title, properNouns);
  const cores = words.map((word, i) =>
    (parts[i] ?? [])
      .map((part, j) => {
        if (part.fixed) return part.text;
        const lower = part.text.toLowerCase();
        return j === 0 && word.startsSentence ? capitaliseFirst(lower) : lower;
      })
      .join(''),
  );
  return joinWords(words, tail, cores);
}
