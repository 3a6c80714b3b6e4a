/**
 * What the bench page (page/main.ts) offers the Node driver (bench/library.ts) as
 * `window.benchApi`, called through page.evaluate. Types only, shared by both sides.
 */

export interface QueryTiming {
  query: string;
  ms: number;
  /** Matching articles (Quire: `total`; full scan: records matched; MiniSearch: results). */
  total: number;
}

export interface Latency {
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  maxMs: number;
  queries: QueryTiming[];
}

export interface ImportResult {
  articles: number;
  /** Time spent writing (and indexing), generation excluded. */
  seconds: number;
  perSec: number;
  /** Time spent generating the articles in the page (not counted above). */
  generateSeconds: number;
  /** Quire: tagging the articles (setTags, then flush()), not in `seconds`. */
  tagSeconds?: number | null;
  /** Quire: articles that arrived with their tags. */
  tagged?: number;
  /** Quire: the search's needsRebuild() after the import, when it has one. */
  indexNeedsRebuild?: boolean | null;
}

export interface FullScanResult extends Latency {
  /** Queries scanned before the time budget ran out (all 50 unless it did). */
  scanned: number;
}

export type MiniSearchResult =
  | (Latency & { buildMs: number; heapMb: number; articles: number })
  | { skipped: string; heapMb: number | null };

export interface UpdateResult {
  /** Median of all timed updates (adds and edits), each until flush() resolved. */
  medianMs: number;
  addMedianMs: number;
  editMedianMs: number;
  /** Every edited title word was found by a search after the edit. */
  editsFound: boolean;
}

export interface StorageFigures {
  usageMb: number | null;
  quotaMb: number | null;
}

export interface BenchApi {
  /** Whether src-renderer/search/index.ts was built into the page. */
  hasQuireSearch(): boolean;
  storage(): Promise<StorageFigures>;
  /** JS heap (performance.memory.usedJSHeapSize) after a full GC, in MB. */
  heapMb(): Promise<number | null>;
  importBulkPutBaseline(size: number, seed: number): Promise<ImportResult>;
  fullScanSearch(budgetMs: number): Promise<FullScanResult>;
  miniSearch(size: number, seed: number, heapLimitMb: number): Promise<MiniSearchResult>;
  importQuire(size: number, seed: number, flushEvery: number): Promise<ImportResult>;
  quireSearch(): Promise<Latency>;
  updateOne(size: number, seed: number): Promise<UpdateResult>;
  indexMb(): Promise<number>;
  check(): Promise<{ dangling: number; missing: number }>;
  /** Closes the page's databases, so the app opens them alone. */
  close(): Promise<void>;
}

declare global {
  interface Window {
    benchApi?: BenchApi;
  }
}
