/**
 * Whole-library calls: one bibliography of many entries (citeproc sorts and disambiguates them
 * together) and one export file per data format.
 */
import type { CitableArticle, CitationEngine } from '../../src-core/citation/types.ts';
import { DATA_FORMATS } from '../../src-core/citation/types.ts';
import { timed, type MemoryTracker } from './measure.ts';

export interface BibliographyRun {
  style: string;
  entries: number;
  totalMs: number;
  perEntryMs: number;
}

export interface BibliographyResult {
  runs: BibliographyRun[];
  /** Per-entry time of the largest run over the smallest: ~1 is linear, ≫1 superlinear. */
  scaling: number | null;
}

/**
 * Bibliographies of 1,000 and 2,500 entries show how the time grows with the size; all the
 * articles at once (`full`) take about a minute more, so they are asked for.
 */
export const BIBLIOGRAPHY_SIZES = [1000, 2500];

export function measureBibliography(
  engine: CitationEngine,
  articles: readonly CitableArticle[],
  style: string,
  full: boolean,
  memory: MemoryTracker,
): BibliographyResult {
  const run = (entries: number): BibliographyRun => {
    const [out, totalMs] = timed(() => engine.bibliography(articles.slice(0, entries), style));
    memory.sample();
    if (out.length !== entries) throw new Error(`bibliography gave ${out.length} of ${entries}`);
    return { style, entries, totalMs, perEntryMs: totalMs / entries };
  };
  const sizes = new Set(BIBLIOGRAPHY_SIZES.map((n) => Math.min(n, articles.length)));
  if (full) sizes.add(articles.length);
  const runs = [...sizes].sort((x, y) => x - y).map(run);
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  return { runs, scaling: runs.length > 1 ? last.perEntryMs / first.perEntryMs : null };
}

export interface ExportRun {
  format: string;
  entries: number;
  available: boolean;
  totalMs: number | null;
  perEntryMs: number | null;
  bytes: number | null;
  /** "not available yet", or any other error the export threw. */
  error: string | null;
}

/**
 * Every data format the engine lists (DATA_FORMATS), so formats that start working are timed
 * without changing the benchmark. A format that throws is reported, not fatal.
 */
export function measureExports(
  engine: CitationEngine,
  articles: readonly CitableArticle[],
  memory: MemoryTracker,
): ExportRun[] {
  return DATA_FORMATS.map((format) => {
    const base = { format, entries: articles.length };
    try {
      // A small warm-up, so the JIT has seen the serializer before the timed call.
      engine.exportData(articles.slice(0, 50), format);
      const [text, totalMs] = timed(() => engine.exportData(articles, format));
      memory.sample();
      return {
        ...base,
        available: true,
        totalMs,
        perEntryMs: totalMs / articles.length,
        bytes: Buffer.byteLength(text, 'utf8'),
        error: null,
      };
    } catch (error) {
      const message = (error as Error).message;
      return {
        ...base,
        available: !/not available yet/iu.test(message),
        totalMs: null,
        perEntryMs: null,
        bytes: null,
        error: message,
      };
    }
  });
}
