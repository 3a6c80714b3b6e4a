import { describe, expect, it, vi } from 'vitest';
import type { QuireApi } from '../../src-main/ipc/contract.ts';
import { createElectronHost } from './electron-host.ts';
import { UserFacingError } from './host.ts';

const NAME = 'quire-2026-12-01T09-00-00-000Z-daily.quire-backup';
const entry = { name: NAME, reason: 'daily' as const, createdAt: 1, size: 2 };

function hostWith(api: Partial<QuireApi>) {
  return createElectronHost(api as QuireApi);
}

describe('Electron host backups', () => {
  it('saves, lists and reads through the contract methods', async () => {
    const api = {
      saveBackup: vi.fn<QuireApi['saveBackup']>(async () => ({ ok: true, entry })),
      listBackups: vi.fn<QuireApi['listBackups']>(async () => [entry]),
      readBackup: vi.fn<QuireApi['readBackup']>(async () => ({
        ok: true,
        bytes: new Uint8Array([7]),
      })),
    };
    const backups = hostWith(api).backups!;
    const bytes = new Uint8Array([80, 75]);
    await expect(backups.save(bytes, 'daily')).resolves.toEqual(entry);
    expect(api.saveBackup).toHaveBeenCalledExactlyOnceWith(bytes, 'daily');
    await expect(backups.list()).resolves.toEqual([entry]);
    await expect(backups.read(NAME)).resolves.toEqual(new Uint8Array([7]));
    expect(api.readBackup).toHaveBeenCalledExactlyOnceWith(NAME);
  });

  it("turns the main process's refusals into messages for the user", async () => {
    const backups = hostWith({
      saveBackup: async () => ({ ok: false, message: 'Not enough free disk space.' }),
      readBackup: async () => ({ ok: false, message: 'There is no automatic backup.' }),
    }).backups!;
    await expect(backups.save(new Uint8Array([1]), 'pre-upgrade')).rejects.toThrow(
      new UserFacingError('Not enough free disk space.'),
    );
    await expect(backups.read(NAME)).rejects.toBeInstanceOf(UserFacingError);
  });
});
