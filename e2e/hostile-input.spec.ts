import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

test('a file full of XSS payloads imports as inert text: nothing runs, nothing is fetched', async ({
  app,
}) => {
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
  // The notice is shown verbatim, markup and all, as text.
  await expect(app.getByTestId('rights-notice').first()).toContainText(
    'onerror="window.__pwned=1"',
  );

  // Give any handler that could fire (onload, onerror, timers) the chance to do so.
  await app.waitForTimeout(1000);
  expect(dialogs).toEqual([]);
  expect(remote).toEqual([]);
  expect(
    await app.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(await app.evaluate(() => document.scripts.length)).toBe(scriptsBefore);
});
