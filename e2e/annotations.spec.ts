import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  REFERENCE_TEXT,
  REFERENCE_TITLE,
  importReference,
  libraryItems,
  openFromLibrary,
  paragraphs,
} from './helpers.ts';

const SCREENSHOT = fileURLToPath(new URL('../docs/screenshots/annotations.png', import.meta.url));
const QUOTE = 'the central government controls only about 56-57% of Afghanistan';
const NOTE = 'Key figure <b>SIGAR</b> & "territory"';

/** Drags the mouse over `text` inside `scope` (its first occurrence), as a reader selects. */
async function dragOver(app: Page, scope: string, text: string) {
  const box = await app.evaluate(
    ({ scope, text }) => {
      const root = document.querySelector(scope)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const first = range.getBoundingClientRect();
        range.setStart(node, at + text.length - 1);
        range.setEnd(node, at + text.length);
        const last = range.getBoundingClientRect();
        return {
          x1: first.left + 1,
          y1: first.top + first.height / 2,
          x2: last.right - 1,
          y2: last.top + last.height / 2,
        };
      }
      throw new Error(`text not found: ${text}`);
    },
    { scope, text },
  );
  await app.mouse.move(box.x1, box.y1);
  await app.mouse.down();
  await app.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await app.mouse.move(box.x2, box.y2, { steps: 5 });
  await app.mouse.up();
}

/** How many ranges the reader paints in each highlight colour. */
const painted = (app: Page, color: string) =>
  app.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, `quire-${color}`);

test('highlight with the mouse, annotate, reload, find it, export excerpts to the clipboard and .docx', async ({
  app,
  clipboard,
}) => {
  await importReference(app);
  await paragraphs(app).nth(4).scrollIntoViewIfNeeded();

  // A selection in the header, or in the notices block, cannot be highlighted: it says why.
  await app.evaluate(() => {
    const title = document.querySelector('[data-testid="reader-title"]')!.firstChild!;
    const range = document.createRange();
    range.setStart(title, 7);
    range.setEnd(title, 26);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await expect(
    app.getByRole('status').filter({ hasText: 'Only the numbered paragraphs' }),
  ).toBeVisible();
  await app.mouse.click(5, 5);
  await expect(app.getByRole('toolbar', { name: 'Highlight the selection' })).toHaveCount(0);
  await app.getByTestId('rights-notice').first().scrollIntoViewIfNeeded();
  await dragOver(app, '[data-testid="rights"]', 'The original source');
  await expect(
    app.getByRole('status').filter({ hasText: 'Only the numbered paragraphs' }),
  ).toBeVisible();
  await app.mouse.click(5, 5);

  // Select the quote in paragraph 5 with the mouse, then "Add note".
  await paragraphs(app).nth(4).scrollIntoViewIfNeeded();
  await dragOver(app, '[data-testid="paragraph"][data-n="5"]', QUOTE);
  const bar = app.getByRole('toolbar', { name: 'Highlight the selection' });
  await expect(bar).toBeVisible();
  await bar.getByRole('button', { name: 'Add note' }).click();

  const panel = app.getByTestId('notes-panel');
  const card = panel.getByTestId('annotation');
  await expect(card).toHaveCount(1);
  await expect(card.locator('blockquote')).toHaveText(QUOTE);
  await expect(card.getByRole('button', { name: '¶5' })).toBeVisible();
  const note = card.getByLabel('Note', { exact: true });
  await expect(note).toBeFocused();
  await note.fill(NOTE);
  await card.getByLabel('Tags of this note').fill('evidence, territory');
  await card.getByLabel('Tags of this note').press('Enter');
  await card.getByRole('radio', { name: 'green' }).click();
  await expect(card).toHaveAttribute('data-color', 'green');
  await expect.poll(() => painted(app, 'green')).toBe(1);
  await expect.poll(() => painted(app, 'yellow')).toBe(0);
  await note.blur();
  await app.screenshot({ path: SCREENSHOT });

  // A reload keeps the highlight, its note and tags, painted in the text.
  await app.reload();
  if (!(await app.getByTestId('reader-title').isVisible()))
    await openFromLibrary(app, REFERENCE_TITLE);
  await app.getByRole('tab', { name: /Notes/ }).click();
  await expect(panel.getByTestId('annotation')).toHaveCount(1);
  await expect(panel.getByLabel('Note', { exact: true })).toHaveValue(NOTE);
  await expect(panel.getByLabel('Tags of this note')).toHaveValue('evidence, territory');
  await expect.poll(() => painted(app, 'green')).toBe(1);

  // The library's search finds the article by its note, and has:notes filters on it.
  const search = app.getByTestId('search-input');
  await search.fill('has:notes sigar');
  await expect(libraryItems(app)).toHaveCount(1);
  await search.fill('has:notes isis -sigar');
  await expect(libraryItems(app)).toHaveCount(0);
  await search.fill('');
  await expect(libraryItems(app)).toHaveCount(1);

  // Across the library: found by words of its note, listed with its article and paragraph.
  await app.getByRole('button', { name: 'Highlights and notes' }).click();
  await app.getByPlaceholder('Find in quotes, notes and tags').fill('sigar territory');
  const row = app.getByTestId('annotation-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(QUOTE);
  await expect(row).toContainText('¶5');
  await app.getByPlaceholder('Find in quotes, notes and tags').fill('nothing-like-this');
  await expect(row).toHaveCount(0);
  await app.getByPlaceholder('Find in quotes, notes and tags').fill('');
  await row.getByRole('button').first().click();
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
  // Opened at the highlight: its note in front, the card marked.
  await expect(app.getByRole('tab', { name: /Notes/ })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByTestId('annotation')).toHaveAttribute('data-active', 'true');

  // Export: APA in plain text, to the clipboard, with the notices verbatim: each exact source
  // text (a slice of the original file) is in it byte for byte.
  const exact = await app.getByTestId('rights-notice-source').allTextContents();
  expect(exact).toHaveLength(4);
  for (const notice of exact) expect(REFERENCE_TEXT).toContain(notice);
  await app.getByRole('tab', { name: /Notes/ }).click();
  await panel.getByRole('button', { name: 'Export excerpts…' }).click();
  const dialog = app.getByTestId('excerpt-dialog');
  await dialog.getByLabel('Citation style').selectOption('apa');
  await dialog.getByLabel('Format').selectOption({ label: 'Plain text (.txt)' });
  const preview = dialog.getByTestId('excerpt-preview');
  await expect(preview).toContainText('(South Front, 2018, para. 5)');
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toContainText('Copied');
  const text = await clipboard.readText();
  expect(text).toContain(QUOTE);
  expect(text).toContain('(South Front, 2018, para. 5)');
  expect(text).toContain(NOTE);
  for (const notice of exact) expect(text).toContain(notice);
  expect(text).toMatch(/Quote SHA-256: [0-9a-f]{64}/u);

  // Rich text: the note's HTML stays text.
  await dialog.getByLabel('Format').selectOption({ label: 'Rich text for pasting (HTML)' });
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toContainText('paste into a word processor');
  const html = await clipboard.readHtml();
  expect(html).toContain('&lt;b&gt;SIGAR&lt;/b&gt;');
  expect(html).not.toContain('<b>SIGAR</b>');
  expect(html).toContain('(South Front, 2018, para. 5)');

  // MLA, and a Word document read back from the file.
  await dialog.getByLabel('Citation style').selectOption('mla');
  await expect(preview).toContainText('(South Front, par. 5)');
  await dialog.getByLabel('Format').selectOption({ label: 'Word document (.docx)' });
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save file' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^excerpts-.*\.docx$/u);
  const docx = await mammoth.extractRawText({ buffer: readFileSync((await download.path())!) });
  const words = docx.value.replace(/\s+/gu, ' ');
  expect(words).toContain(QUOTE);
  expect(words).toContain('(South Front, par. 5)');
  expect(words).toContain(NOTE);
  for (const notice of exact) expect(words).toContain(notice.replace(/\s+/gu, ' '));
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Delete, then undo.
  await panel.getByRole('button', { name: 'Delete' }).click();
  await expect(panel.getByTestId('annotation')).toHaveCount(0);
  await expect.poll(() => painted(app, 'green')).toBe(0);
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByTestId('annotation')).toHaveCount(1);
  await expect.poll(() => painted(app, 'green')).toBe(1);
});

test('the keyboard highlights a whole paragraph from its number, and H an overlapping selection across two paragraphs', async ({
  app,
}) => {
  await importReference(app);
  await app.getByRole('button', { name: 'Cite paragraph 5' }).focus();
  await app.keyboard.press('h');
  const cards = app.getByTestId('notes-panel').getByTestId('annotation');
  await app.getByRole('tab', { name: /Notes/ }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.getByRole('button', { name: '¶5' })).toBeVisible();

  // A selection from paragraph 4 into the middle of paragraph 5 (over the first highlight),
  // made without the mouse, then H.
  await app.evaluate(() => {
    const four = document.querySelector('[data-n="4"] [data-o]')!.firstChild!;
    const five = document.querySelector('[data-n="5"] [data-o]')!.firstChild!;
    const range = document.createRange();
    range.setStart(four, 10);
    range.setEnd(five, 20);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await expect(app.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible();
  await app.keyboard.press('h');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0).getByRole('button', { name: '¶4–5' })).toBeVisible();
  await expect(cards.nth(1).getByRole('button', { name: '¶5' })).toBeVisible();
  // Paragraph 5 whole, and the new one in two pieces (the end of 4, the start of 5).
  await expect.poll(() => painted(app, 'yellow')).toBe(3);

  // The panel's own filter: by words of the quote, then by colour.
  await app.getByLabel('Find in these notes').fill('fueled fighters');
  await expect(cards).toHaveCount(1);
  await expect(app.getByTestId('notes-panel')).toContainText('1 of 2 highlights');
  await app.getByLabel('Find in these notes').fill('');
  await cards.nth(0).getByRole('radio', { name: 'pink' }).click();
  await app.getByTestId('notes-panel').getByLabel('Show colour').selectOption('pink');
  await expect(cards).toHaveCount(1);
  await expect(cards.getByRole('button', { name: '¶4–5' })).toBeVisible();

  // Keyboard only: words typed (with other spacing and a straight quote) are found and
  // highlighted; words not in the article name the closest match and its paragraph.
  await app.getByLabel('Show colour').selectOption('');
  const typed = app.getByLabel('Highlight words you type or paste');
  await typed.fill('The  Taliban is actively   combating ISIS');
  await typed.press('Enter');
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(2).getByRole('button', { name: '¶6' })).toBeVisible();
  await expect(cards.nth(2).locator('blockquote')).toHaveText(
    'The Taliban is actively combating ISIS',
  );
  await typed.fill('The Taliban is actively combatting ISIS forces everywhere');
  await typed.press('Enter');
  await expect(app.getByRole('alert').filter({ hasText: 'Not in the article' })).toContainText(
    'paragraph 6',
  );
  await expect(cards).toHaveCount(3);

  // A paragraph number on highlighted text still cites it: the Cite tab stays in front.
  await app.getByRole('tab', { name: 'Cite' }).click();
  await app.getByRole('button', { name: 'Cite paragraph 5' }).click();
  await expect(app.getByRole('tab', { name: 'Cite' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByText('(South Front, 2018, para. 5)')).toBeVisible();
});

test('the reader says so when the stored text no longer matches the original it was read from', async ({
  app,
}) => {
  await importReference(app);
  await expect(app.getByRole('region', { name: 'Rights and notices' })).toContainText(
    'Verified intact',
  );
  await expect(app.getByTestId('integrity-alert')).toHaveCount(0);
  // Change paragraph 5 behind the app's back, straight in IndexedDB.
  await app.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('quire');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('bodies', 'readwrite');
          const bodies = tx.objectStore('bodies');
          const cursor = bodies.openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return;
            const chunk = c.value as { paragraphs: { n: number; text: string }[] };
            for (const p of chunk.paragraphs) {
              if (p.n === 5) p.text = p.text.replace('56-57%', '96-97%');
            }
            c.update(chunk);
            c.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await app.reload();
  if (!(await app.getByTestId('reader-title').isVisible())) {
    await openFromLibrary(app, REFERENCE_TITLE);
  }
  await expect(app.getByTestId('integrity-alert')).toContainText(
    'may have been altered since it was saved',
  );
  await expect(app.getByTestId('integrity-alert')).toContainText('paragraph 5');
});
