import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { fileInput, importAlert, libraryItems, openFromLibrary } from './helpers.ts';

// A 1×1 PNG: what the page's photo and its tracking pixel both serve.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function articlePage(title: string, origin: string): string {
  const prose = (n: number) =>
    `<p>Paragraph ${n} of ${title}: the harbour authority measured the tide twice a day for a whole winter, and the turbines kept turning through every storm the coast could send.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Coast Report</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Coast Report">
<meta name="author" content="Ann Tide"><meta property="article:published_time" content="2024-03-05">
<link rel="canonical" href="${origin}/article"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>${title}</h1>
${prose(1)}
<figure><img src="/img/photo.png" alt="Turbines at low tide" width="600" height="400"><figcaption>The array at low tide.</figcaption></figure>
${prose(2)}${prose(3)}
<img src="/pixel.gif" width="1" height="1" alt="">
<p>© 2024 Coast Report. All rights reserved.</p></article></body></html>`;
}

interface PageServer {
  origin: string;
  /** Requests received, by path. */
  hits: string[];
  close(): Promise<void>;
}

/** A loopback server with one article and its image; `cors` decides whether pages may read it. */
async function startServer(title: string, cors: boolean): Promise<PageServer> {
  const hits: string[] = [];
  let origin = '';
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (cors) response.setHeader('Access-Control-Allow-Origin', '*');
    if (request.url === '/article') {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(articlePage(title, origin));
    } else if (request.url === '/img/photo.png' || request.url === '/pixel.gif') {
      response.setHeader('Content-Type', 'image/png');
      response.end(PNG);
    } else {
      response.statusCode = 404;
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function saveFromUrls(app: Page, urls: string[], allowPrivate: boolean) {
  await app.getByRole('button', { name: 'Save from URL…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Save from web addresses' });
  await dialog.getByLabel('Web addresses').fill(urls.join('\n'));
  await dialog.getByLabel(/Allow local and private network addresses/).setChecked(allowPrivate);
  await dialog.getByRole('button', { name: 'Save pages' }).click();
}

/** A distinct small article page as a file for the picker. */
function htmlFile(n: number) {
  const title = `Field Note ${n}`;
  return {
    name: `note-${n}.html`,
    mimeType: 'text/html',
    buffer: Buffer.from(articlePage(title, `https://notes.example.org/${n}`)),
  };
}

test('a batch of files: progress, counts, a result per item that can be copied, and the rest goes on', async ({
  app,
  clipboard,
}) => {
  const files = Array.from({ length: 12 }, (_, i) => htmlFile(i + 1));
  const duplicate = { ...files[0]!, name: 'copy-of-note-1.html' };
  const binary = {
    name: 'broken.html',
    mimeType: 'text/html',
    buffer: Buffer.from([0, 1, 2, 3, 255, 0, 7]),
  };
  await fileInput(app).setInputFiles([...files, duplicate, binary]);

  const panel = app.getByTestId('batch-panel');
  await expect(panel).toHaveAttribute('data-state', 'done');
  await expect(panel).toHaveAttribute('data-total', '14');
  await expect(app.getByTestId('batch-counts')).toHaveText(
    '14 of 14 · 12 saved · 1 already there · 1 failed',
  );
  await expect(panel.getByRole('progressbar', { name: 'Items processed' })).toHaveAttribute(
    'value',
    '14',
  );
  const rows = panel.getByTestId('batch-results').getByRole('listitem');
  await expect(rows).toHaveCount(14);
  // The failure comes first, with its reason.
  await expect(rows.first()).toContainText('Failed');
  await expect(rows.first()).toContainText('broken.html');
  await expect(rows.first()).toContainText(/binary/i);
  await expect(rows.filter({ hasText: 'copy-of-note-1.html' })).toContainText('Already there');
  await expect(libraryItems(app)).toHaveCount(12);

  await panel.getByRole('button', { name: 'Copy the results' }).click();
  const copied = await clipboard.readText();
  expect(copied.trim().split('\n')).toHaveLength(14);
  expect(copied).toContain('Saved\tnote-12.html\tField Note 12');
  expect(copied).toMatch(/^Failed\tbroken\.html\t.+$/m);

  // The results stay until dismissed.
  await app.waitForTimeout(500);
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Dismiss the results' }).click();
  await expect(panel).toHaveCount(0);
});

test('pages saved from addresses are read offline with their images; a site without CORS gets the message', async ({
  app,
  electronApp,
}) => {
  const open = await startServer('Tidal Power Survives Winter', true);
  const closed = await startServer('A Page Browsers May Not Read', false);
  try {
    // A loopback address is refused until the user allows local addresses.
    await saveFromUrls(app, [`${open.origin}/article`], false);
    await expect(importAlert(app)).toContainText(
      '127.0.0.1 is on this computer or a private network',
    );
    expect(open.hits).toEqual([]);

    await saveFromUrls(app, [`${open.origin}/article`, `${closed.origin}/article`], true);
    const panel = app.getByTestId('batch-panel');
    await expect(panel).toHaveAttribute('data-state', 'done');
    const rows = panel.getByTestId('batch-results').getByRole('listitem');
    if (electronApp) {
      // The desktop app fetches in its main process, where CORS does not apply.
      await expect(panel).toHaveAttribute('data-saved', '2');
    } else {
      await expect(panel).toHaveAttribute('data-saved', '1');
      await expect(rows.first()).toContainText(`${closed.origin}/article`);
      await expect(rows.first()).toContainText('Use the Quire desktop app');
    }
    expect(open.hits).toContain('/img/photo.png');
    // The tracking pixel is never fetched, not even for the offline copy.
    expect(open.hits).not.toContain('/pixel.gif');

    // Reading it later goes to no network at all: reload, then open it, counting requests.
    open.hits.length = 0;
    await app.reload();
    const appOrigin = new URL(app.url()).origin;
    const requests: string[] = [];
    app.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(appOrigin) && !url.startsWith('blob:') && !url.startsWith('data:')) {
        requests.push(url);
      }
    });
    await openFromLibrary(app, 'Tidal Power Survives Winter');
    const image = app.getByRole('img', { name: 'Turbines at low tide' });
    await expect(image).toBeVisible();
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await app.waitForTimeout(500);
    expect(requests).toEqual([]);
    expect(open.hits).toEqual([]);
  } finally {
    await open.close();
    await closed.close();
  }
});

test('a folder: every page, Markdown and text file under it, subfolders included, nothing else', async ({
  app,
}) => {
  const root = await mkdtemp(join(tmpdir(), 'quire-folder-'));
  try {
    await mkdir(join(root, 'news', 'older'), { recursive: true });
    await writeFile(join(root, 'news', 'note-1.html'), htmlFile(1).buffer);
    await writeFile(join(root, 'news', 'older', 'note-2.html'), htmlFile(2).buffer);
    await writeFile(
      join(root, 'clip.md'),
      '---\ntitle: A Clipped Note\n---\n\nThe clip says the harbour lights came back after the winter repairs were done.\n',
    );
    await writeFile(join(root, 'scan.pdf'), '%PDF-1.7');
    await writeFile(join(root, 'photo.png'), PNG);
    await app.getByTestId('import-folder-input').setInputFiles(root);
    const panel = app.getByTestId('batch-panel');
    await expect(panel).toHaveAttribute('data-state', 'done');
    await expect(app.getByTestId('batch-counts')).toHaveText(
      '3 of 3 · 3 saved · 0 already there · 0 failed',
    );
    await expect(panel.getByTestId('batch-results')).toContainText('news/older/note-2.html');
    await expect(libraryItems(app)).toHaveCount(3);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('cancelling a batch keeps what was saved, adds nothing more and lists the rest as not added', async ({
  app,
}) => {
  // Large enough that the batch is still running when Cancel is clicked.
  const long = (n: number) => {
    const file = htmlFile(n);
    const padding = `<p>${'The tide tables were checked again and again. '.repeat(4000)}</p>`;
    return {
      ...file,
      buffer: Buffer.from(file.buffer.toString().replace('</article>', `${padding}</article>`)),
    };
  };
  await fileInput(app).setInputFiles(Array.from({ length: 60 }, (_, i) => long(i + 1)));
  const panel = app.getByTestId('batch-panel');
  await expect(panel).toHaveAttribute('data-state', 'running');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toHaveAttribute('data-state', 'cancelled');
  const saved = Number(await panel.getAttribute('data-saved'));
  expect(saved).toBeLessThan(60);
  await expect(libraryItems(app)).toHaveCount(saved);
  const notAdded = panel
    .getByTestId('batch-results')
    .getByRole('listitem')
    .filter({ hasText: 'Not added' });
  await expect(notAdded).toHaveCount(60 - saved);
  await expect(app.getByRole('heading', { name: /^Cancelled after/ })).toBeVisible();
});
