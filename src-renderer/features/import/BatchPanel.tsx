import './import.css';
import { memo } from 'react';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { DismissButton } from '../../ui/DismissButton.tsx';
import { outcomesAsText, type BatchOutcome } from './batch.ts';
import type { ImportRun } from './use-importer.ts';

interface Props {
  run: ImportRun;
  onCancel(): void;
  onDismiss(): void;
  onOpen(id: string): void;
}

/** Long lists render their first rows; the copied text always has every row. */
const SHOWN_ROWS = 500;

const STATUS_LABEL: Record<BatchOutcome['status'], string> = {
  saved: 'Saved',
  duplicate: 'Already there',
  failed: 'Failed',
  cancelled: 'Not added',
};

/** One result line; memoised, as results already listed keep their objects while a batch runs. */
const Row = memo(function Row({
  outcome,
  onOpen,
}: {
  outcome: BatchOutcome;
  onOpen(id: string): void;
}) {
  const detail =
    outcome.status === 'failed'
      ? outcome.message
      : outcome.status === 'cancelled'
        ? outcome.storageFull
          ? 'Not tried: the storage is full.'
          : 'The batch was cancelled before this item.'
        : null;
  return (
    <li className="batch__row" data-status={outcome.status}>
      <span className="batch__status">{STATUS_LABEL[outcome.status]}</span>
      <span className="batch__label" title={outcome.label}>
        {outcome.label}
      </span>
      <span className="batch__detail">
        {'id' in outcome ? (
          <button type="button" className="link-button" onClick={() => onOpen(outcome.id)}>
            {outcome.title}
          </button>
        ) : (
          detail
        )}
        {'note' in outcome && outcome.note && (
          <span className="batch__note"> — {outcome.note}</span>
        )}
      </span>
    </li>
  );
});

/**
 * A batch in progress and its results: a progress bar with counts and Cancel while it runs,
 * then a result line per item (saved, already there, failed with the reason) that stays until
 * dismissed and can be copied.
 */
export function BatchPanel({ run, onCancel, onDismiss, onOpen }: Props) {
  const { progress, state } = run;
  const finished = run.outcomes.filter((o): o is BatchOutcome => o !== undefined);
  const problems = finished.filter((o) => o.status === 'failed' || o.status === 'cancelled');
  const rest = finished.filter((o) => o.status !== 'failed' && o.status !== 'cancelled');
  // Failures first: they are what the user has to act on.
  const rows = [...problems, ...rest].slice(0, SHOWN_ROWS);
  const heading =
    state === 'running'
      ? `Adding ${run.what}…`
      : state === 'cancelled'
        ? `Cancelled after ${progress.done} of ${progress.total}`
        : state === 'stopped'
          ? `Stopped: storage is full`
          : `Added ${run.what}`;
  const notTried = finished.filter((o) => o.status === 'cancelled' && o.storageFull).length;
  const unfit = finished.filter((o) => o.status === 'failed' && o.storageFull).length;
  return (
    <section
      className="batch"
      aria-labelledby="batch-heading"
      data-testid="batch-panel"
      data-state={state}
      data-total={progress.total}
      data-done={progress.done}
      data-saved={progress.saved}
      data-duplicates={progress.duplicates}
      data-failed={progress.failed}
      data-stopped={progress.stopped}
    >
      <div className="batch__head">
        <h2 id="batch-heading" className="batch__title">
          {heading}
        </h2>
        <p className="batch__counts" role="status" data-testid="batch-counts">
          {progress.done} of {progress.total} · {progress.saved} saved · {progress.duplicates}{' '}
          already there · {progress.failed} failed
        </p>
        <div className="batch__actions">
          {state === 'running' ? (
            <button type="button" className="button button--small" onClick={onCancel}>
              Cancel
            </button>
          ) : (
            <>
              <CopyButton
                label="Copy the results"
                text="Copy results"
                payload={() => ({ text: outcomesAsText(finished) })}
              />
              <DismissButton label="Dismiss the results" onClick={onDismiss} />
            </>
          )}
        </div>
      </div>
      {progress.stopped && (
        <p className="batch__stopped" role="alert" data-testid="batch-stopped">
          The browser has no more room for Quire&rsquo;s library. The batch stopped:{' '}
          {notTried === 1 ? '1 item was' : `${notTried} items were`} not tried,{' '}
          {unfit === 1
            ? 'the item that did not fit was'
            : `the ${unfit} items that did not fit were`}{' '}
          not kept, and everything saved before is in your library. Free some space on this
          computer&rsquo;s disk, or delete articles you no longer need, then import the rest again.
        </p>
      )}
      <progress
        className="batch__bar"
        max={progress.total}
        value={progress.done}
        aria-label="Items processed"
      />
      {rows.length > 0 && (
        <ol className="batch__rows" data-testid="batch-results" aria-label="Results">
          {rows.map((outcome, i) => (
            <Row key={`${run.serial}-${i}`} outcome={outcome} onOpen={onOpen} />
          ))}
        </ol>
      )}
      {finished.length > SHOWN_ROWS && (
        <p className="batch__more">
          {finished.length - SHOWN_ROWS} more results are in the copied list.
        </p>
      )}
    </section>
  );
}
