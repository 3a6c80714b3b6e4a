import { indexProperNouns, type ProperNounIndex } from './proper-nouns.ts';
import {
  hasDigit,
  hasInnerCapital,
  isAllCaps,
  isCaseless,
  isCapitalised,
  isPronounI,
  letters,
  splitCompound,
  splitPossessive,
  tokenize,
  type Word,
} from './tokens.ts';
import { HONORIFICS, NUMBERED_NOUNS } from './word-lists.ts';

/** One piece of a word: "US-backed" has the parts "US", "-", "backed". */
export interface Part {
  text: string;
  /** The spelling is settled (acronym, proper noun, iPhone, "I"): no case rule may change it. */
  fixed: boolean;
}

export interface AnalysedTitle {
  words: Word[];
  tail: string;
  /** Per word, its parts; separators sit at odd indices and are always fixed. */
  parts: Part[][];
  /** The title carries no case information (ALL CAPS or all lower case). */
  caseless: boolean;
}

/**
 * Decides, word by word, which spellings are settled before any case style applies. Sentence
 * case, title case and BibTeX brace protection all start from this one analysis.
 */
export function analyseTitle(title: string, properNouns: ReadonlySet<string>): AnalysedTitle {
  const { words, tail } = tokenize(title);
  const nouns = indexProperNouns(properNouns);
  const caseless = isCaseless(words);
  const parts = words.map((w) =>
    splitCompound(w.core).map((text, j) => ({ text, fixed: j % 2 === 1 })),
  );
  for (let i = 0; i < words.length; i++) {
    const matched = matchPhrase(words, parts, i, nouns, caseless);
    if (matched > 0) {
      i += matched - 1;
      continue;
    }
    const wordParts = parts[i] ?? [];
    for (let j = 0; j < wordParts.length; j += 2) {
      const part = wordParts[j];
      if (!part) continue;
      const settled = settledSpelling(part.text, words, i, nouns, caseless);
      if (settled !== null) wordParts[j] = { text: settled, fixed: true };
    }
  }
  return { words, tail, parts, caseless };
}

function settledSpelling(
  text: string,
  words: readonly Word[],
  i: number,
  nouns: ProperNounIndex,
  caseless: boolean,
): string | null {
  if (!letters(text)) return text;
  // Domains, e-mail addresses and URLs are written as they are ("globalresearch.ca").
  // (Two letters either side of the dot say the same as "two or more", without backtracking.)
  if (/\p{L}{2}\.\p{L}{2}|@|:\/\//u.test(text)) return text;
  // Dotted lower-case abbreviations: "e.g", "i.e", "a.m".
  if (/^(?:\p{Ll}\.)+\p{Ll}$/u.test(text)) return text;
  if (isPronounI(text) || /^i(?:['’](?:m|ll|d|ve))?$/u.test(text)) return `I${text.slice(1)}`;
  const [stem, possessive] = splitPossessive(text);
  const known = nouns.word(stem);
  if (
    known &&
    (caseless || isCapitalised(stem)) &&
    (!isAllCaps(known) || caseless || isAllCaps(stem))
  ) {
    return known + possessive.toLowerCase();
  }
  if (caseless) return hasDigit(text) && !isAllCaps(text) ? text : null;
  if (hasDigit(text) || isAllCaps(text) || hasInnerCapital(text)) return text;
  if (!isCapitalised(text)) return null;
  const word = words[i];
  const next = words[i + 1];
  const lower = text.toLowerCase();
  // Initials: "John F. Kennedy".
  if (/^\p{Lu}$/u.test(text) && word?.trail.startsWith('.')) return text;
  if (
    HONORIFICS.has(lower) &&
    next &&
    isCapitalised(next.core) &&
    /^\.?$/u.test(word?.trail ?? '')
  ) {
    return text;
  }
  if (NUMBERED_NOUNS.has(lower) && next && !word?.trail && isNumberLike(next.core)) return text;
  return null;
}

/** "2", "12b", "II", "B": what follows a numbered noun ("Table 2", "Phase II", "Appendix B"). */
function isNumberLike(core: string): boolean {
  return /^\p{N}+\p{L}?$/u.test(core) || /^[IVXLC]+$/u.test(core) || /^\p{Lu}$/u.test(core);
}

/**
 * Marks the longest learned multi-word name ("Middle East") starting at word i; returns its
 * length. Names are looked up whole, by their words in lower case, so each title word costs at
 * most MAX_MATCHED_WORDS look-ups however many names the article taught.
 */
function matchPhrase(
  words: readonly Word[],
  parts: Part[][],
  i: number,
  nouns: ProperNounIndex,
  caseless: boolean,
): number {
  const longest = Math.min(nouns.longestPhrase, MAX_MATCHED_WORDS);
  let prefix = '';
  let best: readonly string[] | undefined;
  for (let k = 0; k < longest; k++) {
    const w = words[i + k];
    if (!w || (k > 0 && (!/^\s+$/u.test(w.before) || w.lead))) break;
    const stem = splitPossessive(w.core)[0];
    const key = prefix + stem.toLowerCase();
    const phrase = k > 0 ? nouns.phrase(key) : undefined;
    if (phrase && phrase.length === k + 1 && fitsCase(phrase, words, i, caseless)) best = phrase;
    // Only the last word of a name may carry punctuation or a possessive.
    if (w.trail || stem !== w.core) break;
    prefix += `${w.core.toLowerCase()} `;
  }
  if (!best) return 0;
  best.forEach((expected, k) => {
    const w = words[i + k];
    if (!w || !isCapitalised(expected)) return;
    const possessive = splitPossessive(w.core)[1];
    parts[i + k] = [{ text: expected + possessive.toLowerCase(), fixed: true }];
  });
  return best.length;
}

/** Names longer than this are not looked for in titles (learned ones stop at MAX_PHRASE_WORDS). */
const MAX_MATCHED_WORDS = 12;

/** A capitalised word of the name must be capitalised in the title, unless it has no case. */
function fitsCase(
  phrase: readonly string[],
  words: readonly Word[],
  i: number,
  caseless: boolean,
): boolean {
  if (caseless) return true;
  return phrase.every((expected, k) => {
    const stem = splitPossessive(words[i + k]?.core ?? '')[0];
    return !isCapitalised(expected) || isCapitalised(stem);
  });
}
