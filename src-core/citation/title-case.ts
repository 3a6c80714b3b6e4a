import { analyseTitle, type Part } from './title-words.ts';
import { capitaliseFirst, isCapitalised, isLowercase, joinWords, type Word } from './tokens.ts';
import {
  APA_MINOR,
  ARTICLES,
  CHICAGO_CONJUNCTIONS,
  COORDINATING_CONJUNCTIONS,
  DETERMINERS,
  LATIN_AFTER_PREPOSITION,
  LIKE_AS_VERB_AFTER,
  NAME_PARTICLES,
  NOT_OBJECT_START,
  PARTICLES,
  PHRASAL_PREPOSITIONS,
  PREFIXES,
  PREPOSITION_OR_CONJUNCTION,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
} from './word-lists.ts';

/** The neighbours of a word, lower-cased; undefined at the edges and across punctuation. */
interface Context {
  prev: string | undefined;
  /** The word before `prev` ("as" in "as soon as"). */
  prev2: string | undefined;
  next: string | undefined;
  /** The word after `next`. */
  next2: string | undefined;
  /** Punctuation right after the word ("Shut Down, Lock Out"). */
  punctuated: boolean;
}

/**
 * What makes one title case differ from another. Every style capitalises the first and last
 * word of the title and of a subtitle, and every principal word; the table says which words are
 * minor (lower case) mid-title.
 */
interface TitleStyle {
  /** Lower case whatever their context: articles, conjunctions, "to", … */
  alwaysMinor: ReadonlySet<string>;
  /** Lower case unless context makes them another part of speech (prepositionActsAsOtherWord). */
  prepositions: ReadonlySet<string>;
  /** "like" is a preposition (lower case) unless it follows a pronoun or modal (a verb). */
  likeIsPreposition: boolean;
  /** The first word of "according to", "because of", … is lower case like the preposition it is. */
  phrasalPrepositions: boolean;
  /** "as" opening a clause and the "so" of "so that" are subordinating conjunctions: capitalised. */
  subordinatingAsAndSo: boolean;
  /** A preposition or article opening a Latin expression is capitalised ("In Vitro"). */
  latinExpressions: boolean;
  /** Minor words inside a hyphenated compound ("Hit-and-Run", "Up-to-Date"). */
  minorInCompound: ReadonlySet<string>;
  /** The element after a prefix that is not a word stays lower case ("Anti-inflammatory"). */
  prefixCompounds: boolean;
}

const NO_NOUNS: ReadonlySet<string> = new Set();

const union = (...sets: ReadonlySet<string>[]): ReadonlySet<string> =>
  new Set(sets.flatMap((s) => [...s]));

/**
 * MLA 9 (MLA Handbook 1.2.1): articles, every preposition whatever its length or number of words
 * ("according to"), coordinating conjunctions (and, but, for, nor, or, so, yet) and the "to" of
 * infinitives are lower case; subordinating conjunctions (after, although, as, because, if,
 * that, when, while, …) are principal words. Words that are both preposition and conjunction follow their function:
 * "Life As I Find It", "The Artist as Critic", "What Happened After We Left".
 */
const MLA: TitleStyle = {
  alwaysMinor: union(ARTICLES, COORDINATING_CONJUNCTIONS, new Set(['to'])),
  prepositions: PREPOSITIONS,
  likeIsPreposition: true,
  phrasalPrepositions: true,
  subordinatingAsAndSo: true,
  latinExpressions: false,
  minorInCompound: union(ARTICLES, COORDINATING_CONJUNCTIONS, PREPOSITIONS),
  prefixCompounds: false,
};

/** APA 7 (6.17): only articles, short conjunctions and prepositions of three letters or fewer. */
const APA: TitleStyle = {
  alwaysMinor: new Set(),
  prepositions: APA_MINOR,
  likeIsPreposition: false,
  phrasalPrepositions: false,
  subordinatingAsAndSo: false,
  latinExpressions: false,
  minorInCompound: APA_MINOR,
  prefixCompounds: false,
};

/** CMOS 18 8.160: prepositions of four letters or fewer; five letters or more are capitalised. */
const CHICAGO_PREPOSITIONS: ReadonlySet<string> = new Set(
  [...PREPOSITIONS].filter((p) => p.length <= 4),
);

/**
 * Chicago Manual of Style 18 title case (8.160, 8.161): articles, the conjunctions and, but, for,
 * or, nor ("yet" and "so" are capitalised), "to" and "as" in every function, and prepositions of
 * four letters or fewer are lower case; a preposition used adverbially or adjectivally ("Look Up",
 * "The On Button") or opening a Latin expression ("In Vitro") is capitalised.
 */
const CHICAGO: TitleStyle = {
  alwaysMinor: union(ARTICLES, CHICAGO_CONJUNCTIONS, new Set(['to', 'as'])),
  prepositions: CHICAGO_PREPOSITIONS,
  likeIsPreposition: true,
  phrasalPrepositions: false,
  subordinatingAsAndSo: false,
  latinExpressions: true,
  minorInCompound: union(ARTICLES, CHICAGO_CONJUNCTIONS, CHICAGO_PREPOSITIONS, new Set(['as'])),
  prefixCompounds: true,
};

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

/** Words after which "as" opens a clause: "As I Find It", "As If", "As Though". */
const AS_CLAUSE_NEXT = union(SUBJECT_PRONOUNS, new Set(['if', 'though']));
/** "as soon as", "as long as": both "as" belong to the conjunction. */
const AS_SOON = new Set(['soon', 'long']);

/** "as" or "so" used as a subordinating conjunction (MLA capitalises those). */
function subordinating(lower: string, { prev, prev2, next, next2 }: Context): boolean {
  if (lower === 'so') return next === 'that';
  if (lower !== 'as') return false;
  if (next !== undefined && AS_CLAUSE_NEXT.has(next)) return true;
  if (next !== undefined && AS_SOON.has(next) && next2 === 'as') return true;
  return prev !== undefined && AS_SOON.has(prev) && prev2 === 'as';
}

function isMinor(lower: string, context: Context, style: TitleStyle): boolean {
  if (style.latinExpressions && context.next && LATIN_AFTER_PREPOSITION.has(context.next)) {
    if (PREPOSITIONS.has(lower) || ARTICLES.has(lower)) return false;
  }
  if (style.subordinatingAsAndSo && subordinating(lower, context)) return false;
  if (style.alwaysMinor.has(lower)) return true;
  if (style.phrasalPrepositions && context.next !== undefined) {
    if (PHRASAL_PREPOSITIONS.get(lower) === context.next) return true;
  }
  if (lower === 'like' && style.likeIsPreposition) {
    return !(context.prev !== undefined && LIKE_AS_VERB_AFTER.has(context.prev));
  }
  return style.prepositions.has(lower) && !prepositionActsAsOtherWord(lower, context);
}

/**
 * MLA 9 title case (MLA Handbook 1.2.1): capitalise principal words; lower-case articles, every
 * preposition, coordinating conjunctions and the "to" of infinitives, except as the first or last
 * word of the title or of a subtitle. Subordinating conjunctions are capitalised. Acronyms,
 * proper nouns and inner capitals are kept; a title in ALL CAPS is recased, keeping only the
 * acronyms found in `properNouns`.
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

/**
 * Chicago Manual of Style 18 title case ("headline style", 8.160): capitalise the first and last
 * words of the title and of a subtitle and every major word; lower-case articles, and, but, for,
 * or, nor, "to" and "as", and prepositions of four letters or fewer unless used adverbially or
 * adjectivally or opening a Latin expression. Hyphenated compounds (8.161): the first element is
 * capitalised; later ones too unless they are minor words, or follow a prefix that is not a word
 * ("Anti-inflammatory", but "Anti-American", "Self-Sustaining"). Proper nouns, acronyms and
 * inner capitals keep their spelling.
 */
export function toChicagoTitleCase(
  title: string,
  properNouns: ReadonlySet<string> = NO_NOUNS,
): string {
  return titleCase(title, properNouns, CHICAGO);
}

function titleCase(title: string, properNouns: ReadonlySet<string>, style: TitleStyle): string {
  const { words, tail, parts, caseless } = analyseTitle(title, properNouns);
  // Neighbours for the context rules; punctuation after a word cuts it off from the next one.
  const lowerCore = (i: number): string | undefined => words[i]?.core.toLowerCase();
  const before = (i: number): string | undefined =>
    words[i - 1]?.trail ? undefined : lowerCore(i - 1);
  const after = (i: number): string | undefined => (words[i]?.trail ? undefined : lowerCore(i + 1));
  const cores = words.map((word, i) => {
    const wordParts = parts[i] ?? [];
    const next = words[i + 1];
    // Last word of the title, or of the main title before its subtitle.
    const final = next === undefined || next.startsSentence;
    const context: Context = {
      prev: before(i),
      prev2: before(i) === undefined ? undefined : before(i - 1),
      next: after(i),
      next2: after(i) === undefined ? undefined : after(i + 1),
      punctuated: word.trail !== '',
    };
    return wordParts
      .map((part, j) => {
        if (part.fixed) return part.text;
        const lower = part.text.toLowerCase();
        if (j === 0 && word.startsSentence) return capitaliseFirst(lower);
        if (j > 0) return compoundElement(wordParts, j, final, style);
        if (!caseless && keepsParticle(words, i)) return part.text;
        if (wordParts.length > 1) return capitaliseFirst(lower);
        if (final) return capitaliseFirst(lower);
        return isMinor(lower, context, style) ? lower : capitaliseFirst(lower);
      })
      .join('');
  });
  return joinWords(words, tail, cores);
}

/**
 * A later element of a hyphenated compound (j > 0; the first element is capitalised like a
 * word). It is capitalised unless it is a minor word of the style ("Hit-and-Run") or follows a
 * prefix that is not a word (Chicago: "Anti-inflammatory", "Non-English-Speaking"). The last
 * element of the last word is capitalised, except after such a prefix.
 */
function compoundElement(
  wordParts: readonly Part[],
  j: number,
  final: boolean,
  style: TitleStyle,
): string {
  const lower = (wordParts[j]?.text ?? '').toLowerCase();
  const previous = wordParts[j - 2];
  const afterPrefix =
    style.prefixCompounds &&
    j === 2 &&
    previous !== undefined &&
    /^[-‐‑]$/u.test(wordParts[j - 1]?.text ?? '') &&
    PREFIXES.has(previous.text.toLowerCase());
  if (afterPrefix) return lower;
  if (j === wordParts.length - 1 && final) return capitaliseFirst(lower);
  return style.minorInCompound.has(lower) ? lower : capitaliseFirst(lower);
}

/** Particles in a row before a surname: "von der Leyen", "van der Berg", "de la Cruz". */
const MAX_PARTICLES = 3;

/**
 * The lower-case particle of a personal name ("Charles de Gaulle", "Ursula von der Leyen") stays
 * lower case when the title writes it so, before a capitalised name.
 */
function keepsParticle(words: readonly Word[], i: number): boolean {
  for (let k = i; k < i + MAX_PARTICLES; k++) {
    const word = words[k];
    if (!word || word.trail || !NAME_PARTICLES.has(word.core) || !isLowercase(word.core)) {
      return false;
    }
    const next = words[k + 1];
    if (next && !NAME_PARTICLES.has(next.core)) return isCapitalised(next.core);
  }
  return false;
}
