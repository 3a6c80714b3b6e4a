import { isSpace } from '../article/document/spans.ts';
import type { ParagraphSpan } from './types.ts';

/**
 * The article's display text, as annotation selectors see it: the body paragraphs' display
 * text joined by PARAGRAPH_BREAK. Headings, figures and notices are not part of it: only
 * numbered paragraphs can be quoted with a locator.
 */
export const PARAGRAPH_BREAK = '\n\n';

export interface DisplayText {
  text: string;
  /** Where each paragraph (by index into the body) starts in `text`. */
  starts: number[];
  /** Each paragraph's number (Paragraph.n) and stable id, by index. */
  numbers: number[];
  ids: string[];
}

export interface BodyParagraph {
  n: number;
  id: string;
  text: string;
}

export function displayText(body: readonly BodyParagraph[]): DisplayText {
  const starts: number[] = [];
  let at = 0;
  for (const p of body) {
    starts.push(at);
    at += p.text.length + PARAGRAPH_BREAK.length;
  }
  return {
    text: body.map((p) => p.text).join(PARAGRAPH_BREAK),
    starts,
    numbers: body.map((p) => p.n),
    ids: body.map((p) => p.id),
  };
}

/**
 * The index of the paragraph holding display offset `offset` (binary search). An offset in the
 * break after a paragraph belongs to that paragraph; past the end, to the last one.
 */
export function paragraphIndexAt(display: DisplayText, offset: number): number {
  const { starts } = display;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The display offset of character `offset` of paragraph `index`. */
export function displayOffset(display: DisplayText, index: number, offset: number): number {
  return (display.starts[index] ?? 0) + offset;
}

/** The longest quote a highlight or an excerpt may hold, in UTF-16 code units. */
export const MAX_QUOTE_LENGTH = 20_000;
/** How much text either side of a quote its selector keeps to find it again. */
export const CONTEXT_LENGTH = 32;

/** The paragraphs `[start, end)` touches (a non-empty range of the display text). */
export function paragraphSpan(display: DisplayText, start: number, end: number): ParagraphSpan {
  const first = paragraphIndexAt(display, start);
  const last = paragraphIndexAt(display, Math.max(start, end - 1));
  return {
    firstId: display.ids[first] ?? '',
    firstN: display.numbers[first] ?? 0,
    lastId: display.ids[last] ?? '',
    lastN: display.numbers[last] ?? 0,
  };
}

/** JavaScript's `\s`, without a regular expression (the capture engine's own test). */
export const isWhitespace = isSpace;

/** `[start, end)` without the whitespace at either end (empty when it is all whitespace). */
export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/**
 * Where `needle` starts in `text`, from `from` and before `before`, at most `limit` times.
 * Knuth–Morris–Pratt, not indexOf: V8's indexOf takes text × needle time on repetitive text.
 */
export function findAll(
  text: string,
  needle: string,
  from = 0,
  before = text.length,
  limit = 1,
): number[] {
  const found: number[] = [];
  const m = needle.length;
  if (!m) return found;
  const fallback = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && needle.charCodeAt(i) !== needle.charCodeAt(k)) k = fallback[k - 1]!;
    if (needle.charCodeAt(i) === needle.charCodeAt(k)) k++;
    fallback[i] = k;
  }
  const stop = Math.min(text.length, before + m - 1);
  for (let i = Math.max(0, from), k = 0; i < stop && found.length < limit; i++) {
    const code = text.charCodeAt(i);
    while (k > 0 && code !== needle.charCodeAt(k)) k = fallback[k - 1]!;
    if (code === needle.charCodeAt(k)) k++;
    if (k === m) {
      found.push(i - m + 1);
      k = fallback[k - 1]!;
    }
  }
  return found;
}

/** Text with typographic variants folded away, and where each folded character came from. */
export interface FoldedText {
  text: string;
  /** `from[i]`: the original offset of folded character i; `from[text.length]` is the end. */
  from: Int32Array;
}

// What a re-parse, a copy from a PDF or a keyboard changes without changing the words.
const FOLDS = new Map<number, string>([
  ...[0x2018, 0x2019, 0x201a, 0x201b, 0x2032].map((c) => [c, "'"] as const),
  ...[0x201c, 0x201d, 0x201e, 0x201f, 0x2033].map((c) => [c, '"'] as const),
  ...[0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212].map((c) => [c, '-'] as const),
  [0x2026, '...'],
  // Invisible: a soft hyphen, a zero-width space, a word joiner; NUL, which no text needs.
  ...[0x00ad, 0x200b, 0x2060, 0].map((c) => [c, ''] as const),
]);

/** Whitespace runs become one space; curly quotes, dashes and "…" their ASCII forms. */
export function foldLoosely(text: string): FoldedText {
  let ellipses = 0;
  for (let i = text.indexOf('\u2026'); i >= 0; i = text.indexOf('\u2026', i + 1)) ellipses++;
  const parts: string[] = [];
  const from = new Int32Array(text.length + 2 * ellipses + 1);
  let length = 0;
  let run = 0;
  const flush = (end: number): void => {
    parts.push(text.slice(run, end));
    for (let k = run; k < end; k++) from[length++] = k;
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const space = isWhitespace(code);
    const swap = space ? ' ' : code < 0xad && code ? undefined : FOLDS.get(code);
    if (swap === undefined) {
      i++;
      continue;
    }
    flush(i);
    let next = i + 1;
    while (space && next < text.length && isWhitespace(text.charCodeAt(next))) next++;
    parts.push(swap);
    for (let k = 0; k < swap.length; k++) from[length++] = i;
    i = run = next;
  }
  flush(text.length);
  from[length] = text.length;
  return { text: parts.join(''), from: from.subarray(0, length + 1) };
}

/** The folded text of a quote, without the space folding may leave at its ends. */
export function foldQuote(quote: string): string {
  const folded = foldLoosely(quote).text;
  return folded.slice(...trimRange(folded, 0, folded.length));
}

/** `[start, end)` of the folded text in the original's offsets, its whitespace trimmed. */
export function unfoldRange(
  original: string,
  folded: FoldedText,
  start: number,
  end: number,
): [number, number] {
  const from = folded.from[start]!;
  return trimRange(original, from, end > start ? folded.from[end - 1]! + 1 : from);
}

/** Where original offset `offset` is in the folded text. */
export function foldedOffset(folded: FoldedText, offset: number): number {
  let low = 0;
  let high = folded.from.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (folded.from[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
