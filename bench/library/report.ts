/** Results of `npm run bench:library`: latest.json (keyed by library size) and library.md. */
import type {
  FullScanResult,
  ImportResult,
  Latency,
  MiniSearchResult,
  StorageFigures,
  UpdateResult,
} from './api.ts';
import { QUERIES } from './queries.ts';

export interface SizeResult {
  articles: number;
  searchP50Ms: number | null;
  searchP95Ms: number | null;
  firstRenderMs: number | null;
  importPerSec: number | null;
  heapMb: number | null;
  indexMb: number | null;
  updateMs: number | null;
  check: { dangling: number; missing: number } | null;
  baselines: {
    bulkPutPerSec: number;
    fullScanP95Ms: number;
    miniSearchP95Ms: number | null;
    miniSearchHeapMb: number | null;
    fullScanP50Ms: number;
    fullScanQueries: number;
    miniSearchP50Ms: number | null;
    miniSearchBuildMs: number | null;
    miniSearchSkipped: string | null;
  };
  details: {
    quireImport: ImportResult | null;
    bulkPut: ImportResult;
    quireSearch: Latency | null;
    fullScan: FullScanResult;
    miniSearch: MiniSearchResult;
    update: UpdateResult | null;
    firstRenderRunsMs: number[];
    /** The app's heap (performance.memory, after GC) once its library list showed. */
    appHeapMb: number | null;
    storage: StorageFigures;
    notes: string[];
  };
  run: { seed: number; chromium: string; date: string; durationS: number };
}

export type Results = Record<string, SizeResult>;

const fixed = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);

interface Target {
  size: number;
  what: string;
  value(results: Results): number | null;
  /** Shown as "≤ 100 ms"; `met` decides. */
  goal: string;
  met(value: number): boolean;
  unit: string;
}

const at = (results: Results, size: number) => results[String(size)];

export const TARGETS: Target[] = [
  {
    size: 100_000,
    what: 'search p95',
    value: (r) => at(r, 100_000)?.searchP95Ms ?? null,
    goal: '≤ 100 ms',
    met: (v) => v <= 100,
    unit: 'ms',
  },
  {
    size: 100_000,
    what: 'first render',
    value: (r) => at(r, 100_000)?.firstRenderMs ?? null,
    goal: '≤ 1,000 ms',
    met: (v) => v <= 1000,
    unit: 'ms',
  },
  {
    size: 100_000,
    what: 'first render / first render at 1k',
    value: (r) => {
      const big = at(r, 100_000)?.firstRenderMs;
      const small = at(r, 1000)?.firstRenderMs;
      return big && small ? big / small : null;
    },
    goal: '≤ 1.5 ×',
    met: (v) => v <= 1.5,
    unit: '×',
  },
  {
    size: 100_000,
    what: 'JS heap',
    value: (r) => at(r, 100_000)?.heapMb ?? null,
    goal: '≤ 400 MB',
    met: (v) => v <= 400,
    unit: 'MB',
  },
  {
    size: 100_000,
    what: 'update',
    value: (r) => at(r, 100_000)?.updateMs ?? null,
    goal: '≤ 50 ms',
    met: (v) => v <= 50,
    unit: 'ms',
  },
  {
    size: 100_000,
    what: 'import / bulkPut',
    value: (r) => {
      const s = at(r, 100_000);
      return s?.importPerSec ? s.importPerSec / s.baselines.bulkPutPerSec : null;
    },
    goal: '≥ 0.5 ×',
    met: (v) => v >= 0.5,
    unit: '×',
  },
  {
    size: 10_000,
    what: 'full scan p95 / search p95',
    value: (r) => {
      const s = at(r, 10_000);
      return s?.searchP95Ms ? s.baselines.fullScanP95Ms / s.searchP95Ms : null;
    },
    goal: '≥ 20 ×',
    met: (v) => v >= 20,
    unit: '×',
  },
  {
    size: 10_000,
    what: 'search p95 / MiniSearch p95',
    value: (r) => {
      const s = at(r, 10_000);
      return s?.searchP95Ms && s.baselines.miniSearchP95Ms
        ? s.searchP95Ms / s.baselines.miniSearchP95Ms
        : null;
    },
    goal: '≤ 2 ×',
    met: (v) => v <= 2,
    unit: '×',
  },
];

/** `failures`: sizes that could not be measured (the page crashed…), with the reason. */
export function resultsMarkdown(results: Results, failures: Record<string, string> = {}): string {
  const sizes = Object.values(results).sort((a, b) => a.articles - b.articles);
  const first = sizes[0];
  const lines = [
    '# Library benchmark (`npm run bench:library`)',
    '',
    first
      ? `${first.run.chromium}, seed ${first.run.seed}, ${first.run.date}. Times in ms, rates in articles/s, sizes in MB. See bench/README.md.`
      : 'No sizes were run.',
    '',
    '| articles | import/s | bulkPut/s | first render | search p50 | search p95 | full scan p95 | MiniSearch p95 | MiniSearch heap | heap | index | update | check (dangling/missing) |',
    '| -: | -: | -: | -: | -: | -: | -: | -: | -: | -: | -: | -: | -: |',
    ...sizes.map((s) => {
      const b = s.baselines;
      const scan = b.fullScanQueries < QUERIES.length ? ` (${b.fullScanQueries} q)` : '';
      return `| ${s.articles.toLocaleString('en')} | ${fixed(s.importPerSec, 0)} | ${fixed(b.bulkPutPerSec, 0)} | ${fixed(s.firstRenderMs, 0)} | ${fixed(s.searchP50Ms)} | ${fixed(s.searchP95Ms)} | ${fixed(b.fullScanP95Ms, 0)}${scan} | ${b.miniSearchSkipped ? 'skipped' : fixed(b.miniSearchP95Ms)} | ${fixed(b.miniSearchHeapMb, 0)} | ${fixed(s.heapMb, 0)} | ${fixed(s.indexMb)} | ${fixed(s.updateMs)} | ${s.check ? `${s.check.dangling}/${s.check.missing}` : '—'} |`;
    }),
    '',
    '## Targets',
    '',
    '| size | figure | target | measured | verdict |',
    '| -: | - | - | -: | - |',
    ...TARGETS.map((t) => {
      const v = t.value(results);
      const verdict = v === null ? 'not measured' : t.met(v) ? 'met' : '**missed**';
      return `| ${t.size.toLocaleString('en')} | ${t.what} | ${t.goal} | ${v === null ? '—' : `${fixed(v, t.unit === '×' ? 2 : 1)} ${t.unit}`} | ${verdict} |`;
    }),
  ];
  const largest = sizes[sizes.length - 1];
  if (largest) {
    const d = largest.details;
    const by = (list: { query: string; ms: number; total: number }[] | undefined) =>
      new Map((list ?? []).map((q) => [q.query, q]));
    const quire = by(d.quireSearch?.queries);
    const scan = by(d.fullScan.queries);
    const mini = by('queries' in d.miniSearch ? d.miniSearch.queries : undefined);
    const cell = (q: { ms: number; total: number } | undefined) =>
      q ? `${q.ms.toFixed(1)} (${q.total})` : '—';
    lines.push(
      '',
      `## Queries at ${largest.articles.toLocaleString('en')} articles: ms (matches)`,
      '',
      '| kind | query | Quire | full scan | MiniSearch |',
      '| - | - | -: | -: | -: |',
      ...QUERIES.map(
        ({ kind, query }) =>
          `| ${kind} | \`${query}\` | ${cell(quire.get(query))} | ${cell(scan.get(query))} | ${cell(mini.get(query))} |`,
      ),
    );
  }
  const notes = [
    ...Object.entries(failures).map(([size, reason]) => `- ${size}: not measured: ${reason}`),
    ...sizes.flatMap((s) => s.details.notes.map((n) => `- ${s.articles}: ${n}`)),
  ];
  if (notes.length > 0) lines.push('', '## Notes', '', ...notes);
  return `${lines.join('\n')}\n`;
}
