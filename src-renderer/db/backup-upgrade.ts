import { Dexie } from 'dexie';
import { BackupError } from '../../src-core/backup/index.ts';
import { QuireDatabase } from './database.ts';
import { dumpStores, isDurableStore } from './backup-dump.ts';
import {
  CURRENT_SCHEMA_VERSION,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
} from './schema.ts';

const SCHEMAS: Record<number, Record<string, string>> = {
  1: SCHEMA_V1,
  2: SCHEMA_V2,
  3: SCHEMA_V3,
  4: SCHEMA_V4,
  5: SCHEMA_V5,
  6: SCHEMA_V6,
};

/**
 * The records of a backup made at an older schema version (snapshotDatabase before an
 * upgrade), brought to the current one by the app's own upgrade: a scratch database is
 * created at that version from its frozen schema, filled, and opened as QuireDatabase, whose
 * upgrade functions run as they would on the user's disk. The scratch database is deleted.
 */
export async function upgradeStores(
  stores: Map<string, unknown[]>,
  version: number,
): Promise<Map<string, unknown[]>> {
  if (version === CURRENT_SCHEMA_VERSION) return stores;
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new BackupError(
      `This backup holds a library from a newer version of Quire (database version ${version}; this version knows up to ${CURRENT_SCHEMA_VERSION}). Update Quire to restore it.`,
    );
  }
  const schema = SCHEMAS[version];
  if (!schema) throw new BackupError(`This backup names an unknown database version (${version})`);
  for (const name of stores.keys()) {
    if (!(name in schema) || !isDurableStore(name)) {
      throw new BackupError(
        `The backup holds a store (${name}) that database version ${version} does not have`,
      );
    }
  }
  const name = `quire-restore-${crypto.randomUUID()}`;
  try {
    const old = new Dexie(name);
    old.version(version).stores(schema);
    try {
      await old.transaction('rw', old.tables, async () => {
        for (const [store, records] of stores) await old.table(store).bulkAdd(records);
      });
    } finally {
      old.close();
    }
    const upgraded = new QuireDatabase(name);
    try {
      await upgraded.open();
      const current = await dumpStores(upgraded);
      return new Map(current.map((store) => [store.name, [...store.records]]));
    } finally {
      upgraded.close();
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `This backup (database version ${version}) could not be brought up to date: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    await Dexie.delete(name);
  }
}
