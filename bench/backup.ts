/**
 * `npm run bench:backup`: Quire's backup archive at 1,000 generated articles (seed 12, the
 * library the round-trip test builds) in Node over fake-indexeddb: archive size, export time
 * and restore time (into an empty library, search index included), next to a baseline in the
 * same run. Writes bench/results/backup.md and backup.json. See bench/README.md.
 */
import { register } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { backupMarkdown, type RunBackupBench } from './backup/report.ts';

register('./backup/raw-hooks.mjs', import.meta.url);

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const log = (line: string) => console.error(line);
// Loaded after the hooks, by a computed name: it is renderer code, typechecked with the web
// tsconfig (its `?raw` imports and DOM types), not with this one.
const runPath = './backup/run.ts';
const { runBackupBench } = (await import(runPath)) as { runBackupBench: RunBackupBench };
const started = Date.now();
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const environment = `Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · load average ${load()} at the start`;
const measured = await runBackupBench(Number(values.articles), Number(values.runs), log);
const figures = { ...measured, environment: `${environment}, ${load()} at the end` };
const markdown = backupMarkdown(figures, new Date(started), (Date.now() - started) / 1000);
writeFileSync(join(values.out, 'backup.json'), `${JSON.stringify(figures, null, 2)}\n`);
writeFileSync(join(values.out, 'backup.md'), markdown);
console.log(markdown);
