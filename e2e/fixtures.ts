import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  _electron,
  test as base,
  expect,
  type Browser,
  type ElectronApplication,
  type Page,
} from '@playwright/test';

/** The system clipboard as the app wrote it, read the way each target allows. */
export interface ClipboardReader {
  readText(): Promise<string>;
  readHtml(): Promise<string>;
}

interface QuireFixtures {
  /** The app's window, loaded with a fresh, empty library. */
  app: Page;
  clipboard: ClipboardReader;
  /** The running Electron application, or null in the web project. */
  electronApp: ElectronApplication | null;
}

/** The window size the specs and screenshots are written for. */
export const WINDOW = { width: 1280, height: 800 } as const;

export const test = base.extend<QuireFixtures>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  electronApp: async ({}, use, testInfo) => {
    const executablePath = testInfo.project.metadata?.electron as string | undefined;
    if (!executablePath) {
      await use(null);
      return;
    }
    // A fresh user-data directory per test = a fresh IndexedDB library.
    const userData = await mkdtemp(join(tmpdir(), 'quire-e2e-'));
    const electronApp = await _electron.launch({
      executablePath,
      // Chromium refuses to start as root with its sandbox on (containers, CI): only then, off.
      args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      // src-main honours this in unpackaged runs (app.setPath('userData', …)).
      env: { ...process.env, QUIRE_USER_DATA_DIR: userData },
    });
    try {
      await use(electronApp);
    } finally {
      await electronApp.close();
      await rm(userData, { recursive: true, force: true });
    }
  },

  // Not built on Playwright's `page`: that fixture would launch a browser in the Electron
  // project too. The web page is made here from the project's own options instead.
  app: async ({ electronApp, playwright, launchOptions, headless, baseURL, permissions }, use) => {
    let app: Page;
    let browser: Browser | null = null;
    if (electronApp) {
      app = await electronApp.firstWindow();
      await electronApp.evaluate(({ BrowserWindow }, size) => {
        BrowserWindow.getAllWindows()[0]?.setContentSize(size.width, size.height);
      }, WINDOW);
      await app.waitForLoadState('domcontentloaded');
    } else {
      // A new browser context per test starts with an empty IndexedDB.
      browser = await playwright.chromium.launch({ ...launchOptions, headless });
      const context = await browser.newContext({ baseURL, permissions, viewport: WINDOW });
      app = await context.newPage();
      await app.goto('/');
    }
    try {
      // The library has opened once its list (or its empty note) is shown.
      await expect(app.getByRole('heading', { name: /^Library/ })).toBeVisible();
      await expect(app.getByText('Opening your library…')).toHaveCount(0);
      await use(app);
    } finally {
      await browser?.close();
    }
  },

  clipboard: async ({ app, electronApp }, use) => {
    if (electronApp) {
      await use({
        readText: () => electronApp.evaluate(({ clipboard }) => clipboard.readText()),
        readHtml: () =>
          electronApp.evaluate(async ({ clipboard }) => {
            const items = await clipboard.read();
            const item = items.find((i) => i.types.includes('text/html'));
            return item ? (await item.getType('text/html')).text() : '';
          }),
      });
      return;
    }
    await use({
      readText: () => app.evaluate(() => navigator.clipboard.readText()),
      readHtml: () =>
        app.evaluate(async () => {
          const items = await navigator.clipboard.read();
          const item = items.find((i) => i.types.includes('text/html'));
          return item ? (await item.getType('text/html')).text() : '';
        }),
    });
  },
});

export { expect };
