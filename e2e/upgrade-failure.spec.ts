import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const SCREENSHOT = fileURLToPath(
  new URL('../docs/screenshots/upgrade-failed.png', import.meta.url),
);

/** A store as the seed creates it: key path, and indexes as [name, unique]. */
interface StoreSpec {
  name: string;
  keyPath: string;
  indexes: [string, boolean][];
  records: unknown[];
}

/** What a raw read of the library finds: IndexedDB version and every store's records. */
interface Dump {
  version: number;
  stores: Record<string, unknown[]>;
}

const encoder = new TextEncoder();
const SOURCE_TEXT =
  '# Libraries in a digital age\n\nPublic libraries lend more e-books every year.\n\n' +
  '© 2022 Tomás Ferreira. Published under CC BY-SA 4.0.\n';
const NOTICE = '© 2022 Tomás Ferreira. Published under CC BY-SA 4.0.';
const SHA_GOOD = 'a'.repeat(64);
const SHA_CORRUPT = 'b'.repeat(64);

/** A record as schema version 3 (citation engine) stored it. */
function articleV3(id: string, sha256: string, citekey: string) {
  const start = SOURCE_TEXT.indexOf(NOTICE);
  return {
    id,
    parserVersion: 2,
    csl: {
      id: `q${sha256.slice(0, 16)}`,
      type: 'article-newspaper',
      title: 'Libraries in a digital age',
      author: [{ family: 'Ferreira', given: 'Tomás' }],
      issued: { 'date-parts': [[2022, 3, 4]] },
      'container-title': 'The Reading Room',
      URL: 'https://reading-room.example.org/libraries',
    },
    originalSource: null,
    keywords: [],
    body: [
      {
        n: 1,
        id: 'p-0011223344556677',
        text: 'Public libraries lend more e-books every year.',
        start: 31,
        end: 77,
        kind: 'prose',
        spans: [{ text: 0, textLength: 46, source: 31, sourceLength: 46 }],
      },
    ],
    headings: [{ text: 'Libraries in a digital age', level: 1, before: 0, start: 0, end: 28 }],
    rights: [
      {
        kind: 'licence',
        text: NOTICE,
        start,
        end: start + NOTICE.length,
        sha256: 'c'.repeat(64),
        display: NOTICE,
      },
    ],
    source: { sha256, mediaType: 'text/markdown', byteLength: 100, fileName: 'libraries.md' },
    gaps: [],
    tags: ['libraries'],
    addedAt: Date.UTC(2023, 4, 1),
    updatedAt: Date.UTC(2023, 4, 2),
    citekey,
    citekeyFixed: citekey === 'Ferreira2022',
    titleOverrides: {},
  };
}

const GOOD = articleV3('good-1', SHA_GOOD, 'Ferreira2022');
// A record a crashed import left without its notices list: the 3 → 4 upgrade reads its notice
// kinds for the library list, throws, and IndexedDB rolls the whole upgrade back.
const { rights: _lost, ...CORRUPT } = articleV3('corrupt-1', SHA_CORRUPT, 'ferreira2022libraries');

/** The library as schema version 3 left it (Dexie stores version n as n × 10). */
const LIBRARY_V3: { version: number; stores: StoreSpec[] } = {
  version: 30,
  stores: [
    {
      name: 'articles',
      keyPath: 'id',
      indexes: [
        ['addedAt', false],
        ['updatedAt', false],
        ['source.sha256', true],
        ['citekey', true],
      ],
      records: [CORRUPT, GOOD], // in key order, as a read returns them
    },
    {
      name: 'sources',
      keyPath: 'sha256',
      indexes: [],
      records: [
        {
          sha256: SHA_GOOD,
          bytes: Array.from(encoder.encode(SOURCE_TEXT)),
          mediaType: 'text/markdown',
          fileName: 'libraries.md',
          byteLength: encoder.encode(SOURCE_TEXT).byteLength,
          addedAt: GOOD.addedAt,
        },
      ],
    },
    { name: 'styles', keyPath: 'id', indexes: [['addedAt', false]], records: [] },
    {
      name: 'settings',
      keyPath: 'key',
      indexes: [],
      records: [{ key: 'defaultStyle', value: 'mla' }],
    },
  ],
};

/** A library from a later Quire: version 7, a store and an index this Quire does not know. */
const LIBRARY_V7: { version: number; stores: StoreSpec[] } = {
  version: 70,
  stores: [
    {
      name: 'articles',
      keyPath: 'id',
      indexes: [['addedAt', false]],
      records: [{ id: 'from-the-future', addedAt: 1, shape: 'v7' }],
    },
    { name: 'sources', keyPath: 'sha256', indexes: [], records: [] },
    { name: 'shelves', keyPath: 'id', indexes: [], records: [{ id: 's1', name: 'Kept' }] },
  ],
};

/**
 * Replaces the origin's library with `library`, from a blank page of the same origin: no Quire
 * script runs there, so nothing opens (or upgrades) the database while it is written.
 */
async function seedLibrary(app: Page, library: { version: number; stores: StoreSpec[] }) {
  await app.route('**/seed-blank.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  );
  await app.goto('/seed-blank.html');
  await app.evaluate(async ({ version, stores }) => {
    const done = (request: IDBRequest | IDBOpenDBRequest) =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    await done(indexedDB.deleteDatabase('quire'));
    const open = indexedDB.open('quire', version);
    open.onupgradeneeded = () => {
      for (const spec of stores) {
        const store = open.result.createObjectStore(spec.name, { keyPath: spec.keyPath });
        for (const [name, unique] of spec.indexes) store.createIndex(name, name, { unique });
        for (const record of spec.records as Record<string, unknown>[]) {
          const bytes = record.bytes;
          store.put(Array.isArray(bytes) ? { ...record, bytes: new Uint8Array(bytes) } : record);
        }
      }
    };
    ((await done(open)) as IDBDatabase).close();
  }, library);
}

/** Reads the library without a version (so no upgrade can run): what is on disk now. */
function readLibrary(app: Page): Promise<Dump> {
  return app.evaluate(
    () =>
      new Promise<Dump>((resolve, reject) => {
        const open = indexedDB.open('quire');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const stores: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              stores[name] = (all.result as Record<string, unknown>[]).map((r) =>
                r.bytes instanceof Uint8Array ? { ...r, bytes: Array.from(r.bytes) } : r,
              );
            };
          }
          tx.oncomplete = () => {
            resolve({ version: db.version, stores });
            db.close();
          };
        };
      }),
  );
}

const seeded = (library: { version: number; stores: StoreSpec[] }): Dump => ({
  version: library.version,
  stores: Object.fromEntries(library.stores.map((s) => [s.name, s.records])),
});

/** The app's own screens, which must not appear over a library it could not open. */
async function expectNoEmptyApp(app: Page) {
  await expect(app.getByRole('heading', { name: /^Library/ })).toHaveCount(0);
  await expect(app.getByRole('heading', { name: 'Your library is empty' })).toHaveCount(0);
}

test('a library whose upgrade fails is left as it was, and the window says so', async ({
  app,
  electronApp,
}) => {
  test.skip(electronApp !== null, 'seeds the web origin’s IndexedDB from a blank page');
  await seedLibrary(app, LIBRARY_V3);
  await app.goto('/');

  const screen = app.getByRole('alert');
  await expect(
    screen.getByRole('heading', { level: 1, name: 'Quire could not upgrade your library' }),
  ).toBeVisible();
  await expect(screen).toContainText('an earlier Quire (library version 3)');
  await expect(app.getByTestId('open-failed-unchanged')).toHaveText(
    'Nothing was changed: the conversion was undone as a whole, and your library is exactly as it was, at version 3.',
  );
  await expect(app.getByTestId('open-failed-versions')).toContainText('Library on diskversion 3');
  await expect(app.getByTestId('open-failed-versions')).toContainText('This Quire readsversion 6');
  await expect(screen.getByRole('listitem')).toHaveText([
    /^Try again/,
    /restore the backup of your library made before the upgrade/,
    /^Update Quire/,
  ]);
  await expectNoEmptyApp(app);
  // The technical detail is there, collapsed until asked for.
  const detail = app.getByTestId('open-failed-detail');
  await expect(detail).toBeHidden();
  await app.getByText('Technical details').click();
  await expect(detail).toBeVisible();
  await expect(detail).toContainText(
    'UpgradeStepError: The upgrade to library version 4 failed on article "corrupt-1"',
  );
  await expect(detail).toContainText('TypeError');
  await app.screenshot({ path: SCREENSHOT });

  // Every record is still there, at version 3 (IndexedDB version 30), exactly as seeded.
  expect(await readLibrary(app)).toEqual(seeded(LIBRARY_V3));

  // Trying again fails the same way and still changes nothing.
  await screen.getByRole('button', { name: 'Try again' }).click();
  await expect(
    app.getByRole('heading', { name: 'Quire could not upgrade your library' }),
  ).toBeVisible();
  await expectNoEmptyApp(app);
  expect(await readLibrary(app)).toEqual(seeded(LIBRARY_V3));
});

test('a library from a newer Quire is not opened: the window says to update Quire', async ({
  app,
  electronApp,
}) => {
  test.skip(electronApp !== null, 'seeds the web origin’s IndexedDB from a blank page');
  await seedLibrary(app, LIBRARY_V7);
  await app.goto('/');

  const screen = app.getByRole('alert');
  await expect(
    screen.getByRole('heading', { level: 1, name: 'Your library was made by a newer Quire' }),
  ).toBeVisible();
  await expect(screen).toContainText('Your library is at version 7');
  await expect(app.getByTestId('open-failed-unchanged')).toHaveText(
    'Nothing was changed: your library is exactly as it was.',
  );
  await expect(app.getByTestId('open-failed-versions')).toContainText('Library on diskversion 7');
  await expect(app.getByTestId('open-failed-versions')).toContainText('This Quire readsversion 6');
  await expect(screen.getByRole('listitem').first()).toHaveText(
    'Update Quire to its newest version, which reads this library.',
  );
  await expectNoEmptyApp(app);
  // Still IndexedDB version 70 (Dexie's schema patch would have made it 71), records as seeded.
  expect(await readLibrary(app)).toEqual(seeded(LIBRARY_V7));
});
