/**
 * Timing and memory primitives of the citation benchmark, and the Quire-versus-citation-js
 * comparison itself. citation-js is the baseline because Quire renders through it: given the
 * item and style exactly as Quire hands them to citeproc (engine.prepared), citation-js alone
 * does citeproc's work, so the difference is Quire's own (proper-noun learning, title casing,
 * HTML-to-text conversion).
 */
import { performance } from 'node:perf_hooks';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItem } from '../../src-core/article/model.ts';
import type { CitableArticle, CitationEngine } from '../../src-core/citation/types.ts';

/** citation-js types `format` per output plugin; this is the shape the CSL plugin accepts. */
export const cslFormat = plugins.output.format as unknown as (
  name: 'bibliography',
  data: CslItem[],
  options: Record<string, unknown>,
) => unknown;

/**
 * Registers a prepared style under the benchmark's own name, so the baseline renders with a
 * citeproc engine of its own (citation-js caches one per name and locale) in its own output
 * format, and never shares Quire's engine or its registry.
 */
export function registerBaselineStyle(styleId: string, format: string, xml: string): string {
  const name = `quire-bench-${format}-${styleId}`;
  const styles = plugins.config.get('@csl').styles;
  if (!styles.has(name)) styles.add(name, xml);
  return name;
}

export function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

const MB = 1024 * 1024;

/**
 * Peak memory, sampled by the measuring loops themselves (they are synchronous, so a timer
 * would never fire) between timed calls, never inside them. The process's own high-water mark
 * (resourceUsage().maxRSS) backs the sampled RSS up.
 */
export class MemoryTracker {
  peakRss = 0;
  peakHeap = 0;
  private phasePeakRss = 0;
  private phasePeakHeap = 0;
  readonly phases: {
    phase: string;
    peakRssMb: number;
    peakHeapMb: number;
    /** Heap in use once the phase is over and garbage is collected (null without --expose-gc). */
    heapAfterGcMb: number | null;
  }[] = [];

  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, rss);
    this.peakHeap = Math.max(this.peakHeap, heapUsed);
    this.phasePeakRss = Math.max(this.phasePeakRss, rss);
    this.phasePeakHeap = Math.max(this.phasePeakHeap, heapUsed);
  }

  /** Closes a phase: records its peaks, then collects garbage (with --expose-gc) for the next. */
  endPhase(phase: string): void {
    this.sample();
    const peakRssMb = this.phasePeakRss / MB;
    const peakHeapMb = this.phasePeakHeap / MB;
    this.phases.push({ phase, peakRssMb, peakHeapMb, heapAfterGcMb: this.retainedHeapMb() });
    this.phasePeakRss = 0;
    this.phasePeakHeap = 0;
    this.sample();
  }

  /** Heap still used after a full collection: what the run keeps alive (articles, caches). */
  retainedHeapMb(): number | null {
    if (!collectGarbage()) return null;
    return process.memoryUsage().heapUsed / MB;
  }

  summary() {
    this.sample();
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    return {
      peakRssMb: Math.max(this.peakRss / MB, maxRssMb),
      peakHeapMb: this.peakHeap / MB,
      gcExposed: typeof globalThis.gc === 'function',
    };
  }
}

function collectGarbage(): boolean {
  if (typeof globalThis.gc !== 'function') return false;
  globalThis.gc();
  return true;
}

export interface Timing {
  /** Sum of the per-citation times. */
  totalMs: number;
  /** totalMs / entries: the time per citation. */
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
}

export interface Mismatch {
  index: number;
  quire: string;
  citationJs: string;
}

/** One style, Quire's engine.reference against citation-js on the same prepared items. */
export interface Comparison {
  style: string;
  /** 'cold': each article's first citation, proper nouns learned in the call; 'warm': learned. */
  mode: 'cold' | 'warm';
  entries: number;
  rounds: number;
  quire: Timing;
  citationJs: Timing;
  /** Quire's total over citation-js's total. */
  ratio: number;
  /** Entries whose text Quire and citation-js render alike (whitespace collapsed). */
  identical: number;
  mismatches: Mismatch[];
}

const MAX_MISMATCHES = 5;
const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim();

interface Baseline {
  template: string;
  lang: string;
}

function baselineFor(engine: CitationEngine, article: CitableArticle, style: string): Baseline {
  const { styleXml, locale } = engine.prepared(article, style);
  return { template: registerBaselineStyle(style, 'text', styleXml), lang: locale };
}

const renderBaseline = (baseline: Baseline, item: CslItem): string =>
  cslFormat('bibliography', [item], {
    template: baseline.template,
    lang: baseline.lang,
    format: 'text',
  }) as string;

class Samples {
  readonly quire: number[][];
  readonly citationJs: number[][];
  readonly outputs: { quire: string; citationJs: string }[];
  constructor(readonly entries: number) {
    this.quire = Array.from({ length: entries }, () => []);
    this.citationJs = Array.from({ length: entries }, () => []);
    this.outputs = Array.from({ length: entries }, () => ({ quire: '', citationJs: '' }));
  }

  /** Times one call of one system for entry `i`; nothing else runs inside the timed region. */
  time(i: number, system: 'quire' | 'citationJs', call: () => string): void {
    const [text, ms] = timed(call);
    this[system][i]!.push(ms);
    this.outputs[i]![system] = text;
  }

  result(style: string, mode: Comparison['mode'], rounds: number): Comparison {
    const quire = timing(this.quire.map(median));
    const citationJs = timing(this.citationJs.map(median));
    const mismatches: Mismatch[] = [];
    let identical = 0;
    this.outputs.forEach((o, index) => {
      if (normalise(o.quire) === normalise(o.citationJs)) identical++;
      else if (mismatches.length < MAX_MISMATCHES) {
        mismatches.push({ index, quire: o.quire, citationJs: normalise(o.citationJs) });
      }
    });
    return {
      style,
      mode,
      entries: this.entries,
      rounds,
      quire,
      citationJs,
      ratio: quire.totalMs / citationJs.totalMs,
      identical,
      mismatches,
    };
  }
}

/** How many entries a throwaway preparing engine serves before it is dropped with its cache. */
const PREPARER_SPAN = 1000;

/**
 * Each article's first citation, as when a library of `articles` is formatted once: Quire's
 * call learns the article's proper nouns (they are cached per body afterwards). One round over
 * all the articles, entry by entry, alternating which system goes first. citation-js's item
 * must exist before Quire has seen the article when citation-js goes first, so those items come
 * from a separate engine (`makePreparer`) whose learning is not timed.
 */
export function compareCold(
  engine: CitationEngine,
  makePreparer: () => CitationEngine,
  articles: readonly CitableArticle[],
  style: string,
  memory: MemoryTracker,
  progress: (done: number) => void,
): Comparison {
  let preparer = makePreparer();
  const baseline = baselineFor(preparer, articles[0]!, style);
  const samples = new Samples(articles.length);
  articles.forEach((article, i) => {
    if (i > 0 && i % PREPARER_SPAN === 0) preparer = makePreparer();
    const quire = () => engine.reference(article, style, 'text');
    if (i % 2 === 0) {
      samples.time(i, 'quire', quire);
      // Quire's call learned the nouns; the item is read back from its cache, untimed.
      const item = engine.prepared(article, style).item;
      samples.time(i, 'citationJs', () => renderBaseline(baseline, item));
    } else {
      const item = preparer.prepared(article, style).item;
      samples.time(i, 'citationJs', () => renderBaseline(baseline, item));
      samples.time(i, 'quire', quire);
    }
    if (i % 64 === 0) memory.sample();
    if (i % 500 === 499) progress(i + 1);
  });
  return samples.result(style, 'cold', 1);
}

/**
 * Citations of articles whose proper nouns the engine has already learned (each article cited
 * again, or in another style): `rounds` rounds over the same articles, alternating the order
 * entry by entry and round by round; each entry's time is the median of its rounds.
 */
export function compareWarm(
  engine: CitationEngine,
  articles: readonly CitableArticle[],
  style: string,
  rounds: number,
  memory: MemoryTracker,
): Comparison {
  const baseline = baselineFor(engine, articles[0]!, style);
  // The nouns are learned already; this only keeps preparing the items out of the timed calls.
  const items = articles.map((a) => engine.prepared(a, style).item);
  const samples = new Samples(articles.length);
  for (let round = 0; round < rounds; round++) {
    articles.forEach((article, i) => {
      const quire = () => engine.reference(article, style, 'text');
      const citationJs = () => renderBaseline(baseline, items[i]!);
      if ((i + round) % 2 === 0) {
        samples.time(i, 'quire', quire);
        samples.time(i, 'citationJs', citationJs);
      } else {
        samples.time(i, 'citationJs', citationJs);
        samples.time(i, 'quire', quire);
      }
      if (i % 64 === 0) memory.sample();
    });
  }
  return samples.result(style, 'warm', rounds);
}

/** Heap added by the first citation in a style: mostly the citeproc engine built for it. */
export interface EngineCost {
  style: string;
  quireMb: number;
  citationJsMb: number;
}

/**
 * Both systems on articles the measured runs never see, so the JIT has settled before them.
 * With --expose-gc it also weighs what the first citation in each style leaves on the heap:
 * citation-js builds one citeproc engine per style name (Quire's, and the baseline's own).
 */
export function warmUp(
  engine: CitationEngine,
  articles: readonly CitableArticle[],
  styles: readonly string[],
): EngineCost[] {
  const costs: EngineCost[] = [];
  const heap = () => (collectGarbage() ? process.memoryUsage().heapUsed / MB : NaN);
  for (const style of styles) {
    const baseline = baselineFor(engine, articles[0]!, style);
    const before = heap();
    engine.reference(articles[0]!, style, 'text');
    const afterQuire = heap();
    renderBaseline(baseline, engine.prepared(articles[0]!, style).item);
    const afterBaseline = heap();
    if (!Number.isNaN(before)) {
      costs.push({ style, quireMb: afterQuire - before, citationJsMb: afterBaseline - afterQuire });
    }
    for (const a of articles) {
      // A fresh body array each time, so that Quire learns (the cold path) as well.
      engine.reference({ ...a, body: [...a.body] }, style, 'text');
      engine.reference(a, style, 'text');
      renderBaseline(baseline, engine.prepared(a, style).item);
    }
  }
  return costs;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

export function timing(perEntry: readonly number[]): Timing {
  const sorted = [...perEntry].sort((a, b) => a - b);
  const totalMs = perEntry.reduce((sum, ms) => sum + ms, 0);
  return {
    totalMs,
    meanMs: perEntry.length ? totalMs / perEntry.length : 0,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
  };
}
