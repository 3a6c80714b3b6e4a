import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupEntry, BackupReason } from '../../../src-core/auto-backup/rotation.ts';
import { backupFileName } from '../../../src-core/auto-backup/rotation.ts';
import { readBackupArchive } from '../../../src-core/backup/index.ts';
import type { Library } from '../../db/index.ts';
import { CURRENT_SCHEMA_VERSION } from '../../db/schema.ts';
import {
  createVersion5Database,
  deleteDatabase,
  versionOnDisk,
} from '../../db/test-old-database.ts';
import {
  disposeLibrary,
  freshDbName,
  openTestLibrary,
  variantArticle,
} from '../../db/test-article.ts';
import { UserFacingError, type BackupStore } from '../../host/host.ts';
import { sha256 } from '../../host/sha256.ts';
import { backupBeforeUpgrade, createAutoBackups } from './auto-backup.ts';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 11, 1, 9);

/** A backup store in memory that records what it was given. */
function memoryStore(initial: BackupEntry[] = []) {
  const saved: { bytes: Uint8Array; reason: BackupReason }[] = [];
  const entries = [...initial];
  const store: BackupStore & { saved: typeof saved } = {
    location: 'memory',
    saved,
    save: vi.fn(async (bytes: Uint8Array, reason: BackupReason) => {
      saved.push({ bytes, reason });
      const entry = { name: backupFileName(T0, reason), reason, createdAt: T0, size: bytes.length };
      entries.unshift(entry);
      return entry;
    }),
    list: async () => entries,
    read: async () => new Uint8Array(),
  };
  return store;
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

describe('backupBeforeUpgrade', () => {
  it('saves a snapshot of a database at an older schema version, at that version, before it is opened', async () => {
    const name = freshDbName();
    await createVersion5Database(name);
    cleanup.push(() => deleteDatabase(name));
    const store = memoryStore();

    const outcome = await backupBeforeUpgrade(name, store);

    expect(outcome).toMatchObject({ state: 'saved', entry: { reason: 'pre-upgrade' } });
    expect(store.saved).toHaveLength(1);
    const contents = await readBackupArchive(store.saved[0]!.bytes, { sha256 });
    expect(contents.manifest.schemaVersion).toBe(5);
    // Still at version 5: taking the snapshot did not upgrade it.
    expect(await versionOnDisk(name)).toBe(5);
  });

  it('takes nothing when there is no database yet or it is already current', async () => {
    const store = memoryStore();
    await expect(backupBeforeUpgrade(freshDbName(), store)).resolves.toEqual({ state: 'skipped' });
    const library = openTestLibrary();
    await library.db.open();
    cleanup.push(() => disposeLibrary(library));
    expect(library.db.verno).toBe(CURRENT_SCHEMA_VERSION);
    await expect(backupBeforeUpgrade(library.db.name, store)).resolves.toEqual({
      state: 'skipped',
    });
    expect(store.saved).toEqual([]);
  });

  it('never throws when the backup fails: it returns the reason to show', async () => {
    const store = memoryStore();
    store.save = async () => {
      throw new UserFacingError(
        'The browser storage is full: the automatic backup was not written.',
      );
    };
    const deps = {
      storedSchemaVersion: async () => 4,
      snapshotDatabase: async () => new Uint8Array([1]),
      currentVersion: 6,
    };
    await expect(backupBeforeUpgrade('quire', store, deps)).resolves.toEqual({
      state: 'failed',
      message:
        'The backup before upgrading your library failed: The browser storage is full: the automatic backup was not written.',
    });
    const unreadable = { ...deps, snapshotDatabase: () => Promise.reject(new Error('blocked')) };
    await expect(backupBeforeUpgrade('quire', store, unreadable)).resolves.toMatchObject({
      state: 'failed',
      message: expect.stringContaining('blocked'),
    });
    await expect(backupBeforeUpgrade('quire', null, deps)).resolves.toMatchObject({
      state: 'failed',
      message: expect.stringContaining('nowhere to keep a backup'),
    });
  });
});

describe('daily automatic backup', () => {
  async function libraryWithArticle(): Promise<Library> {
    const library = openTestLibrary();
    cleanup.push(() => disposeLibrary(library));
    const { parsed, bytes } = await variantArticle('daily');
    await library.articles.add(parsed, bytes);
    return library;
  }

  it('backs up the library when no daily backup exists, and tells listeners', async () => {
    const library = await libraryWithArticle();
    const store = memoryStore();
    const backups = createAutoBackups({
      store,
      library,
      preUpgrade: { state: 'skipped' },
      now: () => T0,
    });
    const listener = vi.fn();
    backups.subscribe(listener);

    const outcome = await backups.runDaily();

    expect(outcome).toMatchObject({ state: 'saved', entry: { reason: 'daily' } });
    expect(store.saved.map((s) => s.reason)).toEqual(['daily']);
    const contents = await readBackupArchive(store.saved[0]!.bytes, { sha256 });
    expect(contents.stores.get('articles')).toHaveLength(1);
    expect(backups.getState()).toMatchObject({ daily: outcome, running: false });
    expect(backups.getState().entries?.map((e) => e.reason)).toEqual(['daily']);
    expect(listener).toHaveBeenCalled();
  });

  it('takes none within 24 hours of the last daily one, and one after', async () => {
    const library = await libraryWithArticle();
    const recent = {
      name: backupFileName(T0, 'daily'),
      reason: 'daily' as const,
      createdAt: T0,
      size: 1,
    };
    const store = memoryStore([recent]);
    let clock = T0 + DAY - 1;
    const backups = createAutoBackups({
      store,
      library,
      preUpgrade: { state: 'skipped' },
      now: () => clock,
    });
    await expect(backups.runDaily()).resolves.toEqual({ state: 'skipped' });
    expect(store.saved).toEqual([]);
    clock = T0 + DAY;
    await expect(backups.runDaily()).resolves.toMatchObject({ state: 'saved' });
  });

  it('takes none of an empty library', async () => {
    const library = openTestLibrary();
    cleanup.push(() => disposeLibrary(library));
    const store = memoryStore();
    const backups = createAutoBackups({ store, library, preUpgrade: { state: 'skipped' } });
    await expect(backups.runDaily()).resolves.toEqual({ state: 'skipped' });
    expect(store.saved).toEqual([]);
  });

  it('reports a failed daily backup with its reason instead of throwing', async () => {
    const library = await libraryWithArticle();
    const store = memoryStore();
    const backups = createAutoBackups({
      store,
      library,
      preUpgrade: { state: 'skipped' },
      exportArchive: () => Promise.reject(new Error('disk on fire')),
    });
    await expect(backups.runDaily()).resolves.toEqual({
      state: 'failed',
      message: "Today's automatic backup failed: disk on fire",
    });
    expect(backups.getState()).toMatchObject({ running: false, entries: undefined });
  });

  it('counts a daily backup another window took meanwhile as done, not as a failure', async () => {
    const library = await libraryWithArticle();
    const store = memoryStore();
    const other = {
      name: backupFileName(T0, 'daily'),
      reason: 'daily' as const,
      createdAt: T0,
      size: 1,
    };
    const list = vi.fn(async () => [] as BackupEntry[]);
    store.list = list;
    store.save = async () => {
      list.mockResolvedValue([other]);
      throw new UserFacingError('A daily backup was already taken in the last 24 hours.');
    };
    const backups = createAutoBackups({
      store,
      library,
      preUpgrade: { state: 'skipped' },
      now: () => T0 + 1,
    });
    await expect(backups.runDaily()).resolves.toEqual({ state: 'skipped' });
  });
});
