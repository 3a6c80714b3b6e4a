/**
 * `npm run bench:capture`: imports 1,000 generated article pages and 1,000 copies of the public
 * article-extraction pages through the web app's real UI (file input) in Debian's Chromium, then
 * a ~9 MB article that it opens from the library; measures pages per second, the longest
 * main-thread task (Long Tasks API) and the JS heap, for the app's default capture and for the
 * main-thread baseline (`?capture=main-thread`) in the same run, and writes
 * bench/results/capture-app.{json,md} (issue "Capture in the app", item 5).
 * See bench/capture/README.md.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { prng } from './cite/corpus.ts';
import { corpusCopies, loadCorpus } from './capture/corpus.ts';
import { AppSession, type PageFile, type Transfer } from './capture/drive.ts';
import { generatedPages, largestPage } from './capture/pages.ts';
import {
  resultsJson,
  resultsMarkdown,
  summary,
  type CaptureResults,
  type InputSet,
  type Mode,
  type ModeRun,
} from './capture/report.ts';
import { buildWeb, previewWeb, ROOT, type PreviewServer } from './capture/server.ts';
import { chromiumPath, CHROMIUM_ARGS as E2E_CHROMIUM_ARGS } from '../e2e/targets.ts';

const USAGE = `usage: npm run bench:capture [-- options]
  --pages N            pages per set (default 1000)
  --baseline-pages N   seeded subset of each set for the main-thread baseline (default 300; "all")
  --sets LIST          generated,corpus (default both)
  --transfer MODE      paths (default: one setInputFiles call with files on disk)
                       or buffers (calls of under 45 MB, each waited for)
  --no-build           reuse the build in --build-dir instead of running vite build
  --build-dir DIR      where the web build goes (default .scratch/capture-app/web)
  --url URL            drive an app already served at URL (no build, no server)
  --largest-mb N       size of the largest article (default 9; the app refuses over 10 MiB)
  --modes LIST         app,baseline (default both)
  --out DIR            where capture-app.json and .md go (default bench/results)`;
const SEED = 20_261_201;
const WARM_UP_PAGES = 20;
const LARGEST_TITLE = 'Quire capture benchmark: the largest article';
const SCRATCH = join(ROOT, '.scratch', 'capture-app');

const log = (text: string) => console.error(text);

/** e2e/targets.ts's Chromium and flags (DESIGN §4), with precise performance.memory figures. */
const CHROMIUM_ARGS = [
  ...E2E_CHROMIUM_ARGS,
  '--enable-precise-memory-info',
  // An offline machine, deterministically: every host but the app's own loopback server fails
  // to resolve at once. The pages' remote images are then "not saved" straight away, so the
  // figures measure capture and storage, not this machine's DNS timeouts (which took up to 5 s
  // a lookup and made the run measure them).
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

function writePages(dir: string, pages: { name: string; html: string }[]): PageFile[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return pages.map(({ name, html }) => {
    const path = join(dir, name);
    const bytes = Buffer.from(html, 'utf8');
    writeFileSync(path, bytes);
    return { name, path, bytes: bytes.length, buffer: () => readFileSync(path) };
  });
}

function sizesKb(files: readonly PageFile[]): InputSet['sizesKb'] {
  const sorted = files.map((f) => f.bytes).sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]! / 1024);
  return { min: at(0), p10: at(0.1), p50: at(0.5), p90: at(0.9), max: at(1) };
}

/** A seeded subset of `n` of `files`, in their original order. */
function subset<T>(files: readonly T[], n: number, seed: number): T[] {
  if (n >= files.length) return [...files];
  const r = prng(seed);
  const indexes = files.map((_, i) => i);
  for (let i = indexes.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
  }
  return indexes
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => files[i]!);
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        pages: { type: 'string', default: '1000' },
        'baseline-pages': { type: 'string', default: '300' },
        sets: { type: 'string', default: 'generated,corpus' },
        transfer: { type: 'string', default: 'paths' },
        'no-build': { type: 'boolean', default: false },
        'build-dir': { type: 'string', default: join(SCRATCH, 'web') },
        url: { type: 'string' },
        'largest-mb': { type: 'string', default: '9' },
        modes: { type: 'string', default: 'app,baseline' },
        out: { type: 'string', default: join(ROOT, 'bench', 'results') },
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
  const pagesPerSet = Number(values.pages);
  const baselineAll = values['baseline-pages'] === 'all';
  const baselinePages = baselineAll ? Infinity : Number(values['baseline-pages']);
  const largestMb = Number(values['largest-mb']);
  const transfer = values.transfer as Transfer;
  const sets = values.sets.split(',').filter(Boolean);
  const modes = values.modes.split(',').filter(Boolean) as Mode[];
  const problems = [
    !Number.isInteger(pagesPerSet) || pagesPerSet < 1 ? '--pages must be a whole number ≥ 1' : '',
    !baselineAll && (!Number.isInteger(baselinePages) || baselinePages < 1)
      ? '--baseline-pages must be a whole number ≥ 1 or "all"'
      : '',
    !(largestMb > 0 && largestMb < 10) ? '--largest-mb must be between 0 and 10' : '',
    transfer !== 'paths' && transfer !== 'buffers' ? '--transfer is paths or buffers' : '',
    sets.some((s) => s !== 'generated' && s !== 'corpus') ? '--sets: generated, corpus' : '',
    modes.length === 0 || modes.some((m) => m !== 'app' && m !== 'baseline')
      ? '--modes: app, baseline'
      : '',
  ].filter(Boolean);
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n${USAGE}`);
    return 2;
  }
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.error(
      'No Chromium: install Debian Chromium (apt-get install chromium) or set QUIRE_CHROMIUM.',
    );
    return 1;
  }

  const started = performance.now();
  const loadAvgStart = os.loadavg();
  const notes: string[] = [];
  const skipped: string[] = [];

  // Inputs.
  log('Preparing the pages…');
  const inputs: InputSet[] = [];
  const fileSets = new Map<string, PageFile[]>();
  if (sets.includes('generated')) {
    const files = writePages(
      join(SCRATCH, 'pages', 'generated'),
      generatedPages(pagesPerSet, SEED),
    );
    fileSets.set('generated', files);
    inputs.push({
      set: 'generated',
      pages: files.length,
      bytes: files.reduce((s, f) => s + f.bytes, 0),
      sizesKb: sizesKb(files),
      baselinePages: Math.min(baselinePages, files.length),
      source: `bench/capture/pages.ts, seed ${SEED}`,
    });
    log(`  ${files.length} generated pages`);
  }
  if (sets.includes('corpus')) {
    const corpus = loadCorpus();
    if ('missing' in corpus) {
      const message = `Corpus set skipped: no article-extraction pages at ${corpus.missing} (set QUIRE_CORPORA).`;
      log(message);
      skipped.push(message);
      notes.push(message);
    } else {
      const files = writePages(
        join(SCRATCH, 'pages', 'corpus'),
        corpusCopies(corpus.pages, pagesPerSet),
      );
      fileSets.set('corpus', files);
      inputs.push({
        set: 'corpus',
        pages: files.length,
        bytes: files.reduce((s, f) => s + f.bytes, 0),
        sizesKb: sizesKb(files),
        baselinePages: Math.min(baselinePages, files.length),
        source: `${corpus.pages.length} article-extraction pages, cycled, each copy made unique`,
      });
      log(`  ${files.length} copies of ${corpus.pages.length} corpus pages`);
    }
  }
  const warmUpFiles = writePages(
    join(SCRATCH, 'pages', 'warm-up'),
    generatedPages(WARM_UP_PAGES, SEED + 1).map((p) => ({ ...p, name: `warm-up-${p.name}` })),
  );
  const largestBytes = Math.round(largestMb * 1024 * 1024);
  const largest = largestPage(SEED + 2, LARGEST_TITLE, largestBytes, Math.round(largestBytes / 3));
  const [largestFile] = writePages(join(SCRATCH, 'pages', 'largest'), [
    { name: 'largest-article.html', html: largest.html },
  ]);
  const largestParagraphs = (largest.html.match(/<p>/g) ?? []).length;
  log(`  the largest article: ${(largestFile!.bytes / 1024 / 1024).toFixed(1)} MB`);

  // The app.
  let server: PreviewServer | null = null;
  let url = values.url ?? '';
  const buildDir = isAbsolute(values['build-dir'])
    ? values['build-dir']
    : resolve(ROOT, values['build-dir']);
  if (!url) {
    if (!values['no-build']) {
      log(`Building the web app into ${buildDir}…`);
      await buildWeb(buildDir, log);
    }
    server = await previewWeb(buildDir);
    url = server.url;
    log(`Serving ${buildDir} at ${url}`);
  }

  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  // Ctrl-C or a kill: close Chromium and the preview server rather than leave them behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`\n${signal}: closing Chromium and the server…`);
      void Promise.allSettled([browser.close(), server?.close()]).then(() => process.exit(130));
    });
  }
  const chromiumVersion = `Chromium ${browser.version()}`;
  const runs: ModeRun[] = [];
  try {
    const browserCdp = await browser.newBrowserCDPSession();
    for (const mode of modes) {
      const modeUrl = mode === 'baseline' ? `${url}?capture=main-thread` : url;
      log(`\n${mode === 'app' ? 'App (default capture)' : 'Baseline (main thread)'}: ${modeUrl}`);
      const session = await AppSession.open(browser, browserCdp, modeUrl);
      let workersSeen = 0;
      const watchWorkers = setInterval(() => {
        workersSeen = Math.max(workersSeen, session.page.workers().length);
      }, 250);
      try {
        log(`  warm-up: ${warmUpFiles.length} other generated pages`);
        const warmUp = await session.importBatch(warmUpFiles, { transfer, label: 'warm-up' });
        const run: ModeRun = {
          mode,
          url: modeUrl,
          warmUp,
          sets: [],
          largest: null,
          workersSeen: 0,
          performanceMemoryMb: null,
        };
        for (const [set, all] of fileSets) {
          const files =
            mode === 'baseline'
              ? subset(all, baselinePages, SEED + (set === 'corpus' ? 20 : 10))
              : all;
          log(`  ${set}: importing ${files.length} pages…`);
          const batch = await session.importBatch(files, { transfer, label: `${mode} ${set}` });
          log(
            `  ${set}: ${batch.pages} pages in ${(batch.durationMs / 1000).toFixed(1)} s, ` +
              `${batch.pagesPerSec.toFixed(1)} pages/s, longest task ${batch.longestTaskMs.toFixed(0)} ms, ` +
              `saved ${batch.saved ?? '?'} / duplicates ${batch.duplicates ?? '?'} / failed ${batch.failed ?? '?'} ` +
              `(${batch.signal})`,
          );
          for (const failure of batch.failures) log(`    failed: ${failure}`);
          if (batch.failed && batch.failed > 0) {
            notes.push(
              `${mode}, ${set}: ${batch.failed} of ${batch.pages} pages failed` +
                (batch.failures[0] ? ` (first: ${batch.failures[0].replace(/\s+/g, ' ')})` : '') +
                '.',
            );
          }
          run.sets.push({ set, mode, subset: files.length < all.length, batch });
        }
        log('  the largest article: importing…');
        const imported = await session.importBatch([largestFile!], {
          transfer,
          label: `${mode} largest`,
        });
        log(
          `  imported in ${(imported.durationMs / 1000).toFixed(1)} s (${imported.signal}, saved ${imported.saved ?? '?'}); opening…`,
        );
        if (imported.saved === 0) {
          notes.push(`${mode}: the largest article was not saved, so it was not opened.`);
        } else {
          const open = await session.openArticle(LARGEST_TITLE);
          log(
            `  opened: title after ${open.titleShownMs.toFixed(0)} ms, longest task ${open.longestTaskMs.toFixed(0)} ms, ` +
              `${open.paragraphsShown} paragraphs shown`,
          );
          run.largest = { mode, import: imported, open };
        }
        run.performanceMemoryMb = await session.performanceMemoryMb();
        run.workersSeen = workersSeen;
        runs.push(run);
      } finally {
        clearInterval(watchWorkers);
        await session.close();
      }
    }
  } finally {
    await browser.close();
    await server?.close();
  }

  const app = runs.find((r) => r.mode === 'app');
  if (app && app.workersSeen === 0) {
    notes.push(
      'The app started no Web Worker while importing: both modes parsed on the main thread.',
    );
  }
  for (const s of app?.sets ?? []) {
    const { first, last } = s.batch.quarterPagesPerSec;
    if (first !== null && last !== null && last < 0.6 * first) {
      notes.push(
        `The app slowed down as the library grew: ${s.set} went from ${first.toFixed(1)} pages/s over the batch's first quarter to ${last.toFixed(1)} over its last.` +
          (modes.includes('baseline') && !baselineAll
            ? ' The baseline, filling a smaller library, is favoured by that.'
            : ''),
      );
    }
  }
  const subsetSets = inputs.filter((i) => i.baselinePages < i.pages);
  if (modes.includes('baseline') && subsetSets.length > 0) {
    notes.push(
      `The baseline imported a seeded subset of ${subsetSets
        .map((i) => `${i.baselinePages} of the ${i.pages} ${i.set} pages`)
        .join(
          ' and ',
        )}, into a smaller library; pages per second compare (the "first N" figure is the app's rate over its first N pages).`,
    );
  }
  const results: CaptureResults = {
    runs,
    inputs,
    skipped,
    largest: { title: LARGEST_TITLE, bytes: largestFile!.bytes, paragraphs: largestParagraphs },
    options: {
      pages: pagesPerSet,
      baselinePages: baselineAll ? 'all' : baselinePages,
      transfer,
      seed: SEED,
      build: values.url ? values.url : buildDir,
    },
    chromium: chromiumVersion,
    loadAvgStart,
    loadAvgEnd: os.loadavg(),
    durationS: (performance.now() - started) / 1000,
    notes,
  };
  const out = resolve(ROOT, values.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'capture-app.json'),
    `${JSON.stringify(resultsJson(results), null, 2)}\n`,
  );
  writeFileSync(join(out, 'capture-app.md'), resultsMarkdown(results));
  console.log(summary(results));
  if (notes.length > 0) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
  console.log(`\nDetails: ${join(out, 'capture-app.md')} and capture-app.json.`);
  return 0;
}

process.exitCode = await main();
