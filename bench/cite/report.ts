import os from 'node:os';
import type { Breakdown } from './breakdown.ts';
import { BIBLIOGRAPHY_SIZES, type BibliographyResult, type ExportRun } from './bulk.ts';
import type { Comparison, EngineCost, MemoryTracker } from './measure.ts';

/** Issue "Citation engine", item 10: Quire's time per citation at most 1.2 × citation-js's. */
export const TARGET_RATIO = 1.2;

export interface CiteResults {
  entries: number;
  seed: number;
  options: { allStyles: boolean; fullBibliography: boolean };
  cold: Comparison;
  warm: Comparison[];
  bibliography: BibliographyResult;
  exports: ExportRun[];
  breakdown: Breakdown;
  memory: ReturnType<MemoryTracker['summary']> & {
    retainedHeapMb: number | null;
    /** Heap kept by the engine's learned nouns for all `entries` articles. */
    nounCacheMb: number | null;
    engines: EngineCost[];
    phases: MemoryTracker['phases'];
  };
  machine: { loadAvgStart: number[]; loadAvgEnd: number[] };
  durationS: number;
  labels: Record<string, string>;
}

/** The JSON report: headline figures (APA, first citation of each article) at the top level. */
export function resultsJson(r: CiteResults): object {
  const warmApa = r.warm.find((c) => c.style === r.cold.style);
  return {
    entries: r.entries,
    style: r.cold.style,
    perCitationMs: r.cold.quire.meanMs,
    citationJsPerCitationMs: r.cold.citationJs.meanMs,
    ratio: r.cold.ratio,
    targetRatio: TARGET_RATIO,
    warmPerCitationMs: warmApa?.quire.meanMs ?? null,
    warmCitationJsPerCitationMs: warmApa?.citationJs.meanMs ?? null,
    warmRatio: warmApa?.ratio ?? null,
    identicalOutput: r.cold.identical,
    peakMb: r.memory.peakRssMb,
    peakHeapMb: r.memory.peakHeapMb,
    styles: Object.fromEntries(
      [r.cold, ...r.warm].reduce((map, c) => {
        const entry = map.get(c.style) ?? {};
        entry[c.mode] = c;
        return map.set(c.style, entry);
      }, new Map<string, Record<string, Comparison>>()),
    ),
    bibliography: r.bibliography,
    exports: Object.fromEntries(r.exports.map(({ format, ...rest }) => [format, rest])),
    breakdown: r.breakdown,
    memory: r.memory,
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '',
      totalMemMb: Math.round(os.totalmem() / 1024 / 1024),
      loadAvgStart: r.machine.loadAvgStart,
      loadAvgEnd: r.machine.loadAvgEnd,
    },
    seed: r.seed,
    options: r.options,
    durationS: r.durationS,
    date: new Date().toISOString(),
  };
}

const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(3)} ms`);
const seconds = (x: number) => `${(x / 1000).toFixed(2)} s`;
const mb = (x: number) => `${x.toFixed(0)} MB`;
const count = (x: number) => x.toLocaleString('en-US');
const met = (ok: boolean) => (ok ? 'yes' : '**no**');
const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

function table(head: string[], rows: string[][]): string {
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function comparisonRow(c: Comparison, label: string, headline: boolean): string[] {
  const name = headline ? `**${label}**` : label;
  return [
    name,
    `${count(c.entries)} × ${c.rounds}`,
    ms(c.quire.meanMs),
    ms(c.citationJs.meanMs),
    headline ? `**${c.ratio.toFixed(2)}**` : c.ratio.toFixed(2),
    `${ms(c.quire.p50Ms)} / ${ms(c.quire.p95Ms)}`,
    `${ms(c.citationJs.p50Ms)} / ${ms(c.citationJs.p95Ms)}`,
    `${count(c.identical)} / ${count(c.entries)}`,
    `≤ ${TARGET_RATIO}`,
    met(c.ratio <= TARGET_RATIO),
  ];
}

/** Quire against citation-js, style by style. */
export function comparisonTable(r: CiteResults): string {
  const label = (c: Comparison) =>
    `${r.labels[c.style] ?? c.style}, ${c.mode === 'cold' ? 'first citation (learns nouns)' : 'nouns learned'}`;
  return table(
    [
      'time per citation',
      'citations × rounds',
      'Quire',
      'citation-js',
      'ratio',
      'Quire p50 / p95',
      'citation-js p50 / p95',
      'same text',
      'target',
      'met',
    ],
    [
      comparisonRow(r.cold, label(r.cold), true),
      ...r.warm.map((c) => comparisonRow(c, label(c), false)),
    ],
  );
}

export function bulkTable(r: CiteResults): string {
  const rows = r.bibliography.runs.map((b) => [
    `engine.bibliography (${r.labels[b.style] ?? b.style})`,
    count(b.entries),
    seconds(b.totalMs),
    ms(b.perEntryMs),
    '',
  ]);
  const largest = BIBLIOGRAPHY_SIZES[BIBLIOGRAPHY_SIZES.length - 1] ?? 0;
  if (!r.options.fullBibliography && r.entries > largest) {
    rows.push([
      `engine.bibliography (all ${count(r.entries)})`,
      '',
      'not run',
      '',
      'about a minute more: `npm run bench:cite -- --full-bibliography`',
    ]);
  }
  if (r.bibliography.scaling !== null) {
    rows.push([
      'bibliography time per entry, largest run / smallest',
      '',
      '',
      `× ${r.bibliography.scaling.toFixed(2)}`,
      '1.00 is linear',
    ]);
  }
  for (const e of r.exports) {
    rows.push(
      e.totalMs === null
        ? [`exportData '${e.format}'`, count(e.entries), '—', '—', cell(e.error ?? '')]
        : [
            `exportData '${e.format}'`,
            count(e.entries),
            seconds(e.totalMs),
            ms(e.perEntryMs ?? 0),
            `${((e.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB written`,
          ],
    );
  }
  return table(['bulk call', 'entries', 'time', 'per entry', 'note'], rows);
}

export function memoryTable(r: CiteResults): string {
  const m = r.memory;
  const na = 'n/a (run without --expose-gc)';
  const rows = [
    ['**Peak RSS** (whole run, both systems)', mb(m.peakRssMb)],
    ['Peak heap used (sampled)', mb(m.peakHeapMb)],
    [
      'Heap kept after a full GC at the end (articles, learned nouns, citeproc engines)',
      m.retainedHeapMb === null ? na : mb(m.retainedHeapMb),
    ],
    [
      `Of which Quire's learned-noun cache for ${count(r.entries)} articles`,
      m.nounCacheMb === null
        ? na
        : `${mb(m.nounCacheMb)} (${((m.nounCacheMb * 1024) / r.entries).toFixed(1)} KB per article)`,
    ],
    ...m.engines.map((e) => [
      `First ${r.labels[e.style] ?? e.style} citation (citeproc engine): Quire / citation-js`,
      `${mb(e.quireMb)} / ${mb(e.citationJsMb)}`,
    ]),
    ...m.phases.map((p) => [
      `Phase ${p.phase}: peak RSS / peak heap / heap after GC`,
      `${mb(p.peakRssMb)} / ${mb(p.peakHeapMb)} / ${p.heapAfterGcMb === null ? 'n/a' : mb(p.heapAfterGcMb)}`,
    ]),
  ];
  return table(['memory', 'MB'], rows);
}

export function breakdownTables(r: CiteResults): string {
  if (r.breakdown.error !== null) return r.breakdown.error;
  return r.breakdown.styles
    .map((b) => {
      const rows = b.steps.map((s) => [
        s.step,
        `\`${s.where}\``,
        ms(s.meanMs),
        s.quireOnly ? 'Quire only' : '',
      ]);
      rows.push(
        ['**Quire overhead, nouns learned**', '', `**${ms(b.warmOverheadMs)}**`, ''],
        ['**Quire overhead, first citation**', '', `**${ms(b.coldOverheadMs)}**`, ''],
      );
      return (
        `### ${r.labels[b.style] ?? b.style} (${b.articles} unseen articles × ${b.rounds} ` +
        `rounds; ${b.nounsPerArticle.toFixed(0)} proper nouns per article)\n\n` +
        table(['step', 'where', 'ms per citation', ''], rows)
      );
    })
    .join('\n\n');
}

function mismatchList(r: CiteResults): string {
  const all = [r.cold, ...r.warm].filter((c) => c.mismatches.length > 0);
  if (all.length === 0) return 'None: Quire and citation-js print the same text for every entry.';
  return all
    .flatMap((c) =>
      c.mismatches.map(
        (m) =>
          `- ${c.style} #${m.index}\n  - Quire: \`${m.quire}\`\n  - citation-js: \`${m.citationJs}\``,
      ),
    )
    .join('\n');
}

/** Printed to stdout at the end of a run. */
export function summary(r: CiteResults): string {
  return [comparisonTable(r), bulkTable(r), memoryTable(r)].join('\n\n');
}

export function resultsMarkdown(r: CiteResults): string {
  const cpus = os.cpus();
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  return `# Citation benchmark

${new Date().toISOString()} · Node ${process.version} · ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}
· ${count(r.entries)} synthetic articles (seed ${r.seed}) · ${r.durationS.toFixed(0)} s
· load average ${load(r.machine.loadAvgStart)} at the start, ${load(r.machine.loadAvgEnd)} at the
end. How to read this: \`bench/README.md\`.

## Time per citation: Quire against citation-js

${comparisonTable(r)}

## Bulk calls

${bulkTable(r)}

## Memory

${memoryTable(r)}

## Where Quire's time goes

${breakdownTables(r)}

## Entries whose text differs

${mismatchList(r)}
`;
}
