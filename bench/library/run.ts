/**
 * One library size: a fresh Chromium profile (persistent, so IndexedDB may grow to gigabytes),
 * the bench page for the imports, searches and baselines, then the web app for first render.
 */
import { rmSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type {
  FullScanResult,
  ImportResult,
  Latency,
  MiniSearchResult,
  UpdateResult,
} from './api.ts';
import type { SizeResult } from './report.ts';

export interface RunOptions {
  size: number;
  seed: number;
  url: string;
  profile: string;
  executablePath: string;
  args: string[];
  skipQuire: boolean;
  miniSearchMax: number;
  miniSearchHeapMb: number;
  scanBudgetMs: number;
  flushEvery: number;
  renderRuns: number;
  log(line: string): void;
}

/** Records when the first library row is in the DOM, and the frame after (the page's clock). */
const FIRST_ROW_PROBE = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="library-item"]')) return;
    observer.disconnect();
    window.__firstRowInDomMs = performance.now();
    requestAnimationFrame(() => setTimeout(() => (window.__firstRowMs = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

const HEAP_AFTER_GC = `(async () => {
  for (let i = 0; i < 2; i++) { window.gc?.(); await new Promise((r) => setTimeout(r, 50)); }
  return performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null;
})()`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(log: (l: string) => void, label: string, work: () => Promise<T>) {
  log(`  ${label}…`);
  const t0 = performance.now();
  const result = await work();
  log(`  ${label}: done in ${seconds(performance.now() - t0)}`);
  return result;
}

async function benchPage(context: BrowserContext, url: string, log: (l: string) => void) {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => log(`    [page] ${m.text()}`));
  page.on('pageerror', (e) => log(`    [page error] ${e.message}`));
  page.on('crash', () => log('    [page crashed] (out of memory?)'));
  await page.goto(`${url}bench/`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page;
}

/**
 * Opens the app `runs` times; from navigation start to the first row, in the page's clock. A
 * run that shows no row within the timeout is a note (and a screenshot), not a failed bench.
 */
async function firstRender(context: BrowserContext, o: RunOptions, notes: string[]) {
  const runsMs: number[] = [];
  let appHeapMb: number | null = null;
  const timeout = 60_000 + o.size * 5;
  for (let k = 0; k < o.renderRuns; k++) {
    const app: Page = await context.newPage();
    app.on('pageerror', (e) => o.log(`    [app error] ${e.message}`));
    app.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        o.log(`    [app ${m.type()}] ${m.text()}`);
    });
    await app.addInitScript(FIRST_ROW_PROBE);
    await app.goto(o.url);
    try {
      await app.waitForSelector('[data-testid="library-item"]', { timeout });
      const handle = await app.waitForFunction('window.__firstRowMs', null, { polling: 20 });
      const ms = (await handle.jsonValue()) as number;
      runsMs.push(ms);
      o.log(`    first render ${k + 1}: ${ms.toFixed(0)} ms`);
      if (k === o.renderRuns - 1) appHeapMb = (await app.evaluate(HEAP_AFTER_GC)) as number | null;
    } catch (error) {
      const shot = `${o.profile}-no-rows.png`;
      await app.screenshot({ path: shot }).catch(() => undefined);
      const message = `The app showed no library row within ${timeout / 1000} s (screenshot ${shot}).`;
      o.log(`    ${message} ${(error as Error).message.split('\n')[0]}`);
      notes.push(message);
      await app.close();
      break;
    }
    await app.close();
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs, medianMs: sorted[Math.floor(sorted.length / 2)] ?? null, appHeapMb };
}

export async function runSize(o: RunOptions): Promise<Omit<SizeResult, 'run'>> {
  const { size, seed, log } = o;
  const notes: string[] = [];
  let crashed = false;
  rmSync(o.profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(o.profile, {
    executablePath: o.executablePath,
    args: o.args,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await benchPage(context, o.url, log);
    page.on('crash', () => (crashed = true));
    const hasSearch = await page.evaluate(() => window.benchApi!.hasQuireSearch());
    if (!hasSearch && !o.skipQuire) {
      throw new Error(
        'The bench page has no Quire search (src-renderer/search/index.ts): use --skip-quire',
      );
    }
    const quota = await page.evaluate(() => window.benchApi!.storage());
    const neededMb = (size * 60) / 1024;
    log(
      `  storage quota ${quota.quotaMb?.toFixed(0) ?? '?'} MB (about ${neededMb.toFixed(0)} MB needed)`,
    );
    if (quota.quotaMb !== null && quota.quotaMb < neededMb) {
      notes.push(`The origin's storage quota (${quota.quotaMb.toFixed(0)} MB) may be too small.`);
    }

    const bulkPut: ImportResult = await timed(log, `bulkPut baseline, ${size} articles`, () =>
      page.evaluate(([n, s]) => window.benchApi!.importBulkPutBaseline(n, s), [
        size,
        seed,
      ] as const),
    );
    log(`    ${bulkPut.perSec.toFixed(0)} articles/s`);
    let quireImport: ImportResult | null = null;
    let quireSearch: Latency | null = null;
    let update: UpdateResult | null = null;
    let heapMb: number | null = null;
    let indexMb: number | null = null;
    let check: SizeResult['check'] = null;
    if (!o.skipQuire) {
      quireImport = await timed(log, `Quire import, ${size} articles`, () =>
        page.evaluate(([n, s, every]) => window.benchApi!.importQuire(n, s, every), [
          size,
          seed,
          o.flushEvery,
        ] as const),
      );
      log(`    ${quireImport.perSec.toFixed(0)} articles/s`);
      if (quireImport.tagSeconds === null || quireImport.tagSeconds === undefined) {
        notes.push('The library has no setTags(): `tag:` queries cannot find the generated tags.');
      } else if ((quireImport.tagged ?? 0) < size) {
        notes.push(
          `Tagging (setTags, ${quireImport.tagSeconds.toFixed(0)} s) reached ${quireImport.tagged} of ${size} articles in its time budget: \`tag:\` queries find fewer than the baselines.`,
        );
      }
      if (quireImport.indexNeedsRebuild) {
        notes.push(
          'After the import, needsRebuild() was true: the app rebuilds the index on opening.',
        );
      }
      quireSearch = await timed(log, 'Quire search, 50 queries', () =>
        page.evaluate(() => window.benchApi!.quireSearch()),
      );
      log(`    p50 ${quireSearch.p50Ms.toFixed(1)} ms, p95 ${quireSearch.p95Ms.toFixed(1)} ms`);
      heapMb = await page.evaluate(() => window.benchApi!.heapMb());
      indexMb = await page.evaluate(() => window.benchApi!.indexMb());
      update = await timed(log, 'updates (10 adds, 10 edits)', () =>
        page.evaluate(([n, s]) => window.benchApi!.updateOne(n, s), [size, seed] as const),
      );
      if (!update.editsFound) notes.push('A search did not find an edited title after flush().');
      check = await page.evaluate(() => window.benchApi!.check());
      log(
        `    heap ${heapMb?.toFixed(0)} MB, index ${indexMb.toFixed(1)} MB, update ${update.medianMs.toFixed(1)} ms, check ${JSON.stringify(check)}`,
      );
      if (check.dangling || check.missing) notes.push(`check(): ${JSON.stringify(check)}.`);
    } else notes.push('Quire was not measured (--skip-quire).');

    const fullScan: FullScanResult = await timed(log, 'full scan baseline', () =>
      page.evaluate((budget) => window.benchApi!.fullScanSearch(budget), o.scanBudgetMs),
    );
    log(`    p50 ${fullScan.p50Ms.toFixed(0)} ms, p95 ${fullScan.p95Ms.toFixed(0)} ms`);
    if (fullScan.scanned < 50) {
      notes.push(`The full scan ran ${fullScan.scanned} of the 50 queries in its time budget.`);
    }
    const miniSearch: MiniSearchResult =
      size > o.miniSearchMax
        ? { skipped: `not run above ${o.miniSearchMax} articles`, heapMb: null }
        : await timed(log, 'MiniSearch baseline', () =>
            page.evaluate(([n, s, limit]) => window.benchApi!.miniSearch(n, s, limit), [
              size,
              seed,
              o.miniSearchHeapMb,
            ] as const),
          );
    if ('skipped' in miniSearch) notes.push(`MiniSearch: ${miniSearch.skipped}.`);
    else log(`    p95 ${miniSearch.p95Ms.toFixed(1)} ms, heap ${miniSearch.heapMb.toFixed(0)} MB`);
    const storage = await page.evaluate(() => window.benchApi!.storage());
    await page.evaluate(() => window.benchApi!.close());
    await page.close();

    const render = o.skipQuire
      ? { runsMs: [], medianMs: null, appHeapMb: null }
      : await timed(log, 'first render', () => firstRender(context, o, notes));
    const mini = 'skipped' in miniSearch ? null : miniSearch;
    return {
      articles: size,
      searchP50Ms: quireSearch?.p50Ms ?? null,
      searchP95Ms: quireSearch?.p95Ms ?? null,
      firstRenderMs: render.medianMs,
      importPerSec: quireImport?.perSec ?? null,
      heapMb,
      indexMb,
      updateMs: update?.medianMs ?? null,
      check,
      baselines: {
        bulkPutPerSec: bulkPut.perSec,
        fullScanP95Ms: fullScan.p95Ms,
        miniSearchP95Ms: mini?.p95Ms ?? null,
        miniSearchHeapMb: mini?.heapMb ?? null,
        fullScanP50Ms: fullScan.p50Ms,
        fullScanQueries: fullScan.scanned,
        miniSearchP50Ms: mini?.p50Ms ?? null,
        miniSearchBuildMs: mini?.buildMs ?? null,
        miniSearchSkipped: 'skipped' in miniSearch ? miniSearch.skipped : null,
      },
      details: {
        quireImport,
        bulkPut,
        quireSearch,
        fullScan,
        miniSearch,
        update,
        firstRenderRunsMs: render.runsMs,
        appHeapMb: render.appHeapMb,
        storage,
        notes,
      },
    };
  } catch (error) {
    if (!crashed) throw error;
    throw new Error(`the bench page crashed (out of memory?): ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await context.close().catch(() => undefined);
  }
}
