/**
 * `npm run bench:library`: Quire's library at 1k, 10k and 100k synthetic articles in Debian's
 * Chromium: import throughput with indexing, first render of the library list, search latency
 * over 50 fixed queries, index size, JS heap and update time, next to plain Dexie bulkPut, a
 * Dexie full scan and MiniSearch in memory, in the same run. Writes bench/results/latest.json
 * (keyed by library size) and bench/results/library.md. See bench/README.md.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS as E2E_CHROMIUM_ARGS } from '../e2e/targets.ts';
import { runCheck } from './library/check.ts';
import { resultsMarkdown, type Results } from './library/report.ts';
import { runSize } from './library/run.ts';
import { buildPage, buildWeb, ROOT, serve, type StaticServer } from './library/server.ts';

const USAGE = `usage: npm run bench:library [-- options]
  --sizes LIST            library sizes (default 1000,10000,100000)
  --seed N                generator seed (default 20260601)
  --out DIR               where latest.json and library.md go (default bench/results)
  --no-build              reuse the builds in --build-dir
  --build-dir DIR         web app and bench page builds (default .scratch/library-bench)
  --skip-quire            baselines only (no Quire import, search, update or first render)
  --minisearch-max N      largest size MiniSearch runs at (default 10000)
  --minisearch-heap-mb N  stop MiniSearch when the page heap passes this (default 1536)
  --scan-budget-s N       time budget of the full scan's 50 queries per size (default 300)
  --flush-every N         Quire import: also flush() the index after every N articles
                          (default 0: the index maintains itself after each add, as in the
                          app, and is flushed once at the end)
  --render-runs N         first renders per size, the median is reported (default 3)
  --keep-profiles         keep each size's Chromium profile (its IndexedDB) in --build-dir
  --check                 print a generated article, check the generator and the queries
  --help`;

const log = (line: string) => console.error(line);

/** e2e/targets.ts's Chromium flags, with precise performance.memory and window.gc(). */
const CHROMIUM_ARGS = [
  ...E2E_CHROMIUM_ARGS,
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
  // Offline: the app's own origin only (the generated articles name other hosts).
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

const whole = (text: string) => (/^\d+$/.test(text) ? Number(text) : NaN);

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sizes: { type: 'string', default: '1000,10000,100000' },
        seed: { type: 'string', default: '20260601' },
        out: { type: 'string', default: join(ROOT, 'bench', 'results') },
        'no-build': { type: 'boolean', default: false },
        'build-dir': { type: 'string', default: join(ROOT, '.scratch', 'library-bench') },
        'skip-quire': { type: 'boolean', default: false },
        'minisearch-max': { type: 'string', default: '10000' },
        'minisearch-heap-mb': { type: 'string', default: '1536' },
        'scan-budget-s': { type: 'string', default: '300' },
        'render-runs': { type: 'string', default: '3' },
        'flush-every': { type: 'string', default: '0' },
        'keep-profiles': { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sizes = values.sizes.split(',').filter(Boolean).map(whole);
  const seed = whole(values.seed);
  const numbers = {
    miniSearchMax: whole(values['minisearch-max']),
    miniSearchHeapMb: whole(values['minisearch-heap-mb']),
    scanBudgetMs: whole(values['scan-budget-s']) * 1000,
    renderRuns: whole(values['render-runs']),
    flushEvery: whole(values['flush-every']),
  };
  const problems = [
    sizes.length === 0 || sizes.some((s) => !(s >= 1)) ? '--sizes: whole numbers ≥ 1' : '',
    Number.isNaN(seed) ? '--seed: a whole number' : '',
    Object.values(numbers).some(Number.isNaN) ? 'numeric options take whole numbers' : '',
    numbers.renderRuns < 1 ? '--render-runs: at least 1' : '',
  ].filter(Boolean);
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n${USAGE}`);
    return 2;
  }
  if (values.check) return runCheck(seed, (line) => console.log(line));

  const executablePath = chromiumPath();
  if (!executablePath) {
    console.error(
      'No Chromium: install Debian Chromium (apt-get install chromium) or set QUIRE_CHROMIUM.',
    );
    return 1;
  }
  const buildDir = isAbsolute(values['build-dir'])
    ? values['build-dir']
    : resolve(ROOT, values['build-dir']);
  const webDir = join(buildDir, 'web');
  const pageDir = join(buildDir, 'page');
  if (!values['no-build']) {
    log(`Building the web app into ${webDir}…`);
    await buildWeb(webDir, log);
    log(`Building the bench page into ${pageDir}…`);
    await buildPage(pageDir, log);
  }
  const server: StaticServer = await serve(webDir, pageDir);
  log(`Serving the app at ${server.url} and the bench page at ${server.url}bench/`);
  const probe = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const version = probe.version();
  await probe.close();

  const results: Results = {};
  const failures: Record<string, string> = {};
  const out = resolve(ROOT, values.out);
  mkdirSync(out, { recursive: true });
  const write = () => {
    writeFileSync(join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(out, 'library.md'), resultsMarkdown(results, failures));
  };
  try {
    for (const size of sizes) {
      const started = performance.now();
      log(`\n${size.toLocaleString('en')} articles (seed ${seed})`);
      const profile = join(buildDir, `profile-${size}`);
      const result = await runSize({
        size,
        seed,
        url: server.url,
        profile,
        executablePath,
        args: CHROMIUM_ARGS,
        skipQuire: values['skip-quire'],
        ...numbers,
        log,
      }).catch((error: unknown) => {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        log(`  ${size} articles failed: ${message}`);
        failures[String(size)] = message;
        return null;
      });
      if (result) {
        results[String(size)] = {
          ...result,
          run: {
            seed,
            chromium: `Chromium ${version}`,
            date: new Date().toISOString(),
            durationS: Math.round((performance.now() - started) / 1000),
          },
        };
      }
      if (!values['keep-profiles']) rmSync(profile, { recursive: true, force: true });
      // After each size, so a long run that fails later keeps what it measured.
      write();
    }
  } finally {
    await server.close();
  }
  log(`\nWrote ${join(out, 'latest.json')} and ${join(out, 'library.md')}\n`);
  console.log(resultsMarkdown(results, failures));
  return Object.keys(failures).length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
