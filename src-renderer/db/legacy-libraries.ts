// Test support only (not shipped): a library as each past schema version left it on disk, written
// through a plain Dexie declared with that version's frozen schema (schema.ts), never through
// QuireDatabase, whose upgrades would run first.
import { Dexie } from 'dexie';
import { bodyChunkRecords, putWithBody } from './body-store.ts';
import { QuireDatabase } from './database.ts';
import {
  articlesV3,
  articlesV4,
  articlesV5,
  articleV1,
  articleV2,
  COLLECTIONS,
  imageRecords,
  sampleArticles,
  sourceRecord,
  type SampleArticle,
} from './legacy-articles.ts';
import type {
  ArticleRecordV1,
  ArticleRecordV2,
  ArticleRecordV3,
  ArticleRecordV4,
} from './migrations.ts';
import type { ArticleRecord, ArticleSummary, SettingRecord, StyleRecord } from './records.ts';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from './schema.ts';
import { indexArticle, searchWriteTables } from './search-index.ts';
import { maintainIndex } from './search-maintenance.ts';
import { toSummary } from './summary.ts';

/** Every past version: a new schema version adds its row here and to schema-history.test.ts. */
export const PAST_SCHEMAS = {
  1: SCHEMA_V1,
  2: SCHEMA_V2,
  3: SCHEMA_V3,
  4: SCHEMA_V4,
  5: SCHEMA_V5,
};
export type PastVersion = keyof typeof PAST_SCHEMAS;

/** An article record in the shape one of the past versions stored. */
export type LegacyArticle =
  ArticleRecordV1 | ArticleRecordV2 | ArticleRecordV3 | ArticleRecordV4 | ArticleRecord;

/** What was written: the articles whole (body inline), and every store exactly as on disk. */
export interface LegacyLibrary {
  version: PastVersion;
  samples: SampleArticle[];
  /** Each article as its version shaped it, body included (the stored head has none from 4). */
  articles: LegacyArticle[];
  /** Every store's records as read back after writing, by store name. */
  stores: Record<string, unknown[]>;
}

/** A CSL style the user imported (schema 3 on); non-ASCII text, so a re-encoding would show. */
const CUSTOM_STYLE: StyleRecord = {
  id: 'custom-5b1e0c64-8d2f-4c3e-9a57-1f0e2d3c4b5a',
  title: 'Revue d’écologie (auteur–date)',
  cslId: 'http://www.zotero.org/styles/revue-d-ecologie',
  xml:
    '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" ' +
    'class="in-text" version="1.0">\n  <info>\n    <title>Revue d’écologie (auteur–date)</title>\n' +
    '    <id>http://www.zotero.org/styles/revue-d-ecologie</id>\n  </info>\n' +
    '  <citation><layout><text variable="title"/></layout></citation>\n</style>\n',
  addedAt: Date.UTC(2023, 9, 1),
};

/** Settings each version's app wrote. */
function settingsAt(version: PastVersion): SettingRecord[] {
  if (version < 3) return [];
  const settings = [{ key: 'defaultStyle', value: CUSTOM_STYLE.id }];
  if (version >= 4) settings.push({ key: 'allowPrivateAddresses', value: 'true' });
  if (version >= 5) {
    const reader = { theme: 'sepia', fontSize: 19, lineHeight: 1.6, measure: 68 };
    settings.push({ key: 'quire.reader.settings', value: JSON.stringify(reader) });
  }
  return settings;
}

/** A summary as schema 4 wrote it: display strings only, no sort keys or counts. */
function summaryV4(record: ArticleRecordV4): Partial<ArticleSummary> {
  const { id, title, authors, issued, containerTitle, addedAt, gaps } = toSummary({
    ...record,
    collections: [],
  });
  return { id, title, authors, issued, containerTitle, addedAt, gaps };
}

async function dumpStores(db: Dexie): Promise<Record<string, unknown[]>> {
  const stores: Record<string, unknown[]> = {};
  for (const table of db.tables) stores[table.name] = await table.toArray();
  return stores;
}

/** Articles the user tagged after importing them (schema 5): re-indexed since the last flush. */
const TAGGED_LATER = new Set(['a-reference', 'd-two-authors']);

/**
 * The search stores of a version 5 library, as the app filled them: every article indexed when
 * imported and flushed into a segment, then two of them tagged, so that their old entries are
 * marked deleted and their new ones wait for the next flush. Built with the index code in a
 * scratch library and copied.
 */
async function searchStoresV5(
  records: ReturnType<typeof articlesV5>,
): Promise<Record<string, unknown[]>> {
  const scratch = new QuireDatabase(`quire-scratch-${crypto.randomUUID()}`);
  const write = (record: ArticleRecord) =>
    scratch.transaction(
      'rw',
      [scratch.articles, scratch.bodies, ...searchWriteTables(scratch)],
      async () => {
        await putWithBody(scratch, record);
        await indexArticle(scratch, record.id, record);
      },
    );
  try {
    for (const record of records) {
      await write(TAGGED_LATER.has(record.id) ? { ...record, tags: [] } : record);
    }
    await maintainIndex(scratch);
    for (const record of records) if (TAGGED_LATER.has(record.id)) await write(record);
    const stores = await dumpStores(scratch);
    return Object.fromEntries(Object.entries(stores).filter(([name]) => name.startsWith('search')));
  } finally {
    scratch.close();
    await Dexie.delete(scratch.name);
  }
}

/** Writes the sample library as schema `version` stored it into a new database `name`. */
export async function buildLegacyLibrary(
  version: PastVersion,
  name: string,
): Promise<LegacyLibrary> {
  const samples = await sampleArticles();
  const db = new Dexie(name);
  db.version(version).stores(PAST_SCHEMAS[version]);
  const articles: LegacyArticle[] =
    version === 1
      ? samples.map(articleV1)
      : version === 2
        ? samples.map(articleV2)
        : version === 3
          ? articlesV3(samples)
          : version === 4
            ? articlesV4(samples)
            : articlesV5(samples);
  // Hashed before the transaction: WebCrypto's promises would let it commit half-way.
  const images =
    version >= 4
      ? (
          await Promise.all(
            (articles as ArticleRecordV4[]).map((r) => imageRecords(r.id, r.images, r.addedAt)),
          )
        ).flat()
      : [];
  try {
    await db.transaction('rw', db.tables, async () => {
      await db.table('sources').bulkAdd(samples.map(sourceRecord));
      if (version >= 3) {
        await db.table('styles').add(structuredClone(CUSTOM_STYLE));
        await db.table('settings').bulkAdd(settingsAt(version));
      }
      if (version < 4) {
        await db.table('articles').bulkAdd(structuredClone(articles));
        return;
      }
      // From version 4 the body lives in chunks and the list reads a summary.
      for (const record of articles as ArticleRecordV4[]) {
        const chunks = bodyChunkRecords(record.id, record.body);
        await db.table('bodies').bulkAdd(chunks);
        await db.table('articles').add({ ...record, body: [], bodyChunks: chunks.length });
      }
      await db.table('images').bulkAdd(images);
      await db
        .table('summaries')
        .bulkAdd(
          version === 4
            ? (articles as ArticleRecordV4[]).map(summaryV4)
            : articlesV5(samples).map(toSummary),
        );
    });
    if (version >= 5) {
      await db.table('collections').bulkAdd(structuredClone(COLLECTIONS));
      const search = await searchStoresV5(articlesV5(samples));
      await db.transaction('rw', Object.keys(search), async () => {
        for (const [store, rows] of Object.entries(search)) await db.table(store).bulkAdd(rows);
      });
    }
    return { version, samples, articles, stores: await dumpStores(db) };
  } finally {
    db.close();
  }
}
