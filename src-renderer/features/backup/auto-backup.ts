import { isDailyBackupDue, type BackupEntry } from '../../../src-core/auto-backup/rotation.ts';
import type { Library } from '../../db/index.ts';
import { exportLibraryArchive, snapshotDatabase, storedSchemaVersion } from '../../db/backup.ts';
import { CURRENT_SCHEMA_VERSION } from '../../db/schema.ts';
import type { BackupStore } from '../../host/index.ts';

/** What happened to one automatic backup; failures carry a message for the user. */
export type AutoBackupOutcome =
  | { state: 'saved'; entry: BackupEntry }
  | { state: 'failed'; message: string }
  /** Nothing to back up: no library yet, already current, or nothing due. */
  | { state: 'skipped' };

export interface AutoBackupState {
  preUpgrade: AutoBackupOutcome;
  daily: AutoBackupOutcome | null;
  /** A daily backup is being taken right now. */
  running: boolean;
  /** The automatic backups as last listed (newest first); undefined until first read. */
  entries: BackupEntry[] | undefined;
  /** Why the list could not be read, if it could not. */
  listError: string | null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The database functions, injected so tests can fail them. */
export interface UpgradeBackupDeps {
  storedSchemaVersion: (name: string) => Promise<number>;
  snapshotDatabase: (name: string) => Promise<Uint8Array | null>;
  currentVersion: number;
}

const DB_DEPS: UpgradeBackupDeps = {
  storedSchemaVersion,
  snapshotDatabase,
  currentVersion: CURRENT_SCHEMA_VERSION,
};

/**
 * Called before the library is opened (opening it upgrades it): when the database on disk is
 * at an older schema version, saves a snapshot of it, as it is, with reason pre-upgrade.
 * Never throws: a backup that fails must not keep the library from opening; the outcome says
 * why, and the app shows it.
 */
export async function backupBeforeUpgrade(
  name: string,
  store: BackupStore | null,
  deps: UpgradeBackupDeps = DB_DEPS,
): Promise<AutoBackupOutcome> {
  try {
    const stored = await deps.storedSchemaVersion(name);
    if (stored === 0 || stored >= deps.currentVersion) return { state: 'skipped' };
    if (!store) {
      return {
        state: 'failed',
        message: `Quire is upgrading your library (from version ${stored}) but has nowhere to keep a backup of it first.`,
      };
    }
    const snapshot = await deps.snapshotDatabase(name);
    if (!snapshot) return { state: 'skipped' };
    return { state: 'saved', entry: await store.save(snapshot, 'pre-upgrade') };
  } catch (error) {
    return {
      state: 'failed',
      message: `The backup before upgrading your library failed: ${messageOf(error)}`,
    };
  }
}

export interface AutoBackups {
  getState(): AutoBackupState;
  subscribe(listener: () => void): () => void;
  /** Takes today's backup if the newest daily one is 24 hours old and the library has content. */
  runDaily(): Promise<AutoBackupOutcome>;
  /** Runs `runDaily` once, after `delayMs`, so start-up and first paint come first. */
  scheduleDaily(delayMs?: number): void;
  /** Reads the list of backups again. */
  refresh(): Promise<void>;
}

export interface AutoBackupOptions {
  store: BackupStore | null;
  library: Library;
  preUpgrade: AutoBackupOutcome;
  now?: () => number;
  exportArchive?: (library: Library) => Promise<Uint8Array>;
}

/** The automatic backups of one running app: the pre-upgrade outcome and the daily one. */
export function createAutoBackups(options: AutoBackupOptions): AutoBackups {
  const { store, library, now = Date.now } = options;
  const exportArchive = options.exportArchive ?? ((lib: Library) => exportLibraryArchive(lib));
  let state: AutoBackupState = {
    preUpgrade: options.preUpgrade,
    daily: null,
    running: false,
    entries: undefined,
    listError: null,
  };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<AutoBackupState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  let started = false;

  const dailyOutcome = async (): Promise<AutoBackupOutcome> => {
    if (!store) return { state: 'failed', message: 'This browser has nowhere to keep backups.' };
    // The library first: one key read, and an empty library never wakes the backup store.
    const hasArticles = (await library.db.summaries.limit(1).primaryKeys()).length > 0;
    if (!hasArticles) return { state: 'skipped' };
    if (!isDailyBackupDue(await store.list(), now())) return { state: 'skipped' };
    const bytes = await exportArchive(library);
    try {
      return { state: 'saved', entry: await store.save(bytes, 'daily') };
    } catch (error) {
      // Another window of Quire took today's backup meanwhile: nothing went wrong.
      if (!isDailyBackupDue(await store.list(), now())) return { state: 'skipped' };
      throw error;
    }
  };

  const refresh = async (): Promise<void> => {
    if (!store) return;
    try {
      update({ entries: await store.list(), listError: null });
    } catch (error) {
      update({ listError: `The automatic backups cannot be listed: ${messageOf(error)}` });
    }
  };

  const runDaily = async (): Promise<AutoBackupOutcome> => {
    update({ running: true });
    let outcome: AutoBackupOutcome;
    try {
      outcome = await dailyOutcome();
    } catch (error) {
      outcome = {
        state: 'failed',
        message: `Today's automatic backup failed: ${messageOf(error)}`,
      };
    }
    update({ running: false, daily: outcome });
    if (outcome.state === 'saved') await refresh();
    return outcome;
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    runDaily,
    scheduleDaily(delayMs = 2000) {
      if (started) return;
      started = true;
      setTimeout(() => void runDaily(), delayMs);
    },
    refresh,
  };
}
