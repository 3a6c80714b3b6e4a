import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { toSummary } from './summary.ts';
import { withBody } from './body-store.ts';
import { QuireDatabase } from './database.ts';
import {
  migrateArticlesV2toV3,
  migrateArticleV1toV2,
  migrateArticleV3toV4,
  migrateArticleV4toV5,
  upgradeStep,
  UpgradeStepError,
  type ArticleRecordV3,
} from './migrations.ts';
import { SCHEMA_V1, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from './schema.ts';
import { storedHead } from './body-store.ts';

/** A version 3 record as the current schema holds it after every upgrade since. */
const upgradedFromV3 = (record: ArticleRecordV3) =>
  migrateArticleV4toV5(migrateArticleV3toV4(record));
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

describe('schema upgrade 1 → 6', () => {
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
      // The body now lives in chunks: read the record back whole, as the repository does.
      const record = await withBody(db, await db.articles.get('old-1'));
      expect(db.verno).toBe(6);
      expect(record).toEqual(upgradedFromV3(migrateArticlesV2toV3([migrateArticleV1toV2(v1)])[0]!));
      expect(record?.images).toEqual([]);
      expect(record?.canonicalUrl).toBeNull();
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

/** A record as schema version 3 stored it, with a CSL URL as captured. */
function recordV3(id: string, url?: string, addedAt = Date.UTC(2024, 0, 1)): ArticleRecordV3 {
  const v3 = migrateArticlesV2toV3([migrateArticleV1toV2(referenceRecordV1(id))])[0]!;
  const { images: _none, ...withoutImages } = { ...v3, images: undefined };
  const record: ArticleRecordV3 = { ...withoutImages, parserVersion: 2, addedAt };
  if (url) record.csl = { ...record.csl, URL: url };
  return record;
}

describe('migrateArticleV3toV4', () => {
  it('fills canonicalUrl from the CSL URL and gives records without images an empty list', () => {
    const old = recordV3('a', 'HTTPS://Example.org:443/story?id=3&utm_source=x#top');
    const migrated = migrateArticleV3toV4(old);
    expect(migrated).toEqual({
      ...old,
      canonicalUrl: 'https://example.org/story?id=3',
      images: [],
    });
    expect(old).not.toHaveProperty('canonicalUrl'); // pure: the input is untouched
  });

  it('sets null without an http(s) URL', () => {
    expect(migrateArticleV3toV4(recordV3('b')).canonicalUrl).toBeNull();
    expect(migrateArticleV3toV4(recordV3('c', 'ftp://example.org/a')).canonicalUrl).toBeNull();
  });

  it('leaves records that already have the new fields as they are', () => {
    const image = {
      id: 'img-1',
      src: 'https://a.example/p.jpg',
      alt: '',
      caption: null,
      before: 0,
    };
    const ahead = {
      ...recordV3('d', 'https://example.org/a'),
      canonicalUrl: 'https://kept.example/',
      images: [image],
    };
    expect(migrateArticleV3toV4(ahead)).toEqual(ahead);
  });
});

describe('schema upgrade 3 → 6', () => {
  let name: string;
  afterEach(() => Dexie.delete(name));

  it('keeps every record and source, and fills canonicalUrl, images and the list summaries', async () => {
    name = freshDbName();
    const old = new Dexie(name);
    old.version(3).stores(SCHEMA_V3);
    const records = [
      recordV3('with-url', 'https://www.example.org/a?fbclid=1', 1),
      recordV3('no-url', undefined, 2),
      recordV3('same-url', 'https://www.example.org/a', 3),
    ];
    // Unique indexes: each record needs its own source hash and citation key.
    records.forEach((r, i) => {
      r.source = { ...r.source, sha256: `${'0'.repeat(63)}${i}` };
      r.citekey = `key${i}`;
    });
    await old.table('articles').bulkAdd(records);
    await old.table('sources').add({
      sha256: records[0]!.source.sha256,
      bytes: fixtureBytes,
      mediaType: 'text/plain',
      fileName: null,
      byteLength: fixtureBytes.byteLength,
      addedAt: 1,
    });
    await old.table('settings').add({ key: 'defaultStyle', value: 'mla' });
    old.close();

    const db = new QuireDatabase(name);
    try {
      expect(db.verno).toBe(6);
      const heads = await db.articles.orderBy('addedAt').toArray();
      expect(heads.map((h) => [h.body, h.bodyChunks])).toEqual(records.map(() => [[], 1]));
      const stored = await Promise.all(heads.map(async (h) => (await withBody(db, h))!));
      expect(stored).toEqual(records.map(upgradedFromV3));
      expect(stored.map((r) => r.canonicalUrl)).toEqual([
        'https://www.example.org/a',
        null,
        'https://www.example.org/a',
      ]);
      expect(
        (await db.articles.where('canonicalUrl').equals('https://www.example.org/a').toArray())
          .map((r) => r.id)
          .sort(),
      ).toEqual(['same-url', 'with-url']);
      expect(await db.sources.count()).toBe(1);
      expect(await db.settings.get('defaultStyle')).toEqual({ key: 'defaultStyle', value: 'mla' });
      expect(await db.images.count()).toBe(0);
      // The list reads summaries only: one per article, as toSummary makes it.
      expect(await db.summaries.orderBy('addedAt').toArray()).toEqual(stored.map(toSummary));
    } finally {
      db.close();
    }
  });
});

describe('migrateArticleV4toV5', () => {
  it('puts every article in no collection and keeps its tags and everything else', () => {
    const old = { ...migrateArticleV3toV4(recordV3('a')), tags: ['Kept'] };
    const migrated = migrateArticleV4toV5(old);
    expect(migrated).toEqual({ ...old, collections: [] });
    expect(old).not.toHaveProperty('collections'); // pure
    const ahead = { ...migrated, collections: ['c1'] };
    expect(migrateArticleV4toV5(ahead)).toEqual(ahead);
  });
});

describe('schema upgrade 4 → 6', () => {
  let name: string;
  afterEach(() => Dexie.delete(name));

  it('recomputes every summary with sort keys and counts from the chunked body, and keeps the records', async () => {
    name = freshDbName();
    const old = new Dexie(name);
    old.version(4).stores(SCHEMA_V4);
    const v4 = {
      ...migrateArticleV3toV4(recordV3('v4', 'https://www.example.org/a')),
      tags: ['x'],
    };
    await old.table('bodies').add({ articleId: 'v4', chunk: 0, paragraphs: v4.body });
    await old.table('articles').add(storedHead({ ...v4, collections: [] }, 1));
    old.close();

    const db = new QuireDatabase(name);
    try {
      expect(db.verno).toBe(6);
      const record = await withBody(db, await db.articles.get('v4'));
      expect(record).toEqual(migrateArticleV4toV5(v4));
      const summary = await db.summaries.get('v4');
      expect(summary).toEqual(toSummary(record!));
      const words = v4.body.map((p) => p.text.split(/\s+/).filter(Boolean).length);
      expect(summary?.words).toBe(words.reduce((a, b) => a + b));
      expect(summary?.words).toBeGreaterThan(50);
      expect(summary?.paragraphs).toBe(v4.body.length);
      expect(summary?.tags).toEqual(['x']);
      expect(await db.summaries.where('tags').equals('x').primaryKeys()).toEqual(['v4']);
      // The index starts empty: the search worker builds it.
      expect(await db.searchDocs.count()).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('schema upgrade 5 → 6', () => {
  let name: string;
  afterEach(() => Dexie.delete(name));

  it('adds an empty annotations store and leaves articles, bodies, summaries and the index as they were', async () => {
    name = freshDbName();
    const old = new Dexie(name);
    old.version(5).stores(SCHEMA_V5);
    const v5 = upgradedFromV3(recordV3('v5', 'https://www.example.org/b'));
    const head = storedHead(v5, 1);
    const chunk = { articleId: 'v5', chunk: 0, paragraphs: v5.body };
    const summary = toSummary(v5);
    const meta = [
      { key: 'nextDoc', value: 7 },
      { key: 'version', value: 1 },
    ];
    await old.table('articles').add(head);
    await old.table('bodies').add(chunk);
    await old.table('summaries').add(summary);
    await old.table('searchMeta').bulkAdd(meta);
    old.close();

    const db = new QuireDatabase(name);
    try {
      expect(db.verno).toBe(6);
      expect(await db.articles.get('v5')).toEqual(head);
      expect(await db.bodies.get(['v5', 0])).toEqual(chunk);
      expect(await db.summaries.get('v5')).toEqual(summary);
      expect(await db.searchMeta.toArray()).toEqual(meta);
      expect(await db.annotations.count()).toBe(0);
      expect(await db.annotations.where('articleId').equals('v5').count()).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('upgradeStep', () => {
  it('names the version and the article being migrated when a step throws, keeping the error', async () => {
    const cause = new TypeError('boom');
    const step = upgradeStep(4, async (_tx: null, at) => {
      at('first');
      at('second');
      throw cause;
    });
    const error = await step(null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpgradeStepError);
    expect(error).toMatchObject({ version: 4, articleId: 'second', inner: cause });
    expect((error as Error).message).toBe(
      'The upgrade to library version 4 failed on article "second"',
    );
  });

  it('passes an error already wrapped by an inner callback through unchanged', async () => {
    const inner = new UpgradeStepError(2, 'x', new Error('bad record'));
    const error = await upgradeStep(2, async () => {
      throw inner;
    })(null).catch((e: unknown) => e);
    expect(error).toBe(inner);
  });
});
