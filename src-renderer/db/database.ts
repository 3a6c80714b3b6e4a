import { Dexie, type EntityTable, type Table } from 'dexie';
import {
  migrateArticlesV2toV3,
  migrateArticleV1toV2,
  migrateArticleV3toV4,
  type ArticleRecordV1,
  type ArticleRecordV2,
  type ArticleRecordV3,
} from './migrations.ts';
import type {
  ArticleSummary,
  BodyChunkRecord,
  ImageRecord,
  StoredArticleRecord,
  SettingRecord,
  SourceRecord,
  StyleRecord,
} from './records.ts';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from './schema.ts';
import { toSummary } from './summary.ts';
import { bodyChunkRecords, storedHead } from './body-store.ts';

export class QuireDatabase extends Dexie {
  // `declare` so class-field initialisation cannot overwrite the tables Dexie installs.
  declare articles: EntityTable<StoredArticleRecord, 'id'>;
  declare sources: EntityTable<SourceRecord, 'sha256'>;
  declare styles: EntityTable<StyleRecord, 'id'>;
  declare settings: EntityTable<SettingRecord, 'key'>;
  declare images: EntityTable<ImageRecord, 'key'>;
  declare summaries: EntityTable<ArticleSummary, 'id'>;
  declare bodies: Table<BodyChunkRecord, [string, number]>;

  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        tx
          .table<ArticleRecordV1 | ArticleRecordV2, string>('articles')
          .toCollection()
          .modify((record, ref) => {
            ref.value = migrateArticleV1toV2(record);
          }),
      );
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        const articles = tx.table<ArticleRecordV2 | ArticleRecordV3, string>('articles');
        // Keys depend on every other record (uniqueness), so the whole table is read first.
        await articles.bulkPut(migrateArticlesV2toV3(await articles.toArray()));
      });
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        // One article at a time: a whole library's bodies are never in memory at once.
        const articles = tx.table<ArticleRecordV3 | StoredArticleRecord, string>('articles');
        const bodies = tx.table<BodyChunkRecord, [string, number]>('bodies');
        const summaries = tx.table<ArticleSummary, string>('summaries');
        for (const id of await articles.toCollection().primaryKeys()) {
          const old = await articles.get(id);
          if (!old) continue;
          const migrated = migrateArticleV3toV4(old);
          const chunks = bodyChunkRecords(id, migrated.body);
          for (const chunk of chunks) await bodies.put(chunk);
          await articles.put(storedHead(migrated, chunks.length));
          await summaries.put(toSummary(migrated));
        }
      });
  }
}
