import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName } from '../../src-core/auto-backup/rotation.ts';
import { BackupFolderError, createBackupFolder, FREE_SPACE_MARGIN } from './backup-folder.ts';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0, 0);
const bytes = (...values: number[]) => new Uint8Array(values);

let root: string;
let dir: string;
let clock: number;
const now = () => clock;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'quire-backups-'));
  dir = join(root, 'backups');
  clock = T0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('backup folder', () => {
  it('writes a backup under a dated name with its reason, and reads the same bytes back', async () => {
    const folder = createBackupFolder(dir, { now });
    const entry = await folder.save(bytes(1, 2, 3), 'pre-upgrade');
    expect(entry).toEqual({
      name: 'quire-2026-12-01T09-00-00-000Z-pre-upgrade.quire-backup',
      reason: 'pre-upgrade',
      createdAt: T0,
      size: 3,
    });
    expect(await folder.list()).toEqual([entry]);
    expect(await folder.read(entry.name)).toEqual(bytes(1, 2, 3));
    expect(await readdir(dir)).toEqual([entry.name]);
  });

  it('lists an absent folder as empty', async () => {
    expect(await createBackupFolder(dir, { now }).list()).toEqual([]);
  });

  it('keeps the newest 7 daily backups as the days go by, and every pre-upgrade one up to 3', async () => {
    const folder = createBackupFolder(dir, { now });
    await folder.save(bytes(0), 'pre-upgrade');
    for (let day = 0; day < 10; day++) {
      clock = T0 + day * DAY + 1;
      await folder.save(bytes(day), 'daily');
    }
    const listed = await folder.list();
    expect(listed.filter((e) => e.reason === 'daily').map((e) => e.createdAt)).toEqual(
      [9, 8, 7, 6, 5, 4, 3].map((day) => T0 + day * DAY + 1),
    );
    expect(listed.filter((e) => e.reason === 'pre-upgrade')).toHaveLength(1);
    expect((await readdir(dir)).sort()).toEqual(listed.map((e) => e.name).sort());
    expect(await folder.read(listed[0]!.name)).toEqual(bytes(9));
  });

  it('refuses a second daily backup within 24 hours, leaving the first', async () => {
    const folder = createBackupFolder(dir, { now });
    const first = await folder.save(bytes(1), 'daily');
    clock = T0 + DAY - 1;
    await expect(folder.save(bytes(2), 'daily')).rejects.toThrow(/already taken/);
    expect(await folder.list()).toEqual([first]);
  });

  it('gives two backups taken in the same millisecond distinct names', async () => {
    const folder = createBackupFolder(dir, { now });
    const a = await folder.save(bytes(1), 'pre-upgrade');
    const b = await folder.save(bytes(2), 'pre-upgrade');
    expect(a.name).not.toBe(b.name);
    expect(await folder.read(a.name)).toEqual(bytes(1));
    expect(await folder.read(b.name)).toEqual(bytes(2));
  });

  it('refuses a backup over the size cap and writes nothing', async () => {
    const folder = createBackupFolder(dir, { now, maxBytes: 4 });
    await expect(folder.save(bytes(1, 2, 3, 4, 5), 'daily')).rejects.toThrow(BackupFolderError);
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a backup that would leave less than the margin of free disk space', async () => {
    const folder = createBackupFolder(dir, { now, freeSpace: async () => FREE_SPACE_MARGIN + 2 });
    await expect(folder.save(bytes(1, 2, 3), 'daily')).rejects.toThrow(/free disk space/);
    expect(await folder.list()).toEqual([]);
    await expect(folder.save(bytes(1, 2), 'daily')).resolves.toMatchObject({ size: 2 });
  });

  it('leaves no temporary file behind and clears one a crash left over an hour ago', async () => {
    await mkdir(dir, { recursive: true });
    const stale = join(dir, `.${backupFileName(T0 - DAY, 'daily')}.abc.tmp`);
    const fresh = join(dir, `.${backupFileName(T0, 'daily')}.def.tmp`);
    await writeFile(stale, 'half');
    await writeFile(fresh, 'being written');
    await utimes(stale, new Date(T0 - 2 * 3600_000), new Date(T0 - 2 * 3600_000));
    await utimes(fresh, new Date(T0), new Date(T0));
    const entry = await createBackupFolder(dir, { now }).save(bytes(7), 'daily');
    expect((await readdir(dir)).sort()).toEqual([fresh.slice(dir.length + 1), entry.name].sort());
  });

  it('ignores, and never deletes, files that are not its own', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await writeFile(join(dir, 'quire-2026-02-31T09-00-00-000Z-daily.quire-backup'), 'odd');
    const folder = createBackupFolder(dir, { now, keep: { daily: 0, 'pre-upgrade': 0 } });
    await folder.save(bytes(1), 'daily');
    expect(await folder.list()).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual([
      'notes.txt',
      'quire-2026-02-31T09-00-00-000Z-daily.quire-backup',
    ]);
  });

  it('does not list or read a symbolic link with a backup name', async () => {
    await mkdir(dir, { recursive: true });
    const secret = join(root, 'secret');
    await writeFile(secret, 'secret');
    const name = backupFileName(T0, 'daily');
    await symlink(secret, join(dir, name));
    const folder = createBackupFolder(dir, { now });
    expect(await folder.list()).toEqual([]);
    await expect(folder.read(name)).rejects.toThrow(BackupFolderError);
  });

  it.each([
    '../secret',
    '/etc/passwd',
    'sub/quire-2026-12-01T09-00-00-000Z-daily.quire-backup',
    `..\\${backupFileName(T0, 'daily')}`,
    'notes.txt',
  ])('refuses to read or delete %j', async (name) => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const folder = createBackupFolder(dir, { now });
    await expect(folder.read(name)).rejects.toThrow(BackupFolderError);
    await expect(folder.remove(name)).rejects.toThrow(BackupFolderError);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('reports a listed backup that is gone as missing', async () => {
    const folder = createBackupFolder(dir, { now });
    const entry = await folder.save(bytes(1), 'daily');
    await folder.remove(entry.name);
    expect(await folder.list()).toEqual([]);
    await expect(folder.read(entry.name)).rejects.toThrow(/no automatic backup/);
  });
});
