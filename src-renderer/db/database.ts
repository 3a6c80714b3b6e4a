import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import {
  migrateArticlesV2toV3,
  migrateArticleV1toV2,
  migrateArticleV3toV4,
  migrateArticleV4toV5,
  upgradeStep,
  UpgradeStepError,
  type ArticleRecordV1,
  type ArticleRecordV2,
  type ArticleRecordV3,
  type ArticleRecordV4,
} from './migrations.ts';
import type {
  AnnotationRecord,
  ArticleSummary,
  BodyChunkRecord,
  CollectionRecord,
  ImageRecord,
  SearchDeletedRecord,
  SearchDocRecord,
  SearchMetaRecord,
  SearchPendingRecord,
  SearchBlockRecord,
  SearchPositionBlockRecord,
  SearchSegmentRecord,
  StoredArticleRecord,
  SettingRecord,
  SourceRecord,
  StyleRecord,
} from './records.ts';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6 } from './schema.ts';
import { toSummary } from './summary.ts';
import { bodyChunkRecords, storedHead } from './body-store.ts';
import { INDEX_VERSION } from './search-index.ts';

/** Fields summaries gained in version 5. */
type NewSummaryFields =
  | 'titleKey'
  | 'authorKey'
  | 'siteKey'
  | 'issuedKey'
  | 'tags'
  | 'collections'
  | 'noticeKinds'
  | 'words'
  | 'paragraphs';

/** A summary as version 4 wrote it. */
function summaryV4(record: ArticleRecordV4): Omit<ArticleSummary, NewSummaryFields> {
  const { id, title, authors, issued, containerTitle, addedAt, gaps } = toSummary({
    ...record,
    collections: [],
  });
  return { id, title, authors, issued, containerTitle, addedAt, gaps };
}

export class QuireDatabase extends Dexie {
  // `declare` so class-field initialisation cannot overwrite the tables Dexie installs.
  declare articles: EntityTable<StoredArticleRecord, 'id'>;
  declare sources: EntityTable<SourceRecord, 'sha256'>;
  declare styles: EntityTable<StyleRecord, 'id'>;
  declare settings: EntityTable<SettingRecord, 'key'>;
  declare images: EntityTable<ImageRecord, 'key'>;
  declare summaries: EntityTable<ArticleSummary, 'id'>;
  declare bodies: Table<BodyChunkRecord, [string, number]>;
  declare collections: EntityTable<CollectionRecord, 'id'>;
  declare searchDocs: EntityTable<SearchDocRecord, 'articleId'>;
  declare searchPending: EntityTable<SearchPendingRecord, 'docNum'>;
  declare searchSegments: EntityTable<SearchSegmentRecord, 'id'>;
  declare searchBlocks: Table<SearchBlockRecord, [number, number]>;
  declare searchPositionBlocks: Table<SearchPositionBlockRecord, [number, number]>;
  declare searchDeleted: EntityTable<SearchDeletedRecord, 'docNum'>;
  declare searchMeta: EntityTable<SearchMetaRecord, 'key'>;
  declare annotations: EntityTable<AnnotationRecord, 'id'>;

  constructor(name: string) {
    // Relaxed: a commit is in the operating system's hands before it resolves, not flushed to
    // the disk (Chromium's "strict" waits for an fsync, about 30 ms a transaction here). An app
    // crash loses nothing committed; a power cut may lose the last moments (ADR 0010).
    super(name, { chromeTransactionDurability: 'relaxed' });
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(
        upgradeStep(2, (tx: Transaction) =>
          tx
            .table<ArticleRecordV1 | ArticleRecordV2, string>('articles')
            .toCollection()
            .modify((record, ref) => {
              try {
                ref.value = migrateArticleV1toV2(record);
              } catch (error) {
                throw new UpgradeStepError(2, String(record.id), error);
              }
            }),
        ),
      );
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(
        upgradeStep(3, async (tx: Transaction, at) => {
          const articles = tx.table<ArticleRecordV2 | ArticleRecordV3, string>('articles');
          // Keys depend on every other record (uniqueness), so every record's metadata is read
          // first; one record at a time, without its body, so that a whole library's bodies
          // (inline until version 4) are never in memory at once.
          const heads: (ArticleRecordV2 | ArticleRecordV3)[] = [];
          await articles.each((record) => {
            heads.push({ ...record, body: [] });
          });
          for (const keyed of migrateArticlesV2toV3(heads)) {
            at(keyed.id);
            const record = await articles.get(keyed.id);
            if (!record) continue;
            const { citekey, citekeyFixed, titleOverrides } = keyed;
            await articles.put({ ...record, citekey, citekeyFixed, titleOverrides });
          }
        }),
      );
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(
        upgradeStep(4, async (tx: Transaction, at) => {
          // One article at a time: a whole library's bodies are never in memory at once.
          const articles = tx.table<ArticleRecordV3 | StoredArticleRecord, string>('articles');
          const bodies = tx.table<BodyChunkRecord, [string, number]>('bodies');
          const summaries = tx.table<Omit<ArticleSummary, NewSummaryFields>, string>('summaries');
          for (const id of await articles.toCollection().primaryKeys()) {
            const old = await articles.get(id);
            if (!old) continue;
            at(id);
            const migrated = migrateArticleV3toV4(old);
            const chunks = bodyChunkRecords(id, migrated.body);
            for (const chunk of chunks) await bodies.put(chunk);
            await articles.put(storedHead({ ...migrated, collections: [] }, chunks.length));
            await summaries.put(summaryV4(migrated));
          }
        }),
      );
    // A new library's (empty) index is current: nothing to rebuild. An upgraded one has none.
    this.on('populate', (tx) =>
      tx
        .table<SearchMetaRecord, string>('searchMeta')
        .add({ key: 'version', value: INDEX_VERSION }),
    );
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(
        upgradeStep(5, async (tx: Transaction, at) => {
          // Summaries gain sort keys and counts (the word count reads the body, chunk by chunk).
          // The search index starts empty; the search worker builds it (search-maintenance.ts).
          const articles = tx.table<ArticleRecordV4 | StoredArticleRecord, string>('articles');
          const bodies = tx.table<BodyChunkRecord, [string, number]>('bodies');
          const summaries = tx.table<ArticleSummary, string>('summaries');
          for (const id of await articles.toCollection().primaryKeys()) {
            const old = await articles.get(id);
            if (!old) continue;
            at(id);
            const chunked = old as Partial<StoredArticleRecord>;
            const migrated = { ...migrateArticleV4toV5(old), bodyChunks: chunked.bodyChunks };
            await articles.put(migrated);
            const body = [];
            const count = migrated.bodyChunks ?? 0;
            for (let chunk = 0; chunk < count; chunk++) {
              body.push(...((await bodies.get([id, chunk]))?.paragraphs ?? []));
            }
            await summaries.put(toSummary(count ? { ...migrated, body } : migrated));
          }
        }),
      );
    // A new store only: no record changes shape.
    this.version(6).stores(SCHEMA_V6);
  }
}
