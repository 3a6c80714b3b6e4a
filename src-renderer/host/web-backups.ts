import {
  newestFirst,
  parseBackupFileName,
  planBackupSave,
  type BackupEntry,
} from '../../src-core/auto-backup/rotation.ts';
import { UserFacingError, type BackupStore } from './host.ts';

/**
 * The parts of the File System Access API the store uses, so tests can hand in a folder kept
 * in memory (Node has no origin-private file system).
 */
export interface WritableLike {
  write(data: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}
export interface FileHandleLike {
  kind: 'file';
  name: string;
  getFile(): Promise<{ size: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  createWritable(): Promise<WritableLike>;
  move?(name: string): Promise<void>;
}
export interface DirectoryLike {
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  removeEntry(name: string): Promise<void>;
  values(): AsyncIterable<FileHandleLike | { kind: 'directory'; name: string }>;
}

/** Room left in the origin's quota after a backup, so the library itself can still grow. */
export const QUOTA_MARGIN = 64 * 1024 * 1024;

export interface WebBackupOptions {
  now?: () => number;
  /** Bytes the origin may still store; null when the browser cannot say. */
  available?: () => Promise<number | null>;
}

async function storageAvailable(): Promise<number | null> {
  try {
    const { quota, usage } = await navigator.storage.estimate();
    return quota === undefined || usage === undefined ? null : quota - usage;
  } catch {
    return null;
  }
}

const isQuotaError = (error: unknown) => (error as Error | null)?.name === 'QuotaExceededError';

/**
 * Automatic backups in web mode: files in a `backups` folder of the origin-private file
 * system, under the same names and rotation as the desktop app's folder. They live apart
 * from the library's IndexedDB database, so a broken or deleted database leaves them intact
 * (clearing the site's data removes both: the web app cannot reach further; ADR 0014).
 */
export function createWebBackupStore(
  folder: () => Promise<DirectoryLike>,
  options: WebBackupOptions = {},
): BackupStore {
  const now = options.now ?? Date.now;
  const available = options.available ?? storageAvailable;

  const list = async (): Promise<BackupEntry[]> => {
    const dir = await folder();
    const entries: BackupEntry[] = [];
    for await (const handle of dir.values()) {
      if (handle.kind !== 'file') continue;
      const parsed = parseBackupFileName(handle.name);
      if (!parsed) continue;
      entries.push({ name: handle.name, ...parsed, size: (await handle.getFile()).size });
    }
    return newestFirst(entries);
  };

  const write = async (dir: DirectoryLike, name: string, bytes: Uint8Array): Promise<void> => {
    // The swap file of createWritable makes the content atomic; writing under a temporary name
    // and moving it keeps a crash from leaving an empty file under a backup's name.
    const temp = `.${name}.tmp`;
    const handle = await dir.getFileHandle(temp, { create: true });
    const writable = await handle.createWritable();
    try {
      await writable.write(new Uint8Array(bytes));
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => {});
      await dir.removeEntry(temp).catch(() => {});
      throw error;
    }
    if (typeof handle.move === 'function') {
      await handle.move(name);
    } else {
      const final = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await final.write(new Uint8Array(bytes));
      await final.close();
      await dir.removeEntry(temp);
    }
  };

  return {
    location: "this browser's private storage for Quire",
    list,

    async save(bytes, reason) {
      const dir = await folder();
      const plan = planBackupSave(await list(), reason, bytes.byteLength, now());
      if (!plan.ok) throw new UserFacingError(plan.message);
      const free = await available();
      if (free !== null && bytes.byteLength + QUOTA_MARGIN > free) {
        throw new UserFacingError(
          `Not enough browser storage for an automatic backup (${bytes.byteLength} bytes needed, ${free} available).`,
        );
      }
      try {
        await write(dir, plan.entry.name, bytes);
      } catch (error) {
        throw new UserFacingError(
          isQuotaError(error)
            ? 'The browser storage is full: the automatic backup was not written.'
            : `The automatic backup could not be written: ${(error as Error).message}`,
        );
      }
      for (const old of plan.prune) await dir.removeEntry(old.name).catch(() => {});
      return plan.entry;
    },

    async read(name) {
      if (parseBackupFileName(name) === null) {
        throw new UserFacingError(`"${name}" is not the name of an automatic backup.`);
      }
      const dir = await folder();
      let handle: FileHandleLike;
      try {
        handle = await dir.getFileHandle(name);
      } catch {
        throw new UserFacingError(`There is no automatic backup "${name}".`);
      }
      return new Uint8Array(await (await handle.getFile()).arrayBuffer());
    },
  };
}

/** The origin-private file system's `backups` folder, or null where the browser has none. */
export function opfsBackupFolder(): (() => Promise<DirectoryLike>) | null {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') {
    return null;
  }
  return async () => {
    const root = await navigator.storage.getDirectory();
    return (await root.getDirectoryHandle('backups', { create: true })) as unknown as DirectoryLike;
  };
}
