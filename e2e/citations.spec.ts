import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { importReference } from './helpers.ts';

const STYLE_PATH = fileURLToPath(new URL('./fixtures/quire-short.csl', import.meta.url));
const BROKEN_PATH = fileURLToPath(new URL('./fixtures/not-a-style.csl', import.meta.url));

test('a custom CSL style is imported, listed, used and kept; a broken one is refused', async ({
  app,
}) => {
  await importReference(app);
  const panel = app.getByTestId('citation-panel');
  const style = panel.getByLabel('Style', { exact: true });

  // The eight shipped styles and four data formats, once the engine has loaded.
  const before = 12;
  await expect(style.locator('option')).toHaveCount(before);
  await expect(panel.getByTestId('citation-apa-text')).toHaveText(/^South Front\. \(2018/u);

  // A file that is not a style: a clear message, the list unchanged.
  await panel.getByTestId('style-file-input').setInputFiles(BROKEN_PATH);
  await expect(panel.getByTestId('style-import-message')).toHaveText(
    /^not-a-style\.csl: This file is not well-formed XML/u,
  );
  await expect(style.locator('option')).toHaveCount(before);

  await panel.getByTestId('style-file-input').setInputFiles(STYLE_PATH);
  await expect(panel.getByTestId('style-import-message')).toHaveText(
    'Added the style “Quire Test Short Style”.',
  );
  await expect(style.locator('option')).toHaveCount(before + 1);
  await expect(style.locator('option:checked')).toHaveText('Quire Test Short Style (custom)');
  const reference = panel.locator('[data-testid^="citation-custom-"][data-testid$="-text"]');
  await expect(reference).toHaveText(
    'South Front — Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed — Global Research — 2018.',
  );
  await panel.getByLabel('Locator').fill('5');
  await expect(panel.getByTestId('in-text-text')).toHaveText('<South Front 2018, para. 5>');

  // Made the default, it survives a reload and opens first.
  await panel.getByRole('button', { name: 'Use as default' }).click();
  await expect(panel.getByText('Default style')).toBeVisible();
  await app.reload();
  await app.getByTestId('library-item').first().getByRole('button').first().click();
  await expect(style.locator('option:checked')).toHaveText('Quire Test Short Style (custom)');
  await expect(reference).toContainText('South Front — Video');

  // Removed, it leaves the list and the panel falls back to APA.
  await panel.getByRole('button', { name: 'Remove this style' }).click();
  await expect(style.locator('option')).toHaveCount(before);
  await expect(style).toHaveValue('apa');
  await expect(panel.getByTestId('citation-apa-text')).toHaveText(/^South Front\. \(2018/u);
  await expect(panel.getByText('Default style')).toBeVisible();
});

test('a title cased by hand is kept for its style only', async ({ app }) => {
  await importReference(app);
  const panel = app.getByTestId('citation-panel');
  await panel.getByRole('button', { name: 'Edit title casing' }).click();
  const field = panel.getByLabel('Title in APA 7');
  await expect(field).toHaveValue(
    'Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed',
  );
  await field.fill('Video: The Taliban push back against ISIS');
  await panel.getByRole('button', { name: 'Save title' }).click();
  await expect(panel.getByTestId('citation-apa-text')).toHaveText(
    'South Front. (2018, August 15). Video: The Taliban push back against ISIS. Global Research.',
  );
  await expect(panel.getByText('Title cased by hand.')).toBeVisible();
  await panel.getByLabel('Style', { exact: true }).selectOption({ label: 'MLA 9' });
  await expect(panel.getByTestId('citation-mla-text')).toContainText('Taliban Pushes Back against');
  await panel.getByLabel('Style', { exact: true }).selectOption({ label: 'APA 7' });
  await panel.getByRole('button', { name: 'Use automatic casing' }).click();
  await expect(panel.getByTestId('citation-apa-text')).toContainText('Taliban pushes back against');
});

test('the library is exported to BibTeX and RIS through the export dialog', async ({ app }) => {
  await importReference(app);
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export citations' });
  await dialog.getByRole('radio', { name: /Whole library \(1\)/u }).check();
  const format = dialog.getByLabel('Format');
  const preview = dialog.getByTestId('export-preview');

  await format.selectOption({ label: 'BibTeX (.bib)' });
  await expect(preview).toContainText('@misc{southfront2018video,');
  const [bib] = await Promise.all([
    app.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save file…' }).click(),
  ]);
  expect(bib.suggestedFilename()).toBe('quire-library.bib');
  const bibText = readFileSync((await bib.path())!, 'utf8');
  expect(bibText).toMatch(/^@misc\{southfront2018video,\n/u);
  expect(bibText).toContain('author = {{South Front}}');
  expect(bibText).toContain('month = aug');

  await format.selectOption({ label: 'RIS (.ris)' });
  await expect(preview).toContainText('TY  - ');
  const [ris] = await Promise.all([
    app.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save file…' }).click(),
  ]);
  expect(ris.suggestedFilename()).toBe('quire-library.ris');
  const risText = readFileSync((await ris.path())!, 'utf8');
  expect(risText).toMatch(/^TY {2}- ELEC\r?$/mu);
  expect(risText).toMatch(/^AU {2}- South Front\r?$/mu);
  expect(risText).toMatch(/^ER {2}- ?\r?$/mu);

  // A chosen selection: nothing chosen, nothing to save.
  await dialog.getByRole('radio', { name: /Articles I choose/u }).check();
  await dialog.getByRole('button', { name: 'Choose none' }).click();
  await expect(dialog.getByRole('button', { name: 'Save file…' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: /Video: Taliban Pushes Back/u }).check();
  await expect(preview).toContainText('ER  - ');
  await dialog.getByRole('radio', { name: /Whole library/u }).check();

  // A reference list in a style, with its own preview.
  await format.selectOption({ label: 'Reference list, plain text (.txt)' });
  await dialog.getByLabel('Style').selectOption({ label: 'Chicago 18 (author-date)' });
  await expect(preview).toHaveText(
    /^South Front\. 2018\. “Video: Taliban Pushes Back Against ISIS Expansion/u,
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  // The exported key is fixed now: the citation panel says so.
  const panel = app.getByTestId('citation-panel');
  await panel.getByLabel('Style', { exact: true }).selectOption({ label: 'BibTeX' });
  await expect(
    panel.getByText('Kept as it is: it has been exported or set by hand.'),
  ).toBeVisible();

  // The key can still be set by hand; one BibTeX cannot read is refused next to the field.
  await panel.getByRole('button', { name: 'Edit key' }).click();
  const key = panel.getByLabel('Citation key');
  await key.fill('south front');
  await panel.getByRole('button', { name: 'Save key' }).click();
  await expect(panel.getByText(/no spaces, commas or braces/u)).toBeVisible();
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await key.fill('southfront:isis');
  await panel.getByRole('button', { name: 'Save key' }).click();
  await expect(panel.getByTestId('citekey')).toHaveText('southfront:isis');
  await expect(panel.getByTestId('citation-bibtex-text')).toContainText('@misc{southfront:isis,');
});
