import { Dexie } from 'dexie';
import { SCHEMA_V5 } from './schema.ts';

/**
 * For tests outside db/: a database left at schema version 5 (before annotations) holding
 * one setting, as an older Quire wrote it. Delete it with `deleteDatabase`.
 */
export async function createVersion5Database(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(5).stores(SCHEMA_V5);
  await old.table('settings').put({ key: 'theme', value: 'dark' });
  old.close();
}

/** The version the database `name` is at on disk, opening it without a schema. */
export async function versionOnDisk(name: string): Promise<number> {
  const db = new Dexie(name);
  await db.open();
  try {
    return db.verno;
  } finally {
    db.close();
  }
}

export const deleteDatabase = (name: string): Promise<void> => Dexie.delete(name);
