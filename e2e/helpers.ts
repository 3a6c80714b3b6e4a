import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The reference article (a Global Research republication of a South Front piece). */
export const REFERENCE_PATH = fileURLToPath(
  new URL('../src-core/test-fixtures/000_bfa7ac14e5553cb7.txt', import.meta.url),
);
export const REFERENCE_TEXT = readFileSync(REFERENCE_PATH, 'utf8');
export const REFERENCE_TITLE =
  'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed';

export const EXPECTED = {
  apa: 'South Front. (2018, August 15). Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed. Global Research.',
  // The CSL en-US locale quotes with typographic marks (“ ”), as a typeset MLA entry does.
  mla: 'South Front. “Video: Taliban Pushes Back against ISIS Expansion in Afghanistan. Increased US Troops Deployed.” Global Research, 15 Aug. 2018.',
  apaInText: '(South Front, 2018, para. 5)',
  mlaInText: '(South Front, par. 5)',
};

export const fileInput = (app: Page) => app.getByTestId('import-file-input');
export const libraryItems = (app: Page) => app.getByTestId('library-item');
export const paragraphs = (app: Page) => app.getByTestId('paragraph');
/** The polite region listing what was added (role="status"). */
export const importStatus = (app: Page) => app.getByTestId('import-status');
/** The region listing refused files (role="alert"). */
export const importAlert = (app: Page) => app.getByTestId('import-error');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The library row's main button, whose accessible name starts with the title. */
export const libraryEntry = (app: Page, title: string) =>
  app.getByRole('list', { name: 'Articles, newest first' }).getByRole('button', {
    name: new RegExp(`^${escapeRegExp(title)}`),
  });

/** Opens the article whose title is shown in the library list. */
export async function openFromLibrary(app: Page, title: string) {
  await libraryEntry(app, title).click();
  await expect(app.getByTestId('reader-title')).toHaveText(title);
}

/** Imports the reference article through the file picker and waits for it to open. */
export async function importReference(app: Page) {
  await fileInput(app).setInputFiles(REFERENCE_PATH);
  await expect(importStatus(app)).toContainText(`Added to your library: ${REFERENCE_TITLE}`);
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
}
