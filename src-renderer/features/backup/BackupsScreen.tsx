import './backup.css';
import { useEffect, useId } from 'react';
import type { BackupEntry } from '../../../src-core/auto-backup/rotation.ts';
import type { Library } from '../../db/index.ts';
import { useHost } from '../../host/index.ts';
import { useAutoBackups, useAutoBackupState } from './AutoBackupContext.tsx';
import { AutomaticBackups } from './AutomaticBackups.tsx';
import { formatBackupTime, progressText, reportHeadline } from './backup-text.ts';
import { RestoreFromFile } from './RestoreFromFile.tsx';
import { RestoreReportView } from './RestoreReportView.tsx';
import { useBackupActions, type BackupOutcome, type BackupTask } from './use-backup-actions.ts';
import { useLibraryEmpty } from './use-library-empty.ts';

function statusText(task: BackupTask | null, outcome: BackupOutcome | null): string {
  if (task)
    return task.progress ? `${task.label}. ${progressText(task.progress)}` : `${task.label}…`;
  if (outcome?.kind === 'saved') return outcome.message;
  if (outcome?.kind === 'restored') return reportHeadline(outcome.report);
  return '';
}

/** Back up now, restore from a file, and the automatic backups. */
export function BackupsScreen({ library }: { library: Library }) {
  const ids = { heading: useId(), now: useId() };
  const host = useHost();
  const store = host.backups;
  const auto = useAutoBackups();
  const state = useAutoBackupState();
  const empty = useLibraryEmpty(library) ?? false;
  const actions = useBackupActions(library);
  const { task, outcome } = actions;
  const busy = task !== null;

  useEffect(() => {
    void auto.refresh();
  }, [auto]);

  const restoreEntry = (entry: BackupEntry) => {
    if (!store) return;
    actions.restore(
      `the backup of ${formatBackupTime(entry.createdAt)}`,
      () => store.read(entry.name),
      empty ? 'empty' : 'merge',
    );
  };
  const progress = task?.progress;
  return (
    <section className="backups" aria-labelledby={ids.heading} data-testid="backups-screen">
      <h1 id={ids.heading} className="backups__title">
        Backups
      </h1>
      <section className="backups__section" aria-labelledby={ids.now}>
        <h2 id={ids.now} className="backups__heading">
          Back up this library
        </h2>
        <p className="backups__hint">
          Saves one <code>.quire-backup</code> file with every article, its original file and
          images, highlights, notes, tags, collections, citation keys, your citation styles and
          settings. Each record carries its SHA-256, checked again on restore.
        </p>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={actions.backUpNow}
        >
          Back up now
        </button>
      </section>

      <div className="backups__progress" aria-hidden={!busy}>
        {progress && progress.total > 0 ? (
          <progress aria-label={task.label} max={progress.total} value={progress.done} />
        ) : (
          busy && <progress aria-label={task.label} />
        )}
      </div>
      <p className="backups__status" role="status" data-testid="backup-status">
        {statusText(task, outcome)}
      </p>
      {outcome?.kind === 'error' && (
        <p className="backups__error" role="alert" data-testid="backup-error">
          {outcome.message}
        </p>
      )}
      {(state.preUpgrade.state === 'failed' || state.daily?.state === 'failed') && (
        // Announced once by the app's alert; repeated here where the backups are.
        <p className="backups__error">
          {state.preUpgrade.state === 'failed' ? state.preUpgrade.message : ''}{' '}
          {state.daily?.state === 'failed' ? state.daily.message : ''}
        </p>
      )}
      {outcome?.kind === 'restored' && (
        <RestoreReportView source={outcome.source} report={outcome.report} />
      )}

      <RestoreFromFile
        empty={empty}
        busy={busy}
        onChoose={actions.dismiss}
        onRestore={(file, mode) =>
          actions.restore(file.name, async () => new Uint8Array(await file.arrayBuffer()), mode)
        }
      />

      <AutomaticBackups
        location={store?.location ?? null}
        entries={state.entries}
        daily={state.daily}
        running={state.running}
        empty={empty}
        busy={busy}
        onRestore={restoreEntry}
        onSaveCopy={(entry) => store && actions.saveCopy(entry.name, () => store.read(entry.name))}
      />
      {state.listError && (
        <p className="backups__error" role="alert">
          {state.listError}
        </p>
      )}
    </section>
  );
}
