import { expect, test } from './fixtures.ts';
import { REFERENCE_TITLE, importStatus, libraryItems, paragraphs } from './helpers.ts';

test('first run: an empty library offers the sample article, which opens when added', async ({
  app,
}) => {
  await expect(app.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(libraryItems(app)).toHaveCount(0);
  await expect(app.getByTestId('about-line')).toHaveText(/^Quire \d+\.\d+\.\d+ · /);

  await app.getByRole('button', { name: 'Add the sample article' }).click();

  await expect(importStatus(app)).toContainText(`Added to your library: ${REFERENCE_TITLE}`);
  await expect(libraryItems(app)).toHaveCount(1);
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
  // The button that was clicked is gone; keyboard focus lands on the article, not the page.
  await expect(app.getByTestId('reader-title')).toBeFocused();
  await expect(paragraphs(app)).toHaveCount(15);
  await expect(app.getByRole('heading', { name: 'Your library is empty' })).toHaveCount(0);
});
