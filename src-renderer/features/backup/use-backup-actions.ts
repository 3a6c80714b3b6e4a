import { useCallback, useRef, useState } from 'react';
import type { Library } from '../../db/index.ts';
import {
  exportLibraryArchive,
  restoreLibraryArchive,
  type BackupProgress,
  type RestoreMode,
  type RestoreReport,
} from '../../db/backup.ts';
import { downloadFile } from '../../ui/download.ts';
import { backupDownloadName, formatBytes, restoreErrorMessage } from './backup-text.ts';

/** The MIME type of a saved backup: a zip archive inside (docs/backup-format.md). */
export const BACKUP_MIME = 'application/zip';

export interface BackupTask {
  /** What is happening, e.g. "Backing up the library". */
  label: string;
  progress: BackupProgress | null;
}

export type BackupOutcome =
  | { kind: 'saved'; message: string }
  | { kind: 'restored'; source: string; report: RestoreReport }
  | { kind: 'error'; message: string };

/** Passes progress on when the phase changes or it moves by a percent, not for every record. */
function progressTracker(label: string, setTask: (task: BackupTask) => void) {
  let last: BackupProgress | null = null;
  return (progress: BackupProgress) => {
    const step = Math.max(1, Math.floor(progress.total / 100));
    const small =
      last !== null &&
      last.phase === progress.phase &&
      progress.done !== progress.total &&
      progress.done - last.done < step;
    if (small) return;
    last = progress;
    setTask({ label, progress });
  };
}

/**
 * One backup or restore at a time,, with its progress and its outcome. */
export function useBackupActions(library: Library) {
  const [task, setTask] = useState<BackupTask | null>(null);
  const [outcome, setOutcome] = useState<BackupOutcome | null>(null);
  const running = useRef(false);

  const run = useCallback(async (label: string, work: () => Promise<BackupOutcome>) => {
    if (running.current) return;
    running.current = true;
    setOutcome(null);
    setTask({ label, progress: null });
    try {
      setOutcome(await work());
    } finally {
      running.current = false;
      setTask(null);
    }
  }, []);

  const backUpNow = useCallback(
    () =>
      run('Backing up the library', async () => {
        try {
          const bytes = await exportLibraryArchive(library, {
            onProgress: progressTracker('Backing up the library', setTask),
          });
          const name = backupDownloadName(Date.now());
          downloadFile(bytes as Uint8Array<ArrayBuffer>, name, BACKUP_MIME);
          return { kind: 'saved', message: `Saved ${name} (${formatBytes(bytes.byteLength)}).` };
        } catch (error) {
          return {
            kind: 'error',
            message: `The backup failed: ${error instanceof Error ? error.message : String(error)}`,
          };
        }
      }),
    [library, run],
  );

  /** Restores `read()`'s bytes; `source` names them for the user (a file name or a date). */
  const restore = useCallback(
    (source: string, read: () => Promise<Uint8Array>, mode: RestoreMode) =>
      run(`Restoring ${source}`, async () => {
        try {
          const bytes = await read();
          const report = await restoreLibraryArchive(library, bytes, {
            mode,
            onProgress: progressTracker(`Restoring ${source}`, setTask),
          });
          return { kind: 'restored', source, report };
        } catch (error) {
          return { kind: 'error', message: restoreErrorMessage(error, source) };
        }
      }),
    [library, run],
  );

  const saveCopy = useCallback(
    (name: string, read: () => Promise<Uint8Array>) =>
      run(`Saving a copy of ${name}`, async () => {
        try {
          const bytes = await read();
          downloadFile(bytes as Uint8Array<ArrayBuffer>, name, BACKUP_MIME);
          return {
            kind: 'saved',
            message: `Saved a copy: ${name} (${formatBytes(bytes.byteLength)}).`,
          };
        } catch (error) {
          return {
            kind: 'error',
            message: `The copy could not be saved: ${error instanceof Error ? error.message : String(error)}`,
          };
        }
      }),
    [run],
  );

  return { task, outcome, backUpNow, restore, saveCopy, dismiss: () => setOutcome(null) };
}
