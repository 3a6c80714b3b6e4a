import { useState } from 'react';
import { DismissButton } from '../../ui/DismissButton.tsx';
import type { AutoBackupOutcome } from './auto-backup.ts';
import { useAutoBackupState } from './AutoBackupContext.tsx';

const failure = (outcome: AutoBackupOutcome | null) =>
  outcome?.state === 'failed' ? outcome.message : null;

/**
 * Says so when an automatic backup failed (the library opened anyway). Each message is shown
 * until dismissed; a later failure with another message shows again.
 */
export function AutoBackupAlert({ onOpenBackups }: { onOpenBackups(): void }) {
  const state = useAutoBackupState();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const messages = [failure(state.preUpgrade), failure(state.daily)].filter(
    (m): m is string => m !== null && !dismissed.has(m),
  );
  if (messages.length === 0) return null;
  return (
    <div className="app__error backup-alert" role="alert" data-testid="auto-backup-alert">
      <p>
        {messages.join(' ')}{' '}
        <button type="button" className="backup-alert__link" onClick={onOpenBackups}>
          Open Backups
        </button>
      </p>
      <DismissButton
        label="Dismiss the backup message"
        onClick={() => setDismissed(new Set([...dismissed, ...messages]))}
      />
    </div>
  );
}
