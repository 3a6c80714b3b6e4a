import os from 'node:os';
import type { Aggregate } from '../lib/shingle-f1.ts';
import { lowestPages, pageF1, type BodyResult } from './body.ts';
import type { MetadataResult } from './metadata.ts';
import type { SpeedResult } from './speed.ts';

/** Issue 7's targets for Quire's capture. */
export const TARGETS = { f1: 0.965, titleAgreement: 0.95, timeRatio: 2 };

export interface EvalResults {
  body: BodyResult;
  metadata: MetadataResult;
  speed: SpeedResult;
}

const figures = (a: Aggregate) => ({
  precision: a.precision,
  recall: a.recall,
  f1: a.f1,
  accuracy: a.accuracy,
});

const failedPages = (body: BodyResult) => body.pages.filter((p) => p.failure !== null);

/** The JSON report: headline figures at the top level, details nested. */
export function resultsJson({ body, metadata, speed }: EvalResults): object {
  const failures = failedPages(body);
  return {
    pages: body.pages.length,
    failures: failures.length,
    f1: body.quire.f1,
    readabilityF1: body.readability.f1,
    titleAgreement: metadata.titleAgreement,
    titleAgreementOrJudgedRight: metadata.titleAgreementOrJudgedRight,
    timeRatio: speed.timeRatio,
    p50Ms: speed.quire.p50Ms,
    p95Ms: speed.quire.p95Ms,
    body: {
      quire: figures(body.quire),
      readability: figures(body.readability),
      failures: failures.map(({ id, url, failure }) => ({ id, url, failure })),
      pages: body.pages.map(({ id, url, quire, readability }) => ({
        id,
        quire: { precision: quire.precision, recall: quire.recall, exact: quire.exact },
        readability: { precision: readability.precision, recall: readability.recall },
        url,
      })),
    },
    metadata,
    speed,
    machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '' },
    date: new Date().toISOString(),
  };
}

const n3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
/** A title cell: an empty title must stay visible as such. */
const titleCell = (text: string) => cell(text) || '(empty)';
const met = (ok: boolean) => (ok ? 'yes' : '**no**');

/** The headline table: Quire and Readability side by side, with issue 7's targets. */
export function figuresTable({ body, metadata, speed }: EvalResults): string {
  const q = body.quire;
  const r = body.readability;
  const failures = failedPages(body).length;
  // Timing a capture that throws measures nothing, so the speed target waits for clean runs.
  const speedMet = failures > 0 ? `not judged: ${failures} pages fail` : met(speed.timeRatio <= 2);
  const rows = [
    ['Body precision', n3(q.precision), n3(r.precision), '', ''],
    ['Body recall', n3(q.recall), n3(r.recall), '', ''],
    ['**Body F1**', n3(q.f1), n3(r.f1), `≥ ${TARGETS.f1}`, met(q.f1 >= TARGETS.f1)],
    ['Body accuracy (exact pages)', n3(q.accuracy), n3(r.accuracy), '', ''],
    ['**Failed pages**', `${failures} / ${q.pages}`, '', '0', met(failures === 0)],
    [
      '**Title agreement** (strict)',
      pct(metadata.titleAgreement),
      '(reference)',
      `≥ ${pct(TARGETS.titleAgreement)}`,
      met(metadata.titleAgreement >= TARGETS.titleAgreement),
    ],
    ['Title agreement (loose)', pct(metadata.titleAgreementLoose), '(reference)', '', ''],
    [
      'Title agreement, or judged right by hand',
      pct(metadata.titleAgreementOrJudgedRight),
      '(reference)',
      '',
      '',
    ],
    ['Byline agreement (loose, info)', pct(metadata.bylineAgreementLoose), '(reference)', '', ''],
    ['Total time (sum of medians)', ms(speed.quire.totalMs), ms(speed.readability.totalMs), '', ''],
    ['Time per page p50', ms(speed.quire.p50Ms), ms(speed.readability.p50Ms), '', ''],
    ['Time per page p95', ms(speed.quire.p95Ms), ms(speed.readability.p95Ms), '', ''],
    ['**Time ratio** (Quire / Readability)', speed.timeRatio.toFixed(2), '1', '≤ 2', speedMet],
  ];
  return table(['figure', 'Quire', 'Readability', 'target', 'met'], rows);
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The full Markdown report. */
export function resultsMarkdown(results: EvalResults, corpora: string): string {
  const { body, metadata } = results;
  const failures = failedPages(body);
  const cpus = os.cpus();
  const lowest = lowestPages(body).map((p) => [
    `\`${p.id.slice(0, 12)}\``,
    cell(p.url),
    n3(p.quire.precision ?? 0),
    n3(p.quire.recall ?? 0),
    n3(pageF1(p.quire)),
    cell(p.failure ?? ''),
  ]);
  const disagreements = metadata.titleDisagreements.map((d) => [
    d.page,
    d.quire === null ? `(failed: ${cell(d.error ?? '')})` : titleCell(d.quire),
    titleCell(d.readability),
    d.looseAgree ? 'yes' : 'no',
    d.verdict,
    cell(d.why),
  ]);
  return [
    '# Capture evaluation',
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${cpus.length} × ${cpus[0]?.model ?? '?'}`,
    `· corpora from \`${corpora}\`. How to read this: \`bench/README.md\`.`,
    '',
    figuresTable(results),
    '',
    `Body: ${body.pages.length} article-extraction pages. Titles and bylines: ${metadata.pages}`,
    `Readability test pages (Quire failed on ${metadata.failures}).`,
    '',
    `## Failed pages (${failures.length})`,
    '',
    failures.length === 0
      ? 'None.'
      : table(
          ['page', 'url', 'why'],
          failures.map((p) => [`\`${p.id.slice(0, 12)}\``, cell(p.url), cell(p.failure ?? '')]),
        ),
    '',
    '## Lowest Quire F1',
    '',
    'Debug one with `npm run eval -- --page <id>`.',
    '',
    table(['page', 'url', 'P', 'R', 'page F1', 'failure'], lowest),
    '',
    `## Title disagreements (${disagreements.length})`,
    '',
    'Verdicts come from `bench/eval/title-judgements.json` (which title is right).',
    '',
    disagreements.length === 0
      ? 'None.'
      : table(['page', 'Quire', 'Readability', 'loose agree', 'verdict', 'why'], disagreements),
    '',
  ].join('\n');
}
