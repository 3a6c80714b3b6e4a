import { Dexie, type EntityTable } from 'dexie';
import { migrateArticleV1toV2, type ArticleRecordV1 } from './migrations.ts';
import type { ArticleRecord, SourceRecord } from './records.ts';
import { SCHEMA_V1, SCHEMA_V2 } from './schema.ts';

export class QuireDatabase extends Dexie {
  // `declare` so class-field initialisation cannot overwrite the tables Dexie installs.
  declare articles: EntityTable<ArticleRecord, 'id'>;
  declare sources: EntityTable<SourceRecord, 'sha256'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        tx
          .table<ArticleRecordV1 | ArticleRecord, string>('articles')
          .toCollection()
          .modify((record, ref) => {
            ref.value = migrateArticleV1toV2(record);
          }),
      );
  }
}
