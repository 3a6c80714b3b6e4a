import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { WINDOW, expect, test } from './fixtures.ts';
import { fileInput } from './helpers.ts';
import { libraryProbe, type LibraryConsistency } from './library-probe.ts';

/** Files in the batch: enough that it is still running when the page goes. */
const FILES = 60;
/** The page goes once this many are saved. */
const CLOSE_AFTER = 5;

const title = (n: number) => `Harbour Log ${n}`;

/** A small article page with its own title, text and rights line. */
function articleFile(n: number) {
  const prose = (p: number) =>
    `<p>Entry ${p} of ${title(n)}: the pilot boat went out at dawn, the swell held at two metres, and the lighthouse keeper noted ${n * 13 + p} gulls on the breakwater before noon.</p>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title(n)}</title>
<meta property="og:title" content="${title(n)}"><meta name="author" content="Ann Tide">
<meta property="article:published_time" content="2024-03-05"></head><body><article>
<h1>${title(n)}</h1>${prose(1)}${prose(2)}${prose(3)}${prose(4)}
<p>© 2024 Coast Report. All rights reserved.</p></article></body></html>`;
  return { name: `harbour-log-${n}.html`, mimeType: 'text/html', buffer: Buffer.from(html) };
}

async function openApp(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /^Library/ })).toBeVisible();
  await expect(page.getByText('Opening your library…')).toHaveCount(0);
  return page;
}

/** Starts the batch and returns how many the app had reported saved once CLOSE_AFTER were. */
async function startBatchAndWait(page: Page): Promise<number> {
  await fileInput(page).setInputFiles(Array.from({ length: FILES }, (_, i) => articleFile(i + 1)));
  const panel = page.getByTestId('batch-panel');
  await expect(panel).toHaveAttribute('data-state', 'running');
  const saved = async () => Number((await panel.getAttribute('data-saved')) ?? 0);
  await expect
    .poll(saved, { timeout: 120_000, intervals: [50] })
    .toBeGreaterThanOrEqual(CLOSE_AFTER);
  return saved();
}

/** What the reopened library must be: every article whole, nothing left over, all from the batch. */
async function checkReopened(page: Page, savedSeen: number) {
  const probe = await libraryProbe(page);
  const result: LibraryConsistency = await probe.check();
  const titles = await probe.titles();
  expect(result.problems).toEqual([]);
  expect(result.whole).toBe(result.articles);
  // Everything the app had reported saved is there; the close came before the batch ended.
  expect(result.articles).toBeGreaterThanOrEqual(savedSeen);
  expect(result.articles).toBeLessThan(FILES);
  const expected = new Set(Array.from({ length: FILES }, (_, i) => title(i + 1)));
  for (const t of titles) expect(expected).toContain(t);
  expect(new Set(titles).size).toBe(titles.length);
  return result;
}

test.describe('closing the app in the middle of a batch', () => {
  test.skip(
    ({ electronApp }) => electronApp !== null,
    'drives browser contexts and kills the browser process: web project only',
  );
  test.setTimeout(240_000);

  test('the page closed mid-batch, reopened in the same browser: every article present is whole, nothing half-written', async ({
    playwright,
    launchOptions,
    headless,
    baseURL,
  }, testInfo) => {
    const browser = await playwright.chromium.launch({ ...launchOptions, headless });
    try {
      // One context: its storage outlives the page, as a profile outlives a window.
      const context = await browser.newContext({ baseURL, viewport: WINDOW });
      const page = await openApp(context);
      const savedSeen = await startBatchAndWait(page);
      await page.close(); // the capture worker and any transaction in flight go with it

      const reopened = await openApp(context);
      const result = await checkReopened(reopened, savedSeen);
      testInfo.annotations.push({
        type: 'page closed',
        description: `${FILES} files; ${savedSeen} reported saved at the close; ${result.articles} in the library after reopening, ${result.whole} whole, ${result.problems.length} problems`,
      });
    } finally {
      await browser.close();
    }
  });

  test('the browser killed mid-batch (SIGKILL), restarted on the same profile: every article present is whole, nothing half-written', async ({
    playwright,
    launchOptions,
    headless,
    baseURL,
  }, testInfo) => {
    const profile = await mkdtemp(join(tmpdir(), 'quire-crash-'));
    const launch = () =>
      playwright.chromium.launchPersistentContext(profile, {
        ...launchOptions,
        headless,
        baseURL,
        viewport: WINDOW,
      });
    try {
      const first = await launch();
      const page = await openApp(first);
      const savedSeen = await startBatchAndWait(page);
      killBrowser(profile);
      await first.close().catch(() => undefined); // already gone

      const second = await launch();
      try {
        const result = await checkReopened(await openApp(second), savedSeen);
        testInfo.annotations.push({
          type: 'browser killed',
          description: `${FILES} files; ${savedSeen} reported saved at the kill; ${result.articles} in the library after restarting, ${result.whole} whole, ${result.problems.length} problems`,
        });
      } finally {
        await second.close();
      }
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});

/**
 * Kills this test's browser (the one process started on `profile` that is not a child process
 * of it) at once, as a crash or a power cut of the app would: no unload, no clean shutdown.
 */
function killBrowser(profile: string) {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines
    .map((line) => line.trim().match(/^(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => !!m)
    .filter(
      ([, , args]) => args!.includes(`--user-data-dir=${profile}`) && !args!.includes('--type='),
    );
  expect(main, 'exactly one browser process on the test profile').toHaveLength(1);
  process.kill(Number(main[0]![1]), 'SIGKILL');
}
