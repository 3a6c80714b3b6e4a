import { analyseTitle } from './title-words.ts';
import { capitaliseFirst, joinWords } from './tokens.ts';
import {
  APA_MINOR,
  ARTICLES,
  COORDINATING_CONJUNCTIONS,
  DETERMINERS,
  LIKE_AS_VERB_AFTER,
  NOT_OBJECT_START,
  PARTICLES,
  PREPOSITION_OR_CONJUNCTION,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
} from './word-lists.ts';

/** The neighbours of a word, lower-cased; undefined at the edges. */
interface Context {
  prev: string | undefined;
  next: string | undefined;
  /** Punctuation right after the word ("Shut Down, Lock Out"). */
  punctuated: boolean;
}

interface TitleRules {
  minor(lower: string, context: Context): boolean;
  /** Minor words inside a hyphenated compound ("Hit-and-Run", "Up-to-Date"). */
  minorInCompound: ReadonlySet<string>;
}

const NO_NOUNS: ReadonlySet<string> = new Set();

const MLA_COMPOUND_MINOR = new Set([...ARTICLES, ...COORDINATING_CONJUNCTIONS, ...PREPOSITIONS]);

/**
 * Context rules for words that are prepositions only some of the time. A preposition is a
 * principal word (capitalised) when:
 * - a determiner precedes it, making it a noun or adjective ("The Inside Story", "Our Past");
 * - it is after/before/since/until opening a clause ("After We Left");
 * - it is a verb particle: followed by punctuation, by the end of the title, or by a word that
 *   cannot start its object ("Giving Up on Love", "Log In to Your Account", "Shut Down, Lock Out").
 * A particle directly before a noun phrase reads as a preposition and stays lower case
 * ("Turn off the Lights"): without a part-of-speech tagger that is the safer reading, because
 * true prepositions before nouns are far more common in titles than separable phrasal verbs.
 */
function prepositionActsAsOtherWord(lower: string, { prev, next, punctuated }: Context): boolean {
  if (prev !== undefined && DETERMINERS.has(prev)) return true;
  if (PREPOSITION_OR_CONJUNCTION.has(lower) && next !== undefined && SUBJECT_PRONOUNS.has(next)) {
    return true;
  }
  return PARTICLES.has(lower) && (punctuated || next === undefined || NOT_OBJECT_START.has(next));
}

const MLA: TitleRules = {
  minor(lower, context) {
    if (ARTICLES.has(lower) || COORDINATING_CONJUNCTIONS.has(lower) || lower === 'to') return true;
    if (lower === 'like')
      return !(context.prev !== undefined && LIKE_AS_VERB_AFTER.has(context.prev));
    return PREPOSITIONS.has(lower) && !prepositionActsAsOtherWord(lower, context);
  },
  minorInCompound: MLA_COMPOUND_MINOR,
};

const APA: TitleRules = {
  minor: (lower, context) => APA_MINOR.has(lower) && !prepositionActsAsOtherWord(lower, context),
  minorInCompound: APA_MINOR,
};

/**
 * MLA 9 title case (MLA Handbook 1.2.1): capitalise principal words; lower-case articles, every
 * preposition, coordinating conjunctions and the "to" of infinitives, except as the first or last
 * word of the title or of a subtitle. Acronyms, proper nouns and inner capitals are kept; a
 * title in ALL CAPS is recased, keeping only the acronyms found in `properNouns`.
 */
export function toMlaTitleCase(title: string, properNouns: ReadonlySet<string> = NO_NOUNS): string {
  return titleCase(title, properNouns, MLA);
}

/**
 * APA 7 title case (Publication Manual 6.17), used where APA prints a title in running text
 * (in-text citations of works without an author): capitalise every word of four letters or more
 * and all principal words; lower-case only articles, short conjunctions and short prepositions.
 */
export function toApaTitleCase(title: string, properNouns: ReadonlySet<string> = NO_NOUNS): string {
  return titleCase(title, properNouns, APA);
}

function titleCase(title: string, properNouns: ReadonlySet<string>, rules: TitleRules): string {
  const { words, tail, parts } = analyseTitle(title, properNouns);
  const lowerCore = (i: number): string | undefined => words[i]?.core.toLowerCase();
  const cores = words.map((word, i) => {
    const wordParts = parts[i] ?? [];
    const next = words[i + 1];
    // Last word of the title, or of the main title before its subtitle.
    const final = next === undefined || next.startsSentence;
    return wordParts
      .map((part, j) => {
        if (part.fixed) return part.text;
        const lower = part.text.toLowerCase();
        if (j === 0 && word.startsSentence) return capitaliseFirst(lower);
        if (j === wordParts.length - 1 && final) return capitaliseFirst(lower);
        if (j > 0) return rules.minorInCompound.has(lower) ? lower : capitaliseFirst(lower);
        if (wordParts.length > 1) return capitaliseFirst(lower);
        const context: Context = {
          prev: words[i - 1]?.trail ? undefined : lowerCore(i - 1),
          next: lowerCore(i + 1),
          punctuated: word.trail !== '',
        };
        return rules.minor(lower, context) ? lower : capitaliseFirst(lower);
      })
      .join('');
  });
  return joinWords(words, tail, cores);
}
