import './import.css';
import type { ImportRun } from './use-importer.ts';
import { DismissButton } from '../../ui/DismissButton.tsx';

interface Props {
  /** A single-item run, or null: the regions stay in the page either way. */
  run: ImportRun | null;
  onDismiss(): void;
}

/**
 * What happened to a single item. Success goes to a polite status region, a refusal to an
 * alert; both regions are always in the page so assistive technology announces changes.
 */
export function ImportReportBanner({ run, onDismiss }: Props) {
  const outcome = !run || run.state === 'running' ? undefined : run.outcomes[0];
  const done = outcome?.status === 'saved' || outcome?.status === 'duplicate' ? outcome : null;
  const failed = outcome?.status === 'failed' ? outcome : null;
  return (
    <div className="import-report" data-empty={!outcome || undefined}>
      <div role="status" className="import-report__status" data-testid="import-status">
        {done && (
          <p key={run?.serial} className="import-report__line">
            {done.status === 'saved' ? 'Added to your library: ' : 'Already in your library: '}
            <span className="import-report__title">{done.title}</span>
            {done.note && <span className="import-report__note"> ({done.note})</span>}
          </p>
        )}
      </div>
      <div role="alert" className="import-report__alert" data-testid="import-error">
        {failed && (
          <p key={run?.serial} className="import-report__line">
            <strong>Could not import {failed.label}.</strong> {failed.message}
          </p>
        )}
      </div>
      {outcome && (
        <DismissButton
          label="Dismiss message"
          className="import-report__dismiss"
          onClick={onDismiss}
        />
      )}
    </div>
  );
}
