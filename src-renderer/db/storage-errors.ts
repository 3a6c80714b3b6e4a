/**
 * The browser refusing a write because the origin's storage is full. IndexedDB reports it in
 * several shapes: a DOMException named QuotaExceededError on the request or the transaction,
 * Dexie's QuotaExceededError wrapping it, or an AbortError (the transaction was aborted) whose
 * inner error is the quota one. Every path that stores an article turns any of them into
 * StorageFullError, whose message says what happened and what to do.
 */

export const STORAGE_FULL_MESSAGE =
  'Storage is full: the browser gave Quire no more room for its library, so this article was not ' +
  'saved (nothing of it was kept, and the articles already in your library are unchanged). Free ' +
  'some space on this computer’s disk, or delete articles you no longer need, then import it again.';

export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super(STORAGE_FULL_MESSAGE, options);
  }
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** DOMException's legacy code for QUOTA_EXCEEDED_ERR. */
const QUOTA_EXCEEDED_CODE = 22;

/**
 * Whether an error (or one it wraps: Dexie's `inner`, a `cause`, a bulk write's `failures`)
 * is the browser's quota refusal. Walks a few levels only: error chains are short.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 4 || error === null || typeof error !== 'object') return false;
  const e = error as ErrorLike;
  if (e.name === 'QuotaExceededError' || e.name === 'StorageFullError') return true;
  if (e.name !== undefined && e.code === QUOTA_EXCEEDED_CODE && error instanceof DOMException) {
    return true;
  }
  const failures = Array.isArray(e.failures) ? e.failures : [];
  return [e.inner, e.cause, ...failures].some((inner) => isQuotaError(inner, depth + 1));
}

/**
 * The error to report for a failed write: storage full when it was, else the error itself.
 * `transaction` is the write's IndexedDB transaction: when the browser aborts it for want of
 * space, its `error` says so even if the caller first saw a sibling request's AbortError.
 */
export function storageError(error: unknown, transaction?: { error: unknown } | null): unknown {
  if (error instanceof StorageFullError) return error;
  if (isQuotaError(error)) return new StorageFullError({ cause: error });
  if (isQuotaError(transaction?.error)) return new StorageFullError({ cause: transaction?.error });
  return error;
}
