import './data.css';
import { describeSpace, type StorageManagerLike } from './storage-status.ts';
import { useStorageStatus } from './use-storage-status.ts';

const STATE_LABEL = {
  true: 'persistent',
  false: 'not persistent',
  null: 'persistence unknown',
} as const;

const EXPLANATION = {
  true: 'Persistent: the browser will not delete Quire’s library to make room on the disk. It goes only if you clear this site’s data yourself.',
  false:
    'Not persistent (“best effort”): when the disk runs low, the browser may delete the data of the sites used least, Quire’s library included, without asking. Keep a backup either way.',
  null: 'This browser does not say whether it keeps Quire’s library when the disk runs low. Keep a backup.',
} as const;

interface Props {
  /** The browser's StorageManager unless given (tests). */
  storage?: StorageManagerLike | null;
}

/**
 * Whether the library's storage is persistent, how much space it uses of how much, and a way
 * to ask for persistent storage again. Self-contained: reads the browser's storage API itself
 * and says so plainly where that API is missing or refuses.
 */
export function StorageStatus({ storage }: Props) {
  const { status, asking, answer, ask, refresh } = useStorageStatus(storage);
  if (!status) return null;
  const key = String(status.persisted) as 'true' | 'false' | 'null';
  return (
    <details
      className="storage-status"
      data-testid="storage-status"
      data-persisted={key}
      onToggle={(event) => event.currentTarget.open && void refresh()}
    >
      <summary>Storage: {STATE_LABEL[key]}</summary>
      <p data-testid="storage-space">{describeSpace(status)}</p>
      <p>{EXPLANATION[key]}</p>
      {status.persisted === false && status.canAsk && (
        <button
          type="button"
          className="button button--small"
          disabled={asking}
          onClick={() => void ask()}
        >
          Ask for persistent storage
        </button>
      )}
      {answer === false && (
        <p role="status">
          The browser said no. Chromium grants it by itself to sites you use often, bookmark or
          install as an app; Firefox asks you. Try again later.
        </p>
      )}
    </details>
  );
}
