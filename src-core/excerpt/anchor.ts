import {
  CONTEXT_LENGTH,
  MAX_QUOTE_LENGTH,
  displayText,
  findAll,
  foldQuote,
  foldLoosely,
  foldedOffset,
  paragraphSpan,
  trimRange,
  unfoldRange,
  type BodyParagraph,
  type DisplayText,
} from './display-text.ts';
import { MAX_CANDIDATES, approxCandidates, similarity, type Candidate } from './find-quote.ts';
import type { Anchor, AnnotationTarget } from './types.ts';

/** A selection that cannot become a highlight; the message is written for the user. */
export class SelectionError extends Error {
  override name = 'SelectionError';
}

/** The selectors for `[start, end)` of the article's display text, its whitespace trimmed. */
export function describeSelection(
  body: readonly BodyParagraph[],
  start: number,
  end: number,
  /** The body's display text, when the caller already has it (long articles). */
  display: DisplayText = displayText(body),
): AnnotationTarget {
  const { text } = display;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end)
    throw new SelectionError(
      'That selection is not in the article’s text. Select the words again.',
    );
  if (end > text.length)
    throw new SelectionError(
      'That selection goes past the end of the article. Select the words again.',
    );
  const [from, to] = wholeCharacters(text, ...trimRange(text, start, end));
  if (from >= to) throw new SelectionError('Select some words of the article to highlight.');
  if (to - from > MAX_QUOTE_LENGTH)
    throw new SelectionError(
      `A highlight can hold up to ${count(MAX_QUOTE_LENGTH)} characters and this selection has ` +
        `${count(to - from)}. Select less text.`,
    );
  // Context never starts or ends inside a surrogate pair, so it stays valid text when stored.
  let before = Math.max(0, from - CONTEXT_LENGTH);
  if (splitsPair(text, before)) before++;
  let after = Math.min(text.length, to + CONTEXT_LENGTH);
  if (splitsPair(text, after)) after--;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: text.slice(before, from),
      suffix: text.slice(to, after),
    },
    position: { type: 'TextPositionSelector', start: from, end: to },
    paragraphs: paragraphSpan(display, from, to),
  };
}

const count = (n: number): string => n.toLocaleString('en-US');
const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Whether offset `at` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, at: number): boolean =>
  at > 0 && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));

/** `[start, end)` widened so that it does not split a surrogate pair. */
function wholeCharacters(text: string, start: number, end: number): [number, number] {
  return [splitsPair(text, start) ? start - 1 : start, splitsPair(text, end) ? end + 1 : end];
}

const GONE = 'The quoted text is no longer in the article';
/**
 * A quote shorter than this, found anywhere but verbatim at its old place, is only trusted where
 * its context still matches at least MIN_CONTEXT: "the" is in every article.
 */
const DISTINCTIVE_LENGTH = 32;
const MIN_CONTEXT = 0.75;
// Hypothesis' weights: the quote's similarity counts most, its context next.
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 40;
/** At most one edit in eight, and never more than 32: more is a different passage. */
const fuzzyBudget = (length: number): number => Math.min(32, Math.floor(length / 8));

interface Context {
  text: string;
  prefix: string;
  suffix: string;
  hint: number;
  quoteLength: number;
}

/**
 * Where `target` is in the article's current text: at its old position, elsewhere verbatim
 * (context, then nearness to the old position, choose among repeats), or approximately
 * (whitespace, quotes and dashes ignored, then a few edits allowed). Never pinned to text that
 * merely looks alike: otherwise orphaned.
 */
export function anchorTarget(
  body: readonly BodyParagraph[],
  target: AnnotationTarget,
  /** The body's display text, when the caller already has it (many annotations). */
  display: DisplayText = displayText(body),
): Anchor {
  const { text } = display;
  const { exact } = target.quote;
  // A stored target is data: its context is cut to the length this code writes.
  const prefix = target.quote.prefix.slice(-CONTEXT_LENGTH);
  const suffix = target.quote.suffix.slice(0, CONTEXT_LENGTH);
  const { start, end } = target.position;
  if (!exact || exact.length > MAX_QUOTE_LENGTH) return { status: 'orphaned', reason: GONE };
  const hint = Number.isInteger(start) ? Math.max(0, start) : 0;
  const context: Context = { text, prefix, suffix, hint, quoteLength: exact.length };
  const here = { start: hint, end: hint + exact.length, errors: 0 };
  if (end === here.end && text.startsWith(exact, hint) && pick([here], context))
    return anchored(display, 'position', hint, here.end);
  const quoted = pick(occurrences(text, exact, hint), context);
  if (quoted) return anchored(display, 'quote', quoted.start, quoted.end);

  const folded = foldLoosely(text);
  const pattern = foldQuote(exact);
  if (!pattern) return { status: 'orphaned', reason: GONE };
  const near: Context = {
    text: folded.text,
    prefix: foldLoosely(prefix).text,
    suffix: foldLoosely(suffix).text,
    hint: foldedOffset(folded, hint),
    quoteLength: pattern.length,
  };
  const rank = (s: number, e: number): number =>
    contextScore(near, s, e) - Math.abs(s - near.hint) / (100 * (folded.text.length + 1));
  const fuzzy =
    pick(occurrences(folded.text, pattern, near.hint), near) ??
    pick(approxCandidates(folded.text, pattern, fuzzyBudget, near.hint, rank), near);
  if (!fuzzy) return { status: 'orphaned', reason: GONE };
  const [from, to] = unfoldRange(text, folded, fuzzy.start, fuzzy.end);
  return from < to ? anchored(display, 'fuzzy', from, to) : { status: 'orphaned', reason: GONE };
}

function anchored(
  display: DisplayText,
  how: 'position' | 'quote' | 'fuzzy',
  start: number,
  end: number,
): Anchor {
  const text = display.text.slice(start, end);
  return {
    status: 'anchored',
    how,
    start,
    end,
    text,
    paragraphs: paragraphSpan(display, start, end),
  };
}

/** The best candidate by similarity and context, the nearest the old position among equals. */
function pick(candidates: readonly Candidate[], context: Context): Candidate | null {
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const around = contextScore(context, candidate.start, candidate.end);
    if (context.quoteLength < DISTINCTIVE_LENGTH && around < MIN_CONTEXT) continue;
    const score =
      QUOTE_WEIGHT * (1 - candidate.errors / context.quoteLength) + CONTEXT_WEIGHT * around;
    const distance = Math.abs(candidate.start - context.hint);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = candidate;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/** How well the text around `[start, end)` matches the target's prefix and suffix, 0 to 1. */
function contextScore({ text, prefix, suffix }: Context, start: number, end: number): number {
  const total = prefix.length + suffix.length;
  if (!total) return 1;
  const before = similarity(text.slice(Math.max(0, start - prefix.length), start), prefix);
  const after = similarity(text.slice(end, end + suffix.length), suffix);
  return (before * prefix.length + after * suffix.length) / total;
}

/**
 * Verbatim occurrences of `needle`, at most MAX_CANDIDATES: half from `hint` on, half before it
 * within the same reach, so a very common quote is still looked for near its old place.
 */
function occurrences(text: string, needle: string, hint: number): Candidate[] {
  const half = MAX_CANDIDATES / 2;
  const after = findAll(text, needle, hint, text.length, half);
  const reach = after.length < half ? text.length : after[after.length - 1]! - hint;
  // The ones nearest the old place: the last `half` before it, within the same reach.
  const before = findAll(text, needle, Math.max(0, hint - reach), hint, Infinity).slice(-half);
  return [...before, ...after].map((s) => ({
    start: s,
    end: s + needle.length,
    errors: 0,
  }));
}
