import search from 'approx-string-match';
import {
  MAX_QUOTE_LENGTH,
  displayText,
  findAll,
  foldQuote,
  foldLoosely,
  paragraphIndexAt,
  paragraphSpan,
  trimRange,
  unfoldRange,
  type BodyParagraph,
  type DisplayText,
} from './display-text.ts';
import type { ParagraphSpan } from './types.ts';

export type QuoteMatch =
  | {
      found: true;
      start: number;
      end: number;
      text: string;
      paragraphs: ParagraphSpan;
      exact: boolean;
    }
  | { found: false; closest: { text: string; n: number; errors: number } | null };

export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** How many candidates are looked at, and how many long spans are checked edit by edit. */
export const MAX_CANDIDATES = 1000;
const MAX_VERIFIED = 4;
const SPLIT_LENGTH = 256;
const PIECE_LENGTH = 64;
const CHUNK_LENGTH = 4096;
const SEEN_LIMIT = 4 * MAX_CANDIDATES;
/** Matches only itself: foldLoosely drops U+0000, so no folded text holds one. */
const SENTINEL = '\u0000';

/** Up to `limit` items nearest `hint` of an array in (about) ascending order of start. */
function nearest<T extends { start: number }>(items: T[], hint: number, limit: number): T[] {
  if (items.length <= limit) return items;
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.start < hint) low = mid + 1;
    else high = mid;
  }
  let before = low - 1;
  let after = low;
  const picked: T[] = [];
  while (picked.length < limit) {
    const left = before >= 0 ? hint - items[before]!.start : Infinity;
    const right = after < items.length ? items[after]!.start - hint : Infinity;
    picked.push(left <= right ? items[before--]! : items[after++]!);
  }
  return picked;
}

/**
 * Approximate matches of `pattern` in `text` with at most `budget(pattern.length)` edits.
 * A long pattern is found by its first and last PIECE_LENGTH characters, pairing the two where
 * the span between them is within 25% of its length; the best of those spans by `rank` are
 * then compared with the whole pattern, so the matcher never runs the whole pattern over the
 * whole text.
 */
export function approxCandidates(
  text: string,
  pattern: string,
  budget: (length: number) => number,
  hint: number,
  rank: (start: number, end: number) => number,
): Candidate[] {
  const maxErrors = budget(pattern.length);
  if (maxErrors < 1 || !text) return [];
  if (pattern.length <= SPLIT_LENGTH)
    return nearest(boundedSearch(text, pattern, maxErrors, hint), hint, MAX_CANDIDATES);
  const piece = budget(PIECE_LENGTH);
  const head = boundedSearch(text, pattern.slice(0, PIECE_LENGTH), piece, hint);
  const tails = boundedSearch(text, pattern.slice(-PIECE_LENGTH), piece, hint + pattern.length);
  const spans: { start: number; end: number; rank: number }[] = [];
  for (const { start } of nearest(head, hint, MAX_CANDIDATES)) {
    const tail = closestEnd(tails, start + pattern.length);
    if (!tail || Math.abs(tail.end - start - pattern.length) > pattern.length / 4) continue;
    spans.push({ start, end: tail.end, rank: rank(start, tail.end) });
  }
  spans.sort((a, b) => b.rank - a.rank);
  const verified: Candidate[] = [];
  for (const { start, end } of spans.slice(0, MAX_VERIFIED)) {
    const errors = editDistance(text.slice(start, end), pattern, maxErrors);
    if (errors !== null) verified.push({ start, end, errors });
  }
  return verified;
}

/** The edits that turn `a` into `b`, or null when that takes more than `maxErrors`. */
export function editDistance(a: string, b: string, maxErrors: number): number | null {
  // A common start and end never need an edit: only the middles are compared, which is quick
  // when one word changed in a long quote.
  let head = 0;
  while (head < a.length && head < b.length && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < Math.min(a.length, b.length) - head &&
    a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)
  )
    tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  if (!middleA || !middleB) {
    const errors = middleA.length + middleB.length;
    return errors <= maxErrors ? errors : null;
  }
  // The matcher looks for `b` anywhere in `a`. Fenced by more sentinels than errors allowed,
  // which only match each other, any match it reports must span the whole of `a`.
  const fence = SENTINEL.repeat(maxErrors + 1);
  const match = search(fence + middleA + fence, fence + middleB + fence, maxErrors)[0];
  return match ? match.errors : null;
}

/**
 * approx-string-match's search, a chunk of text at a time from `hint` outwards. The library
 * finds each match's start with a search of its own, so on text where the pattern matches
 * almost everywhere (a run of one letter) a single search would cost text × pattern²; here it
 * stops once SEEN_LIMIT matches have been seen. Ascending order of end.
 */
function boundedSearch(text: string, pattern: string, maxErrors: number, hint: number) {
  const overlap = pattern.length + maxErrors;
  const size = Math.max(CHUNK_LENGTH, 4 * overlap);
  const chunks = Math.ceil(text.length / size);
  const first = Math.min(chunks - 1, Math.max(0, Math.floor(hint / size)));
  let found: Candidate[] = [];
  const ends = new Set<number>();
  let best = maxErrors;
  let seen = 0;
  for (let distance = 0; distance < chunks && seen < SEEN_LIMIT; distance++) {
    for (const chunk of distance ? [first - distance, first + distance] : [first]) {
      if (chunk < 0 || chunk >= chunks) continue;
      const at = chunk * size;
      const matches = search(text.slice(at, at + size + overlap), pattern, best);
      seen += matches.length;
      if (matches[0] && matches[0].errors < best) {
        // Only the best matches count: what was found so far is worse.
        best = matches[0].errors;
        found = [];
        ends.clear();
      }
      for (const m of matches) {
        if (ends.has(at + m.end)) continue;
        ends.add(at + m.end);
        found.push({ start: at + m.start, end: at + m.end, errors: m.errors });
      }
    }
  }
  return found.sort((a, b) => a.end - b.end);
}

/** The match (in ascending order of end) whose end is nearest `end`. */
function closestEnd(matches: Candidate[], end: number): Candidate | undefined {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (matches[mid]!.end < end) low = mid + 1;
    else high = mid;
  }
  const after = matches[low];
  const before = matches[low - 1];
  if (!before) return after;
  if (!after) return before;
  return end - before.end <= after.end - end ? before : after;
}

/** 1 when `pattern` occurs in `text` unchanged, 0 when nothing of it does (Hypothesis' score). */
export function similarity(text: string, pattern: string): number {
  if (!pattern) return 1;
  const errors = search(text, pattern, pattern.length)[0]?.errors ?? pattern.length;
  return 1 - errors / pattern.length;
}

const NOT_FOUND: QuoteMatch = { found: false, closest: null };

/**
 * Where a quote the user typed or pasted is in the article: verbatim, or with other
 * whitespace, quotes or dashes (`exact: false`; `text` is then what the article says, which
 * is what an excerpt must quote). When it is not there, the closest passage, if any is close.
 */
export function findQuote(body: readonly BodyParagraph[], quote: string): QuoteMatch {
  const trimmed = quote.slice(...trimRange(quote, 0, quote.length));
  if (!trimmed || trimmed.length > MAX_QUOTE_LENGTH) return NOT_FOUND;
  const display = displayText(body);
  const verbatim = findAll(display.text, trimmed)[0] ?? -1;
  if (verbatim >= 0) return found(display, verbatim, verbatim + trimmed.length, true);
  const folded = foldLoosely(display.text);
  const pattern = foldQuote(trimmed);
  const at = findAll(folded.text, pattern)[0] ?? -1;
  if (at >= 0)
    return found(display, ...unfoldRange(display.text, folded, at, at + pattern.length), false);
  // A third of the quote may differ: enough for typos, too few for unrelated text to match.
  const near = approxCandidates(
    folded.text,
    pattern,
    (n) => Math.floor(n / 3),
    0,
    (s) => -s,
  );
  const best = near.reduce<Candidate | null>(
    (a, c) => (!a || c.errors < a.errors || (c.errors === a.errors && c.start < a.start) ? c : a),
    null,
  );
  if (!best) return NOT_FOUND;
  const [start, end] = unfoldRange(display.text, folded, best.start, best.end);
  const n = display.numbers[paragraphIndexAt(display, start)] ?? 0;
  return {
    found: false,
    closest: { text: display.text.slice(start, end), n, errors: best.errors },
  };
}

function found(display: DisplayText, start: number, end: number, exact: boolean): QuoteMatch {
  const text = display.text.slice(start, end);
  return { found: true, start, end, text, paragraphs: paragraphSpan(display, start, end), exact };
}
