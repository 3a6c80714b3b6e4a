import { useId } from 'react';
import type { BackupEntry } from '../../../src-core/auto-backup/rotation.ts';
import { KEEP } from '../../../src-core/auto-backup/rotation.ts';
import type { AutoBackupOutcome } from './auto-backup.ts';
import { formatBackupTime, formatBytes, REASON_LABELS } from './backup-text.ts';

interface Props {
  /** Where they are kept, in words; null where there is nowhere to keep them. */
  location: string | null;
  entries: BackupEntry[] | undefined;
  daily: AutoBackupOutcome | null;
  running: boolean;
  empty: boolean;
  busy: boolean;
  onRestore(entry: BackupEntry): void;
  onSaveCopy(entry: BackupEntry): void;
}

function dailyLine(daily: AutoBackupOutcome | null, running: boolean): string | null {
  if (running) return 'Taking today’s automatic backup…';
  if (daily?.state === 'saved')
    return `Today’s automatic backup was taken at ${formatBackupTime(daily.entry.createdAt)}.`;
  return null;
}

/** The automatic backups, newest first, each restorable or saved as a file. */
export function AutomaticBackups(props: Props) {
  const { location, entries, daily, running, empty, busy, onRestore, onSaveCopy } = props;
  const heading = useId();
  const line = dailyLine(daily, running);
  return (
    <section className="backups__section" aria-labelledby={heading}>
      <h2 id={heading} className="backups__heading">
        Automatic backups
      </h2>
      {location === null ? (
        <p className="backups__hint">This browser has nowhere to keep automatic backups.</p>
      ) : (
        <p className="backups__hint">
          Quire backs up the library once a day when it is opened, and before every upgrade of its
          storage. It keeps the last {KEEP.daily} daily and the last {KEEP['pre-upgrade']}{' '}
          pre-upgrade backups in {location}.
        </p>
      )}
      {line && <p className="backups__hint">{line}</p>}
      {entries !== undefined && entries.length === 0 && location !== null && (
        <p className="backups__hint">No automatic backup yet.</p>
      )}
      {entries !== undefined && entries.length > 0 && (
        <table className="backups__table" data-testid="automatic-backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const when = formatBackupTime(entry.createdAt);
              return (
                <tr key={entry.name} data-testid="automatic-backup" data-reason={entry.reason}>
                  <th scope="row">{when}</th>
                  <td>{REASON_LABELS[entry.reason]}</td>
                  <td>{formatBytes(entry.size)}</td>
                  <td className="backups__row-actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy}
                      aria-label={`${empty ? 'Restore' : 'Restore (merge)'} the backup of ${when}`}
                      onClick={() => onRestore(entry)}
                    >
                      {empty ? 'Restore' : 'Restore (merge)'}
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy}
                      aria-label={`Save a copy of the backup of ${when}`}
                      onClick={() => onSaveCopy(entry)}
                    >
                      Save a copy
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
