import './import.css';
import type { ImportReport } from './use-importer.ts';
import { DismissButton } from '../../ui/DismissButton.tsx';

interface Props {
  report: ImportReport | null;
  onDismiss(): void;
}

/**
 * What happened to each file. Successes go to a polite status region, refusals to an alert;
 * both regions are always in the page so assistive technology announces changes.
 */
export function ImportReportBanner({ report, onDismiss }: Props) {
  const outcomes = report?.outcomes ?? [];
  const done = outcomes.filter((o) => o.kind !== 'refused');
  const refused = outcomes.filter((o) => o.kind === 'refused');
  return (
    <div className="import-report" data-empty={outcomes.length === 0 || undefined}>
      <div role="status" className="import-report__status" data-testid="import-status">
        {done.map((o) => (
          <p key={`${report?.serial}-${o.id}`} className="import-report__line">
            {o.kind === 'added' ? 'Added to your library: ' : 'Already in your library: '}
            <span className="import-report__title">{o.title}</span>
          </p>
        ))}
      </div>
      <div role="alert" className="import-report__alert" data-testid="import-error">
        {refused.map((o, i) => (
          <p key={`${report?.serial}-${i}`} className="import-report__line">
            <strong>Could not import {o.label}.</strong> {o.message}
          </p>
        ))}
      </div>
      {outcomes.length > 0 && (
        <DismissButton
          label="Dismiss message"
          className="import-report__dismiss"
          onClick={onDismiss}
        />
      )}
    </div>
  );
}
