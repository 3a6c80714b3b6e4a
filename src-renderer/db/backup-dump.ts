import { Dexie } from 'dexie';
import type { BackupStoreInput } from '../../src-core/backup/index.ts';

/** The search index is derived from the articles: rebuilt after a restore, never backed up. */
export const isDurableStore = (name: string) => !name.startsWith('search');

/**
 * Every record of every durable store, in one read transaction (a consistent snapshot),
 * stores by name and records by primary key, as the database holds them (bodies in chunks).
 */
export async function dumpStores(
  db: Dexie,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<BackupStoreInput[]> {
  const tables = db.tables
    .filter((table) => isDurableStore(table.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return db.transaction('r', tables, async () => {
    const total = (await Promise.all(tables.map((t) => t.count()))).reduce((a, b) => a + b, 0);
    let done = 0;
    const stores: BackupStoreInput[] = [];
    for (const table of tables) {
      const records = await table.toArray();
      done += records.length;
      onProgress(done, total);
      const keyPath = table.schema.primKey.keyPath;
      if (keyPath === undefined || keyPath === null) {
        throw new Error(`The store ${table.name} has no key path`);
      }
      stores.push({ name: table.name, keyPath, records });
    }
    return stores;
  });
}

/**
 * Opens the database `name` as it is on disk, at its own version, without declaring a schema
 * (Dexie's dynamic mode): nothing is upgraded or created. null when there is no such database.
 */
export async function openAsStored(name: string): Promise<Dexie | null> {
  const db = new Dexie(name);
  try {
    await db.open();
    return db;
  } catch (error) {
    db.close();
    if ((error as { name?: string }).name === 'NoSuchDatabaseError') return null;
    throw error;
  }
}
