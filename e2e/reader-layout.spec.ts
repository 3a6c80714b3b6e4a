import { fileURLToPath } from 'node:url';
import type { ElectronApplication, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { REFERENCE_TITLE, importReference, libraryEntry, paragraphs } from './helpers.ts';

/** The reader from 600 px to a wide window, its themes, what a reload keeps, the keyboard. */

const shot = (name: string) =>
  fileURLToPath(new URL(`../docs/screenshots/${name}.png`, import.meta.url));

const HEIGHT = 800;

/** Sizes the window's content area (below the Electron window's own minimum, too). */
async function resize(app: Page, electronApp: ElectronApplication | null, width: number) {
  if (electronApp) {
    await electronApp.evaluate(
      ({ BrowserWindow }, size) => {
        const win = BrowserWindow.getAllWindows()[0]!;
        win.setMinimumSize(400, 300);
        win.setContentSize(size.width, size.height);
      },
      { width, height: HEIGHT },
    );
    await expect.poll(() => app.evaluate(() => window.innerWidth)).toBe(width);
  } else {
    await app.setViewportSize({ width, height: HEIGHT });
  }
}

/** Nothing of the top bar, the reader's title or its column is cut off or scrolls sideways. */
async function expectNothingClipped(app: Page) {
  // To the top (after a resize the reader first puts its paragraph back: let it settle).
  await expect
    .poll(() =>
      app.getByTestId('reader').evaluate(async (e) => {
        e.scrollTo(0, 0);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return e.scrollTop;
      }),
    )
    .toBe(0);
  const report = await app.evaluate(() => {
    const width = window.innerWidth;
    const box = (e: Element) => e.getBoundingClientRect();
    const overflow = (selector: string) => {
      const e = document.querySelector(selector);
      return e ? e.scrollWidth - e.clientWidth : null;
    };
    const title = document.querySelector('[data-testid="reader-title"]')!;
    const visibleButtons = [...document.querySelectorAll('.top-bar button')].filter(
      (b) => (b as HTMLElement).offsetParent !== null,
    );
    return {
      width,
      page: document.documentElement.scrollWidth - width,
      topBar: overflow('.top-bar'),
      reader: overflow('[data-testid="reader"]'),
      title: {
        left: box(title).left,
        right: box(title).right,
        overflow: title.scrollWidth - title.clientWidth,
      },
      buttonsOutside: visibleButtons
        .filter((b) => box(b).left < 0 || box(b).right > width + 0.5)
        .map((b) => b.textContent),
    };
  });
  expect(report.page, 'page scrolls sideways').toBeLessThanOrEqual(0);
  expect(report.topBar, 'top bar overflows').toBeLessThanOrEqual(0);
  expect(report.reader, 'reader column overflows').toBeLessThanOrEqual(0);
  expect(report.title.left).toBeGreaterThanOrEqual(0);
  expect(report.title.right).toBeLessThanOrEqual(report.width);
  expect(report.title.overflow).toBeLessThanOrEqual(0);
  expect(report.buttonsOutside).toEqual([]);
  await expect(app.getByTestId('reader-title')).toBeInViewport();
}

/** A screenshot for the docs: no focus ring or hover left over from the steps before. */
async function screenshot(app: Page, name: string) {
  await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await app.mouse.move(0, 0);
  await app.screenshot({ path: shot(name) });
}

const textColumnWidth = (app: Page) =>
  app.getByTestId('reader-body').evaluate((e) => e.getBoundingClientRect().width);

/** Relative luminance (0 black – 1 white) of a computed CSS colour. */
const luminance = (app: Page, selector: string, property: 'backgroundColor' | 'color') =>
  app.evaluate(
    ({ selector, property }) => {
      // A transparent background shows its nearest painted ancestor's.
      let element: Element | null = document.querySelector(selector)!;
      let value = getComputedStyle(element)[property];
      while (
        property === 'backgroundColor' &&
        element &&
        /rgba\(.*, 0\)$|transparent/.test(value)
      ) {
        element = element.parentElement;
        value = element ? getComputedStyle(element)[property] : 'rgb(255, 255, 255)';
      }
      const probe = document.createElement('div');
      probe.style.color = value;
      document.body.append(probe);
      // Normalise any colour syntax to rgb() through the canvas.
      const canvas = document.createElement('canvas').getContext('2d')!;
      canvas.fillStyle = getComputedStyle(probe).color;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b] = [...canvas.getImageData(0, 0, 1, 1).data].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      probe.remove();
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    },
    { selector, property },
  );

const aside = (app: Page) => app.getByRole('complementary', { name: 'Citation and notes' });
const asideToggle = (app: Page) => app.getByRole('button', { name: 'Cite & notes' });
const settingsButton = (app: Page) => app.getByRole('button', { name: 'Reader settings' });

test('the reader fits 600, 720, 800 and 1280 px windows: drawers, nothing clipped', async ({
  app,
  electronApp,
}) => {
  await importReference(app);

  // Wide: library | reader | aside, all at once; no drawer buttons.
  await resize(app, electronApp, 1280);
  await expect(aside(app)).toBeVisible();
  await expect(app.getByTestId('citation-panel')).toBeVisible();
  await expect(asideToggle(app)).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Library', exact: true })).toHaveCount(0);
  await expectNothingClipped(app);
  expect(await textColumnWidth(app)).toBeGreaterThan(450);
  await screenshot(app, 'reader-1280');

  // Medium (800 is below it, 1000 is in it): the aside becomes a drawer.
  await resize(app, electronApp, 1000);
  await expect(aside(app)).toBeHidden();
  await expect(asideToggle(app)).toBeVisible();
  await expectNothingClipped(app);

  // 800: the library is a drawer too; the text column is wide.
  await resize(app, electronApp, 800);
  await expect(app.getByRole('navigation', { name: /^Library/ })).toBeHidden();
  await expectNothingClipped(app);
  expect(await textColumnWidth(app)).toBeGreaterThanOrEqual(300);
  // The aside opens as a drawer, with focus in it; Escape closes it and focus comes back.
  await asideToggle(app).click();
  await expect(aside(app)).toBeVisible();
  await expect(aside(app).getByRole('tab', { name: 'Cite' })).toBeFocused();
  await expect(app.getByTestId('citation-apa-text')).toBeVisible();
  await expect(aside(app).getByRole('tab', { name: 'Cite' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await app.keyboard.press('Escape');
  await expect(aside(app)).toBeHidden();
  await expect(asideToggle(app)).toBeFocused();
  await screenshot(app, 'reader-800');
  // Citing a paragraph opens the drawer on its citation.
  await app.getByRole('button', { name: 'Cite paragraph 5', exact: true }).click();
  await expect(aside(app)).toBeVisible();
  await expect(app.getByTestId('in-text-text').first()).toContainText('para. 5');
  await screenshot(app, 'reader-800-aside');
  await aside(app).getByRole('button', { name: 'Close citation and notes' }).click();
  await expect(aside(app)).toBeHidden();

  // 720 (the desktop window's minimum) and 600: nothing clipped, the title whole.
  for (const width of [720, 600]) {
    await resize(app, electronApp, width);
    await expectNothingClipped(app);
    expect(await textColumnWidth(app)).toBeGreaterThanOrEqual(300);
  }

  // At 600 the top bar folds its actions into More; they are all there.
  const more = app.getByRole('button', { name: 'More' });
  await more.click();
  for (const name of ['Export…', 'Paste text…', 'Save from URL…', 'Add folder…']) {
    await expect(app.getByRole('button', { name })).toBeVisible();
    await expect(app.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
  }
  await app.keyboard.press('Escape');
  await expect(app.getByRole('button', { name: 'Paste text…' })).toBeHidden();
  await expect(more).toBeFocused();
  // A choice in the menu still works (the dialog fits the window).
  await more.click();
  await app.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = app.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeInViewport({ ratio: 1 });
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The reader settings popover fits too.
  await settingsButton(app).click();
  await expect(app.getByTestId('reader-settings')).toBeInViewport({ ratio: 1 });
  await app.keyboard.press('Escape');
  await expect(settingsButton(app)).toBeFocused();

  // The Library button opens the library as a drawer; choosing an article closes it.
  const libraryButton = app.getByRole('button', { name: 'Library', exact: true });
  await libraryButton.click();
  const library = app.getByRole('navigation', { name: /^Library/ });
  await expect(library).toBeVisible();
  await expect(library).toBeInViewport({ ratio: 1 });
  await screenshot(app, 'reader-600-library');
  await libraryEntry(app, REFERENCE_TITLE).click();
  await expect(library).toBeHidden();
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
  await screenshot(app, 'reader-600');

  // The open drawer is kept across a reload, and Escape closes it.
  await libraryButton.click();
  await expect(library).toBeVisible();
  await app.reload();
  await expect(library).toBeVisible();
  await app.keyboard.press('Escape');
  await app.getByTestId('search-input').focus();
  await app.keyboard.press('Escape');
  await expect(library).toBeHidden();
});

/**
 * Paragraph numbers turned off: out of sight (clipped to a pixel), yet still a keyboard stop
 * that shows itself when focused, so citing and highlighting from it keep working.
 */
async function expectNumberOutOfSight(app: Page) {
  const number = app.getByRole('button', { name: 'Cite paragraph 1', exact: true });
  expect((await number.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  await number.focus();
  expect((await number.boundingBox())?.width ?? 0).toBeGreaterThan(10);
  await number.blur();
}

test('dark theme and typography settings apply at once and survive a reload', async ({
  app,
  electronApp,
}) => {
  await importReference(app);
  await resize(app, electronApp, 1280);
  await app.emulateMedia({ colorScheme: 'light' });
  expect(await luminance(app, '[data-testid="reader"]', 'backgroundColor')).toBeGreaterThan(0.8);

  const fontSize = () =>
    app.getByTestId('reader-body').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const before = await fontSize();

  await settingsButton(app).click();
  const settings = app.getByTestId('reader-settings');
  await settings.getByRole('radio', { name: 'Dark' }).check();
  await settings.getByLabel('Text size').fill('4');
  await settings.getByRole('radio', { name: 'Wide' }).check();
  await settings.getByRole('checkbox', { name: 'Paragraph numbers' }).uncheck();
  await app.keyboard.press('Escape');

  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  for (const selector of ['[data-testid="reader"]', '.sidebar', '.top-bar', '.cite-panel']) {
    expect(await luminance(app, selector, 'backgroundColor'), selector).toBeLessThan(0.05);
  }
  expect(await luminance(app, '[data-testid="reader-body"]', 'color')).toBeGreaterThan(0.5);
  expect(await fontSize()).toBeGreaterThan(before);
  await expectNumberOutOfSight(app);

  await app.reload();
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await luminance(app, '[data-testid="reader"]', 'backgroundColor')).toBeLessThan(0.05);
  expect(await fontSize()).toBeGreaterThan(before);
  await expectNumberOutOfSight(app);

  // Numbers back for the screenshot; the dark library, reader and citation panel.
  await settingsButton(app).click();
  await settings.getByRole('checkbox', { name: 'Paragraph numbers' }).check();
  await settings.getByLabel('Text size').fill('2');
  await settings.getByRole('radio', { name: 'Medium' }).check();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('button', { name: 'Cite paragraph 1', exact: true })).toBeVisible();
  await screenshot(app, 'reader-dark');

  // "System" follows the system's scheme.
  await settingsButton(app).click();
  await settings.getByRole('radio', { name: 'System' }).check();
  await app.keyboard.press('Escape');
  expect(await luminance(app, '[data-testid="reader"]', 'backgroundColor')).toBeGreaterThan(0.8);
  await app.emulateMedia({ colorScheme: 'dark' });
  expect(await luminance(app, '[data-testid="reader"]', 'backgroundColor')).toBeLessThan(0.05);
  await app.emulateMedia({ colorScheme: 'light' });
});

test('a reload reopens the article at the same paragraph, with the same aside tab', async ({
  app,
  electronApp,
}) => {
  await importReference(app);
  await resize(app, electronApp, 1280);
  const reader = app.getByTestId('reader');
  // Paragraph 9 to the top of the reader.
  await reader.evaluate((scroller) => {
    const p = scroller.querySelector('[data-testid="paragraph"][data-n="9"]')!;
    scroller.scrollTop += p.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  });
  await aside(app)
    .getByRole('tab', { name: /^Notes/ })
    .click();
  await expect(app.locator('#aside-notes')).toBeVisible();
  const topParagraph = () =>
    reader.evaluate((scroller) => {
      const top = scroller.getBoundingClientRect().top;
      const first = [...scroller.querySelectorAll<HTMLElement>('[data-testid="paragraph"]')].find(
        (p) => p.getBoundingClientRect().bottom > top + 1,
      );
      return Number(first?.dataset.n);
    });
  expect(await topParagraph()).toBe(9);
  // Let the scroll be recorded (once per frame).
  await app.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));

  await app.reload();
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
  await expect.poll(topParagraph).toBe(9);
  await expect(app.locator('#aside-notes')).toBeVisible();
  await expect(aside(app).getByRole('tab', { name: /^Notes/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  // Restoring the place does not cite the paragraph.
  await expect(app.locator('[data-testid="paragraph"][data-cited]')).toHaveCount(0);

  // Narrower, the lines rewrap: the same paragraph stays at the top, and after a reload too.
  await resize(app, electronApp, 800);
  await expect.poll(topParagraph).toBe(9);
  await app.reload();
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
  await expect.poll(topParagraph).toBe(9);

  // A kept article that has since gone opens nothing.
  await app.evaluate(() => {
    const raw = localStorage.getItem('quire.reader.session')!;
    localStorage.setItem(
      'quire.reader.session',
      JSON.stringify({ ...JSON.parse(raw), articleId: 'no-such-article' }),
    );
  });
  await app.reload();
  await expect(app.getByText('Choose an article from your library to read it.')).toBeVisible();
  await expect(app.getByTestId('reader-title')).toHaveCount(0);
});

test('skip links, landmarks, and one Tab stop for the paragraph numbers', async ({
  app,
  electronApp,
}) => {
  await importReference(app);
  await resize(app, electronApp, 1280);

  // Landmarks.
  await expect(app.getByRole('banner')).toBeVisible();
  await expect(app.getByRole('main')).toHaveCount(1);
  await expect(app.getByRole('main')).toContainText(REFERENCE_TITLE);
  await expect(app.getByRole('navigation', { name: /^Library/ })).toBeVisible();
  await expect(aside(app)).toBeVisible();

  // After a (re)load, the first Tab reaches the skip links, shown while focused.
  await app.reload();
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
  await app.keyboard.press('Tab');
  const skipArticle = app.getByRole('link', { name: 'Skip to article' });
  await expect(skipArticle).toBeFocused();
  await expect(skipArticle).toBeInViewport();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('reader-title')).toBeFocused();

  await app.getByRole('link', { name: 'Skip to citation' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.locator('#aside-cite')).toBeFocused();

  await app.getByRole('link', { name: 'Skip to notes' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.locator('#aside-notes')).toBeFocused();
  await expect(aside(app).getByRole('tab', { name: /^Notes/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  await app.getByRole('link', { name: 'Skip to library' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('search-input')).toBeFocused();

  // In a narrow window the skip links open the drawers they lead to.
  await resize(app, electronApp, 800);
  await app.getByRole('link', { name: 'Skip to citation' }).focus();
  await app.keyboard.press('Enter');
  await expect(aside(app)).toBeVisible();
  await expect(app.locator('#aside-cite')).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(aside(app)).toBeHidden();
  await app.getByRole('link', { name: 'Skip to library' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('navigation', { name: /^Library/ })).toBeVisible();
  await expect(app.getByTestId('search-input')).toBeFocused();
  await app.getByRole('link', { name: 'Skip to article' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('navigation', { name: /^Library/ })).toBeHidden();
  await expect(app.getByTestId('reader-title')).toBeFocused();
  await resize(app, electronApp, 1280);

  // Paragraph numbers: one Tab stop, arrows move between them.
  const number = (n: number) =>
    app.getByRole('button', { name: `Cite paragraph ${n}`, exact: true });
  await expect(paragraphs(app)).toHaveCount(15);
  await expect(app.locator('.para__number[tabindex="0"]')).toHaveCount(1);
  await number(1).focus();
  await app.keyboard.press('ArrowDown');
  await expect(number(2)).toBeFocused();
  await app.keyboard.press('End');
  await expect(number(15)).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(number(14)).toBeFocused();
  await app.keyboard.press('Home');
  await expect(number(1)).toBeFocused();
  await expect(number(1)).toHaveAttribute('tabindex', '0');
  await expect(number(2)).toHaveAttribute('tabindex', '-1');
  // Enter still cites.
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('in-text-text').first()).toContainText('para. 2');

  // From the numbers, Tab reaches the aside within a few presses.
  let presses = 0;
  for (; presses < 8; presses += 1) {
    await app.keyboard.press('Tab');
    const inAside = await app.evaluate(
      () => document.getElementById('reader-aside')?.contains(document.activeElement) ?? false,
    );
    if (inAside) break;
  }
  expect(presses, 'Tab presses from the paragraph numbers to the aside').toBeLessThan(8);
  // And Shift+Tab back lands on the number last used.
  await number(2).focus();
  await app.keyboard.press('Shift+Tab');
  await app.keyboard.press('Tab');
  await expect(number(2)).toBeFocused();
});

test('Escape in the metadata editor asks before discarding typed changes', async ({ app }) => {
  await importReference(app);
  const edit = app.getByRole('button', { name: 'Edit details' });

  // No changes: Escape just closes it.
  await edit.click();
  const title = app.getByLabel('Title', { exact: true });
  await expect(title).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(title).toHaveCount(0);
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);

  // Changes: Escape asks; Keep editing goes back to the field with the text kept.
  await edit.click();
  await title.fill('A changed title');
  await app.keyboard.press('Escape');
  await expect(app.getByText('Discard your changes?')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await app.getByRole('button', { name: 'Keep editing' }).click();
  await expect(app.getByText('Discard your changes?')).toHaveCount(0);
  await expect(title).toHaveValue('A changed title');
  await expect(title).toBeFocused();

  // Escape on the question itself also keeps editing.
  await app.keyboard.press('Escape');
  await expect(app.getByText('Discard your changes?')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByText('Discard your changes?')).toHaveCount(0);
  await expect(title).toHaveValue('A changed title');

  // Discard closes the editor and leaves the article as it was.
  await app.keyboard.press('Escape');
  await app.getByRole('button', { name: 'Discard' }).click();
  await expect(title).toHaveCount(0);
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
  await expect(edit).toBeFocused();
});
