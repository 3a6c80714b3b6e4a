import { aggregate, scorePage, type Aggregate, type PageScore } from '../lib/shingle-f1.ts';
import type { BodyPage } from './corpora.ts';
import { quireBodyText, quireCapture, readabilityText } from './systems.ts';

export interface BodyPageResult {
  id: string;
  url: string;
  quire: PageScore;
  readability: PageScore;
  /** Why Quire failed on the page (threw, or gave no text), or null. */
  failure: string | null;
}

export interface BodyResult {
  quire: Aggregate;
  readability: Aggregate;
  pages: BodyPageResult[];
}

/** Scores Quire and Readability on every article-extraction page. */
export function evaluateBody(pages: readonly BodyPage[]): BodyResult {
  const results = pages.map((page): BodyPageResult => {
    const capture = quireCapture(page.html, page.url);
    const prediction = quireBodyText(capture.article);
    const quire = scorePage(page.truth, prediction);
    // "Printed nothing" fails too: an empty prediction only costs recall, so it would hide.
    const failure =
      capture.error ??
      (quire.precision === null ? 'no body text (no word in any paragraph)' : null);
    return {
      id: page.id,
      url: page.url,
      quire,
      readability: scorePage(page.truth, readabilityText(page.html)),
      failure,
    };
  });
  return {
    quire: aggregate(results.map((r) => r.quire)),
    readability: aggregate(results.map((r) => r.readability)),
    pages: results,
  };
}

/** Page F1 (for ranking only; the corpus figure is not a mean of these). */
export function pageF1(score: PageScore): number {
  const p = score.precision ?? 0;
  const r = score.recall ?? 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** The pages where Quire does worst, worst first, to show where to look. */
export function lowestPages(result: BodyResult, count = 10): BodyPageResult[] {
  return [...result.pages].sort((a, b) => pageF1(a.quire) - pageF1(b.quire)).slice(0, count);
}
