import { Dexie, type EntityTable } from 'dexie';
import type { ArticleRecord, SourceRecord } from './records.ts';
import { SCHEMA_V1 } from './schema.ts';

export class QuireDatabase extends Dexie {
  // `declare` so class-field initialisation cannot overwrite the tables Dexie installs.
  declare articles: EntityTable<ArticleRecord, 'id'>;
  declare sources: EntityTable<SourceRecord, 'sha256'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}
