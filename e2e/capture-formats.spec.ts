import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { importStatus, paragraphs } from './helpers.ts';

/** A news page as a browser saves it: navigation, share row, JSON-LD, footer with a licence. */
const HTML_PATH = fileURLToPath(new URL('./fixtures/news-page.html', import.meta.url));
const HTML_TITLE = 'River Towns Turn Old Mills Into Flood Sponges';
/** A Markdown clip (Obsidian Web Clipper style): YAML front matter, bold, a list, a link. */
const MD_PATH = fileURLToPath(new URL('./fixtures/clip.md', import.meta.url));
const MD_TITLE = 'Why Libraries Still Matter in a Digital Age';

/** Markdown and HTML syntax that must never reach the reader's text. */
const SYNTAX = ['**', '](', '<p', '<a ', '<li', '&amp;', '&copy;', '&ldquo;', '&pound;', '---'];

const reader = (app: Page) => app.getByTestId('reader');
const readerBody = (app: Page) => app.getByTestId('reader-body');
const paragraph = (app: Page, n: number) => app.locator(`[data-testid="paragraph"][data-n="${n}"]`);

async function expectNoSyntax(app: Page) {
  const text = await readerBody(app).innerText();
  for (const syntax of SYNTAX) expect(text, `body shows ${syntax}`).not.toContain(syntax);
}

/**
 * Every notice is verified, and its exact source text is, byte for byte, the fixture's bytes
 * over the range the notice names (offsets count UTF-16 code units of the decoded file).
 */
async function expectNoticesVerbatim(app: Page, file: Buffer) {
  const rights = app.getByRole('region', { name: 'Rights and notices' });
  await expect(rights.getByTestId('rights-verification')).toHaveText(
    /Verified intact against the original file/,
  );
  const decoded = file.toString('utf8');
  const sources = await rights.getByTestId('rights-notice-source').evaluateAll((elements) =>
    elements.map((e) => ({
      text: e.textContent ?? '',
      start: Number(e.getAttribute('data-start')),
      end: Number(e.getAttribute('data-end')),
    })),
  );
  expect(sources.length).toBeGreaterThan(0);
  for (const { text, start, end } of sources) {
    const byteStart = Buffer.byteLength(decoded.slice(0, start), 'utf8');
    const byteEnd = byteStart + Buffer.byteLength(decoded.slice(start, end), 'utf8');
    expect(Buffer.from(text, 'utf8').equals(file.subarray(byteStart, byteEnd))).toBe(true);
  }
  return rights;
}

test('an HTML page from the file chooser: article only, structure kept, no markup', async ({
  app,
}) => {
  const file = readFileSync(HTML_PATH);
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Add files…' }).click();
  await (await chooser).setFiles(HTML_PATH);

  await expect(importStatus(app)).toContainText(`Added to your library: ${HTML_TITLE}`);
  await expect(app.getByTestId('reader-title')).toHaveText(HTML_TITLE);
  await expect(app.getByTestId('reader-authors')).toHaveText(/Helen Marsh/);
  await expect(app.getByTestId('reader-site')).toHaveText('The Valley Courier');
  await expect(app.getByTestId('reader-date')).toHaveText('9 October 2023');

  // The story's paragraphs, numbered; none of the page around it.
  await expect(paragraphs(app)).toHaveCount(8);
  const body = readerBody(app);
  for (const furniture of ['Share on X', 'Subscribe', 'Skip to content', 'Beavers return']) {
    await expect(body).not.toContainText(furniture);
  }
  // Its section heading, in place and not numbered; the sidebar's "Related stories" is not one.
  await expect(app.getByTestId('reader-heading')).toHaveCount(1);
  const heading = body.getByRole('heading', { level: 2, name: 'How the sponges work' });
  await expect(heading).toBeVisible();
  expect(await heading.evaluate((h) => h.nextElementSibling?.getAttribute('data-n') ?? null)).toBe(
    '4',
  );

  // A list as list items, a quote as a quote, bold and a link as such, entities decoded.
  const items = paragraph(app, 5).getByRole('listitem');
  await expect(items).toHaveText([
    'lower the banks so the pond floods before the streets do;',
    'plant reed beds and wet woodland to slow the flow;',
    'fit a sluice that drains the pond again within two days.',
  ]);
  await expect(paragraph(app, 7).locator('blockquote')).toContainText(
    'every pond we restore buys the town a few more hours.',
  );
  await expect(paragraph(app, 2).locator('strong')).toHaveText('up to 40,000 cubic metres');
  await expect(paragraph(app, 4).getByRole('link', { name: 'catchment plan' })).toHaveAttribute(
    'title',
    'https://www.valleycourier.example/documents/aire-plan.pdf',
  );
  await expect(paragraph(app, 3)).toContainText('“We spent fifty years');
  await expect(paragraph(app, 8)).toContainText('£2.1 million');
  await expectNoSyntax(app);

  // Notices: read as text (the licence's link by its label), proved against the file's bytes.
  const rights = await expectNoticesVerbatim(app, file);
  await expect(rights.getByTestId('rights-notice')).toHaveText([
    'Copyright © 2023 The Valley Courier Ltd. Some rights reserved.',
    'This article is licensed under a Creative Commons Attribution 4.0 International licence (CC BY 4.0).',
  ]);
  const licence = rights.locator('li.notice[data-kind="licence"]');
  await expect(licence.getByTestId('rights-notice-source')).toBeHidden();
  await licence.getByText('Show exact source text').click();
  await expect(licence.getByTestId('rights-notice-source')).toBeVisible();
  await expect(licence.getByTestId('rights-notice-source')).toContainText(
    '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">',
  );
  await expect(rights.locator('li.notice[data-kind="copyright"]')).toContainText('&copy;');
});

test('a Markdown clip dropped on the window: front matter read, no Markdown shown', async ({
  app,
}) => {
  const file = readFileSync(MD_PATH);
  const dataTransfer = await app.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'clip.md', { type: 'text/markdown' }));
    return transfer;
  }, file.toString('utf8'));
  await app.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(app.getByTestId('drop-zone')).toContainText('Saved web pages (.html)');
  await app.locator('main').dispatchEvent('drop', { dataTransfer });

  await expect(importStatus(app)).toContainText(`Added to your library: ${MD_TITLE}`);
  await expect(app.getByTestId('reader-title')).toHaveText(MD_TITLE);
  await expect(app.getByTestId('reader-authors')).toHaveText(/Tomás Ferreira/);
  await expect(app.getByTestId('reader-date')).toHaveText('14 March 2022');

  await expect(paragraphs(app)).toHaveCount(5);
  await expect(
    readerBody(app).getByRole('heading', { level: 2, name: 'What the numbers hide' }),
  ).toBeVisible();
  await expect(paragraph(app, 3).getByRole('listitem')).toHaveText([
    'to use a computer or the wifi;',
    'to get help with forms and applications;',
    'to stay warm in winter.',
  ]);
  await expect(paragraph(app, 1).locator('strong')).toHaveText(
    'nobody expects you to buy anything',
  );
  await expect(paragraph(app, 4).locator('em')).toHaveText('more');
  await expect(paragraph(app, 2).getByRole('link', { name: 'Reading Room Trust' })).toHaveAttribute(
    'href',
    'https://www.readingroom.example/trust',
  );
  await expect(readerBody(app)).not.toContainText('published:');
  await expectNoSyntax(app);

  const rights = await expectNoticesVerbatim(app, file);
  await expect(rights.getByTestId('rights-notice')).toHaveText([
    '© 2022 Tomás Ferreira. Published under CC BY-SA 4.0.',
  ]);
  await expect(rights.getByTestId('rights-notice-source')).toHaveText(
    '© 2022 Tomás Ferreira. Published under [CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/).',
  );
});

/** Rich text as a browser puts it on the clipboard when a reader copies part of a page. */
const COPIED_HTML =
  '<meta charset="utf-8"><h1>Night Trains Return to the Alps</h1>' +
  '<p>By <a href="https://www.railnotes.example/authors/lena-vogt">Lena Vogt</a></p>' +
  '<p>After a decade without them, sleeper trains are running again between Zurich, Innsbruck ' +
  'and Vienna, and most nights they are <strong>fully booked</strong>.</p>' +
  '<h2>Who rides them</h2><p>The operator says three groups fill the berths:</p>' +
  '<ul><li>families travelling with skis;</li><li>business travellers who want a full day at ' +
  'their destination;</li><li>people who have given up flying.</li></ul>' +
  '<p>Tickets for the winter season sold out within days, and a second train is planned.</p>';
const COPIED_TEXT =
  'Night Trains Return to the Alps\n\nBy Lena Vogt\n\nAfter a decade without them…';

/** Fires a paste of rich text (and its plain text) at `selector`, as the browser would. */
async function pasteRichText(app: Page, selector: string) {
  await app.locator(selector).evaluate(
    (target, { html, text }) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', text);
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { html: COPIED_HTML, text: COPIED_TEXT },
  );
}

async function expectCopiedArticle(app: Page) {
  await expect(importStatus(app)).toContainText(
    'Added to your library: Night Trains Return to the Alps',
  );
  await expect(app.getByTestId('reader-title')).toHaveText('Night Trains Return to the Alps');
  await expect(
    readerBody(app).getByRole('heading', { level: 2, name: 'Who rides them' }),
  ).toBeVisible();
  await expect(readerBody(app).getByRole('listitem')).toHaveCount(3);
  await expect(readerBody(app).locator('strong')).toHaveText('fully booked');
  await expectNoSyntax(app);
}

test('pasted rich text is saved as the page it was copied from', async ({ app }) => {
  await app.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Paste text' });
  await pasteRichText(app, '.paste-dialog__text');
  await expect(dialog.getByLabel('Article text')).toHaveValue(COPIED_TEXT);
  await expect(dialog.getByTestId('paste-rich-note')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add to library' }).click();
  await expect(dialog).toBeHidden();
  await expectCopiedArticle(app);
});

test('typing after a rich paste turns it into plain text', async ({ app }) => {
  await app.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Paste text' });
  await pasteRichText(app, '.paste-dialog__text');
  await expect(dialog.getByTestId('paste-rich-note')).toBeVisible();
  await dialog.getByLabel('Article text').press('End');
  await dialog.getByLabel('Article text').pressSequentially(' More.');
  await expect(dialog.getByTestId('paste-rich-note')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a paste anywhere outside a text field adds the copied page', async ({ app }) => {
  await pasteRichText(app, 'main');
  await expectCopiedArticle(app);
  await expect(reader(app)).toBeVisible();
});

/**
 * A library saved by the Foundation build (schema 1, parser version 1): a Markdown clip whose
 * body was one paragraph with its Markdown in it, no headings, notices without display forms,
 * and a title the user edited. Written into IndexedDB before the app opens it.
 */
function foundationLibrary(file: Buffer) {
  const text = file.toString('utf8');
  const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
  const noticeText =
    '© 2022 Tomás Ferreira. Published under [CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/).';
  const noticeStart = text.indexOf(noticeText);
  const bodyStart = text.indexOf('Public libraries');
  const bodyEnd = text.indexOf('\n---\n', bodyStart);
  const sourceHash = sha(file);
  const article = {
    id: 'foundation-1',
    csl: {
      id: 'clip',
      type: 'webpage',
      title: 'Libraries in a digital age (my title)',
      author: [{ family: 'Ferreira', given: 'Tomás' }],
      issued: { 'date-parts': [[2022, 3, 14]] },
      'container-title': 'The Reading Room',
    },
    originalSource: null,
    keywords: [],
    body: [
      {
        n: 1,
        id: 'p1-0000',
        text: text.slice(bodyStart, bodyEnd),
        start: bodyStart,
        end: bodyEnd,
        kind: 'prose',
      },
    ],
    rights: [
      {
        kind: 'licence',
        text: noticeText,
        start: noticeStart,
        end: noticeStart + noticeText.length,
        sha256: sha(noticeText),
      },
    ],
    source: {
      sha256: sourceHash,
      mediaType: 'text/markdown',
      byteLength: file.byteLength,
      fileName: 'clip.md',
    },
    gaps: [],
    tags: ['libraries'],
    addedAt: Date.UTC(2024, 1, 1),
    updatedAt: Date.UTC(2024, 1, 1),
  };
  const source = {
    sha256: sourceHash,
    bytes: Array.from(file),
    mediaType: 'text/markdown',
    fileName: 'clip.md',
    byteLength: file.byteLength,
    addedAt: article.addedAt,
  };
  return { article, source };
}

test('an article saved by the Foundation build is upgraded and re-read when opened', async ({
  app,
  electronApp,
}) => {
  test.skip(electronApp !== null, 'seeds the web origin’s IndexedDB before the page loads');
  const file = readFileSync(MD_PATH);
  // Runs before the app's scripts on the next load: IndexedDB serves requests on one database in
  // order, so the old library is in place before the app opens (and upgrades) it.
  await app.context().addInitScript(({ article, source }) => {
    indexedDB.deleteDatabase('quire');
    const request = indexedDB.open('quire', 10); // Dexie stores version n as n × 10
    request.onupgradeneeded = () => {
      const db = request.result;
      const articles = db.createObjectStore('articles', { keyPath: 'id' });
      articles.createIndex('addedAt', 'addedAt');
      articles.createIndex('updatedAt', 'updatedAt');
      articles.createIndex('source.sha256', 'source.sha256', { unique: true });
      db.createObjectStore('sources', { keyPath: 'sha256' });
      articles.put(article);
      request.transaction!.objectStore('sources').put({
        ...source,
        bytes: new Uint8Array(source.bytes),
      });
    };
    request.onsuccess = () => request.result.close();
  }, foundationLibrary(file));
  await app.reload();

  await app.getByRole('button', { name: /^Libraries in a digital age \(my title\)/ }).click();
  // Re-read by the current rules: headings, list items, clean text, display notices…
  await expect(
    readerBody(app).getByRole('heading', { level: 2, name: 'What the numbers hide' }),
  ).toBeVisible();
  await expect(paragraphs(app)).toHaveCount(5);
  await expect(paragraph(app, 3).getByRole('listitem')).toHaveCount(3);
  await expectNoSyntax(app);
  await expectNoticesVerbatim(app, file);
  await expect(app.getByTestId('rights-notice')).toHaveText([
    '© 2022 Tomás Ferreira. Published under CC BY-SA 4.0.',
  ]);
  // …while the user's own metadata stays.
  await expect(app.getByTestId('reader-title')).toHaveText('Libraries in a digital age (my title)');
  await expect(app.getByTestId('reader-site')).toHaveText('The Reading Room');
  // The old library had no search index: it is built once, and the article is found.
  await app.getByTestId('search-input').fill('title:libraries');
  await expect(app.getByTestId('library-count')).toHaveText('1 of 1');

  const stored = await app.evaluate(
    () =>
      new Promise<{
        version: number;
        parserVersion: unknown;
        tags: unknown;
        citekey: unknown;
        images: unknown;
        collections: unknown;
      }>((resolve, reject) => {
        const request = indexedDB.open('quire');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction('articles').objectStore('articles').get('foundation-1');
          get.onsuccess = () => {
            const { parserVersion, tags, citekey, images, collections } = get.result as Record<
              string,
              unknown
            >;
            resolve({ version: db.version, parserVersion, tags, citekey, images, collections });
            db.close();
          };
        };
      }),
  );
  // Dexie schema 6 is IndexedDB version 60; the upgrades gave the old record a citation key and
  // an empty list of collections, and the re-read (parser version 3) its list of images (a text
  // file has none).
  expect(stored).toEqual({
    version: 60,
    parserVersion: 3,
    tags: ['libraries'],
    citekey: expect.stringMatching(/^[a-z]+\d{4}[a-z]+$/u),
    images: [],
    collections: [],
  });
});
