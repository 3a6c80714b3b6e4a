import { performance } from 'node:perf_hooks';
import type { BodyPage } from './corpora.ts';
import { quireCapture, readabilityText } from './systems.ts';

const ROUNDS = 3;

export interface Timing {
  /** Sum over pages of each page's median time. */
  totalMs: number;
  p50Ms: number;
  p95Ms: number;
}

export interface SpeedResult {
  rounds: number;
  quire: Timing;
  readability: Timing;
  /** Quire's total / Readability's total, both measured in this run on this machine. */
  timeRatio: number;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Times (a) parse + Readability and (b) Quire's captureSource, which parses its own DOM, so both
 * start from the HTML string. One warm-up pass lets the JIT settle; the rounds then interleave
 * the two systems page by page so drift in machine load hits both alike.
 */
export function measureSpeed(pages: readonly BodyPage[]): SpeedResult {
  const quire = (page: BodyPage) => time(() => quireCapture(page.html, page.url));
  const readability = (page: BodyPage) => time(() => readabilityText(page.html));
  for (const page of pages) {
    readability(page);
    quire(page);
  }
  const samples = pages.map(() => ({ quire: [] as number[], readability: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    pages.forEach((page, i) => {
      samples[i]!.readability.push(readability(page));
      samples[i]!.quire.push(quire(page));
    });
  }
  const quireTiming = timing(samples.map((s) => median(s.quire)));
  const readabilityTiming = timing(samples.map((s) => median(s.readability)));
  return {
    rounds: ROUNDS,
    quire: quireTiming,
    readability: readabilityTiming,
    timeRatio: quireTiming.totalMs / readabilityTiming.totalMs,
  };
}

function timing(perPage: number[]): Timing {
  const sorted = [...perPage].sort((a, b) => a - b);
  return {
    totalMs: perPage.reduce((sum, ms) => sum + ms, 0),
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
  };
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** Nearest-rank percentile of sorted values (the smallest value with ≥ q of them at or below). */
function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}
