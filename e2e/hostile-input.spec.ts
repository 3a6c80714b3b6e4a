import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { fileInput, importStatus } from './helpers.ts';

interface Payload {
  payload?: string;
  data?: string;
}

const corpus = (name: string): string[] =>
  (
    JSON.parse(
      readFileSync(
        fileURLToPath(new URL(`../src-core/test-fixtures/xss/${name}`, import.meta.url)),
        'utf8',
      ),
    ) as Payload[]
  )
    .map((p) => p.payload ?? p.data ?? '')
    .filter((p) => p.trim());

const PAYLOADS = [...corpus('dompurify-payloads.json'), ...corpus('h5sc-vectors.json')];

/** A Markdown "article" whose every other block is an attack, and whose notice holds one too. */
function hostileArticle(): string {
  const blocks = ['# Hostile Page <img src=x onerror=alert(1)>', 'By Mallory Smith'];
  PAYLOADS.forEach((payload, i) => {
    blocks.push(`Ordinary prose paragraph number ${i + 1} sits between the attacks.`, payload);
  });
  blocks.push(
    'Copyright © 2024 Mallory <img src=x onerror="window.__pwned=1"> All rights reserved.',
  );
  return blocks.join('\n\n');
}

/** Watches for any sign that imported content ran or fetched something. */
async function watchForAttacks(app: Page) {
  const dialogs: string[] = [];
  const remote: string[] = [];
  app.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  app.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost', ''].includes(url.hostname) && url.protocol !== 'data:') {
      remote.push(request.url());
    }
  });
  const scriptsBefore = await app.evaluate(() => document.scripts.length);
  return async () => {
    // Give any handler that could fire (onload, onerror, timers) the chance to do so.
    await app.waitForTimeout(1000);
    expect(dialogs).toEqual([]);
    expect(remote).toEqual([]);
    expect(
      await app.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await app.evaluate(() => document.scripts.length)).toBe(scriptsBefore);
  };
}

test('a file full of XSS payloads imports as inert text: nothing runs, nothing is fetched', async ({
  app,
}) => {
  const nothingHappened = await watchForAttacks(app);
  await fileInput(app).setInputFiles({
    name: 'hostile.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(hostileArticle(), 'utf8'),
  });
  await expect(importStatus(app)).toContainText('Added to your library: Hostile Page');
  await expect(app.getByTestId('reader-title')).toHaveText('Hostile Page');
  await expect(app.getByTestId('paragraph').first()).toContainText(
    'Ordinary prose paragraph number 1',
  );
  // The notice reads without the markup; its exact source text holds it, as inert text.
  await expect(app.getByTestId('rights-notice').first()).toContainText('Copyright © 2024 Mallory');
  await expect(app.getByTestId('rights-notice').first()).not.toContainText('<img');
  await expect(app.getByTestId('rights-notice-source').first()).toContainText(
    'onerror="window.__pwned=1"',
  );

  await nothingHappened();
});

/** The same attacks in a saved web page: in its article, its head and its footer notice. */
function hostilePage(): string {
  const blocks = PAYLOADS.map(
    (payload, i) =>
      `<p>Ordinary prose paragraph number ${i + 1} sits between the attacks.</p>\n<div>${payload}</div>`,
  );
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Hostile Page</title>',
    '<script>window.__pwned = 1</script><link rel="stylesheet" href="https://evil.example/x.css">',
    '</head><body><article><h1>Hostile Page <img src="https://evil.example/t.png" onerror="window.__pwned=1"></h1>',
    '<p class="byline">By Mallory Smith</p>',
    ...blocks,
    '</article><footer><p>Copyright © 2024 Mallory <img src=x onerror="window.__pwned=1"> All rights reserved.</p></footer>',
    '</body></html>',
  ].join('\n');
}

test('a saved web page full of XSS payloads imports as inert text as well', async ({ app }) => {
  const nothingHappened = await watchForAttacks(app);
  await fileInput(app).setInputFiles({
    name: 'hostile.html',
    mimeType: 'text/html',
    buffer: Buffer.from(hostilePage(), 'utf8'),
  });
  await expect(importStatus(app)).toContainText('Added to your library: Hostile Page');
  await expect(app.getByTestId('reader-title')).toHaveText('Hostile Page');
  // Payloads that swallow or reshape the page may cost some prose; none of them may run.
  await expect(
    app.getByTestId('paragraph').filter({ hasText: 'Ordinary prose paragraph number' }).first(),
  ).toBeVisible();
  const body = await app.getByTestId('reader-body').innerText();
  expect(body).not.toMatch(/<script|onerror|javascript:/i);
  await nothingHappened();
});
