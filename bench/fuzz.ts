/**
 * `npm run fuzz`: the fuzz suite (every `*.fuzz.test.ts`) with many more runs than `npm test`
 * gives it, then a report of what each target did: bench/results/fuzz.md. QUIRE_FUZZ_RUNS
 * (default "10x": ten times each target's npm-test runs) and QUIRE_FUZZ_BUDGET_S (default 100 s
 * per target) set the run's size; see docs/adr/0017-fuzzing.md. Exits non-zero on a failure.
 *
 * `npm run fuzz -- <filter>…` runs only the fuzz test files whose paths contain a filter (as
 * vitest filters them) and merges their rows into the existing report: other targets keep the
 * rows of their last run, and a line under the table says when and how the new rows were run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { FuzzReport } from '../src-core/testing/fuzz.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/results/fuzz.md');
const runs = process.env.QUIRE_FUZZ_RUNS ?? '10x';
const budget = process.env.QUIRE_FUZZ_BUDGET_S ?? '100';
const reportFile = join(tmpdir(), `quire-fuzz-${process.pid}.jsonl`);
// Real pages of the shared corpora as extra HTML seeds, when this machine has them (a plain
// clone does not: the report's seed list then says "shared corpora absent").
const sharedCorpora = process.env.QUIRE_SHARED_CORPORA ?? join(ROOT, '../shared/corpora');
rmSync(reportFile, { force: true });

const startedAt = new Date();
const load = loadavg()[0]!.toFixed(1);
const started = performance.now();
const filters = process.argv.slice(2);
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', ...(filters.length ? filters : ['.fuzz.test.ts'])],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      QUIRE_FUZZ_RUNS: runs,
      QUIRE_FUZZ_RANDOM: '1',
      QUIRE_FUZZ_BUDGET_S: budget,
      QUIRE_FUZZ_REPORT: reportFile,
      QUIRE_SHARED_CORPORA: sharedCorpora,
    },
  },
);
const wallS = (performance.now() - started) / 1000;

type Row = FuzzReport & { file: string };
const rows: Row[] = existsSync(reportFile)
  ? readFileSync(reportFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Row)
  : [];
rmSync(reportFile, { force: true });

const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const table = rows
  .sort((a, b) => a.target.localeCompare(b.target))
  .map(
    (r) =>
      `| ${r.target} | ${r.runs} / ${r.runsRequested}${r.interrupted ? ' (budget)' : ''} | ${r.results} | ${r.refusals} | ${seconds(r.durationMs)} | ${Math.round(r.slowestMs)} ms, ${Math.round((r.slowestSize ?? 0) / 1024)} KB | ${r.failure ? 'yes' : 'none'} |`,
  );
const failures = rows.filter((r) => r.failure);
const seeds = [...new Set(rows.map((r) => `- ${r.target}: ${r.seedNote}`))];
const totalRuns = rows.reduce((n, r) => n + r.runs, 0);

const fullReport = `# Fuzzing: the long run

\`npm run fuzz\` on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC with QUIRE_FUZZ_RUNS=${runs} and QUIRE_FUZZ_BUDGET_S=${budget}: Node ${process.version}, ${cpus().length} CPUs, load average ${load} at the start (the machine is shared: times are wall-clock, case budgets are CPU time).

${rows.length} targets, ${totalRuns} cases in ${seconds(wallS * 1000)} s of wall time; vitest exited with ${vitest.status}. What is fuzzed and the properties checked: docs/adr/0017-fuzzing.md.

| Target | Runs (done / asked) | Results | Refusals | Time (s) | Slowest case (CPU, input size) | Failures |
| --- | --- | --- | --- | --- | --- | --- |
${table.join('\n')}

"(budget)": the target's overall time budget ended the run before the runs asked for.
Refusals are the module's own error with a readable message (ImportError), the expected
outcome for garbage and for most byte-level mutations.

## Failures found in this run

${failures.length ? failures.map((r) => `### ${r.target}\n\n\`\`\`\n${r.failure}\n\`\`\``).join('\n\n') : 'None.'}

## Seeds

${seeds.join('\n')}

Target modules: ${[...new Set(rows.map((r) => relative(ROOT, r.file)))].join(', ')}.
`;

/**
 * A run of some targets only: their rows replace (or join) those of the last report, sorted by
 * target as the full report sorts them, and a paragraph under the table records the run.
 */
function mergedReport(previous: string): string {
  const lines = previous.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| Target |'));
  if (header < 0) return fullReport;
  let end = header + 2;
  while (lines[end]?.startsWith('| ')) end++;
  const byTarget = new Map<string, string>();
  for (const row of lines.slice(header + 2, end)) byTarget.set(row.split(' | ')[0]!.slice(2), row);
  rows.forEach((r, i) => byTarget.set(r.target, table[i]!));
  const merged = [...byTarget].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row);
  const note = `Rows of ${rows.map((r) => r.target).join(', ')}: \`npm run fuzz -- ${filters.join(' ')}\` on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, QUIRE_FUZZ_RUNS=${runs}, QUIRE_FUZZ_BUDGET_S=${budget}, load average ${load} at the start; ${totalRuns} cases in ${seconds(wallS * 1000)} s of wall time, vitest exited with ${vitest.status}${failures.length ? `; failures: ${failures.map((r) => `\n\n\`\`\`\n${r.failure}\n\`\`\``).join('')}` : ', no failure'}.`;
  const after = lines.slice(end);
  const newSeeds = seeds.filter((line) => !previous.includes(line));
  const seedsAt = after.indexOf('## Seeds');
  if (seedsAt >= 0 && newSeeds.length) {
    let seedsEnd = seedsAt + 2;
    while (after[seedsEnd]?.startsWith('- ')) seedsEnd++;
    const all = [...after.slice(seedsAt + 2, seedsEnd), ...newSeeds].sort();
    after.splice(seedsAt + 2, seedsEnd - seedsAt - 2, ...all);
  }
  const modulesAt = after.findIndex((line) => line.startsWith('Target modules: '));
  if (modulesAt >= 0) {
    const known = after[modulesAt]!.slice('Target modules: '.length, -1).split(', ');
    const files = rows.map((r) => relative(ROOT, r.file)).filter((f) => !known.includes(f));
    after[modulesAt] = `Target modules: ${[...known, ...new Set(files)].join(', ')}.`;
  }
  return [...lines.slice(0, header + 2), ...merged, '', note, ...after].join('\n');
}

const markdown =
  filters.length && existsSync(OUT) ? mergedReport(readFileSync(OUT, 'utf8')) : fullReport;

mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(OUT, markdown);
console.log(
  `\nfuzz: ${rows.length} targets, ${totalRuns} cases, ${failures.length} failing; wrote ${relative(ROOT, OUT)}`,
);
process.exit(vitest.status === 0 && failures.length === 0 && rows.length > 0 ? 0 : 1);
