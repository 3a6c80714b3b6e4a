import { expect, test } from './fixtures.ts';
import { libraryEntry, libraryItems, paragraphs } from './helpers.ts';

/** Two plain paragraphs: no heading, byline or dateline to find. */
const NOTES = [
  'These notes were copied from a shared document during the meeting.',
  'They have no heading, no author and no date of their own.',
  '',
  'The second part records what was decided and who will follow it up.',
  '',
].join('\n');

test('an article without title, author or date is saved with the gaps flagged, then edited', async ({
  app,
}) => {
  await app.getByTestId('import-file-input').setInputFiles({
    name: 'meeting-notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(NOTES, 'utf8'),
  });

  await expect(libraryItems(app)).toHaveCount(1);
  await expect(app.getByTestId('reader-title')).toHaveText('Untitled article');
  await expect(paragraphs(app)).toHaveCount(2);
  const gaps = app.getByTestId('gaps');
  await expect(gaps).toContainText('No title found — add it in Edit details');
  await expect(gaps).toContainText('No author found — add it in Edit details');
  await expect(gaps).toContainText('No date found — add it in Edit details');
  await expect(libraryItems(app).first()).toContainText('Missing title, author, date');
  await expect(app.getByTestId('citation-incomplete')).toBeVisible();

  await app.getByRole('button', { name: 'Edit details' }).click();
  const form = app.getByRole('form', { name: 'Edit details' });

  // Validation: a malformed date and an empty author row are explained, nothing is saved.
  await form.getByLabel('Title').fill('Notes on the March meeting');
  await form.getByRole('button', { name: 'Add organisation' }).click();
  await form.getByLabel('Date published').fill('4 March 2021');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('2 fields need attention.');
  await expect(form.getByText('Write the date as YYYY-MM-DD, YYYY-MM or YYYY')).toBeVisible();
  await expect(
    form.getByText('Enter the organisation’s name, or remove this author.'),
  ).toBeVisible();
  await form.getByLabel('Date published').fill('2021-02-30');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('That month has no day 30.')).toBeVisible();

  // Person <-> organisation toggle, then valid values.
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(form.getByTestId('author-row')).toHaveCount(2);
  await form.getByRole('button', { name: 'Remove author 2' }).click();
  await expect(form.getByTestId('author-row')).toHaveCount(1);
  await form.getByRole('radio', { name: 'Person' }).check();
  await expect(form.getByLabel('Family name')).toBeVisible();
  await form.getByRole('radio', { name: 'Organisation' }).check();
  await form.getByLabel('Organisation name').fill('Open Research Collective');
  await form.getByLabel('Date published').fill('2021-03-04');
  await form.getByRole('button', { name: 'Save' }).click();

  // The reader and the citation panel show the edit at once.
  await expect(form).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Edit details' })).toBeFocused();
  await expect(app.getByTestId('reader-title')).toHaveText('Notes on the March meeting');
  await expect(app.getByTestId('reader-authors')).toHaveText(
    /Open Research Collective\s*organisation/,
  );
  await expect(app.getByTestId('reader-date')).toHaveText('4 March 2021');
  const apa = app.getByTestId('citation-apa-text');
  await expect(apa).toHaveText(
    /^Open Research Collective\. \(2021, March 4\)\. Notes on the March meeting\./,
  );
  await expect(apa.locator('i')).toHaveText('Notes on the March meeting');
  await expect(gaps).not.toContainText('No title found');
  await expect(gaps).not.toContainText('No date found');
  await expect(gaps).toContainText('No site name found — add it in Edit details');

  // Cancel leaves everything as it was.
  await app.getByRole('button', { name: 'Edit details' }).click();
  await form.getByLabel('Title').fill('Something else entirely');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByTestId('reader-title')).toHaveText('Notes on the March meeting');

  // The edit is in IndexedDB: it survives a reload.
  await app.reload();
  await libraryEntry(app, 'Notes on the March meeting').click();
  await expect(app.getByTestId('reader-title')).toHaveText('Notes on the March meeting');
  await expect(app.getByTestId('citation-apa-text')).toHaveText(
    /^Open Research Collective\. \(2021, March 4\)\. Notes on the March meeting\./,
  );
});
