import type { IpcServices } from '../ipc/handlers.ts';
import { BackupFolderError, type BackupFolder } from './backup-folder.ts';

/** A message for the user: our own refusals as written, system errors by their code. */
function messageOf(action: string, error: unknown): string {
  if (error instanceof BackupFolderError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return `The automatic backup could not be ${action} (${code ?? String(error)}).`;
}

/**
 * The IPC services over the backups folder. Failures travel as values: Electron rewrites the
 * message of an error thrown across IPC, and the renderer shows these to the user.
 */
export function backupServices(
  folder: BackupFolder,
): Pick<IpcServices, 'saveBackup' | 'listBackups' | 'readBackup'> {
  return {
    async saveBackup(bytes, reason) {
      try {
        return { ok: true, entry: await folder.save(bytes, reason) };
      } catch (error) {
        return { ok: false, message: messageOf('written', error) };
      }
    },
    listBackups: () => folder.list(),
    async readBackup(name) {
      try {
        return { ok: true, bytes: await folder.read(name) };
      } catch (error) {
        return { ok: false, message: messageOf('read', error) };
      }
    },
  };
}
