import type { OpenProblem } from '../db/open-library-safely.ts';
import './library-open-failed.css';

const TITLES: Record<OpenProblem['kind'], string> = {
  'upgrade-failed': 'Quire could not upgrade your library',
  'newer-version': 'Your library was made by a newer Quire',
  'open-failed': 'Quire could not open your library',
};

function whatHappened({ kind, found, expected }: OpenProblem): string {
  switch (kind) {
    case 'upgrade-failed':
      return (
        `Your library was made by an earlier Quire (library version ${found}). This Quire ` +
        `reads version ${expected}, and converting your library to it failed part-way.`
      );
    case 'newer-version':
      return (
        `Your library is at version ${found}, and this Quire only reads up to version ` +
        `${expected}: an older Quire was probably installed over a newer one. Quire has not ` +
        `opened it, so that the newer Quire can still read it.`
      );
    case 'open-failed':
      return 'The storage where Quire keeps your library refused to open it.';
  }
}

function nothingChanged({ kind, found, unchanged }: OpenProblem): string {
  if (!unchanged) {
    return (
      'Quire could not confirm that your library is unchanged. Do not delete anything: keep ' +
      'your profile folder as it is and follow the steps below.'
    );
  }
  if (kind === 'upgrade-failed') {
    return (
      `Nothing was changed: the conversion was undone as a whole, and your library is ` +
      `exactly as it was, at version ${found}.`
    );
  }
  return 'Nothing was changed: your library is exactly as it was.';
}

/**
 * The whole window when the library cannot be opened: never an empty app, which would look
 * like a lost library and invite the user to start again in it.
 */
export function LibraryOpenFailed({ problem, onRetry }: { problem: OpenProblem; onRetry(): void }) {
  const { kind, found, expected, detail } = problem;
  return (
    <main className="open-failed" role="alert" aria-labelledby="open-failed-title">
      <h1 id="open-failed-title" className="open-failed__title">
        {TITLES[kind]}
      </h1>
      <p className="open-failed__lead">{whatHappened(problem)}</p>
      <p className="open-failed__lead open-failed__safe" data-testid="open-failed-unchanged">
        {nothingChanged(problem)}
      </p>
      <dl className="open-failed__versions" data-testid="open-failed-versions">
        <div>
          <dt>Library on disk</dt>
          <dd>{found === null ? 'none found' : `version ${found}`}</dd>
        </div>
        <div>
          <dt>This Quire reads</dt>
          <dd>version {expected}</dd>
        </div>
      </dl>
      <h2 className="open-failed__heading">What you can do</h2>
      <ol className="open-failed__steps">
        {kind === 'newer-version' ? (
          <>
            <li>Update Quire to its newest version, which reads this library.</li>
            <li>Or restore a backup made with this version of Quire.</li>
          </>
        ) : (
          <>
            <li>
              Try again: a passing problem (a full disk, another Quire window) may have stopped it.
            </li>
            <li>If it fails again, restore the backup of your library made before the upgrade.</li>
            <li>Update Quire: a newer release may convert this library.</li>
          </>
        )}
      </ol>
      <div className="open-failed__actions">
        <button type="button" className="button button--primary" onClick={onRetry}>
          Try again
        </button>
      </div>
      <details className="open-failed__details">
        <summary>Technical details</summary>
        <pre data-testid="open-failed-detail">{detail}</pre>
      </details>
    </main>
  );
}
