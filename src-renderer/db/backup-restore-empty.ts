import type { Table } from 'dexie';
import { BackupError } from '../../src-core/backup/index.ts';
import type { QuireDatabase } from './database.ts';
import type { ArchiveLibrary } from './backup-archive.ts';
import { fullArticles } from './backup-archive.ts';
import type { RestoreReport } from './backup.ts';
import { indexRestoredArticles, restoreTables } from './backup-search.ts';

/** Stores whose records make a library not empty (settings are app preferences). */
const CONTENT_STORES = [
  'articles',
  'sources',
  'images',
  'bodies',
  'summaries',
  'annotations',
  'collections',
  'styles',
] as const;

const table = (db: QuireDatabase, store: (typeof CONTENT_STORES)[number]) =>
  db[store] as Table<unknown>;

/**
 * Whether the library holds anything a restore "into an empty library" would refuse to write
 * over (settings are app preferences and do not count). Works inside a transaction over these
 * stores, and in a live query.
 */
export async function libraryHasContent(db: QuireDatabase): Promise<boolean> {
  const firsts = await Promise.all(
    CONTENT_STORES.map((store) => table(db, store).limit(1).primaryKeys()),
  );
  return firsts.some((keys) => keys.length > 0);
}

/**
 * Puts every record back exactly as it was saved (same ids, times, keys and settings), in one
 * transaction, into a library that holds nothing yet; settings the library already has are
 * replaced by the backup's and reported.
 */
export async function restoreIntoEmpty(
  db: QuireDatabase,
  archive: ArchiveLibrary,
  progress: (done: number, total: number) => void,
): Promise<RestoreReport> {
  // The CPU work (joining bodies, tokenizing) before the transaction would be nicer, but
  // the index must see the annotations too; it is synchronous, so the transaction stays open.
  const articles = fullArticles(archive);
  const report: RestoreReport = {
    mode: 'empty',
    added: {
      articles: archive.articles.length,
      annotations: archive.annotations.length,
      collections: archive.collections.length,
      styles: archive.styles.length,
      settings: archive.settings.length,
    },
    skipped: [],
    conflicts: [],
  };
  const steps = CONTENT_STORES.length + 2;
  await db.transaction('rw', restoreTables(db), async () => {
    if (await libraryHasContent(db)) {
      throw new BackupError(
        'The library is not empty: restore this backup into an empty library, or merge it into this one',
      );
    }
    const current = new Map((await db.settings.toArray()).map((s) => [s.key, s.value]));
    for (const setting of archive.settings) {
      const value = current.get(setting.key);
      if (value !== undefined && value !== setting.value) {
        report.conflicts.push({
          kind: 'setting',
          id: setting.key,
          resolution: `the backup's value (${setting.value}) replaced the current one (${value})`,
        });
      }
    }
    let done = 0;
    for (const store of CONTENT_STORES) {
      const records = archive[store];
      if (records.length) await table(db, store).bulkAdd(records);
      progress(++done, steps);
    }
    if (archive.settings.length) await db.settings.bulkPut(archive.settings);
    progress(done + 1, steps);
    await indexRestoredArticles(db, articles, archive.annotations);
    progress(steps, steps);
  });
  return report;
}
