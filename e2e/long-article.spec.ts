import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { fileInput, paragraphs } from './helpers.ts';

const TITLE = 'A Long Record of the River Towns';
const PARAGRAPHS = 6000;

/**
 * About 2.5 MB of plain text: a title line, a byline, numbered prose paragraphs separated by
 * blank lines (each ends with its own marker, so paragraph n can be recognised) and a copyright
 * line at the end. Deterministic: the same article on every run.
 */
function longArticle(): string {
  const words = (
    'the river town council archive kept letters about floods harvests markets bridges ' +
    'weddings railways schools and the slow return of herons to the marsh after the war'
  ).split(' ');
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % words.length;
  const sentence = () => {
    const text = Array.from({ length: 12 + next() }, () => words[next()]).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const parts = [TITLE, '', 'By Ada Example', ''];
  for (let n = 1; n <= PARAGRAPHS; n++) {
    parts.push(`${sentence()} ${sentence()} ${sentence()} (Marker ${n}.)`, '');
  }
  parts.push('Copyright © 2024 Ada Example. All rights reserved.', '');
  return parts.join('\n');
}

const paragraph = (app: Page, n: number) => app.locator(`[data-testid="paragraph"][data-n="${n}"]`);

test('a long article opens virtualized: first and last paragraphs, notices, keyboard', async ({
  app,
}) => {
  test.setTimeout(90_000);
  const text = longArticle();
  expect(text.length).toBeGreaterThan(2_000_000);
  await fileInput(app).setInputFiles({
    name: 'long-record.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text, 'utf8'),
  });
  await expect(app.getByTestId('reader-title')).toHaveText(TITLE, { timeout: 60_000 });

  // The beginning shows at once, numbered as the article has it.
  await expect(paragraph(app, 1)).toBeVisible();
  await expect(paragraph(app, 1)).toContainText('(Marker 1.)');
  await expect(paragraph(app, 2)).toContainText('(Marker 2.)');
  await expect(paragraph(app, 1).getByRole('button', { name: 'Cite paragraph 1' })).toHaveText('1');

  // Only the paragraphs near the viewport are in the DOM.
  const rendered = await paragraphs(app).count();
  expect(rendered).toBeGreaterThan(2);
  expect(rendered).toBeLessThan(200);

  // Scrolling to the end reaches the last paragraph and the rights notices after it. Heights
  // are estimated until measured, so the end may move while it is approached: keep going.
  const reader = app.getByTestId('reader');
  await expect
    .poll(
      async () => {
        await reader.evaluate((e) => e.scrollTo(0, e.scrollHeight));
        return paragraph(app, PARAGRAPHS).isVisible();
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await expect(paragraph(app, PARAGRAPHS)).toContainText(`(Marker ${PARAGRAPHS}.)`);
  await expect(paragraph(app, PARAGRAPHS + 1)).toHaveCount(0);
  expect(await paragraphs(app).count()).toBeLessThan(200);
  const rights = app.getByRole('region', { name: 'Rights and notices' });
  await expect(rights.getByTestId('rights-notice')).toHaveText([
    'Copyright © 2024 Ada Example. All rights reserved.',
  ]);
  await expect(rights.getByTestId('rights-verification')).toHaveText(
    /Verified intact against the original file/,
  );

  // A paragraph far down is cited like any other.
  const panel = app.getByTestId('citation-panel');
  await paragraph(app, PARAGRAPHS)
    .getByRole('button', { name: `Cite paragraph ${PARAGRAPHS}` })
    .click();
  await expect(panel.getByLabel('Locator')).toHaveValue(String(PARAGRAPHS));
  await expect(paragraph(app, PARAGRAPHS)).toHaveAttribute('data-cited', 'true');

  // Keyboard: from the last paragraph's number, Tab goes on through the notices into the
  // citation panel.
  await paragraph(app, PARAGRAPHS).getByRole('button').focus();
  const inPanel = () => panel.evaluate((element) => element.contains(document.activeElement));
  for (let i = 0; i < 30 && !(await inPanel()); i++) await app.keyboard.press('Tab');
  expect(await inPanel()).toBe(true);

  // Back at the top, the first paragraphs are there again.
  await reader.evaluate((e) => e.scrollTo(0, 0));
  await expect(paragraph(app, 1)).toBeVisible();
  await expect(app.getByTestId('reader-title')).toBeInViewport();
});
