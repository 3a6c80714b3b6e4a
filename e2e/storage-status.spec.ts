import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { REFERENCE_PATH, REFERENCE_TITLE, fileInput, importStatus } from './helpers.ts';

/**
 * A browser that refuses persistent storage when the app asks by itself and grants it when the
 * user asks again (Chromium decides by itself, so the real answers cannot be chosen in a test);
 * estimate() is the real one. Counts the requests.
 */
function fakePersistence() {
  let granted = false;
  const calls: string[] = [];
  (window as unknown as { persistCalls: string[] }).persistCalls = calls;
  const storage = navigator.storage;
  Object.defineProperty(storage, 'persisted', { value: async () => granted });
  Object.defineProperty(storage, 'persist', {
    value: async () => {
      calls.push('persist');
      granted = calls.length > 1;
      return granted;
    },
  });
}

const persistCalls = (app: Page) =>
  app.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls.length);

test.describe('the storage line', () => {
  test.skip(
    ({ electronApp }) => electronApp !== null,
    'replaces the page’s storage API before it loads: web project only',
  );

  test('asks for persistent storage once the library has an article, shows the state and the space, and asks again on request', async ({
    app,
  }) => {
    await app.context().addInitScript(fakePersistence);
    await app.reload();
    const status = app.getByTestId('storage-status');
    await expect(status).toHaveAttribute('data-persisted', 'false');
    await expect(status.locator('summary')).toHaveText('Storage: not persistent');
    // An empty library: nothing to protect yet, nothing asked.
    expect(await persistCalls(app)).toBe(0);

    await fileInput(app).setInputFiles(REFERENCE_PATH);
    await expect(importStatus(app)).toContainText(`Added to your library: ${REFERENCE_TITLE}`, {
      timeout: 60_000,
    });
    await expect.poll(() => persistCalls(app)).toBe(1);

    await status.locator('summary').click();
    await expect(app.getByTestId('storage-space')).toHaveText(
      /^\d+(\.\d)? (bytes|kB|MB) used of \d+(\.\d)? (GB|TB) Quire may use \(.+ left\)\.$/,
    );
    await expect(status).toContainText('Not persistent (“best effort”)');
    await expect(status).toContainText('may delete the data of the sites used least');
    await app.screenshot({
      path: fileURLToPath(new URL('../docs/screenshots/storage-status.png', import.meta.url)),
    });

    await status.getByRole('button', { name: 'Ask for persistent storage' }).click();
    await expect(status).toHaveAttribute('data-persisted', 'true');
    await expect(status.locator('summary')).toHaveText('Storage: persistent');
    await expect(status).toContainText('will not delete Quire’s library to make room');
    await expect(status.getByRole('button', { name: 'Ask for persistent storage' })).toHaveCount(0);
    expect(await persistCalls(app)).toBe(2);
  });

  test('a refusal when the user asks says so; the button stays', async ({ app }) => {
    await app.context().addInitScript(() => {
      Object.defineProperty(navigator.storage, 'persisted', { value: async () => false });
      Object.defineProperty(navigator.storage, 'persist', { value: async () => false });
    });
    await app.reload();
    const status = app.getByTestId('storage-status');
    await status.locator('summary').click();
    await status.getByRole('button', { name: 'Ask for persistent storage' }).click();
    await expect(status.getByRole('status')).toContainText('The browser said no');
    await expect(status.getByRole('button', { name: 'Ask for persistent storage' })).toBeVisible();
  });

  test('without the storage API (or with one that throws) the line says it cannot tell, and imports still work', async ({
    app,
  }) => {
    await app.context().addInitScript(() => {
      const refuse = () => Promise.reject(new DOMException('no', 'SecurityError'));
      Object.defineProperty(navigator.storage, 'persisted', { value: refuse });
      Object.defineProperty(navigator.storage, 'persist', { value: refuse });
      Object.defineProperty(navigator.storage, 'estimate', { value: refuse });
    });
    await app.reload();
    const status = app.getByTestId('storage-status');
    await expect(status.locator('summary')).toHaveText('Storage: persistence unknown');
    await status.locator('summary').click();
    await expect(app.getByTestId('storage-space')).toHaveText(
      'The browser does not say how much space is used.',
    );
    await expect(status).toContainText('This browser does not say whether it keeps');

    // No storage API at all.
    await app.context().addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined });
    });
    await app.reload();
    await expect(status.locator('summary')).toHaveText('Storage: persistence unknown');
    await fileInput(app).setInputFiles(REFERENCE_PATH);
    await expect(importStatus(app)).toContainText(`Added to your library: ${REFERENCE_TITLE}`, {
      timeout: 60_000,
    });
    await expect(status).toHaveAttribute('data-persisted', 'null');
  });
});
