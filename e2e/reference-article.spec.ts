import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import {
  EXPECTED,
  REFERENCE_TEXT,
  REFERENCE_TITLE,
  importReference,
  importStatus,
  libraryEntry,
  libraryItems,
  openFromLibrary,
  paragraphs,
} from './helpers.ts';

const SCREENSHOT = fileURLToPath(new URL('../docs/screenshots/reader.png', import.meta.url));

test('the reference article: import, read, verbatim notices, citations', async ({
  app,
  clipboard,
}) => {
  await importReference(app);

  // It is in the library list, with its author, site and date; open it from there.
  await expect(libraryItems(app)).toHaveCount(1);
  const entry = libraryEntry(app, REFERENCE_TITLE);
  await expect(entry).toContainText('South Front');
  await expect(entry).toContainText('Global Research');
  await expect(entry).toContainText('15 Aug 2018');
  await openFromLibrary(app, REFERENCE_TITLE);

  // Header: organisation author, date, site, original source.
  await expect(app.getByTestId('reader-authors')).toHaveText(/South Front\s*organisation/);
  await expect(app.getByTestId('reader-date')).toHaveText('15 August 2018');
  await expect(app.getByTestId('reader-site')).toContainText('Global Research');
  await expect(app.getByTestId('reader-original-source')).toHaveText(
    'Originally published by South Front',
  );

  // Body: the 15 paragraphs of the article, numbered; paragraph 5 carries the SIGAR figure.
  await expect(paragraphs(app)).toHaveCount(15);
  const fifth = paragraphs(app).nth(4);
  await expect(fifth).toHaveAttribute('data-n', '5');
  await expect(fifth.getByRole('button', { name: 'Cite paragraph 5' })).toHaveText('5');
  await expect(fifth).toContainText(
    'the central government controls only about 56-57% of Afghanistan',
  );
  await expect(paragraphs(app).first()).toContainText('ISIS has increased its efforts');
  await expect(paragraphs(app).last()).toContainText('Russia, China and as well as');

  // Rights notices: shown as a reader sees them (link labels, no Markdown), each with its exact
  // source text, which is a slice of the original file at the range it names.
  const rights = app.getByRole('region', { name: 'Rights and notices' });
  await expect(rights.getByTestId('rights-verification')).toHaveText(
    /Verified intact against the original file/,
  );
  const notices = rights.getByTestId('rights-notice');
  const sources = await rights.getByTestId('rights-notice-source').evaluateAll((elements) =>
    elements.map((e) => ({
      text: e.textContent ?? '',
      start: Number(e.getAttribute('data-start')),
      end: Number(e.getAttribute('data-end')),
    })),
  );
  expect(sources.length).toBeGreaterThanOrEqual(4);
  await expect(notices).toHaveCount(sources.length);
  for (const { text, start, end } of sources) {
    expect(text.length).toBeGreaterThan(0);
    expect(REFERENCE_TEXT.slice(start, end), `notice not verbatim: ${JSON.stringify(text)}`).toBe(
      text,
    );
  }
  const byKind = async (kind: string, testId = 'rights-notice') =>
    (
      await rights
        .locator(`li.notice[data-kind="${kind}"] [data-testid="${testId}"]`)
        .allTextContents()
    ).join('\n');
  expect(await byKind('republication')).toBe('The original source of this article is South Front');
  expect(await byKind('republication', 'rights-notice-source')).toBe(
    'The original source of this article is [South Front](#)',
  );
  expect(await byKind('copyright')).toBe('Copyright © South Front, South Front, 2018');
  expect(await byKind('copyright', 'rights-notice-source')).toBe(
    'Copyright © [South Front](#), [South Front](#), 2018',
  );
  expect(await byKind('disclaimer')).toContain(
    'Disclaimer: The contents of this article are of sole responsibility of the author(s).',
  );
  expect(await byKind('fair-use')).toContain(
    'If you wish to use copyrighted material for purposes other than "fair use" you must request permission from the copyright owner.',
  );
  // Shown as written: pre-wrap, never reflowed.
  await expect(notices.first()).toHaveCSS('white-space', 'pre-wrap');

  // Citations, one style at a time: displayed with italics, copied as plain text (+ HTML).
  const panel = app.getByTestId('citation-panel');
  const style = panel.getByLabel('Style', { exact: true });
  await expect(style).toHaveValue('apa');
  const apa = panel.getByTestId('citation-apa-text');
  await expect(apa).toHaveText(EXPECTED.apa);
  await expect(apa.locator('i')).toHaveText(
    'Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed',
  );
  await panel.getByRole('button', { name: 'Copy APA 7 reference', exact: true }).click();
  await expect.poll(() => clipboard.readText()).toBe(EXPECTED.apa);
  expect(await clipboard.readHtml()).toMatch(/<i>Video: Taliban pushes back/);

  await style.selectOption({ label: 'MLA 9' });
  const mla = panel.getByTestId('citation-mla-text');
  await expect(mla).toHaveText(EXPECTED.mla);
  await expect(mla.locator('i')).toHaveText('Global Research');
  await panel.getByRole('button', { name: 'Copy MLA 9 reference', exact: true }).click();
  await expect.poll(() => clipboard.readText()).toBe(EXPECTED.mla);
  expect(await clipboard.readHtml()).toMatch(/<i>Global Research<\/i>/);
  await panel.getByRole('button', { name: 'Copy MLA 9 reference as Markdown' }).click();
  await expect.poll(() => clipboard.readText()).toContain('*Global Research*, 15 Aug. 2018.');

  await style.selectOption({ label: 'Chicago 18 (notes, full)' });
  await expect(panel.getByTestId('citation-chicago-notes-text')).toHaveText(
    'South Front. “Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed.” Global Research, August 15, 2018.',
  );
  await panel
    .getByRole('button', { name: 'Copy Chicago 18 (notes, full) reference', exact: true })
    .click();
  await expect.poll(() => clipboard.readText()).toMatch(/^South Front\. “Video: Taliban Pushes/);

  await style.selectOption({ label: 'BibTeX' });
  const bibtex = panel.getByTestId('citation-bibtex-text');
  await expect(bibtex).toContainText('author = {{South Front}}');
  await expect(panel.getByTestId('citekey')).toHaveText('southfront2018video');
  await expect(panel.getByText('Follows the details until it is copied or exported')).toBeVisible();
  await panel.getByRole('button', { name: 'Copy BibTeX entry' }).click();
  await expect.poll(() => clipboard.readText()).toMatch(/^@misc\{southfront2018video,/);
  expect(await clipboard.readText()).toContain('author = {{South Front}}');
  // Copied, the key is cited somewhere now: it stays as it is.
  await expect(
    panel.getByText('Kept as it is: it has been exported or set by hand.'),
  ).toBeVisible();
  await style.selectOption({ label: 'APA 7' });

  // In-text citation for paragraph 5: typed, or picked by clicking the paragraph number.
  await expect(panel.getByTestId('in-text-text')).toHaveText('(South Front, 2018)');
  await fifth.getByRole('button', { name: 'Cite paragraph 5' }).click();
  const locator = panel.getByLabel('Locator');
  await expect(locator).toHaveValue('5');
  await expect(panel.getByTestId('in-text-text')).toHaveText(EXPECTED.apaInText);
  await style.selectOption({ label: 'MLA 9' });
  await expect(panel.getByTestId('in-text-text')).toHaveText(EXPECTED.mlaInText);
  await panel.getByRole('button', { name: 'Copy MLA 9 in-text citation' }).click();
  await expect.poll(() => clipboard.readText()).toBe(EXPECTED.mlaInText);
  await style.selectOption({ label: 'APA 7' });
  await locator.fill('3');
  await expect(panel.getByTestId('in-text-text')).toHaveText('(South Front, 2018, para. 3)');
  // A paragraph the article does not have is an error next to the field, not a citation.
  await locator.fill('99');
  await expect(panel.getByTestId('locator-error')).toHaveText(
    'Paragraph 99 does not exist: this article has paragraphs 1 to 15',
  );
  await expect(locator).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByTestId('in-text-text')).toHaveCount(0);
  await locator.fill('abc');
  await expect(panel.getByTestId('locator-error')).toContainText('"abc" is not a locator');
  await locator.fill('4-5');
  await expect(panel.getByTestId('in-text-text')).toHaveText('(South Front, 2018, paras. 4–5)');

  // The CSL licence's attribution is there.
  await expect(
    panel.getByRole('link', { name: 'Citation Style Language project' }),
  ).toHaveAttribute('href', 'https://citationstyles.org/');

  // The screenshot: paragraph 5 cited, everything scrolled to the top, nothing hovered.
  await fifth.getByRole('button', { name: 'Cite paragraph 5' }).click();
  await app.getByTestId('reader').evaluate((e) => e.scrollTo(0, 0));
  await panel.evaluate((e) => e.scrollTo(0, 0));
  // Good news fades by itself (errors stay until dismissed).
  await expect(importStatus(app)).toBeEmpty({ timeout: 10_000 });
  await app.mouse.move(0, 0);
  await expect(panel.getByText('Copied', { exact: true })).toHaveCount(0);
  await app.screenshot({ path: SCREENSHOT });
});
