import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import {
  KEEP,
  MAX_BACKUP_BYTES,
  newestFirst,
  parseBackupFileName,
  planBackupSave,
  type BackupEntry,
  type BackupReason,
} from '../../src-core/auto-backup/rotation.ts';

/** A refusal whose message is written for the user (and travels back over IPC as a value). */
export class BackupFolderError extends Error {
  override name = 'BackupFolderError';
}

/** The automatic backups in one folder (the app's `userData/backups`). */
export interface BackupFolder {
  readonly path: string;
  /** Writes a backup atomically, then prunes what the rotation no longer keeps. */
  save(bytes: Uint8Array, reason: BackupReason): Promise<BackupEntry>;
  /** Backups in the folder, newest first; other files are ignored. */
  list(): Promise<BackupEntry[]>;
  /** The bytes of one listed backup. */
  read(name: string): Promise<Uint8Array>;
  remove(name: string): Promise<void>;
}

export interface BackupFolderOptions {
  now?: () => number;
  keep?: Readonly<Record<BackupReason, number>>;
  maxBytes?: number;
  /** Free bytes on the folder's disk; null when the platform cannot say. */
  freeSpace?: (path: string) => Promise<number | null>;
}

/** Room left on the disk after a backup, so a backup never takes the last of it. */
export const FREE_SPACE_MARGIN = 256 * 1024 * 1024;

/** Temporary files are `.<name>.<random>.tmp`: hidden, never parsed as backups. */
const TEMP_PATTERN = /^\.quire-.*\.tmp$/;
/** A temporary file older than this was left by a crash in the middle of a write. */
const STALE_TEMP_MS = 60 * 60 * 1000;

async function statfsFree(path: string): Promise<number | null> {
  try {
    const stats = await statfs(path);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

export function createBackupFolder(path: string, options: BackupFolderOptions = {}): BackupFolder {
  const now = options.now ?? Date.now;
  const keep = options.keep ?? KEEP;
  const maxBytes = options.maxBytes ?? MAX_BACKUP_BYTES;
  const freeSpace = options.freeSpace ?? statfsFree;

  const fileOf = (name: string): string => {
    // Only names the store itself writes: no separators, no '..', no absolute paths.
    if (parseBackupFileName(name) === null) {
      throw new BackupFolderError(`"${name}" is not the name of an automatic backup`);
    }
    return join(path, name);
  };

  const list = async (): Promise<BackupEntry[]> => {
    let names: string[];
    try {
      names = await readdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: BackupEntry[] = [];
    for (const name of names) {
      const parsed = parseBackupFileName(name);
      if (!parsed) continue;
      // A link or a folder with a backup's name was not written by us: not listed, not read.
      const stats = await lstat(join(path, name)).catch(() => null);
      if (!stats?.isFile()) continue;
      entries.push({ name, ...parsed, size: stats.size });
    }
    return newestFirst(entries);
  };

  const removeStaleTemps = async (): Promise<void> => {
    for (const name of await readdir(path)) {
      if (!TEMP_PATTERN.test(name)) continue;
      const stats = await lstat(join(path, name)).catch(() => null);
      if (stats?.isFile() && now() - stats.mtimeMs > STALE_TEMP_MS) {
        await rm(join(path, name), { force: true });
      }
    }
  };

  const writeAtomically = async (name: string, bytes: Uint8Array): Promise<void> => {
    const temp = join(path, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    // 'wx': never follows or reuses an existing file; 0o600: backups hold the whole library.
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      // On disk before the rename makes it visible: a crash leaves the old state or the new.
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => {});
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    try {
      await rename(temp, join(path, name));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  };

  return {
    path,
    list,

    async save(bytes, reason) {
      const existing = await list();
      const plan = planBackupSave(existing, reason, bytes.byteLength, now(), { keep, maxBytes });
      if (!plan.ok) throw new BackupFolderError(plan.message);
      await mkdir(path, { recursive: true, mode: 0o700 });
      const free = await freeSpace(path);
      if (free !== null && bytes.byteLength + FREE_SPACE_MARGIN > free) {
        throw new BackupFolderError(
          `Not enough free disk space for an automatic backup (${bytes.byteLength} bytes needed, ${free} free).`,
        );
      }
      await removeStaleTemps();
      await writeAtomically(plan.entry.name, bytes);
      for (const old of plan.prune) await rm(join(path, old.name), { force: true });
      return plan.entry;
    },

    async read(name) {
      const file = fileOf(name);
      const stats = await lstat(file).catch(() => null);
      if (!stats?.isFile()) throw new BackupFolderError(`There is no automatic backup "${name}".`);
      if (stats.size > maxBytes) {
        throw new BackupFolderError(`The backup "${name}" is larger than a backup may be.`);
      }
      return new Uint8Array(await readFile(file));
    },

    async remove(name) {
      await rm(fileOf(name), { force: true });
    },
  };
}
