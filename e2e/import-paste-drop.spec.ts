import { expect, test } from './fixtures.ts';
import {
  REFERENCE_TEXT,
  REFERENCE_TITLE,
  importStatus,
  libraryItems,
  paragraphs,
} from './helpers.ts';

test('paste text: the pasted article is imported like a UTF-8 file', async ({ app }) => {
  await app.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Paste text' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Add to library' })).toBeDisabled();

  await dialog.getByLabel('Article text').fill(REFERENCE_TEXT);
  await dialog.getByRole('button', { name: 'Add to library' }).click();

  await expect(dialog).toBeHidden();
  await expect(importStatus(app)).toContainText(`Added to your library: ${REFERENCE_TITLE}`);
  await expect(libraryItems(app)).toHaveCount(1);
  await expect(paragraphs(app)).toHaveCount(15);
  await expect(app.getByTestId('rights-verification')).toHaveText(
    /Verified intact against the original file/,
  );

  // Cancel closes without importing.
  await app.getByRole('button', { name: 'Paste text…' }).click();
  await dialog.getByLabel('Article text').fill('Something else.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(libraryItems(app)).toHaveCount(1);
});

test('drag and drop: a drop zone shows while dragging, the dropped file is imported', async ({
  app,
}) => {
  const dataTransfer = await app.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped-article.txt', { type: 'text/plain' }));
    return transfer;
  }, REFERENCE_TEXT);

  await app.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(app.getByTestId('drop-zone')).toBeVisible();
  await expect(app.getByTestId('drop-zone')).toContainText('Drop to add to your library');

  await app.locator('main').dispatchEvent('drop', { dataTransfer });

  await expect(app.getByTestId('drop-zone')).toHaveCount(0);
  await expect(importStatus(app)).toContainText(`Added to your library: ${REFERENCE_TITLE}`);
  await expect(libraryItems(app)).toHaveCount(1);
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
});

test('dropping many files adds them as one batch, with progress and a result per file', async ({
  app,
}) => {
  const dataTransfer = await app.evaluateHandle(() => {
    const transfer = new DataTransfer();
    for (let i = 1; i <= 25; i++) {
      const html = `<html><head><title>Dropped Note ${i}</title></head><body><article><h1>Dropped Note ${i}</h1><p>Note ${i} on the tides, written out at enough length to be a paragraph of prose.</p></article></body></html>`;
      transfer.items.add(new File([html], `note-${i}.html`, { type: 'text/html' }));
    }
    transfer.items.add(new File(['%PDF-1.7\u0000\u0001'], 'scan.pdf', { type: 'application/pdf' }));
    return transfer;
  });
  await app.dispatchEvent('body', 'dragenter', { dataTransfer });
  await app.locator('main').dispatchEvent('drop', { dataTransfer });

  const panel = app.getByTestId('batch-panel');
  await expect(panel).toHaveAttribute('data-state', 'done');
  await expect(app.getByTestId('batch-counts')).toHaveText(
    '26 of 26 · 25 saved · 0 already there · 1 failed',
  );
  await expect(panel.getByTestId('batch-results').getByRole('listitem').first()).toContainText(
    'scan.pdf',
  );
  await expect(libraryItems(app)).toHaveCount(25);
});
