import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { fileInput, importStatus } from './helpers.ts';

/** An article whose text links out in every way a page might try to. */
const ARTICLE = [
  '# Links Leave The App',
  'By Ada Example',
  'Read [the web link](https://example.org/elsewhere) for more.',
  'Or [a script link](javascript:window.__pwned=1) and [a file link](file:///etc/passwd).',
  'And [a disguised link](https://trusted.example@evil.example/).',
].join('\n\n');

async function importLinks(app: Page): Promise<void> {
  await fileInput(app).setInputFiles({
    name: 'links.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(ARTICLE, 'utf8'),
  });
  await expect(importStatus(app)).toContainText('Added to your library: Links Leave The App');
  await expect(app.getByTestId('reader-title')).toHaveText('Links Leave The App');
}

test('a link in an article leaves through the host and never navigates the app window', async ({
  app,
  electronApp,
}) => {
  await importLinks(app);
  const appUrl = app.url();
  const link = app.getByTestId('paragraph').getByRole('link', { name: 'the web link' });

  if (electronApp) {
    // The desktop app hands the link to the main process, which calls shell.openExternal:
    // recorded here instead of starting the system browser.
    await electronApp.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { __opened?: string[] }).__opened = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
    });
    await link.click();
    await expect
      .poll(() =>
        electronApp.evaluate(() => (globalThis as { __opened?: string[] }).__opened ?? []),
      )
      .toEqual(['https://example.org/elsewhere']);
    expect(electronApp.windows()).toHaveLength(1);
  } else {
    // Web mode: the host opens a new tab without an opener; nothing leaves the machine.
    const context = app.context();
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<p>outside</p>' }),
    );
    await app.evaluate(() => {
      const calls: unknown[][] = [];
      (window as unknown as { __openCalls: unknown[][] }).__openCalls = calls;
      const original = window.open.bind(window);
      window.open = (...args: Parameters<typeof window.open>) => {
        calls.push(args);
        return original(...args);
      };
    });
    const newTab = context.waitForEvent('page', { timeout: 10_000 });
    await link.click();
    const tab = await newTab;
    await tab.waitForURL('https://example.org/elsewhere');
    expect(await tab.evaluate(() => window.opener)).toBeNull();
    expect(
      await app.evaluate(() => (window as unknown as { __openCalls: unknown[][] }).__openCalls),
    ).toEqual([['https://example.org/elsewhere', '_blank', 'noopener,noreferrer']]);
    await tab.close();
  }
  expect(app.url()).toBe(appUrl);
  await expect(app.getByTestId('reader-title')).toHaveText('Links Leave The App');
});

test('script, file and disguised links in an article are inert text, not links', async ({
  app,
}) => {
  await importLinks(app);
  const appUrl = app.url();
  const paragraphs = app.getByTestId('paragraph');
  // Only the http(s) link without credentials is a link at all.
  await expect(paragraphs.getByRole('link')).toHaveCount(1);
  const pages = app.context().pages().length;
  for (const name of ['a script link', 'a file link', 'a disguised link']) {
    await paragraphs.getByText(name).click();
  }
  expect(app.url()).toBe(appUrl);
  expect(app.context().pages()).toHaveLength(pages);
  expect(
    await app.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
});
