import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibrarySearch } from '../search/library-search.ts';
import { dumpStores } from './backup-dump.ts';
import { firstDifference } from './backup-test-library.ts';
import { restoreLibraryArchive, snapshotDatabase, storedSchemaVersion } from './backup.ts';
import { storedHead } from './body-store.ts';
import { QuireDatabase } from './database.ts';
import type { Library } from './index.ts';
import {
  migrateArticlesV2toV3,
  migrateArticleV1toV2,
  migrateArticleV3toV4,
  migrateArticleV4toV5,
} from './migrations.ts';
import { SCHEMA_V1, SCHEMA_V5 } from './schema.ts';
import { toSummary } from './summary.ts';
import {
  disposeLibrary,
  fixtureBytes,
  freshDbName,
  openTestLibrary,
  referenceRecordV1,
} from './test-article.ts';

const names: string[] = [];
const libraries: Library[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
  for (const library of libraries.splice(0)) await disposeLibrary(library);
});

const source = (addedAt: number) => ({
  sha256: referenceRecordV1().source.sha256,
  bytes: fixtureBytes,
  mediaType: 'text/plain',
  fileName: '000_bfa7ac14e5553cb7.txt',
  byteLength: fixtureBytes.byteLength,
  addedAt,
});

/** A library as schema version 5 (library and search) left it, with a collection and settings. */
async function databaseV5(): Promise<string> {
  const name = freshDbName();
  names.push(name);
  const [v3] = migrateArticlesV2toV3([migrateArticleV1toV2(referenceRecordV1('v5-article'))]);
  const v5 = { ...migrateArticleV4toV5(migrateArticleV3toV4(v3!)), collections: ['c1'] };
  const db = new Dexie(name);
  db.version(5).stores(SCHEMA_V5);
  await db.table('articles').add(storedHead(v5, 1));
  await db.table('bodies').add({ articleId: v5.id, chunk: 0, paragraphs: v5.body });
  await db.table('summaries').add(toSummary(v5));
  await db.table('sources').add(source(v5.addedAt));
  await db.table('collections').add({ id: 'c1', name: 'Thesis', parentId: null, addedAt: 5 });
  await db.table('settings').add({ key: 'defaultStyle', value: 'chicago' });
  await db.table('searchMeta').add({ key: 'nextDoc', value: 3 });
  db.close();
  return name;
}

/** A library as the Foundation (schema version 1) left it: articles and sources only. */
async function databaseV1(): Promise<string> {
  const name = freshDbName();
  names.push(name);
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  const record = referenceRecordV1('v1-article');
  await db.table('articles').add(record);
  await db.table('sources').add(source(record.addedAt));
  db.close();
  return name;
}

/** The same database upgraded in place by the app, for comparison. */
async function upgradedInPlace(name: string) {
  const db = new QuireDatabase(name);
  try {
    await db.open();
    return await dumpStores(db);
  } finally {
    db.close();
  }
}

describe('storedSchemaVersion and snapshotDatabase', () => {
  it('answer 0 and null for a database that does not exist, and do not create it', async () => {
    const name = freshDbName();
    expect(await storedSchemaVersion(name)).toBe(0);
    expect(await snapshotDatabase(name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('read a version 5 database as it is, without upgrading it', async () => {
    const name = await databaseV5();
    expect(await storedSchemaVersion(name)).toBe(5);
    const archive = (await snapshotDatabase(name))!;
    expect(await storedSchemaVersion(name)).toBe(5);
    const manifest = JSON.parse(strFromU8(unzipSync(archive)['manifest.json']!));
    expect(manifest.schemaVersion).toBe(5);
    expect(manifest.counts).toMatchObject({ articles: 1, bodies: 1, sources: 1, collections: 1 });
    expect(manifest.stores.map((s: { name: string }) => s.name)).not.toContain('annotations');
    expect(manifest.stores.map((s: { name: string }) => s.name)).not.toContain('searchMeta');
  });
});

describe('restoring a snapshot taken before a schema upgrade', () => {
  for (const [version, make] of [
    [5, databaseV5],
    [1, databaseV1],
  ] as const) {
    it(`brings a version ${version} snapshot up to date in an empty library, as the upgrade on disk would`, async () => {
      const name = await make();
      const archive = (await snapshotDatabase(name))!;
      const library = openTestLibrary();
      libraries.push(library);
      const report = await restoreLibraryArchive(library, archive, { mode: 'empty' });
      expect(report.added.articles).toBe(1);

      const restored = await dumpStores(library.db);
      expect(firstDifference(restored, await upgradedInPlace(name))).toBeNull();
      const article = (await library.articles.all())[0]!;
      expect(article.citekey).not.toBe('');
      expect(article.body.length).toBeGreaterThan(0);
      const search = createLibrarySearch(library.db);
      expect((await search.search('Nangarhar')).hits.map((h) => h.id)).toEqual([article.id]);
    });
  }

  it('leaves no scratch database behind', async () => {
    const archive = (await snapshotDatabase(await databaseV5()))!;
    const library = openTestLibrary();
    libraries.push(library);
    await library.db.open();
    const before = (await indexedDB.databases()).map((d) => d.name);
    await restoreLibraryArchive(library, archive, { mode: 'empty' });
    const after = (await indexedDB.databases()).map((d) => d.name);
    expect(after.filter((n) => !before.includes(n))).toEqual([]);
    expect(after.some((n) => n?.startsWith('quire-restore-'))).toBe(false);
  });
});
