import { version as appVersion } from '../../package.json';
import { BackupError, readBackupArchive, writeBackupArchive } from '../../src-core/backup/index.ts';
import { sha256 } from '../host/sha256.ts';
import type { Library } from './index.ts';
import { dumpStores, openAsStored } from './backup-dump.ts';
import { archiveLibrary } from './backup-archive.ts';
import { upgradeStores } from './backup-upgrade.ts';
import { restoreIntoEmpty } from './backup-restore-empty.ts';
import { mergeIntoLibrary } from './backup-merge.ts';
import { maintainIndex } from './search-maintenance.ts';

/**
 * Backup and restore of a whole library as one archive (docs/backup-format.md, ADR 0013).
 * The archive code is pure (src-core/backup); this module reads and writes the database.
 */

export { BackupError };

export interface BackupProgress {
  phase: 'read' | 'pack' | 'unpack' | 'write';
  done: number;
  total: number;
}

export type RestoreMode = 'empty' | 'merge';

export interface RestoreReport {
  mode: RestoreMode;
  added: {
    articles: number;
    annotations: number;
    collections: number;
    styles: number;
    settings: number;
  };
  skipped: { kind: string; id: string; title?: string; reason: string }[];
  conflicts: { kind: string; id: string; title?: string; resolution: string }[];
}

const APP = { name: 'Quire', version: appVersion };

/** An archive of the whole library: every durable store, in one consistent read. */
export async function exportLibraryArchive(
  library: Library,
  options: { onProgress?: (p: BackupProgress) => void; now?: () => number } = {},
): Promise<Uint8Array> {
  const { onProgress, now = Date.now } = options;
  const db = library.db;
  await db.open();
  const stores = await dumpStores(db, (done, total) =>
    onProgress?.({ phase: 'read', done, total }),
  );
  return writeBackupArchive(
    { app: APP, schemaVersion: db.verno, createdAt: now(), stores },
    { sha256, onProgress: (phase, done, total) => onProgress?.({ phase, done, total }) },
  );
}

/**
 * Restores an archive: into an empty library exactly as it was saved (`empty`), or alongside
 * what the library holds (`merge`, see backup-merge.ts). All or nothing: one transaction
 * writes everything, so any error leaves the library as it was. Bad archives are refused
 * with a BackupError before anything is written.
 */
export async function restoreLibraryArchive(
  library: Library,
  bytes: Uint8Array,
  options: { mode: RestoreMode; onProgress?: (p: BackupProgress) => void },
): Promise<RestoreReport> {
  const { mode, onProgress } = options;
  if (mode !== 'empty' && mode !== 'merge')
    throw new Error(`Unknown restore mode: ${String(mode)}`);
  const contents = await readBackupArchive(bytes, {
    sha256,
    onProgress: (phase, done, total) => onProgress?.({ phase, done, total }),
  });
  const stores = await upgradeStores(contents.stores, contents.manifest.schemaVersion);
  const archive = archiveLibrary(stores, contents.blobs);
  const write = (done: number, total: number) => onProgress?.({ phase: 'write', done, total });
  const report =
    mode === 'empty'
      ? await restoreIntoEmpty(library.db, archive, write)
      : await mergeIntoLibrary(library.db, archive, write);
  // The restored articles wait in the index's pending list; write them into segments now,
  // as an import's writer does, so they are found at once.
  await maintainIndex(library.db);
  return report;
}

/** The schema version of the database on disk (0 when there is none), read without upgrading it. */
export async function storedSchemaVersion(name: string): Promise<number> {
  const db = await openAsStored(name);
  if (!db) return 0;
  try {
    return db.verno;
  } finally {
    db.close();
  }
}

/**
 * An archive of the database `name` as it is on disk, at its own (possibly old) schema
 * version, without upgrading it: the backup taken before a schema upgrade. null when there is
 * no database.
 */
export async function snapshotDatabase(name: string): Promise<Uint8Array | null> {
  const db = await openAsStored(name);
  if (!db) return null;
  try {
    const stores = await dumpStores(db);
    return await writeBackupArchive(
      { app: APP, schemaVersion: db.verno, createdAt: Date.now(), stores },
      { sha256 },
    );
  } finally {
    db.close();
  }
}
