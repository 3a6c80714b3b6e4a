/**
 * IndexedDB schema, one frozen entry per version. Never edit a shipped version:
 * users' databases were created from it.
 *
 * To change the schema, add a version below and register it in database.ts:
 *
 *   db.version(2)
 *     .stores(SCHEMA_V2)
 *     .upgrade((tx) => tx.table('articles').toCollection().modify(...pureMigrationV1toV2...));
 *
 * where the migration is a pure function (old-shaped record in, new-shaped record out)
 * in its own file with unit tests on old-shaped data. Version 1 needs no migration.
 */

export const SCHEMA_V1 = {
  // `&source.sha256` is unique: IndexedDB itself rejects a second article for the same
  // bytes, so duplicates are impossible even when two windows import at once.
  articles: 'id, addedAt, updatedAt, &source.sha256',
  // Original bytes, stored once per content hash.
  sources: 'sha256',
} as const;

export const CURRENT_SCHEMA_VERSION = 1;
