import { forEachToken } from './fold.ts';

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface Snippet {
  /** Index of the text it comes from in the list given (a body paragraph). */
  index: number;
  parts: SnippetPart[];
  /** Text was left out before / after the snippet. */
  before: boolean;
  after: boolean;
}

/** Text read to choose a snippet: a 10 MB article is not scanned whole for one line of results. */
const SCAN_BUDGET_CHARS = 1_000_000;
const CONTEXT_BEFORE = 60;

/**
 * A window of about `maxChars` around the query's words in the text that holds the most of
 * them, with the words marked. `terms` are folded query words; one ending in `*` matches as a
 * prefix. null when no text holds any of them.
 */
export function makeSnippet(
  texts: readonly string[],
  terms: readonly string[],
  maxChars = 220,
): Snippet | null {
  if (terms.length === 0) return null;
  const exact = new Set(terms.filter((t) => !t.endsWith('*')));
  const prefixes = terms.filter((t) => t.endsWith('*')).map((t) => t.slice(0, -1));
  /** The query word that `term` matches (a prefix keeps its *), or undefined. */
  const matchOf = (term: string): string | undefined =>
    exact.has(term) ? term : prefixes.find((p) => term.startsWith(p))?.concat('*');
  let best: { index: number; distinct: number; count: number; hits: [number, number][] } | null =
    null;
  let scanned = 0;
  for (let index = 0; index < texts.length && scanned < SCAN_BUDGET_CHARS; index++) {
    const text = texts[index]!;
    scanned += text.length;
    const hits: [number, number][] = [];
    const seen = new Set<string>();
    // Distinct query words, not distinct text words: "gov*" counts once for three gov- words.
    forEachToken(text, (term, start, end) => {
      const match = matchOf(term);
      if (match === undefined) return;
      hits.push([start, end]);
      seen.add(match);
    });
    if (!hits.length) continue;
    if (
      !best ||
      seen.size > best.distinct ||
      (seen.size === best.distinct && hits.length > best.count)
    ) {
      best = { index, distinct: seen.size, count: hits.length, hits };
    }
  }
  if (!best) return null;
  const text = texts[best.index]!;
  let start = Math.max(0, best.hits[0]![0] - CONTEXT_BEFORE);
  if (start > 0) start = wordStart(text, start);
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) end = wordEnd(text, end);
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [hitStart, hitEnd] of best.hits) {
    if (hitStart < start) continue;
    if (hitEnd > end) break;
    if (hitStart > at) parts.push({ text: text.slice(at, hitStart), hit: false });
    parts.push({ text: text.slice(hitStart, hitEnd), hit: true });
    at = hitEnd;
  }
  if (at < end) parts.push({ text: text.slice(at, end), hit: false });
  return { index: best.index, parts, before: start > 0, after: end < text.length };
}

/** The start of the word after the space at or before `i` (no cut word at the left edge). */
function wordStart(text: string, i: number): number {
  const space = text.lastIndexOf(' ', i);
  return space < 0 || i - space > 20 ? i : space + 1;
}

function wordEnd(text: string, i: number): number {
  const space = text.indexOf(' ', i);
  return space < 0 || space - i > 20 ? i : space;
}
