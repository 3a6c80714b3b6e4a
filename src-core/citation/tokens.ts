/**
 * Word-level view of a title or a sentence, shared by sentence case, title case, proper-noun
 * learning and BibTeX brace protection so that all four agree on what a "word" is.
 */

export interface Word {
  /** Whitespace (and em dashes) before the word, kept so the text can be rebuilt exactly. */
  before: string;
  /** Opening quotes, brackets and other non-alphanumerics before the word. */
  lead: string;
  /** From the first to the last letter or digit: "Afghanistan's", "US-backed", "U.S". */
  core: string;
  /** Closing punctuation after the word: `.`, `:`, `,"`, `)`. */
  trail: string;
  /** First word of the text, or first after a colon, end punctuation or an em dash. */
  startsSentence: boolean;
  /** The separator before the word holds an em dash. */
  afterDash: boolean;
}

// Spaced en dashes and hyphens act as dashes; unspaced ones join compounds ("US-backed").
const SEPARATOR = /(\s*[—―]\s*|\s+[–-]\s+|\s+)/u;
const LEAD = /^[^\p{L}\p{N}]*/u;
/**
 * The last letter or digit and the punctuation after it. Anchored on a letter so that each
 * start position scans only the punctuation that follows it: linear time, where a bare
 * `[^\p{L}\p{N}]*$` retries every position of a long punctuation run (quadratic).
 */
const TRAIL = /[\p{L}\p{N}]([^\p{L}\p{N}]*)$/u;

/**
 * Abbreviations whose full stop does not end a sentence. Missing one only costs a wrongly
 * capitalised next word; listing a real sentence end would hide a subtitle, so keep it short.
 */
const ABBREVIATIONS = new Set(
  `mr mrs ms mx dr prof st jr sr gen sen rep gov pres lt col sgt capt adm rev fr hon vs v etc
  e.g i.e cf no nos vol vols inc ltd co corp mt ft approx dept univ est fig jan feb mar apr jun
  jul aug sep sept oct nov dec`
    .split(/\s+/)
    .filter(Boolean),
);

export function tokenize(text: string): { words: Word[]; tail: string } {
  const pieces = text.split(SEPARATOR);
  const words: Word[] = [];
  let before = '';
  let boundary = true;
  let dash = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    if (i % 2 === 1) {
      before += piece;
      // Most separators are one space: no dash to look for.
      if (piece !== ' ' && /[—―–-]/u.test(piece)) dash = true;
      continue;
    }
    if (!piece) continue;
    const lead = LEAD.exec(piece)?.[0] ?? '';
    const rest = piece.slice(lead.length);
    const trail = rest ? (TRAIL.exec(rest)?.[1] ?? '') : '';
    const core = rest.slice(0, rest.length - trail.length);
    if (!core) {
      // Bare punctuation ("&", "-", "*") is glued to the next word's separator.
      before += piece;
      if (endsSentence('', piece)) boundary = true;
      if (/[—―]/u.test(piece)) dash = true;
      continue;
    }
    words.push({ before, lead, core, trail, startsSentence: boundary || dash, afterDash: dash });
    before = '';
    dash = false;
    boundary = endsSentence(core, trail);
  }
  return { words, tail: before };
}

export function joinWords(words: readonly Word[], tail: string, cores: readonly string[]): string {
  let out = '';
  words.forEach((w, i) => {
    out += w.before + w.lead + (cores[i] ?? w.core) + w.trail;
  });
  return out + tail;
}

/**
 * Whether the punctuation after this word ends a sentence or opens a subtitle: a colon, a
 * question or exclamation mark, or a full stop that is not an ellipsis and does not belong to an
 * abbreviation ("vs.", "Dr.", "etc."), an initial ("John F. Kennedy") or a dotted abbreviation
 * ("U.S.", "e.g.", "Ph.D.", "a.m."). A full stop after a closing quote or bracket ("(Updated).")
 * always ends the sentence: an abbreviation's own full stop comes straight after it.
 */
export function endsSentence(core: string, trail: string): boolean {
  if (/[:?!]/u.test(trail)) return true;
  const stop = trail.indexOf('.');
  if (stop < 0 || trail.includes('..') || trail.includes('…')) return false;
  if (stop > 0) return true;
  if (ABBREVIATIONS.has(core.toLowerCase())) return false;
  // Initials ("John F. Kennedy") and dotted abbreviations ("U.S.", "Ph.D.") are not sentence ends.
  return !/^\p{L}$/u.test(core) && !DOTTED_ABBREVIATION.test(core);
}

/** "U.S", "e.g", "Ph.D", "a.m": short letter groups joined by full stops. */
const DOTTED_ABBREVIATION = /^\p{L}{1,3}(?:\.\p{L}{1,3})+$/u;

/** Splits "US-backed" into ["US", "-", "backed"]; separators sit at odd indices. */
export function splitCompound(core: string): string[] {
  return core.split(/([-‐‑–/])/u);
}

export const letters = (s: string): string => s.replace(/[^\p{L}]/gu, '');

/** ISIS, US, NATO, U.S: two or more letters, all upper case. */
export function isAllCaps(part: string): boolean {
  const l = letters(part);
  return l.length >= 2 && l === l.toUpperCase() && l !== l.toLowerCase();
}

/** iPhone, McDonald, O'Brien, YouTube: a capital after the first letter beside lower case. */
export function hasInnerCapital(part: string): boolean {
  return /\p{Ll}/u.test(part) && /^.+\p{Lu}/u.test(part);
}

export const hasDigit = (part: string): boolean => /\p{N}/u.test(part);

export function isCapitalised(part: string): boolean {
  const first = letters(part).charAt(0);
  return first !== '' && first === first.toUpperCase() && first !== first.toLowerCase();
}

export function isLowercase(part: string): boolean {
  const l = letters(part);
  return l !== '' && l === l.toLowerCase() && l !== l.toUpperCase();
}

/** Upper-cases the first letter, leaving the rest alone. */
export function capitaliseFirst(part: string): string {
  return part.replace(/\p{L}/u, (c) => c.toUpperCase());
}

/** "Afghanistan's" -> ["Afghanistan", "'s"], so possessives find their proper noun. */
export function splitPossessive(part: string): [string, string] {
  const m = /^(.+?)(['’](?:s|S)?)$/u.exec(part);
  return m ? [m[1] ?? part, m[2] ?? ''] : [part, ''];
}

/** Pronoun "I" and its contractions stay capitalised in every case style. */
export const isPronounI = (part: string): boolean => /^I(?:['’](?:m|ll|d|ve))?$/u.test(part);

/**
 * Text written without case information: all capitals or all lower case. One or two words in
 * capitals ("NATO", "ISIS ATTACKS") are more likely acronyms than shouting, so they keep theirs.
 */
export function isCaseless(words: readonly Word[]): boolean {
  const withLetters = words.map((w) => letters(w.core)).filter(Boolean);
  if (withLetters.length < 3) return false;
  const all = withLetters.join('');
  return all === all.toUpperCase() || all === all.toLowerCase();
}
