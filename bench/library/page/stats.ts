/** Timing and memory helpers for the bench page. */
import type { Latency, QueryTiming } from '../api.ts';

/** Nearest-rank percentile of `values` (0 < p ≤ 1). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

export function latency(queries: QueryTiming[]): Latency {
  const times = queries.map((q) => q.ms);
  return {
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    meanMs: times.reduce((s, t) => s + t, 0) / Math.max(1, times.length),
    maxMs: Math.max(...times),
    queries,
  };
}

const MB = 1024 * 1024;

/** performance.memory.usedJSHeapSize in bytes (Chromium; precise with --enable-precise-memory-info). */
export function usedHeap(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : null;
}

/** The heap after a full GC (window.gc with --js-flags=--expose-gc), in MB. */
export async function heapAfterGcMb(): Promise<number | null> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 2; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const bytes = usedHeap();
  return bytes === null ? null : bytes / MB;
}

export const toMb = (bytes: number) => bytes / MB;

/** Logs to the page console (the driver copies it to stderr), at most every `everyMs`. */
export function progress(label: string, total: number, everyMs = 10_000) {
  const started = performance.now();
  let last = started;
  return (done: number) => {
    const now = performance.now();
    if (now - last < everyMs && done < total) return;
    last = now;
    const seconds = (now - started) / 1000;
    const heap = usedHeap();
    const heapText = heap === null ? '' : `, heap ${toMb(heap).toFixed(0)} MB`;
    console.log(`${label}: ${done} / ${total} after ${seconds.toFixed(0)} s${heapText}`);
  };
}

/** Articles in batches of `batch`, made (untimed) before `write` (timed) stores them. */
export async function inBatches<T>(
  total: number,
  batch: number,
  make: (index: number) => Promise<T>,
  write: (items: T[], first: number) => Promise<void>,
  label: string,
): Promise<{ writeMs: number; makeMs: number }> {
  let writeMs = 0;
  let makeMs = 0;
  const report = progress(label, total);
  for (let first = 0; first < total; first += batch) {
    const t0 = performance.now();
    const count = Math.min(batch, total - first);
    const items = await Promise.all(Array.from({ length: count }, (_, k) => make(first + k)));
    const t1 = performance.now();
    await write(items, first);
    const t2 = performance.now();
    makeMs += t1 - t0;
    writeMs += t2 - t1;
    report(first + count);
  }
  return { writeMs, makeMs };
}
