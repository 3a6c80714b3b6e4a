import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  REFERENCE_PATH,
  REFERENCE_TITLE,
  fileInput,
  libraryEntry,
  libraryItems,
  openFromLibrary,
} from './helpers.ts';

const SCREENSHOT = fileURLToPath(new URL('../docs/screenshots/backups.png', import.meta.url));
const MD_PATH = fileURLToPath(new URL('./fixtures/clip.md', import.meta.url));
const HTML_PATH = fileURLToPath(new URL('./fixtures/news-page.html', import.meta.url));
const MD_TITLE = 'Why Libraries Still Matter in a Digital Age';
const HTML_TITLE = 'River Towns Turn Old Mills Into Flood Sponges';
const TITLES = [REFERENCE_TITLE, MD_TITLE, HTML_TITLE];
const QUOTE = 'the central government controls only about 56-57% of Afghanistan';
const NOTE = 'Territory figure, <b>SIGAR</b> & "control"';

const backupsButton = (app: Page) => app.getByRole('button', { name: 'Backups', exact: true });
const status = (app: Page) => app.getByTestId('backup-status');
const restoreInput = (app: Page) => app.getByTestId('restore-file-input');

/** Imports a file and waits for it to open (generously: the first import loads the parser). */
async function importFile(app: Page, path: string, title: string) {
  await fileInput(app).setInputFiles(path);
  await expect(app.getByTestId('reader-title')).toHaveText(title, { timeout: 30_000 });
}

/** Every rights notice of every article, as the reader shows them, by title. */
async function noticesByTitle(app: Page): Promise<Record<string, string[]>> {
  const notices: Record<string, string[]> = {};
  for (const title of TITLES) {
    await openFromLibrary(app, title);
    notices[title] = await app.getByTestId('rights-notice').allTextContents();
  }
  return notices;
}

async function openBackups(app: Page) {
  if ((await backupsButton(app).getAttribute('aria-pressed')) !== 'true') {
    await backupsButton(app).click();
  }
  await expect(app.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
}

async function restoreFile(app: Page, file: Parameters<Page['setInputFiles']>[1]) {
  await restoreInput(app).setInputFiles(file);
  await expect(app.getByRole('form', { name: 'Restore options' })).toBeVisible();
}

test('back up, delete, restore into the empty library, merge the same file again, refuse garbage', async ({
  app,
}, testInfo) => {
  // Three articles, one highlighted with a note and tags, the reference one tagged too.
  await importFile(app, REFERENCE_PATH, REFERENCE_TITLE);
  await importFile(app, MD_PATH, MD_TITLE);
  await importFile(app, HTML_PATH, HTML_TITLE);
  await openFromLibrary(app, REFERENCE_TITLE);
  const tags = app.getByTestId('tag-editor');
  await tags.getByLabel('Add tags').fill('afghanistan, sources');
  await tags.getByLabel('Add tags').press('Enter');
  await app.getByRole('tab', { name: /Notes/ }).click();
  await app.getByLabel('Highlight words you type or paste').fill(QUOTE);
  await app.getByRole('button', { name: 'Highlight', exact: true }).click();
  const card = app.getByTestId('notes-panel').getByTestId('annotation');
  await expect(card).toHaveCount(1);
  await card.getByLabel('Note', { exact: true }).fill(NOTE);
  await card.getByLabel('Tags of this note').fill('evidence, territory');
  await card.getByLabel('Tags of this note').press('Enter');
  await card.getByLabel('Note', { exact: true }).blur();
  const notices = await noticesByTitle(app);
  expect(notices[REFERENCE_TITLE]!.length).toBeGreaterThanOrEqual(3);

  // Back up now: one .quire-backup file, caught as a download.
  await openBackups(app);
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('button', { name: 'Back up now' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^quire-library-\d{4}-\d{2}-\d{2}\.quire-backup$/);
  const backupPath = testInfo.outputPath('library.quire-backup');
  await download.saveAs(backupPath);
  await expect(status(app)).toContainText(`Saved ${download.suggestedFilename()}`);
  expect(readFileSync(backupPath).subarray(0, 2).toString('latin1')).toBe('PK');

  // Delete every article: the library is empty.
  for (const title of TITLES) {
    await app.getByRole('button', { name: `Delete ${title}` }).click();
  }
  await expect(libraryItems(app)).toHaveCount(0);

  // Restore into the empty library (offered, and chosen, because it is empty).
  await openBackups(app);
  await restoreFile(app, backupPath);
  const intoEmpty = app.getByRole('radio', { name: /Into this empty library/ });
  await expect(intoEmpty).toBeChecked();
  await app.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(app.getByTestId('restore-report')).toContainText('into an empty library');
  await expect(app.getByTestId('restore-added')).toHaveText('Added 3 articles and 1 highlight.');
  await expect(status(app)).toContainText('Restored: added 3 articles and 1 highlight.');
  await expect(libraryItems(app)).toHaveCount(3);

  // Everything is back: notices byte for byte, the highlight with its note and tags, the tags.
  expect(await noticesByTitle(app)).toEqual(notices);
  await openFromLibrary(app, REFERENCE_TITLE);
  await expect(app.getByTestId('rights-verification')).toHaveText(
    /Verified intact against the original file/,
  );
  await expect(tags.getByRole('list', { name: 'Tags' })).toHaveText(/afghanistan.*sources/);
  await app.getByRole('tab', { name: /Notes/ }).click();
  await expect(card).toHaveCount(1);
  await expect(card.locator('blockquote')).toHaveText(QUOTE);
  await expect(card.getByLabel('Note', { exact: true })).toHaveValue(NOTE);
  await expect(card.getByLabel('Tags of this note')).toHaveValue('evidence, territory');

  // The same file merged: every article skipped as a duplicate, nothing doubled.
  await openBackups(app);
  await restoreFile(app, backupPath);
  await expect(app.getByRole('radio', { name: /Into this empty library/ })).toHaveCount(0);
  await expect(app.getByRole('radio', { name: /Merge into this library/ })).toBeChecked();
  await app.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(app.getByTestId('restore-report')).toContainText('(merged)');
  await expect(app.getByTestId('restore-added')).toHaveText('Added nothing.');
  const skipped = app.getByTestId('restore-skipped');
  for (const title of TITLES) {
    await expect(skipped).toContainText(`article “${title}”: already in the library`);
  }
  await expect(skipped).toContainText('highlight');
  await expect(libraryItems(app)).toHaveCount(3);
  // The deletions' Undo would only clash with the restored articles now.
  await app.getByTestId('undo-toast').getByRole('button', { name: 'Dismiss' }).click();
  await app.screenshot({ path: SCREENSHOT });
  await app.getByRole('button', { name: 'Highlights and notes' }).click();
  await expect(app.getByTestId('annotation-row')).toHaveCount(1);

  // Garbage, and a zip that is not a Quire backup: a clear error, the library unchanged.
  await openBackups(app);
  await restoreFile(app, {
    name: 'garbage.quire-backup',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('this is not a backup at all, just text pretending'),
  });
  await app.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(app.getByTestId('backup-error')).toContainText(
    '“garbage.quire-backup” cannot be restored',
  );
  await expect(app.getByTestId('backup-error')).toContainText(
    'Nothing in your library was changed.',
  );
  await restoreFile(app, {
    name: 'photos.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync({ 'holiday.txt': strToU8('not a library') })),
  });
  await app.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(app.getByTestId('backup-error')).toContainText('“photos.zip” cannot be restored');
  await expect(libraryItems(app)).toHaveCount(3);
  expect(await noticesByTitle(app)).toEqual(notices);
});

test('a daily automatic backup is taken at start-up once the library has articles', async ({
  app,
}) => {
  // An empty library is not backed up.
  await openBackups(app);
  await expect(app.getByText('No automatic backup yet.')).toBeVisible();

  await fileInput(app).setInputFiles(REFERENCE_PATH);
  await expect(libraryEntry(app, REFERENCE_TITLE)).toBeVisible();
  await app.reload();
  await openBackups(app);
  const row = app.getByTestId('automatic-backup');
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await expect(row).toHaveAttribute('data-reason', 'daily');
  await expect(row).toContainText('Daily');
  await expect(app.getByText(/Today’s automatic backup was taken at/)).toBeVisible();

  // Not again on the same day.
  await app.reload();
  await openBackups(app);
  await expect(row).toHaveCount(1);

  // Saved as a file under its own name.
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    row.getByRole('button', { name: /^Save a copy of the backup of/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^quire-.*-daily\.quire-backup$/);
  await expect(status(app)).toContainText('Saved a copy');

  // The automatic backup brings a deleted article back.
  await app.getByRole('button', { name: `Delete ${REFERENCE_TITLE}` }).click();
  await expect(libraryItems(app)).toHaveCount(0);
  await row.getByRole('button', { name: /^Restore the backup of/ }).click();
  await expect(app.getByTestId('restore-added')).toHaveText('Added 1 article.');
  await expect(libraryItems(app)).toHaveCount(1);
  await openFromLibrary(app, REFERENCE_TITLE);
  await expect(app.getByTestId('rights-verification')).toHaveText(
    /Verified intact against the original file/,
  );
});
