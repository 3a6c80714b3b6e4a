import { expect, test } from './fixtures.ts';
import {
  REFERENCE_TITLE,
  fileInput,
  importReference,
  libraryEntry,
  libraryItems,
} from './helpers.ts';

const SECOND = {
  name: 'second.md',
  mimeType: 'text/markdown',
  buffer: Buffer.from(
    '# A Second Article\n\nBy Jane Doe\n\nPublished: 3 May 2021\n\nA short paragraph of prose to read.\n',
    'utf8',
  ),
};

test('delete with undo: the article goes, Undo brings it back', async ({ app }) => {
  await importReference(app);
  await expect(libraryItems(app)).toHaveCount(1);

  await app.getByRole('button', { name: `Delete ${REFERENCE_TITLE}` }).click();

  await expect(libraryItems(app)).toHaveCount(0);
  await expect(app.getByTestId('reader-title')).toHaveCount(0);
  const toast = app.getByTestId('undo-toast');
  await expect(toast).toContainText(`Deleted “${REFERENCE_TITLE}”.`);

  await toast.getByRole('button', { name: 'Undo' }).click();

  await expect(toast).toHaveCount(0);
  await expect(libraryItems(app)).toHaveCount(1);
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
  // Restored with its original bytes: the notices still verify.
  await expect(app.getByTestId('rights-verification')).toHaveText(
    /Verified intact against the original file/,
  );
});

test('the library list is newest first and works from the keyboard', async ({ app }) => {
  await importReference(app);
  await fileInput(app).setInputFiles(SECOND);
  await expect(app.getByTestId('reader-title')).toHaveText('A Second Article');

  await expect(libraryItems(app)).toHaveCount(2);
  await expect(libraryItems(app).nth(0)).toContainText('A Second Article');
  await expect(libraryItems(app).nth(1)).toContainText(REFERENCE_TITLE);

  const second = libraryEntry(app, 'A Second Article');
  const reference = libraryEntry(app, REFERENCE_TITLE);
  await second.focus();
  await app.keyboard.press('ArrowDown');
  await expect(reference).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
  await expect(reference).toHaveAttribute('aria-current', 'true');
  await app.keyboard.press('ArrowUp');
  await expect(second).toBeFocused();
  await app.keyboard.press('End');
  await expect(reference).toBeFocused();

  // Delete from the keyboard, with the same Undo.
  await app.keyboard.press('Delete');
  await expect(libraryItems(app)).toHaveCount(1);
  await expect(second).toBeFocused();
  await app.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
  await expect(libraryItems(app)).toHaveCount(2);
});

test('a long library renders only the rows in view and still works from the keyboard', async ({
  app,
}) => {
  const title = (i: number) => `Entry ${String(i + 1).padStart(3, '0')}`;
  const files = Array.from({ length: 240 }, (_, i) => ({
    name: `entry-${i + 1}.html`,
    mimeType: 'text/html',
    buffer: Buffer.from(
      `<html><head><title>${title(i)}</title></head><body><article><h1>${title(i)}</h1><p>${title(i)} of the reading list, with a paragraph long enough to count as prose.</p></article></body></html>`,
    ),
  }));
  await fileInput(app).setInputFiles(files);
  await expect(app.getByTestId('batch-panel')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
  await expect(app.getByTestId('library-count')).toHaveText('240');
  const rendered = await libraryItems(app).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  // Newest first: End reaches the first file added, Home the last, through unrendered rows.
  await libraryEntry(app, 'Entry 240').focus();
  await app.keyboard.press('End');
  await expect(libraryEntry(app, 'Entry 001')).toBeFocused();
  await expect(libraryEntry(app, 'Entry 001')).toBeInViewport();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('reader-title')).toHaveText('Entry 001');
  await app.keyboard.press('Home');
  await expect(libraryEntry(app, 'Entry 240')).toBeFocused();
});
