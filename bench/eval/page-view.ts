import { scorePage, shingles, type PageScore } from '../lib/shingle-f1.ts';
import type { BodyPage } from './corpora.ts';
import { quireBodyText, quireCapture, readabilityText } from './systems.ts';

/** Same token pattern as the metric, with positions so tokens can be traced back to lines. */
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE_TOKENS = 4;

interface Token {
  text: string;
  line: number;
  start: number;
  end: number;
}

function tokensWithLines(text: string): Token[] {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  let line = 0;
  return [...text.matchAll(TOKEN)].map((m) => {
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= m.index) line++;
    return { text: m[0], line, start: m.index, end: m.index + m[0].length };
  });
}

/**
 * Flags the tokens of `text` that no matched shingle covers: the unmatched words. Of the n
 * occurrences of a shingle, the first min(n, other's count) are the matched ones. A token is
 * flagged only when every shingle over it is unmatched, so a correct line next to a wrong one
 * is not flagged for the shingles that straddle them.
 */
function unmatchedTokens(tokens: Token[], other: Map<string, number>): boolean[] {
  const texts = tokens.map((t) => t.text);
  const windows = Math.max(1, tokens.length - SHINGLE_TOKENS + 1);
  const covered = tokens.map(() => false);
  const seen = new Map<string, number>();
  for (let i = 0; i < windows && tokens.length > 0; i++) {
    const end = Math.min(tokens.length, i + SHINGLE_TOKENS);
    const key = texts.slice(i, end).join(' ');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= (other.get(key) ?? 0)) covered.fill(true, i, end);
  }
  return covered.map((c) => !c);
}

/** The lines holding unmatched tokens, numbered, with the unmatched runs wrapped in ⟦…⟧. */
function flaggedLines(text: string, otherText: string): string[] {
  const tokens = tokensWithLines(text);
  const other = shingles(tokensWithLines(otherText).map((t) => t.text));
  const flagged = unmatchedTokens(tokens, other);
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, index) => {
    const offset = lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0);
    const mine = tokens
      .map((t, i) => ({ t, bad: flagged[i]! }))
      .filter(({ t }) => t.line === index);
    if (!mine.some(({ bad }) => bad)) return;
    let marked = '';
    let cursor = 0;
    mine.forEach(({ t, bad }, i) => {
      const start = t.start - offset;
      const end = t.end - offset;
      const open = bad && !mine[i - 1]?.bad;
      const close = bad && !mine[i + 1]?.bad;
      marked += line.slice(cursor, start) + (open ? '⟦' : '') + line.slice(start, end);
      marked += close ? '⟧' : '';
      cursor = end;
    });
    out.push(`${String(index + 1).padStart(4)}: ${marked}${line.slice(cursor)}`);
  });
  return out;
}

function describe(score: PageScore): string {
  const f = (x: number | null) => (x === null ? '—' : x.toFixed(3));
  return `P ${f(score.precision)}  R ${f(score.recall)}  (shingles TP ${score.tp}, FP ${score.fp}, FN ${score.fn})`;
}

/** Prints, for one page, Quire's text, the truth and where they differ. */
export function printPageView(page: BodyPage): void {
  const capture = quireCapture(page.html, page.url);
  const prediction = quireBodyText(capture.article);
  const section = (title: string, body: string | string[]) =>
    console.log(`\n=== ${title} ===\n${Array.isArray(body) ? body.join('\n') : body}`);
  console.log(`page ${page.id}\nurl  ${page.url}`);
  console.log(`Quire:       ${describe(scorePage(page.truth, prediction))}`);
  console.log(`Readability: ${describe(scorePage(page.truth, readabilityText(page.html)))}`);
  if (capture.error !== null) console.log(`Quire threw: ${capture.error}`);
  section('Quire prediction (one body paragraph per line)', prediction || '(empty)');
  section('Truth', page.truth);
  section(
    'Predicted lines with false-positive shingles (⟦unmatched words⟧)',
    flaggedLines(prediction, page.truth),
  );
  section(
    'Truth lines with missed shingles (⟦missed words⟧)',
    flaggedLines(page.truth, prediction),
  );
}
