import { PROPER_NOUN_LEXICON } from './proper-noun-lexicon.ts';
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
import { NAME_PARTICLES, NON_PERSON_WORDS, ROLE_WORDS, SENTENCE_OPENERS } from './word-lists.ts';

/**
 * Lower-case words that may sit inside a multi-word name ("Voice of Jihad", "Bosnia and
 * Herzegovina", "Ludwig van Beethoven") without breaking it.
 */
const CONNECTORS = new Set(['of', 'for', 'the', 'and', ...NAME_PARTICLES]);

/** Connectors that join a name to another name ("Bank of England"), not parts of one person's name. */
const LINKS = new Set(['of', 'for', 'the']);

/** Longest name kept as a phrase, connectors included; longer runs are lists or headings. */
const MAX_PHRASE_WORDS = 8;

/** A person's name has two or three names besides its particles ("Ludwig van Beethoven"). */
const PERSON_NAMES = { min: 2, max: 3 };

/** Places, peoples, languages and months of the lexicon: never a person's given name or surname. */
const LEXICON_WORDS: ReadonlySet<string> = new Set(
  PROPER_NOUN_LEXICON.filter((n) => !n.includes(' ')).map((n) => n.toLowerCase()),
);

interface Evidence {
  canonical: string;
  /** Capitalised where grammar does not explain it (not sentence-initial). */
  inside: number;
  /** Of those, written as a name on its own: not inside a run of capitalised words. */
  standalone: number;
  /** The last word of a run that reads as a person's name ("Trump" in "Donald Trump"). */
  surname: boolean;
  lowercase: number;
}

/** One word of a run of capitalised words; `key` finds its Evidence. */
interface RunWord {
  text: string;
  key: string;
  connector: boolean;
}

/**
 * Proper nouns of an article, learned from its own prose.
 *
 * A run of capitalised words the grammar does not explain ("the Special Inspector General for
 * Afghanistan Reconstruction", "US President Donald Trump") is a name, learned whole as a phrase;
 * its words are parts of that name, not names on their own: "Public" in "the National Public
 * Radio Foundation" says nothing about "Public Radio Funding Cuts". A single word is a name on
 * its own when the body writes it capitalised outside any run ("near Kabul", "the Trump
 * administration"), or it is an acronym, or it is the surname of a run that reads as a person's
 * name (see personSuffix) — and in every case the body never writes it in lower case.
 *
 * Sentence-initial capitals say nothing, so such a word never counts as evidence; when it is
 * followed by a name it may be that name's head ("Donald Trump said"), so the run is kept both
 * with and without it, and the word after it is not taken as a name on its own. Runs joined only
 * by "and" ("Syria and Iraq", "Donald Trump and Vladimir Putin") are also read conjunct by
 * conjunct (conjunctsOf). A name ending in a class noun ("Belt and Road Initiative", "New York
 * Times") is also known without it when two names or more remain, unless the body writes every
 * one of them in lower case too ("human rights" beside "Human Rights Watch").
 *
 * With `about` (lower-case words, e.g. a title's), only the sentences that contain one of them
 * are read: what is learned about those words is the same, and the rest is not needed.
 */
export function learnProperNouns(
  paragraphs: readonly string[],
  about?: ReadonlySet<string>,
): Set<string> {
  const evidence = new Map<string, Evidence>();
  const phrases = new Set<string>();
  const stems: RunWord[][] = [];
  const lowercase = new Set<string>();
  const learner = new RunLearner(evidence, phrases, stems, lowercase);
  for (const paragraph of paragraphs) {
    const { words } = tokenize(paragraph);
    if (looksLikeHeading(words)) continue;
    if (about) {
      // Only sentences that contain one of the words asked about: a name never spans a
      // sentence end, and all the evidence about a word lies in the sentences it is in.
      for (const sentence of sentencesOf(words)) {
        if (!sentence.some((w) => mentions(w.core, about))) continue;
        for (const word of sentence) learner.add(word);
        learner.flush();
      }
      continue;
    }
    for (const word of words) learner.add(word);
    learner.flush();
  }
  // Plain lower-case words were only noted (most words of a text): counted here, once.
  for (const [key, e] of evidence) if (lowercase.has(key)) e.lowercase++;
  // "Belt and Road" (Initiative), "New York" (Times), but not "Human Rights" (Watch) when the
  // body also writes "human rights": every word of the stem in lower case elsewhere.
  for (const stem of stems) {
    const named = stem.some((w) => !w.connector && !evidence.get(w.key)?.lowercase);
    if (named) learner.addPhrase(stem);
  }
  const nouns = new Set<string>(phrases);
  for (const e of evidence.values()) {
    const alone = e.standalone > 0 || e.surname || isAllCaps(e.canonical);
    if (e.inside > 0 && e.lowercase === 0 && alone && e.canonical) nouns.add(e.canonical);
  }
  return nouns;
}

/** Words grouped into sentences (a sentence starts where tokenize says one does). */
function sentencesOf(words: readonly Word[]): Word[][] {
  const sentences: Word[][] = [];
  for (const word of words) {
    const last = sentences[sentences.length - 1];
    if (word.startsSentence || !last) sentences.push([word]);
    else last.push(word);
  }
  return sentences;
}

/** Whether `text` (a word or a paragraph) contains one of `words` (lower case), in any case. */
export function mentions(text: string, words: ReadonlySet<string>): boolean {
  if (words.has(text.toLowerCase())) return true;
  if (!NON_WORD_CHAR.test(text)) return false;
  for (const [part] of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (words.has(part.toLowerCase())) return true;
  }
  return false;
}

const NON_WORD_CHAR = /[^\p{L}\p{N}]/u;

const PLAIN_LOWER = /^\p{Ll}+$/u;

const keyOf = (stem: string): string => (isAllCaps(stem) ? `A:${stem}` : stem.toLowerCase());

/** Collects per-word evidence and the runs of capitalised words, one word at a time. */
class RunLearner {
  private run: RunWord[] = [];
  /** The run starts with a sentence-initial word that may or may not belong to the name. */
  private uncertainHead = false;

  constructor(
    private readonly evidence: Map<string, Evidence>,
    private readonly phrases: Set<string>,
    /** Names without their final class noun, kept if the body's lower case allows (above). */
    private readonly stems: RunWord[][],
    /** Plain lower-case words seen, the evidence most words give (counted in at the end). */
    private readonly lowercase: Set<string>,
  ) {}

  add(word: Word): void {
    // Fast path for the commonest word: plain lower-case letters, no apostrophe or hyphen.
    if (PLAIN_LOWER.test(word.core)) {
      if (word.core.length > 1) this.lowercase.add(word.core);
      const continues = this.run.length > 0 && /^\s+$/u.test(word.before) && !word.lead;
      if (continues && CONNECTORS.has(word.core) && this.connects(word.core)) {
        this.run.push({ text: word.core, key: '', connector: true });
      } else this.flush();
      if (word.trail) this.flush();
      return;
    }
    this.collectEvidence(word);
    const [stem, possessive] = splitPossessive(word.core);
    const lower = word.core.toLowerCase();
    const continues = this.run.length > 0 && /^\s+$/u.test(word.before) && !word.lead;
    if (isRunWord(word) && !word.startsSentence) {
      if (!continues) this.flush();
      this.run.push({ text: stem, key: keyOf(stem), connector: false });
    } else if (continues && CONNECTORS.has(word.core) && this.connects(word.core)) {
      this.run.push({ text: word.core, key: '', connector: true });
    } else {
      this.flush();
      if (isRunWord(word) && !word.trail && !possessive && !SENTENCE_OPENERS.has(lower)) {
        this.run.push({ text: stem, key: keyOf(stem), connector: false });
        this.uncertainHead = true;
      }
    }
    // A name never spans punctuation or a possessive ("Afghanistan's neighbours").
    if (word.trail || possessive) this.flush();
  }

  /** "the" joins a name only after "of" or "for" ("Voice of the People", not "X and the Y"). */
  private connects(connector: string): boolean {
    if (connector !== 'the') return true;
    const last = this.run[this.run.length - 1]?.text;
    return last === 'of' || last === 'for';
  }

  flush(): void {
    if (this.run.length === 0) {
      this.uncertainHead = false;
      return;
    }
    const run = trimConnectors(this.run);
    const uncertain = this.uncertainHead;
    this.run = [];
    this.uncertainHead = false;
    if (run.length === 0) return;
    const rest = uncertain ? trimConnectors(run.slice(1)) : run;
    if (uncertain) {
      if (names(run) < 2) return;
      this.addPhrase(run);
      this.addPhrase(rest);
    } else {
      this.addPhrase(run);
    }
    const last = rest[rest.length - 1];
    if (last && NON_PERSON_WORDS.has(last.text.toLowerCase())) {
      const stem = trimConnectors(rest.slice(0, -1));
      if (names(stem) >= 2) this.stems.push(stem);
    }
    const conjuncts = conjunctsOf(run);
    conjuncts.forEach((conjunct, c) => {
      const headless = uncertain && c === 0;
      if (conjunct !== run) this.addPhrase(conjunct);
      if (conjunct.length === 1 && !headless) {
        const only = conjunct[0];
        if (only) this.entry(only.key).standalone++;
        return;
      }
      const person = personSuffix(conjunct);
      if (!person) return;
      const last = person[person.length - 1];
      if (last) this.entry(last.key).surname = true;
      this.addPhrase(person);
    });
  }

  addPhrase(words: readonly RunWord[]): void {
    if (names(words) < 2 || words.length > MAX_PHRASE_WORDS) return;
    this.phrases.add(words.map((w) => w.text).join(' '));
  }

  private entry(key: string): Evidence {
    let entry = this.evidence.get(key);
    if (!entry) {
      entry = { canonical: '', inside: 0, standalone: 0, surname: false, lowercase: 0 };
      this.evidence.set(key, entry);
    }
    return entry;
  }

  private collectEvidence(word: Word): void {
    const parts = splitCompound(word.core);
    for (let j = 0; j < parts.length; j += 2) {
      const [stem] = splitPossessive(parts[j] ?? '');
      if (letters(stem).length < 2 || /\p{N}/u.test(stem)) continue;
      // "US" and "us" are different words; "Taliban" and "taliban" are the same one.
      const entry = this.entry(keyOf(stem));
      if (isLowercase(stem)) entry.lowercase++;
      else if (isCapitalised(stem) && !(word.startsSentence && j === 0)) {
        entry.inside++;
        entry.canonical ||= stem;
        // Part of a compound ("US-backed", "anti-American"): a name on its own.
        if (parts.length > 1) entry.standalone++;
      }
    }
  }
}

/** A capitalised single word (no hyphen, no digit) of two letters or more. */
function isRunWord(word: Word): boolean {
  const [stem] = splitPossessive(word.core);
  return (
    splitCompound(word.core).length === 1 &&
    isCapitalised(stem) &&
    letters(stem).length >= 2 &&
    !/\p{N}/u.test(stem)
  );
}

const names = (words: readonly RunWord[]): number => words.filter((w) => !w.connector).length;

function trimConnectors(words: readonly RunWord[]): RunWord[] {
  let start = 0;
  let end = words.length;
  while (start < end && words[start]?.connector) start++;
  while (end > start && words[end - 1]?.connector) end--;
  return words.slice(start, end);
}

/**
 * The names a run joined by "and" lists: "Syria and Iraq", "Donald Trump and Vladimir Putin",
 * "the White House and Congress". The run is one name when it also holds "of"/"for"/"the"
 * ("Department of Health and Human Services") or when only its last part ends in a class noun
 * that names the whole ("Belt and Road Initiative", "Bill and Melinda Gates Foundation").
 */
function conjunctsOf(run: RunWord[]): RunWord[][] {
  if (!run.some((w) => w.text === 'and') || run.some((w) => LINKS.has(w.text))) return [run];
  const parts: RunWord[][] = [[]];
  for (const w of run) {
    if (w.text === 'and') parts.push([]);
    else parts[parts.length - 1]?.push(w);
  }
  const conjuncts = parts.map(trimConnectors).filter((c) => c.length > 0);
  const endsInClass = (c: readonly RunWord[]): boolean =>
    NON_PERSON_WORDS.has(c[c.length - 1]?.text.toLowerCase() ?? '');
  const final = conjuncts[conjuncts.length - 1];
  if (final && endsInClass(final) && !conjuncts.every(endsInClass)) return [run];
  return conjuncts;
}

/**
 * The person's name a run ends with, or null. Read from the end of the run, after its last
 * "of"/"for"/"the", the name is the longest stretch of words that are not acronyms, offices
 * ("President"), organisation, place or event words ("Foundation", "Street", "War", "New") or
 * lexicon names ("Afghanistan", "Islamic"). It is a person's name when it has two or three names
 * ("Donald Trump", "Ludwig van Beethoven"), or one name right after an office ("President Trump").
 * Function words ("The" in "The Hague") are not names either.
 */
function personSuffix(run: readonly RunWord[]): RunWord[] | null {
  let start = run.length;
  let count = 0;
  while (start > 0) {
    const w = run[start - 1];
    if (!w) break;
    if (w.connector) {
      if (!NAME_PARTICLES.has(w.text)) break;
    } else if (!couldBePersonName(w.text)) break;
    else count++;
    start--;
  }
  const suffix = trimConnectors(run.slice(start));
  const last = run[run.length - 1];
  if (!last || suffix[suffix.length - 1] !== last) return null;
  const before = run[start - 1];
  const afterOffice = before !== undefined && ROLE_WORDS.has(before.text.toLowerCase());
  if (count >= PERSON_NAMES.min && count <= PERSON_NAMES.max) return suffix;
  return count === 1 && afterOffice ? suffix : null;
}

function couldBePersonName(text: string): boolean {
  const lower = text.toLowerCase();
  return (
    !isAllCaps(text) &&
    !SENTENCE_OPENERS.has(lower) &&
    !ROLE_WORDS.has(lower) &&
    !NON_PERSON_WORDS.has(lower) &&
    !LEXICON_WORDS.has(lower)
  );
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

/** Fast look-up over a proper-noun set: single words by lower case, phrases by their words. */
export interface ProperNounIndex {
  /** The canonical spelling of a single-word proper noun, or undefined. */
  word(part: string): string | undefined;
  /** The words of a multi-word proper noun, by its words in lower case joined by single spaces. */
  phrase(key: string): readonly string[] | undefined;
  /** Words in the longest multi-word proper noun (0 when there is none). */
  readonly longestPhrase: number;
}

/** Indexes are built once per set: the engine hands the same set for every title of an article. */
const INDEXES = new WeakMap<ReadonlySet<string>, ProperNounIndex>();

/**
 * Sets that also hold a shared list of names (the lexicon) except some of its words, without a
 * copy of that list in each set: `withSharedNames` registers them, the index consults both.
 */
const SHARED = new WeakMap<
  ReadonlySet<string>,
  { index: ProperNounIndex; except: ReadonlySet<string> }
>();

/**
 * Marks `nouns` as also holding every name of `shared` whose lower-case form is not in `except`
 * (the names the article writes in lower case). `shared` should be a long-lived set: its index
 * is built once.
 */
export function withSharedNames(
  nouns: Set<string>,
  shared: ReadonlySet<string>,
  except: ReadonlySet<string>,
): Set<string> {
  SHARED.set(nouns, { index: indexProperNouns(shared), except });
  return nouns;
}

/** The shared names a set holds, carried over to a set made from it (see withSharedNames). */
export function sharedNamesOf(
  nouns: ReadonlySet<string>,
): { index: ProperNounIndex; except: ReadonlySet<string> } | undefined {
  return SHARED.get(nouns);
}

export function indexProperNouns(nouns: ReadonlySet<string>): ProperNounIndex {
  let index = INDEXES.get(nouns);
  if (!index) {
    const own = buildIndex(nouns);
    const shared = SHARED.get(nouns);
    index = shared ? combine(own, shared.index, shared.except) : own;
    INDEXES.set(nouns, index);
  }
  return index;
}

/** The set's own names first, then the shared ones the article does not write in lower case. */
function combine(
  own: ProperNounIndex,
  shared: ProperNounIndex,
  except: ReadonlySet<string>,
): ProperNounIndex {
  return {
    word: (part) => {
      const found = own.word(part);
      if (found !== undefined) return found;
      return except.has(part.toLowerCase()) ? undefined : shared.word(part);
    },
    phrase: (key) => own.phrase(key) ?? (except.has(key) ? undefined : shared.phrase(key)),
    longestPhrase: Math.max(own.longestPhrase, shared.longestPhrase),
  };
}

function buildIndex(nouns: ReadonlySet<string>): ProperNounIndex {
  const words = new Map<string, string>();
  const phrases = new Map<string, string[]>();
  let longestPhrase = 0;
  for (const noun of nouns) {
    const parts = noun.split(/\s+/u).filter(Boolean);
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
    const key = parts.join(' ').toLowerCase();
    const existing = phrases.get(key);
    if (!existing || (isAllCaps(existing.join('')) && !isAllCaps(parts.join('')))) {
      phrases.set(key, parts);
    }
    longestPhrase = Math.max(longestPhrase, parts.length);
  }
  return {
    word: (part) => words.get(part.toLowerCase()),
    phrase: (key) => phrases.get(key),
    longestPhrase,
  };
}
