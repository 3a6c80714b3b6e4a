import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { EXPECTED, REFERENCE_TITLE, fileInput, importReference, libraryItems } from './helpers.ts';

/** Three short notes beside the reference article, so searches and filters have a choice. */
const NOTES = ['Harbour tides', 'Glacier retreat', 'Coral reefs'].map((topic, i) => ({
  name: `note-${i}.md`,
  mimeType: 'text/markdown',
  buffer: Buffer.from(
    `# ${topic} in the field\n\nBy Ann Tide\n\nPublished: 3 May 201${i}\n\n` +
      `A paragraph about ${topic.toLowerCase()}, long enough to be prose worth keeping.\n\n` +
      `The council debated ${topic.toLowerCase()} for hours and decided nothing.\n`,
    'utf8',
  ),
}));

async function importLibrary(app: Page) {
  await importReference(app);
  await fileInput(app).setInputFiles(NOTES);
  await expect(libraryItems(app)).toHaveCount(4);
}

const search = (app: Page) => app.getByTestId('search-input');
const count = (app: Page) => app.getByTestId('library-count');
const row = (app: Page, title: string) => libraryItems(app).filter({ hasText: title });

test('searches as you type, ranks, marks the words and opens a hit at its paragraph', async ({
  app,
}) => {
  await importLibrary(app);
  await expect(count(app)).toHaveText('4');

  await search(app).fill('"central government"');
  await expect(count(app)).toHaveText('1 of 4');
  await expect(libraryItems(app)).toHaveCount(1);
  const hit = app.getByTestId('hit-snippet');
  await expect(hit).toHaveAttribute('data-paragraph', '5');
  await expect(hit.locator('mark')).toHaveText(['central', 'government']);

  await hit.click();
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
  // The paragraph is marked and its number is the citation's locator.
  await expect(app.locator('[data-testid="paragraph"][data-cited]')).toHaveAttribute('data-n', '5');
  await expect(app.getByTestId('reader')).toContainText('central government controls only');
  await expect(app.getByText(EXPECTED.apaInText)).toBeVisible();

  // Typing on: a prefix, diacritics folded, a negation, then a field.
  await search(app).fill('counc');
  await expect(count(app)).toHaveText('0 of 4');
  await search(app).fill('counc*');
  await expect(count(app)).toHaveText('3 of 4');
  await search(app).fill('counc* -glacier');
  await expect(count(app)).toHaveText('2 of 4');
  await search(app).fill('author:"south front"');
  await expect(count(app)).toHaveText('1 of 4');
  await search(app).fill('CORAL RÉEFS');
  await expect(libraryItems(app)).toHaveCount(1);
  await expect(libraryItems(app).first()).toContainText('Coral reefs in the field');

  // Bad input gets a hint, not an error.
  await search(app).fill('"council debated');
  await expect(app.getByTestId('search-hint')).toContainText('A quote was not closed');
  await expect(count(app)).toHaveText('3 of 4');
  await search(app).fill('colour:red');
  await expect(app.getByTestId('search-hint')).toContainText('There is no field “colour:”');

  // Escape clears the search: the whole library again, newest first.
  await search(app).press('Escape');
  await expect(count(app)).toHaveText('4');

  // A tag typed in the reader is searchable at once; the index checks out consistent.
  const tags = app.getByTestId('tag-editor');
  await tags.getByLabel('Add tags').fill('Afghanistan war, sources');
  await tags.getByLabel('Add tags').press('Enter');
  await expect(tags.getByRole('list', { name: 'Tags' })).toHaveText(/Afghanistan war.*sources/);
  await search(app).fill('tag:"afghanistan war"');
  await expect(count(app)).toHaveText('1 of 4');
  await tags.getByRole('button', { name: 'Remove tag sources' }).click();
  await expect(tags.getByRole('listitem')).toHaveCount(1);
  await app.getByRole('button', { name: 'Check the search index' }).click();
  await expect(app.getByTestId('index-check')).toContainText(
    'The search index matches the library.',
  );
});

test('tags and collections filter the list; bulk delete has an undo', async ({ app }) => {
  await importLibrary(app);

  await app.getByRole('button', { name: 'Select', exact: true }).click();
  await row(app, 'Harbour tides').getByRole('checkbox').check();
  await row(app, 'Coral reefs').getByRole('checkbox').check();
  const bulk = app.getByTestId('bulk-bar');
  await expect(bulk).toContainText('2 articles selected');
  await bulk.getByRole('button', { name: 'Tag…' }).click();
  await bulk.getByLabel('Tags (separate with commas)').fill('Oceans, fieldwork');
  await bulk.getByRole('button', { name: 'Add tags' }).click();
  await expect(app.getByText('Tagged 2 articles.')).toBeVisible();
  await expect(row(app, 'Harbour tides')).toContainText('Oceans');

  await app.getByTestId('filters-toggle').click();
  await app.getByTestId('filter-tag').selectOption('Oceans');
  await expect(count(app)).toHaveText('2 of 4');
  await expect(libraryItems(app)).toHaveText([/Coral reefs/, /Harbour tides/]);
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count(app)).toHaveText('4');

  // A collection, an article moved into it, the collection shown.
  await bulk.getByRole('button', { name: 'Clear' }).click();
  await app.getByRole('button', { name: 'New collection' }).click();
  await app.getByLabel('New collection').fill('Thesis');
  await app.getByRole('button', { name: 'Create' }).click();
  await expect(app.getByTestId('library-empty')).toContainText('This collection is empty');
  await app.getByRole('button', { name: 'All articles' }).click();
  await row(app, 'Glacier retreat').getByRole('checkbox').check();
  await bulk.getByRole('button', { name: 'Move…' }).click();
  await bulk.getByLabel('Move to collection').selectOption({ label: 'Thesis' });
  await bulk.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(app.getByText('Moved 1 article.')).toBeVisible();
  await app.getByTestId('collection').filter({ hasText: 'Thesis' }).click();
  await expect(libraryItems(app)).toHaveCount(1);
  await expect(libraryItems(app).first()).toContainText('Glacier retreat');
  await expect(app.getByTestId('collection').filter({ hasText: 'Thesis' })).toContainText('1');

  // Delete two with one click, then Undo brings both back.
  await app.getByRole('button', { name: 'All articles' }).click();
  await expect(libraryItems(app)).toHaveCount(4);
  await bulk.getByRole('button', { name: 'Clear' }).click();
  await expect(bulk).toContainText('0 articles selected');
  await row(app, 'Harbour tides').getByRole('checkbox').check();
  await row(app, 'Coral reefs').getByRole('checkbox').check();
  await bulk.getByRole('button', { name: 'Delete' }).click();
  await expect(libraryItems(app)).toHaveCount(2);
  const toast = app.getByTestId('undo-toast');
  await expect(toast).toContainText('Deleted 2 articles.');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(libraryItems(app)).toHaveCount(4);
  await search(app).fill('tag:oceans');
  await expect(count(app)).toHaveText('2 of 4');
});

test('sorts by title and by date published, both ways', async ({ app }) => {
  await importLibrary(app);
  await app.getByTestId('sort-select').selectOption('title');
  await expect(libraryItems(app).first()).toContainText('Coral reefs');
  await expect(libraryItems(app).last()).toContainText('Video: Taliban');
  await app.getByRole('button', { name: /Reverse it/ }).click();
  await expect(libraryItems(app).first()).toContainText('Video: Taliban');
  await app.getByTestId('sort-select').selectOption('published');
  // Newest first: the reference article (2018) before the notes of 2010–2012.
  await expect(libraryItems(app)).toHaveText([
    /Video: Taliban/,
    /Coral reefs/,
    /Glacier retreat/,
    /Harbour tides/,
  ]);
});
