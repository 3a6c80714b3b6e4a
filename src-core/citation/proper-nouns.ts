import {
  isAllCaps,
  isCapitalised,
  isLowercase,
  letters,
  splitCompound,
  splitPossessive,
  tokenize,
  type Word,
} from './tokens.ts';

/**
 * Lower-case words that may sit inside a multi-word name ("Voice of Jihad", "Bosnia and
 * Herzegovina", "Ludwig van Beethoven") without breaking it.
 */
const CONNECTORS = new Set([
  'of',
  'for',
  'and',
  'on',
  'the',
  'de',
  'du',
  'des',
  'del',
  'da',
  'van',
  'von',
  'der',
  'al',
  'bin',
  'la',
  'le',
]);

/** Longest run of capitalised words kept as a phrase: a bound on the sub-phrases added. */
const MAX_PHRASE = 6;

interface Evidence {
  canonical: string;
  /** Capitalised where grammar does not explain it (not sentence-initial). */
  inside: number;
  /** Of those, directly followed by another capitalised word ("Special Inspector"). */
  leading: number;
  lowercase: number;
}

/**
 * Proper nouns of an article, learned from its own prose. A word counts when it appears
 * capitalised somewhere a capital is not explained by grammar (not the first word of a sentence)
 * and never appears in lower case: "Taliban" and "Afghanistan" qualify, "Increased" does not.
 * Runs of capitalised words ("Middle East", "Voice of Jihad", "Donald Trump") are added as
 * phrases. A word seen only at the head of such a run ("Special" in "Special Inspector General",
 * "Middle" in "Middle East") is a modifier inside a name, not a name itself, so it is kept only
 * through the phrase; surnames and other run-final words stand alone ("Trump").
 */
export function learnProperNouns(paragraphs: readonly string[]): Set<string> {
  const evidence = new Map<string, Evidence>();
  const phrases = new Set<string>();
  for (const paragraph of paragraphs) {
    const { words } = tokenize(paragraph);
    if (looksLikeHeading(words)) continue;
    words.forEach((word, i) => collectEvidence(word, words[i + 1], evidence));
    collectPhrases(words, phrases);
  }
  const nouns = new Set<string>(phrases);
  for (const e of evidence.values()) {
    const alone = e.inside > e.leading || isAllCaps(e.canonical);
    if (e.inside > 0 && e.lowercase === 0 && alone && e.canonical) nouns.add(e.canonical);
  }
  return nouns;
}

function collectEvidence(
  word: Word,
  next: Word | undefined,
  evidence: Map<string, Evidence>,
): void {
  const parts = splitCompound(word.core);
  for (let j = 0; j < parts.length; j += 2) {
    const [stem] = splitPossessive(parts[j] ?? '');
    if (letters(stem).length < 2 || /\p{N}/u.test(stem)) continue;
    // "US" and "us" are different words; "Taliban" and "taliban" are the same one.
    const key = isAllCaps(stem) ? `A:${stem}` : stem.toLowerCase();
    const entry = evidence.get(key) ?? { canonical: '', inside: 0, leading: 0, lowercase: 0 };
    evidence.set(key, entry);
    if (isLowercase(stem)) entry.lowercase++;
    else if (isCapitalised(stem) && !(word.startsSentence && j === 0)) {
      entry.inside++;
      entry.canonical ||= stem;
      if (parts.length === 1 && !word.trail && next && isNameWord(next)) entry.leading++;
    }
  }
}

/** A capitalised single word (no hyphen) sitting right after a space. */
function isNameWord(word: Word): boolean {
  const [stem] = splitPossessive(word.core);
  return (
    /^\s+$/u.test(word.before) &&
    !word.lead &&
    splitCompound(word.core).length === 1 &&
    isCapitalised(stem) &&
    letters(stem).length >= 2
  );
}

function collectPhrases(words: readonly Word[], phrases: Set<string>): void {
  let run: string[] = [];
  const flush = (): void => {
    addPhrases(run, phrases);
    run = [];
  };
  for (const word of words) {
    const [stem, possessive] = splitPossessive(word.core);
    // Sentence-initial capitals say nothing, so such a word never starts a phrase.
    if (isNameWord(word) && !word.startsSentence) run.push(stem);
    else if (run.length > 0 && CONNECTORS.has(word.core) && !word.lead) run.push(stem);
    else flush();
    // A phrase never spans punctuation or a possessive ("Afghanistan's neighbours").
    if (word.trail || possessive) flush();
  }
  flush();
}

/**
 * Title-case headings inside a body ("Increased US Troops Deployed") are not evidence. Prose
 * ends with a full stop; a heading does not, and capitalises most of its longer words.
 */
function looksLikeHeading(words: readonly Word[]): boolean {
  const last = words[words.length - 1];
  if (!last || /\.["'”’)\]]*$/u.test(last.trail)) return false;
  const long = words.filter((w) => letters(w.core).length >= 4);
  if (long.length < 2) return false;
  const capitalised = long.filter((w) => isCapitalised(w.core)).length;
  return capitalised / long.length > 0.6;
}

function addPhrases(run: readonly string[], out: Set<string>): void {
  const words = run.slice(0, MAX_PHRASE * 2);
  for (let start = 0; start < words.length; start++) {
    if (CONNECTORS.has(words[start] ?? '')) continue;
    for (let end = start + 1; end < words.length && end - start < MAX_PHRASE; end++) {
      if (CONNECTORS.has(words[end] ?? '')) continue;
      out.add(words.slice(start, end + 1).join(' '));
    }
  }
}

/** Fast look-up over a proper-noun set: single words by lower case, phrases by first word. */
export interface ProperNounIndex {
  /** The canonical spelling of a single-word proper noun, or undefined. */
  word(part: string): string | undefined;
  /** Phrases (as word lists) starting with this word, longest first. */
  phrasesFrom(part: string): readonly string[][];
}

export function indexProperNouns(nouns: ReadonlySet<string>): ProperNounIndex {
  const words = new Map<string, string>();
  const phrases = new Map<string, string[][]>();
  for (const noun of nouns) {
    const parts = noun.split(/\s+/).filter(Boolean);
    const first = parts[0];
    if (!first) continue;
    if (parts.length === 1) {
      const existing = words.get(first.toLowerCase());
      // "Afghanistan" beats a shouted "AFGHANISTAN" from a heading.
      if (!existing || (isAllCaps(existing) && !isAllCaps(first))) {
        words.set(first.toLowerCase(), first);
      }
      continue;
    }
    const key = first.toLowerCase();
    const list = phrases.get(key) ?? [];
    list.push(parts);
    phrases.set(key, list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.length - a.length);
  return {
    word: (part) => words.get(part.toLowerCase()),
    phrasesFrom: (part) => phrases.get(part.toLowerCase()) ?? [],
  };
}
