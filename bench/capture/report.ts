import os from 'node:os';
import type { BatchResult, LongTaskFigures, OpenResult, Transfer } from './drive.ts';

/** Issue "Capture in the app", item 5. */
export const TARGETS = { longestTaskMs: 100, throughputRatio: 0.7 } as const;

export type Mode = 'app' | 'baseline';
export const MODE_LABEL: Record<Mode, string> = {
  app: 'app (default capture)',
  baseline: 'baseline (?capture=main-thread)',
};

export interface SetRun {
  set: string;
  mode: Mode;
  /** Pages of the set this run imported (the baseline may take a seeded subset). */
  subset: boolean;
  batch: BatchResult;
}

export interface LargestRun {
  mode: Mode;
  import: BatchResult;
  open: OpenResult;
}

export interface ModeRun {
  mode: Mode;
  url: string;
  warmUp: BatchResult;
  sets: SetRun[];
  largest: LargestRun | null;
  /** Most dedicated workers seen at once while this mode ran. */
  workersSeen: number;
  performanceMemoryMb: number | null;
}

export interface InputSet {
  set: string;
  pages: number;
  bytes: number;
  sizesKb: { min: number; p10: number; p50: number; p90: number; max: number };
  baselinePages: number;
  source: string;
}

export interface CaptureResults {
  runs: ModeRun[];
  inputs: InputSet[];
  skipped: string[];
  largest: { title: string; bytes: number; paragraphs: number };
  options: {
    pages: number;
    baselinePages: number | 'all';
    transfer: Transfer;
    seed: number;
    build: string;
  };
  chromium: string;
  loadAvgStart: number[];
  loadAvgEnd: number[];
  durationS: number;
  notes: string[];
}

const round = (x: number | null, digits = 1) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** All sets of a mode together: pages over the sum of the batch times. */
export function combined(run: ModeRun | undefined) {
  if (!run || run.sets.length === 0) return null;
  const pages = run.sets.reduce((s, r) => s + r.batch.pages, 0);
  const ms = run.sets.reduce((s, r) => s + r.batch.durationMs, 0);
  const heap = (r: SetRun) => r.batch.heap.peakTotalMb ?? 0;
  return {
    pages,
    durationMs: ms,
    pagesPerSec: pages / (ms / 1000),
    longestTaskMs: Math.max(...run.sets.map((r) => r.batch.longestTaskMs)),
    over100Ms: run.sets.reduce((s, r) => s + r.batch.over100Ms, 0),
    totalBlockingMs: run.sets.reduce((s, r) => s + r.batch.totalBlockingMs, 0),
    peakHeapMb: Math.max(...run.sets.map(heap)),
    heapAfterGcMb: (() => {
      const last = run.sets[run.sets.length - 1]!.batch.heap.afterGc;
      return last.pageMb === null ? null : last.pageMb + last.workersMb;
    })(),
  };
}

/**
 * The app's pages per second over its first `n` pages of a set (from the progress samples),
 * comparable with a baseline that imported only `n` pages into a smaller library.
 */
function firstPagesPerSec(batch: BatchResult, n: number): number | null {
  const at = batch.progress.find(([, done]) => done >= n);
  return at && at[0] > 0 ? at[1] / (at[0] / 1000) : null;
}

export function headline(r: CaptureResults) {
  const app = r.runs.find((m) => m.mode === 'app');
  const baseline = r.runs.find((m) => m.mode === 'baseline');
  const a = combined(app);
  const b = combined(baseline);
  const ratio = a && b ? a.pagesPerSec / b.pagesPerSec : null;
  const openLongest = app?.largest?.open.longestTaskMs ?? null;
  // A page that fails at once costs nothing: while pages fail, the batch figures are not judged.
  const failed = app ? app.sets.reduce((s, x) => s + (x.batch.failed ?? 0), 0) : 0;
  const judged = failed === 0;
  return {
    failed,
    app: a,
    baseline: b,
    ratio,
    openLongest,
    baselineOpenLongest: baseline?.largest?.open.longestTaskMs ?? null,
    met: {
      throughput: ratio === null || !judged ? null : ratio >= TARGETS.throughputRatio,
      batchLongTask: a && judged ? a.longestTaskMs <= TARGETS.longestTaskMs : null,
      openLongTask: openLongest === null ? null : openLongest <= TARGETS.longestTaskMs,
    },
  };
}

export function resultsJson(r: CaptureResults): object {
  const h = headline(r);
  const cpus = os.cpus();
  const setFigures = (run: ModeRun) =>
    Object.fromEntries(
      run.sets.map((s) => {
        const baselineN = r.inputs.find((i) => i.set === s.set)?.baselinePages ?? 0;
        return [
          s.set,
          {
            ...s.batch,
            subset: s.subset,
            ...(run.mode === 'app' && baselineN < s.batch.pages
              ? {
                  firstPagesPerSec: {
                    pages: baselineN,
                    pagesPerSec: firstPagesPerSec(s.batch, baselineN),
                  },
                }
              : {}),
          },
        ];
      }),
    );
  return {
    pagesPerSec: round(h.app?.pagesPerSec ?? null, 2),
    baselinePagesPerSec: round(h.baseline?.pagesPerSec ?? null, 2),
    throughputRatio: round(h.ratio, 3),
    longestTaskMs: round(h.app?.longestTaskMs ?? null),
    openLargestLongestTaskMs: round(h.openLongest),
    heapMb: round(h.app?.peakHeapMb ?? null),
    heapAfterGcMb: round(h.app?.heapAfterGcMb ?? null),
    baselineLongestTaskMs: round(h.baseline?.longestTaskMs ?? null),
    baselineOpenLargestLongestTaskMs: round(h.baselineOpenLongest),
    baselineHeapMb: round(h.baseline?.peakHeapMb ?? null),
    largestImportMs: round(
      r.runs.find((m) => m.mode === 'app')?.largest?.import.durationMs ?? null,
      0,
    ),
    targets: { longestTaskMs: TARGETS.longestTaskMs, throughputRatio: TARGETS.throughputRatio },
    met: h.met,
    pages: h.app?.pages ?? 0,
    baselinePages: h.baseline?.pages ?? 0,
    saved: r.runs.find((m) => m.mode === 'app')?.sets.reduce((s, x) => s + (x.batch.saved ?? 0), 0),
    duplicates: r.runs
      .find((m) => m.mode === 'app')
      ?.sets.reduce((s, x) => s + (x.batch.duplicates ?? 0), 0),
    failed: r.runs
      .find((m) => m.mode === 'app')
      ?.sets.reduce((s, x) => s + (x.batch.failed ?? 0), 0),
    workerSeen: (r.runs.find((m) => m.mode === 'app')?.workersSeen ?? 0) > 0,
    notes: r.notes,
    modes: Object.fromEntries(
      r.runs.map((run) => [
        run.mode,
        {
          url: run.url,
          combined: combined(run),
          sets: setFigures(run),
          largest: run.largest,
          warmUp: run.warmUp,
          workersSeen: run.workersSeen,
          performanceMemoryMb: run.performanceMemoryMb,
        },
      ]),
    ),
    inputs: r.inputs,
    skipped: r.skipped,
    largest: r.largest,
    options: r.options,
    machine: {
      node: process.version,
      chromium: r.chromium,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus.length,
      cpu: cpus[0]?.model ?? '',
      totalMemMb: Math.round(os.totalmem() / 1024 / 1024),
      loadAvgStart: r.loadAvgStart,
      loadAvgEnd: r.loadAvgEnd,
    },
    durationS: round(r.durationS, 0),
    date: new Date().toISOString(),
  };
}

const count = (x: number) => x.toLocaleString('en-US');
const ms = (x: number | null | undefined) =>
  x == null ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`;
const mb = (x: number | null | undefined) => (x == null ? '—' : `${x.toFixed(0)} MB`);
const rate = (x: number | null | undefined) => (x == null ? '—' : x.toFixed(1));
const met = (ok: boolean | null) => (ok === null ? 'not judged' : ok ? 'yes' : '**no**');

function table(head: string[], rows: string[][]): string {
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export function headlineTable(r: CaptureResults): string {
  const h = headline(r);
  const failing = h.failed > 0 ? ` (not judged: ${count(h.failed)} pages failed)` : '';
  const pages = (c: ReturnType<typeof combined>) => (c ? count(c.pages) : '0');
  return table(
    ['figure', MODE_LABEL.app, MODE_LABEL.baseline, 'target', 'met'],
    [
      [
        `**Pages per second** (${pages(h.app)} pages; baseline ${pages(h.baseline)})`,
        `**${rate(h.app?.pagesPerSec)}**`,
        rate(h.baseline?.pagesPerSec),
        `≥ ${TARGETS.throughputRatio * 100} % of the baseline (${h.ratio === null ? '—' : `${(h.ratio * 100).toFixed(0)} %`})`,
        `${met(h.met.throughput)}${failing}`,
      ],
      [
        '**Longest main-thread task**, during the batches',
        `**${ms(h.app?.longestTaskMs)}**`,
        ms(h.baseline?.longestTaskMs),
        `≤ ${TARGETS.longestTaskMs} ms`,
        `${met(h.met.batchLongTask)}${failing}`,
      ],
      [
        '**Longest main-thread task**, opening the largest article (+1 s)',
        `**${ms(h.openLongest)}**`,
        ms(h.baselineOpenLongest),
        `≤ ${TARGETS.longestTaskMs} ms`,
        met(h.met.openLongTask),
      ],
      [
        'Tasks over 100 ms / total blocking time, during the batches',
        h.app ? `${count(h.app.over100Ms)} / ${ms(h.app.totalBlockingMs)}` : '—',
        h.baseline ? `${count(h.baseline.over100Ms)} / ${ms(h.baseline.totalBlockingMs)}` : '—',
        '',
        '',
      ],
      [
        'JS heap, peak during the batches (page + workers)',
        mb(h.app?.peakHeapMb),
        mb(h.baseline?.peakHeapMb),
        '',
        '',
      ],
      [
        'JS heap after the batches, after a full GC',
        mb(h.app?.heapAfterGcMb),
        mb(h.baseline?.heapAfterGcMb),
        '',
        '',
      ],
    ],
  );
}

function setsTable(r: CaptureResults): string {
  const rows: string[][] = [];
  for (const run of r.runs) {
    for (const s of run.sets) {
      const b = s.batch;
      const outcome =
        b.saved === null
          ? '—'
          : `${count(b.saved)} / ${count(b.duplicates ?? 0)} / ${count(b.failed ?? 0)}`;
      const baselineN = r.inputs.find((i) => i.set === s.set)?.baselinePages ?? 0;
      const first =
        run.mode === 'app' && baselineN < b.pages ? firstPagesPerSec(b, baselineN) : null;
      rows.push([
        s.set,
        MODE_LABEL[run.mode],
        `${count(b.pages)}${s.subset ? ' (seeded subset)' : ''}`,
        `${(b.bytes / 1024 / 1024).toFixed(1)} MB`,
        ms(b.durationMs),
        `${rate(b.pagesPerSec)}${first === null ? '' : ` (first ${count(baselineN)}: ${rate(first)})`}`,
        outcome,
        longestWithScript(b),
        `${count(b.over100Ms)} / ${ms(b.totalBlockingMs)}`,
        `${mb(b.heap.peakPageMb)} / ${mb(b.heap.peakWorkersMb)}`,
        mb(
          b.heap.afterGc.pageMb === null ? null : b.heap.afterGc.pageMb + b.heap.afterGc.workersMb,
        ),
        mb(b.heap.peakRendererRssMb),
        b.signal,
      ]);
    }
  }
  return table(
    [
      'set',
      'mode',
      'pages',
      'size',
      'time',
      'pages/s',
      'saved / duplicates / failed',
      'longest task',
      'tasks > 100 ms / blocking',
      'peak heap page / workers',
      'heap after GC',
      'renderer RSS peak',
      'end signal',
    ],
    rows,
  );
}

function largestTable(r: CaptureResults): string {
  const runs = r.runs.filter((m) => m.largest);
  if (runs.length === 0) return 'Not run.';
  const row = (label: string, f: (l: LargestRun) => string) => [
    label,
    ...runs.map((m) => f(m.largest!)),
  ];
  return table(
    ['largest article', ...runs.map((m) => MODE_LABEL[m.mode])],
    [
      row('import (one file, through the file input)', (l) => ms(l.import.durationMs)),
      row('longest main-thread task during the import', (l) => longestWithScript(l.import)),
      row('click → reader title shown', (l) => ms(l.open.titleShownMs)),
      row(
        '**longest main-thread task while opening (+1 s)**',
        (l) => `**${ms(l.open.longestTaskMs)}**${scriptNote(l.open)}`,
      ),
      row(
        'tasks over 100 ms / total blocking time while opening',
        (l) => `${count(l.open.over100Ms)} / ${ms(l.open.totalBlockingMs)}`,
      ),
      row('paragraphs in the reader after 1 s', (l) => count(l.open.paragraphsShown)),
      row(
        'JS heap peak while opening (page / workers)',
        (l) => `${mb(l.open.heap.peakPageMb)} / ${mb(l.open.heap.peakWorkersMb)}`,
      ),
    ],
  );
}

function inputsTable(r: CaptureResults): string {
  return table(
    ['set', 'pages', 'size', 'min / p10 / p50 / p90 / max', 'baseline pages', 'source'],
    r.inputs.map((i) => [
      i.set,
      count(i.pages),
      `${(i.bytes / 1024 / 1024).toFixed(1)} MB`,
      `${i.sizesKb.min} / ${i.sizesKb.p10} / ${i.sizesKb.p50} / ${i.sizesKb.p90} / ${i.sizesKb.max} KB`,
      count(i.baselinePages),
      i.source,
    ]),
  );
}

export function summary(r: CaptureResults): string {
  return [headlineTable(r), setsTable(r), largestTable(r)].join('\n\n');
}

export function resultsMarkdown(r: CaptureResults): string {
  const cpus = os.cpus();
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const notes = r.notes.length > 0 ? `\n${r.notes.map((n) => `- ${n}`).join('\n')}\n` : '';
  return `# Capture in the app: throughput and responsiveness

${new Date().toISOString()} · ${r.chromium} · Node ${process.version} · ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}
· ${r.inputs.map((i) => `${count(i.pages)} ${i.set} pages`).join(', ')} (seed ${r.options.seed}) · files passed as
${r.options.transfer} · ${r.durationS.toFixed(0)} s · load average ${load(r.loadAvgStart)} at the start,
${load(r.loadAvgEnd)} at the end. How to read this: \`bench/capture/README.md\`.
${notes}
## The app against the main-thread baseline

${headlineTable(r)}

## Per set

${setsTable(r)}

## The largest article (${(r.largest.bytes / 1024 / 1024).toFixed(1)} MB, ${count(r.largest.paragraphs)} paragraphs in its body)

${largestTable(r)}

## Inputs

${inputsTable(r)}
`;
}

/** " (script 7 ms: DIV#root.onchange …)": how much of the longest task was script, and whose. */
function scriptNote(f: LongTaskFigures): string {
  if (f.longestTaskScriptMs === null || f.longestTaskScriptMs === undefined) return '';
  const who = f.longestTaskScript ? `: ${f.longestTaskScript.trim()}` : '';
  return ` (script ${ms(f.longestTaskScriptMs)}${who})`;
}

function longestWithScript(f: LongTaskFigures): string {
  return `${ms(f.longestTaskMs)}${scriptNote(f)}`;
}
