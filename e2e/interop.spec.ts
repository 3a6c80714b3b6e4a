import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { fileInput, libraryEntry, paragraphs } from './helpers.ts';

/**
 * Reference files from Zotero, JabRef and Mendeley (ADR 0015): a .bib and a .ris go in through
 * the file picker and become reference-only entries with their tags and notes; the library's
 * RIS and CSL-JSON exports carry those tags and notes; an entry's page is saved later from its
 * URL (a page served on 127.0.0.1, as the capture specs do).
 */

const PAGE_TITLE = 'Tide Turbines Weather Their First Winter';

function articlePage(origin: string): string {
  const prose = (n: number) =>
    `<p>Paragraph ${n}: the harbour authority measured the tide twice a day for a whole winter, and the turbines kept turning through every storm the coast could send.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${PAGE_TITLE}</title>
<meta property="og:title" content="${PAGE_TITLE}"><meta property="og:site_name" content="Coast Report">
<meta name="author" content="Ann Tide"><meta property="article:published_time" content="2024-03-05">
<link rel="canonical" href="${origin}/article"></head><body>
<article><h1>${PAGE_TITLE}</h1>${prose(1)}${prose(2)}${prose(3)}
<p>© 2024 Coast Report. All rights reserved.</p></article></body></html>`;
}

async function startServer(): Promise<{ origin: string; close(): Promise<void> }> {
  let origin = '';
  const server: Server = createServer((request, response) => {
    // Web mode fetches from the page: the test server allows it, as the capture specs' does.
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (request.url === '/article') {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(articlePage(origin));
    } else {
      response.statusCode = 404;
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const bib = (origin: string) => `% Exported by JabRef
@article{ocean2024,
  author = {Tide, Ann and {Coastal Energy Agency}},
  title = {Tidal Power in a Cold Season},
  journal = {Journal of Coastal Energy},
  year = 2024, month = mar,
  url = {${origin}/article},
  keywords = {tidal energy, winter},
  groups = {Thesis chapter 3},
  annote = {Compare the turbine counts with the 2022 report.},
}

@book{harbour1999,
  author = {van der Berg, Jan},
  title = {Harbours of the North Sea},
  publisher = {Sea Press},
  year = 1999,
  keywords = {harbours},
}
`;

const RIS = [
  'TY  - JOUR',
  'TI  - Storm Surges and Turbine Fatigue',
  'AU  - Gale, Storm',
  'PY  - 2021',
  'T2  - Marine Engineering',
  'DO  - 10.5555/storm.2021',
  'KW  - fatigue',
  'KW  - storms',
  'N1  - <p>Zotero note: <b>check</b> the methods section.</p>',
  'ER  - ',
  '',
].join('\r\n');

async function exportLibrary(app: Page, label: string): Promise<string> {
  await app.getByRole('button', { name: 'Export…' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Export citations' });
  await dialog.getByRole('radio', { name: /Whole library/u }).check();
  await dialog.getByLabel('Format').selectOption({ label });
  await expect(dialog.getByLabel(/Include tags and notes/u)).toBeChecked();
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save file…' }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8');
  await dialog.getByRole('button', { name: 'Close' }).click();
  return text;
}

test('BibTeX and RIS files import as entries with tags and notes, export to RIS and CSL-JSON with them, and an entry’s page is saved later', async ({
  app,
}) => {
  const server = await startServer();
  try {
    await fileInput(app).setInputFiles({
      name: 'library.bib',
      mimeType: 'application/x-bibtex',
      buffer: Buffer.from(bib(server.origin)),
    });
    const panel = app.getByTestId('batch-panel');
    await expect(panel).toHaveAttribute('data-state', 'done');
    await expect(panel).toHaveAttribute('data-saved', '2');
    await expect(panel.getByTestId('batch-results')).toContainText('library.bib, entry 1');
    await expect(panel.getByTestId('batch-results')).toContainText('Harbours of the North Sea');

    // The first entry opens: its metadata, tags and note, and no page yet.
    await expect(app.getByTestId('reader-title')).toHaveText('Tidal Power in a Cold Season');
    const reference = app.getByTestId('reference-only');
    await expect(reference).toContainText('No copy of the page saved yet');
    await expect(reference).toContainText('library.bib (BibTeX)');
    await expect(app.getByTestId('reference-notes')).toContainText(
      'Compare the turbine counts with the 2022 report.',
    );
    const tags = app.getByRole('list', { name: 'Tags' });
    await expect(tags).toContainText('tidal energy');
    await expect(tags).toContainText('Thesis chapter 3');
    await expect(app.getByTestId('reader')).toContainText('Coastal Energy Agency');

    // The RIS file: its keywords are tags, its Zotero HTML note a note in plain text.
    await fileInput(app).setInputFiles({
      name: 'zotero.ris',
      mimeType: 'application/x-research-info-systems',
      buffer: Buffer.from(RIS),
    });
    await expect(app.getByTestId('reader-title')).toHaveText('Storm Surges and Turbine Fatigue');
    await expect(app.getByTestId('reference-notes')).toContainText(
      'Zotero note: check the methods section.',
    );
    await expect(app.getByRole('list', { name: 'Tags' })).toContainText('storms');
    await expect(libraryEntry(app, 'Harbours of the North Sea')).toBeVisible();
    await expect(app.getByText('Reference only')).toHaveCount(3);
    await app.screenshot({ path: 'docs/screenshots/interop-reference-only.png' });

    // Importing the same file again adds nothing.
    await fileInput(app).setInputFiles({
      name: 'zotero.ris',
      mimeType: 'application/x-research-info-systems',
      buffer: Buffer.from(RIS),
    });
    await expect(app.getByTestId('import-status')).toContainText(
      'Already in your library: Storm Surges and Turbine Fatigue',
    );

    const ris = await exportLibrary(app, 'RIS (.ris)');
    expect(ris).toMatch(/^KW {2}- tidal energy\r$/mu);
    expect(ris).toMatch(/^KW {2}- Thesis chapter 3\r$/mu);
    expect(ris).toMatch(/^KW {2}- storms\r$/mu);
    expect(ris).toMatch(/^N1 {2}- <p>Compare the turbine counts with the 2022 report\.<\/p>\r$/mu);
    expect(ris).toMatch(/^N1 {2}- <p>Zotero note: check the methods section\.<\/p>\r$/mu);
    expect(ris).toMatch(/^ID {2}- ocean2024\r$/mu);

    const json = JSON.parse(await exportLibrary(app, 'CSL-JSON (.json)')) as Record<
      string,
      unknown
    >[];
    const ocean = json.find((item) => item.id === 'ocean2024')!;
    expect(ocean.keyword).toBe('tidal energy, winter, Thesis chapter 3');
    expect(ocean.note).toBe('Compare the turbine counts with the 2022 report.');
    expect(json.find((item) => item.title === 'Storm Surges and Turbine Fatigue')!.keyword).toBe(
      'fatigue, storms',
    );

    // Capture later: the page comes from 127.0.0.1, so private addresses are allowed first.
    await app.getByRole('button', { name: 'Save from URL…' }).click();
    const urlDialog = app.getByRole('dialog', { name: 'Save from web addresses' });
    await urlDialog.getByLabel(/Allow local and private network addresses/u).check();
    await urlDialog.getByRole('button', { name: 'Cancel' }).click();

    await libraryEntry(app, 'Tidal Power in a Cold Season').click();
    await app.getByRole('button', { name: 'Save the page from its URL' }).click();
    await expect(paragraphs(app)).toHaveCount(3);
    await expect(app.getByTestId('reference-only')).toHaveCount(0);
    // The imported metadata wins over the page's; tags and notes stay.
    await expect(app.getByTestId('reader-title')).toHaveText('Tidal Power in a Cold Season');
    await expect(app.getByRole('list', { name: 'Tags' })).toContainText('winter');
    await expect(app.getByTestId('reader')).toContainText(
      '© 2024 Coast Report. All rights reserved.',
    );
    await app.getByRole('tab', { name: /Notes/u }).click();
    await expect(app.getByTestId('notes-panel')).toContainText(
      'Compare the turbine counts with the 2022 report.',
    );
    await expect(app.getByTestId('notes-panel')).toContainText('Whole article');
    await expect(app.getByText('Reference only')).toHaveCount(2);
  } finally {
    await server.close();
  }
});
