import { expect, test } from './fixtures.ts';
import {
  REFERENCE_PATH,
  REFERENCE_TITLE,
  fileInput,
  importAlert,
  importReference,
  importStatus,
  libraryItems,
} from './helpers.ts';

test('importing the same file twice says it is already there and keeps one entry', async ({
  app,
}) => {
  await importReference(app);
  await expect(libraryItems(app)).toHaveCount(1);

  await fileInput(app).setInputFiles(REFERENCE_PATH);

  await expect(importStatus(app)).toHaveText(`Already in your library: ${REFERENCE_TITLE}`);
  await expect(importAlert(app)).toBeEmpty();
  await expect(libraryItems(app)).toHaveCount(1);
  await expect(app.getByTestId('reader-title')).toHaveText(REFERENCE_TITLE);
});

const BAD_FILES = [
  {
    what: 'an empty file',
    file: { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    message: 'This file is empty',
  },
  {
    what: 'a binary file',
    file: {
      name: 'picture.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48,
      ]),
    },
    message: 'binary file',
  },
  {
    what: 'invalid UTF-8',
    file: {
      name: 'latin1.txt',
      mimeType: 'text/plain',
      // "Café crème" in Latin-1: 0xE9 and 0xE8 are not valid UTF-8 here.
      buffer: Buffer.from('Caf\xe9 cr\xe8me, a note in an old encoding.\n', 'latin1'),
    },
    message: 'not valid UTF-8',
  },
  {
    what: 'a web page with no text',
    file: {
      name: 'blank-page.html',
      mimeType: 'text/html',
      buffer: Buffer.from(
        '<!DOCTYPE html><html><head><title>x</title></head><body><div>&nbsp;</div></body></html>',
      ),
    },
    message: 'This page has no text',
  },
  {
    what: 'a web page with no article in it',
    file: {
      name: 'menu.html',
      mimeType: 'text/html',
      buffer: Buffer.from(
        '<!DOCTYPE html><html><head></head><body><nav><ul><li><a href="/">Home</a></li>' +
          '<li><a href="/news">News</a></li></ul></nav></body></html>',
      ),
    },
    message: 'found no article text',
  },
  {
    what: 'a text file over 10 MB',
    file: {
      name: 'huge.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 'All work and no play. '),
    },
    message: 'up to 10 MB',
  },
];

test('bad input is refused with a clear alert and leaves the library unchanged', async ({
  app,
}) => {
  await importReference(app);
  await expect(libraryItems(app)).toHaveCount(1);

  for (const { what, file, message } of BAD_FILES) {
    await test.step(what, async () => {
      await fileInput(app).setInputFiles(file);
      const alert = importAlert(app);
      await expect(alert).toHaveRole('alert');
      await expect(alert).toContainText(`Could not import ${file.name}.`);
      await expect(alert).toContainText(message);
      await expect(importStatus(app)).toBeEmpty();
      await expect(libraryItems(app)).toHaveCount(1);
      await app.getByRole('button', { name: 'Dismiss message' }).click();
      await expect(alert).toBeEmpty();
    });
  }
});
