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
