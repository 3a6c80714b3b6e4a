import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { QuireDatabase } from './database.ts';
import { migrateArticlesV2toV3, migrateArticleV1toV2 } from './migrations.ts';
import { SCHEMA_V1 } from './schema.ts';
import { fixtureBytes, freshDbName, referenceArticle, referenceRecordV1 } from './test-article.ts';

describe('migrateArticleV1toV2', () => {
  it('fills the fields the Foundation parser did not write, and changes nothing else', () => {
    const old = referenceRecordV1();
    const before = structuredClone(old);
    const migrated = migrateArticleV1toV2(old);

    expect(old).toEqual(before); // pure: the input is not touched
    expect(migrated.parserVersion).toBe(1);
    expect(migrated.headings).toEqual([]);
    expect(migrated.body.map((p) => p.spans)).toEqual(old.body.map(() => []));
    expect(migrated.body.map(({ spans: _spans, ...rest }) => rest)).toEqual(old.body);
    expect(migrated.rights.map((n) => n.display)).toEqual(old.rights.map((n) => n.text));
    expect(migrated.rights.map(({ display: _display, ...rest }) => rest)).toEqual(old.rights);
    const { parserVersion, headings, body, rights, ...rest } = migrated;
    void [parserVersion, headings, body, rights];
    const { body: _b, rights: _r, ...oldRest } = old;
    expect(rest).toEqual(oldRest);
  });

  it('leaves records that already have the new shape as they are', () => {
    const current = { ...referenceArticle(), id: 'x', tags: [], addedAt: 1, updatedAt: 2 };
    current.headings = [{ text: 'Background', level: 2, before: 1, start: 10, end: 20 }];
    expect(migrateArticleV1toV2(structuredClone(current))).toEqual(current);
  });

  it('keeps a paragraph kind the old parser wrote (lists without items)', () => {
    const old = referenceRecordV1();
    old.body[0] = { ...old.body[0]!, kind: 'list', text: '- one\n- two' };
    const migrated = migrateArticleV1toV2(old);
    expect(migrated.body[0]).toMatchObject({ kind: 'list', text: '- one\n- two', spans: [] });
    expect(migrated.body[0]).not.toHaveProperty('items');
  });
});

describe('schema upgrade 1 → 3', () => {
  let name: string;
  afterEach(() => Dexie.delete(name));

  it('migrates every stored article when an old library is opened', async () => {
    name = freshDbName();
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    const v1 = referenceRecordV1('old-1');
    await old.table('articles').add(v1);
    await old.table('sources').add({
      sha256: v1.source.sha256,
      bytes: fixtureBytes,
      mediaType: 'text/plain',
      fileName: v1.source.fileName,
      byteLength: fixtureBytes.byteLength,
      addedAt: v1.addedAt,
    });
    old.close();

    const db = new QuireDatabase(name);
    try {
      const record = await db.articles.get('old-1');
      expect(db.verno).toBe(3);
      expect(record).toEqual(migrateArticlesV2toV3([migrateArticleV1toV2(v1)])[0]);
      expect(record?.citekey).toBe('southfront2018video');
      expect(record?.parserVersion).toBe(1);
      expect(record?.rights[1]?.display).toBe(v1.rights[1]?.text);
      // Indexes survive: the unique source index still finds it.
      expect((await db.articles.where('source.sha256').equals(v1.source.sha256).first())?.id).toBe(
        'old-1',
      );
      expect((await db.articles.where('citekey').equals('southfront2018video').first())?.id).toBe(
        'old-1',
      );
    } finally {
      db.close();
    }
  });
});
