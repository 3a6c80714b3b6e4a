import { fileURLToPath } from 'node:url';
import type { CDPSession, LaunchOptions, Page, PlaywrightWorkerArgs } from '@playwright/test';
import { WINDOW, expect, test } from './fixtures.ts';
import { libraryProbe } from './library-probe.ts';
import {
  REFERENCE_TITLE,
  fileInput,
  importAlert,
  REFERENCE_PATH,
  importStatus,
  libraryItems,
} from './helpers.ts';

const screenshot = (name: string) =>
  fileURLToPath(new URL(`../docs/screenshots/${name}.png`, import.meta.url));

/** The forced quota: the reference article fits (about 100 kB with its index), a big one does not. */
const QUOTA = 1_500_000;

/** A Markdown article of about `bytes` bytes, its words varied so the search index grows too. */
function bigArticle(label: string, bytes: number) {
  const title = `Tide Tables of the Northern Coast, Volume ${label}`;
  const lines = [`# ${title}`, '', 'By Ann Tide', ''];
  let size = 0;
  for (let n = 1; size < bytes; n++) {
    const line = `Station ${label}-${n} recorded a high water of ${(n * 37) % 997} centimetres at harbour ${n % 113}, wind ${(n * 7) % 360} degrees, observer note ${n.toString(36)} kept in ledger ${Math.floor(n / 50)}.`;
    lines.push(line, '');
    size += line.length + 2;
  }
  return {
    title,
    file: {
      name: `tide-tables-${label}.md`,
      mimeType: 'text/markdown',
      buffer: Buffer.from(lines.join('\n')),
    },
  };
}

/** Imports one file and waits for it to be added (captures are slow on a shared machine). */
async function importSlowly(app: Page, file: Parameters<Page['setInputFiles']>[1], title: string) {
  await fileInput(app).setInputFiles(file);
  await expect(importStatus(app)).toContainText(`Added to your library: ${title}`, {
    timeout: 60_000,
  });
}

/** What a test needs to start its own browser, as the `app` fixture does. */
interface Launch {
  playwright: PlaywrightWorkerArgs['playwright'];
  launchOptions: LaunchOptions;
  headless: boolean;
  baseURL: string | undefined;
}

async function setQuota(cdp: CDPSession, origin: string, quotaSize?: number) {
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin,
    ...(quotaSize === undefined ? {} : { quotaSize }),
  });
}

/**
 * The app in a new browser whose quota for the app's origin is forced to `quota` bytes before
 * the page opens its storage: Chromium reads an origin's quota when its storage is first
 * opened, and an override set later is not seen by the writes of that session. (And
 * navigator.storage.estimate() does not show it: Chromium reports usage + 10 GiB whatever the
 * quota, so that pages cannot fingerprint the disk; Storage.getUsageAndQuota shows the real one.)
 */
async function appWithQuota(
  { playwright, launchOptions, headless, baseURL }: Launch,
  quota: number,
) {
  const browser = await playwright.chromium.launch({ ...launchOptions, headless });
  const context = await browser.newContext({ baseURL, viewport: WINDOW });
  const app = await context.newPage();
  const cdp = await context.newCDPSession(app);
  const origin = new URL(baseURL!).origin;
  await setQuota(cdp, origin, quota);
  await app.goto('/');
  await expect(app.getByRole('heading', { name: /^Library/ })).toBeVisible();
  await expect(app.getByText('Opening your library…')).toHaveCount(0);
  const forced = await cdp.send('Storage.getUsageAndQuota', { origin });
  expect(forced).toMatchObject({ quota, overrideActive: true });
  return { browser, app, cdp, origin };
}

test.describe('a full disk during an import', () => {
  // Big files captured on a shared machine: slow, not stuck.
  test.setTimeout(240_000);
  test.skip(
    ({ electronApp }) => electronApp !== null,
    'forces the quota through Chromium DevTools (Storage.overrideQuotaForOrigin): web project only',
  );

  test('an article that does not fit: storage-full message, nothing of it kept, the library unchanged; with room again it goes in', async ({
    playwright,
    launchOptions,
    headless,
    baseURL,
  }, testInfo) => {
    const { browser, app, cdp, origin } = await appWithQuota(
      { playwright, launchOptions, headless, baseURL },
      QUOTA,
    );
    try {
      await importSlowly(app, REFERENCE_PATH, REFERENCE_TITLE);
      const probe = await libraryProbe(app);
      const before = await probe.dump();
      expect(await probe.check()).toEqual({ articles: 1, whole: 1, problems: [] });

      const big = bigArticle('I', 2_000_000);
      await fileInput(app).setInputFiles(big.file);
      const alert = importAlert(app);
      await expect(alert).toContainText(`Could not import ${big.file.name}.`, { timeout: 60_000 });
      await expect(alert).toContainText('Storage is full');
      await expect(alert).toContainText('nothing of it was kept');
      await expect(alert).toContainText('Free some space');
      testInfo.annotations.push({
        type: 'quota',
        description: `forced ${QUOTA} bytes; shown: ${await alert.innerText()}`,
      });

      // Nothing of it stored, the first article exactly as it was, no leftovers anywhere.
      expect(await probe.titles()).toEqual([REFERENCE_TITLE]);
      expect(await probe.dump()).toBe(before);
      expect(await probe.check()).toEqual({ articles: 1, whole: 1, problems: [] });
      await expect(libraryItems(app)).toHaveCount(1);

      await app.screenshot({ path: 'test-results/storage-full-single.png' });

      // Room again (the quota back to the browser's own): the same file goes in whole.
      await setQuota(cdp, origin);
      await importSlowly(app, big.file, big.title);
      expect(await probe.titles()).toEqual([REFERENCE_TITLE, big.title]);
      expect(await probe.check()).toEqual({ articles: 2, whole: 2, problems: [] });
      const after = JSON.parse(await probe.dump()) as Record<string, unknown>;
      const first = JSON.parse(before) as Record<string, unknown>;
      for (const [id, stored] of Object.entries(first)) expect(after[id]).toEqual(stored);
    } finally {
      await browser.close();
    }
  });

  test('a batch that fills the disk stops: the report says storage is full and which items were not tried', async ({
    playwright,
    launchOptions,
    headless,
    baseURL,
  }, testInfo) => {
    const { browser, app } = await appWithQuota(
      { playwright, launchOptions, headless, baseURL },
      QUOTA,
    );
    try {
      await importSlowly(app, REFERENCE_PATH, REFERENCE_TITLE);
      const probe = await libraryProbe(app);
      const before = await probe.dump();

      const bigs = ['A', 'B', 'C', 'D', 'E', 'F'].map((label) => bigArticle(label, 1_200_000));
      await fileInput(app).setInputFiles(bigs.map((b) => b.file));
      const panel = app.getByTestId('batch-panel');
      await expect(panel).toHaveAttribute('data-state', 'stopped', { timeout: 180_000 });
      await expect(panel).toHaveAttribute('data-stopped', 'storage-full');
      await expect(panel.getByRole('heading')).toHaveText('Stopped: storage is full');
      const stopped = app.getByTestId('batch-stopped');
      await expect(stopped).toContainText('The batch stopped');
      await expect(stopped).toContainText('not tried');
      const rows = panel.getByTestId('batch-results').getByRole('listitem');
      await expect(rows).toHaveCount(bigs.length);
      const failed = Number(await panel.getAttribute('data-failed'));
      const notTried = await rows.filter({ hasText: 'Not tried: the storage is full.' }).count();
      expect(failed).toBeGreaterThanOrEqual(1);
      expect(notTried).toBeGreaterThanOrEqual(1);
      // Each item either failed for want of space or was not tried: none saved, none failing otherwise.
      expect(failed + notTried).toBe(bigs.length);
      await expect(stopped).toContainText(
        `${notTried === 1 ? '1 item was' : `${notTried} items were`} not tried`,
      );
      await expect(stopped).toContainText(
        failed === 1
          ? 'the item that did not fit was not kept'
          : `the ${failed} items that did not fit were not kept`,
      );
      await expect(
        rows.filter({ hasText: /Storage is full: the browser gave Quire no more room/ }),
      ).toHaveCount(failed);
      testInfo.annotations.push({
        type: 'batch',
        description: `${bigs.length} files of 1.2 MB: ${failed} failed (storage full), ${notTried} not tried`,
      });
      await app.screenshot({ path: screenshot('storage-full') });

      expect(await probe.dump()).toBe(before);
      expect(await probe.check()).toEqual({ articles: 1, whole: 1, problems: [] });
    } finally {
      await browser.close();
    }
  });
});
