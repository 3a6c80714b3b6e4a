import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../host/sha256.ts';
import { QuireDatabase } from './database.ts';
import { openLibrary, type Library, type RepositoryOptions } from './index.ts';
import { articleV1, sampleArticles } from './legacy-articles.ts';
import { buildLegacyLibrary, PAST_SCHEMAS, type PastVersion } from './legacy-libraries.ts';
import { installedSchemaVersion, openLibrarySafely } from './open-library-safely.ts';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V6 } from './schema.ts';
import { freshDbName } from './test-article.ts';

const options: RepositoryOptions = { sha256 };
const PAST_VERSIONS = Object.keys(PAST_SCHEMAS).map(Number) as PastVersion[];

/** Every store's records, read through a plain Dexie at `version` (no upgrade can run). */
async function readAt(name: string, version: number, schema: Record<string, string>) {
  const db = new Dexie(name);
  db.version(version).stores(schema);
  try {
    await db.open();
    const stores: Record<string, unknown[]> = {};
    for (const table of db.tables) stores[table.name] = await table.toArray();
    return { verno: db.verno, stores };
  } finally {
    db.close();
  }
}

/** This Quire, except that the last upgrade step fails (as a full disk or a crash would). */
class FailingLastStep extends QuireDatabase {
  constructor(name: string) {
    super(name);
    this.version(CURRENT_SCHEMA_VERSION).upgrade(() => {
      throw new Error('Injected failure in the last upgrade step');
    });
  }
}

const openFailingLastStep = (name: string, opts: RepositoryOptions): Library => {
  const library = openLibrary(name, opts);
  library.db.close();
  return { ...library, db: new FailingLastStep(name), close: () => {} };
};

let name: string;
// The importer reads the sample library once per file: seconds on a busy machine.
beforeAll(() => sampleArticles(), 60_000);
afterEach(() => Dexie.delete(name));

describe('installedSchemaVersion', () => {
  // A browser without indexedDB.databases(): the version is read by opening without one.
  const withoutList = { open: (n: string) => indexedDB.open(n) } as unknown as IDBFactory;

  it.each([
    ['the list of databases', indexedDB],
    ['an open without a version', withoutList],
  ])(
    'reads the version on disk from %s, and creates no database where there is none',
    async (_how, idb) => {
      name = freshDbName();
      expect(await installedSchemaVersion(name, idb)).toBeNull();
      expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
      await buildLegacyLibrary(3, name);
      expect(await installedSchemaVersion(name, idb)).toBe(3);
      const newer = new Dexie(name);
      newer.version(7).stores({ ...SCHEMA_V6, shelves: 'id' });
      await newer.open();
      newer.close();
      expect(await installedSchemaVersion(name, idb)).toBe(7);
    },
  );
});

describe('openLibrarySafely', () => {
  it('opens a library at the current version and reports no upgrade', async () => {
    name = freshDbName();
    const opening = await openLibrarySafely(name, options);
    expect(opening.status).toBe('opened');
    if (opening.status !== 'opened') return;
    expect(opening.upgradedFrom).toBeNull();
    expect(opening.library.db.verno).toBe(CURRENT_SCHEMA_VERSION);
    opening.library.close();
    expect(await installedSchemaVersion(name)).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('upgrades an older library and says from which version, before and after', async () => {
    name = freshDbName();
    await buildLegacyLibrary(4, name);
    const upgrades: (number | null)[][] = [];
    const opening = await openLibrarySafely(name, options, {
      // Awaited before the upgrade: the library is still at version 4 when it resolves.
      onUpgrade: async (found, expected) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        upgrades.push([found, expected, await installedSchemaVersion(name)]);
      },
    });
    expect(upgrades).toEqual([[4, CURRENT_SCHEMA_VERSION, 4]]);
    expect(opening).toMatchObject({ status: 'opened', upgradedFrom: 4 });
    if (opening.status === 'opened') {
      expect(await opening.library.articles.list()).toHaveLength(7);
      opening.library.close();
    }
  });

  it('reports a corrupt record that makes a migration throw, and leaves the library at version 1 with every record readable', async () => {
    name = freshDbName();
    const built = await buildLegacyLibrary(1, name);
    // A record a crashed import left without its notices list: the 1 → 2 migration maps over it.
    const [sample] = await sampleArticles();
    const { rights: _lost, ...corrupt } = {
      ...articleV1(sample!),
      id: 'corrupt',
      source: { ...sample!.parsed.source, sha256: 'f'.repeat(64) },
    };
    const raw = new Dexie(name);
    raw.version(1).stores(PAST_SCHEMAS[1]);
    await raw.table('articles').add(corrupt);
    raw.close();

    const opening = await openLibrarySafely(name, options);

    expect(opening.status).toBe('failed');
    if (opening.status !== 'failed') return;
    expect(opening.problem).toMatchObject({
      kind: 'upgrade-failed',
      found: 1,
      expected: CURRENT_SCHEMA_VERSION,
      unchanged: true,
    });
    // Where it failed (the step and the record), then the migration's own error.
    expect(opening.problem.detail).toMatch(
      /^UpgradeStepError: The upgrade to library version 2 failed on article "corrupt"\nTypeError: /,
    );
    const after = await readAt(name, 1, PAST_SCHEMAS[1]);
    expect(after.verno).toBe(1);
    expect(after.stores.sources).toStrictEqual(built.stores.sources);
    expect(after.stores.articles).toStrictEqual(
      [...(built.stores.articles as { id: string }[]), corrupt].sort((a, b) =>
        a.id.localeCompare(b.id),
      ),
    );
  });

  it.each(PAST_VERSIONS)(
    'rolls back every step when the last one fails: a version %i library stays as it was, readable by a plain Dexie',
    async (version) => {
      name = freshDbName();
      const built = await buildLegacyLibrary(version, name);

      const opening = await openLibrarySafely(name, options, { open: openFailingLastStep });

      expect(opening.status).toBe('failed');
      if (opening.status !== 'failed') return;
      expect(opening.problem).toEqual({
        kind: 'upgrade-failed',
        found: version,
        expected: CURRENT_SCHEMA_VERSION,
        unchanged: true,
        detail: 'Error: Injected failure in the last upgrade step',
      });
      expect(await installedSchemaVersion(name)).toBe(version);
      const after = await readAt(name, version, PAST_SCHEMAS[version]);
      expect(after.verno).toBe(version);
      expect(after.stores).toStrictEqual(built.stores);
      // And the real upgrade still works afterwards: nothing was left half-done.
      const retry = await openLibrarySafely(name, options);
      expect(retry).toMatchObject({ status: 'opened', upgradedFrom: version });
      if (retry.status === 'opened') {
        expect(await retry.library.db.articles.count()).toBe(7);
        retry.library.close();
      }
    },
  );

  it('refuses a library from a newer Quire without opening or patching it', async () => {
    name = freshDbName();
    // Version 7 as a later Quire might make it: a new store, and an index this one lacks.
    const newer = new Dexie(name);
    newer.version(7).stores({ ...SCHEMA_V6, articles: 'id, addedAt, updatedAt', shelves: 'id' });
    await newer.table('shelves').add({ id: 's1', name: 'Kept' });
    await newer.table('articles').add({ id: 'a1', addedAt: 1, updatedAt: 2, shape: 'v7' });
    newer.close();

    const opening = await openLibrarySafely(name, options);

    expect(opening.status).toBe('failed');
    if (opening.status !== 'failed') return;
    expect(opening.problem).toMatchObject({
      kind: 'newer-version',
      found: 7,
      expected: CURRENT_SCHEMA_VERSION,
      unchanged: true,
    });
    expect(opening.problem.detail).toContain('schema version 7');
    // Native version 70, not 71: Dexie's schema patch never ran.
    expect((await indexedDB.databases()).find((d) => d.name === name)?.version).toBe(70);
    const after = await readAt(name, 7, {
      ...SCHEMA_V6,
      articles: 'id, addedAt, updatedAt',
      shelves: 'id',
    });
    expect(after.stores.shelves).toEqual([{ id: 's1', name: 'Kept' }]);
    expect(after.stores.articles).toEqual([{ id: 'a1', addedAt: 1, updatedAt: 2, shape: 'v7' }]);
  });
});
