import { beforeEach, describe, expect, it } from 'vitest';
import { backupFileName } from '../../src-core/auto-backup/rotation.ts';
import { UserFacingError } from './host.ts';
import {
  createWebBackupStore,
  QUOTA_MARGIN,
  type DirectoryLike,
  type FileHandleLike,
} from './web-backups.ts';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0, 0);

/** An origin-private folder in memory, committing a writable only on close, as browsers do. */
class MemoryFolder implements DirectoryLike {
  readonly files = new Map<string, Uint8Array>();
  failWrites: Error | null = null;

  private handle(name: string): FileHandleLike {
    const files = this.files;
    const failure = () => this.failWrites;
    return {
      kind: 'file',
      name,
      getFile: async () => {
        const data = files.get(name);
        if (!data) throw new DOMException('gone', 'NotFoundError');
        return { size: data.byteLength, arrayBuffer: async () => data.slice().buffer };
      },
      createWritable: async () => {
        const chunks: Uint8Array[] = [];
        return {
          write: async (data) => {
            const error = failure();
            if (error) throw error;
            chunks.push(data.slice());
          },
          close: async () => {
            files.set(name, new Uint8Array(chunks.flatMap((c) => [...c])));
          },
          abort: async () => {},
        };
      },
      move: async (to) => {
        files.set(to, files.get(name)!);
        files.delete(name);
      },
    };
  }

  async getFileHandle(name: string, options?: { create?: boolean }) {
    if (!this.files.has(name)) {
      if (!options?.create) throw new DOMException('missing', 'NotFoundError');
      this.files.set(name, new Uint8Array());
    }
    return this.handle(name);
  }
  async removeEntry(name: string) {
    if (!this.files.delete(name)) throw new DOMException('missing', 'NotFoundError');
  }
  async *values() {
    yield { kind: 'directory' as const, name: 'sub' };
    for (const name of [...this.files.keys()]) yield this.handle(name);
  }
}

let folder: MemoryFolder;
let clock: number;
const store = (available: number | null = null) =>
  createWebBackupStore(async () => folder, { now: () => clock, available: async () => available });

beforeEach(() => {
  folder = new MemoryFolder();
  clock = T0;
});

describe('web backup store (origin-private file system)', () => {
  it('saves under a dated name with its reason, lists it and reads the same bytes back', async () => {
    const backups = store();
    const entry = await backups.save(new Uint8Array([1, 2, 3]), 'pre-upgrade');
    expect(entry).toEqual({
      name: backupFileName(T0, 'pre-upgrade'),
      reason: 'pre-upgrade',
      createdAt: T0,
      size: 3,
    });
    expect(await backups.list()).toEqual([entry]);
    expect(await backups.read(entry.name)).toEqual(new Uint8Array([1, 2, 3]));
    // Nothing but the backup: the temporary file was moved into place.
    expect([...folder.files.keys()]).toEqual([entry.name]);
  });

  it('rotates like the desktop folder: the newest 7 dailies, pre-upgrade ones apart', async () => {
    const backups = store();
    await backups.save(new Uint8Array([9]), 'pre-upgrade');
    for (let day = 0; day < 9; day++) {
      clock = T0 + day * DAY + 5;
      await backups.save(new Uint8Array([day]), 'daily');
    }
    const listed = await backups.list();
    expect(listed.map((e) => e.reason)).toEqual([...Array(7).fill('daily'), 'pre-upgrade']);
    expect(listed[6]!.createdAt).toBe(T0 + 2 * DAY + 5);
    expect(folder.files.size).toBe(8);
  });

  it('refuses a daily backup within 24 hours of the last one', async () => {
    const backups = store();
    await backups.save(new Uint8Array([1]), 'daily');
    clock += DAY / 2;
    await expect(backups.save(new Uint8Array([2]), 'daily')).rejects.toThrow(UserFacingError);
    expect(folder.files.size).toBe(1);
  });

  it('refuses a backup the storage quota has no room for, and writes nothing', async () => {
    await expect(store(QUOTA_MARGIN + 2).save(new Uint8Array(3), 'daily')).rejects.toThrow(
      /Not enough browser storage/,
    );
    expect(folder.files.size).toBe(0);
  });

  it('says the storage is full when the write hits the quota, leaving no file behind', async () => {
    folder.failWrites = new DOMException('full', 'QuotaExceededError');
    await expect(store().save(new Uint8Array([1]), 'daily')).rejects.toThrow(
      'The browser storage is full: the automatic backup was not written.',
    );
    expect(folder.files.size).toBe(0);
  });

  it('lists only its own files, and reads nothing else', async () => {
    folder.files.set('notes.txt', new Uint8Array([1]));
    folder.files.set(`.${backupFileName(T0, 'daily')}.tmp`, new Uint8Array([1]));
    const backups = store();
    expect(await backups.list()).toEqual([]);
    await expect(backups.read('notes.txt')).rejects.toThrow(UserFacingError);
    await expect(backups.read(backupFileName(T0, 'daily'))).rejects.toThrow(/no automatic backup/);
  });
});
