import { ImportError, type ImportOptions } from '../../../src-core/import/import-article.ts';
import { UserFacingError } from '../../host/host.ts';
import { isQuotaError, StorageFullError } from '../../db/storage-errors.ts';
import { ReferenceImportError } from '../../../src-core/interop/types.ts';

/** One thing to add: a file read on demand, or a page fetched from its address. */
export type BatchSource =
  | { kind: 'bytes'; label: string; read(): Promise<FetchedBytes> }
  | { kind: 'url'; label: string; url: string };

/** Bytes ready for the capture, with what is known about them. */
export interface FetchedBytes {
  bytes: Uint8Array;
  options: ImportOptions;
}

export type BatchOutcome =
  | { status: 'saved' | 'duplicate'; label: string; id: string; title: string; note?: string }
  | { status: 'failed'; label: string; message: string; storageFull?: true }
  /** Not tried: the user cancelled, or (storageFull) the storage filled up before it. */
  | { status: 'cancelled'; label: string; storageFull?: true };

export interface BatchProgress {
  total: number;
  done: number;
  saved: number;
  duplicates: number;
  failed: number;
  /** Set when the batch stopped by itself: the storage is full, so the rest was not tried. */
  stopped?: 'storage-full';
}

export interface SaveResult {
  status: 'added' | 'duplicate';
  id: string;
  title: string;
  /** Why it counts as a duplicate ("same address"), or what was left out ("2 images failed"). */
  note?: string;
}

/** What a batch needs from the app; each step may throw a message meant for the user. */
export interface BatchSteps {
  fetchPage(url: string, signal: AbortSignal): Promise<FetchedBytes>;
  /** Captures the bytes and stores the article (and its offline images) in one transaction. */
  store(bytes: Uint8Array, options: ImportOptions, signal: AbortSignal): Promise<SaveResult>;
}

export interface BatchOptions {
  signal?: AbortSignal;
  onProgress?(progress: BatchProgress, outcome: BatchOutcome, index: number): void;
  /** Items in flight at once: one being captured while another is fetched or saved. */
  concurrency?: number;
}

export { UserFacingError };

/** A user-facing reason for a failure; anything unexpected is named as such. */
export function failureMessage(error: unknown): string {
  if (error instanceof ImportError || error instanceof ReferenceImportError) return error.message;
  if (isQuotaError(error)) return new StorageFullError().message;
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof UserFacingError
    ? message
    : `Something went wrong while saving it (${message}).`;
}

class Cancelled extends Error {}

async function runOne(
  source: BatchSource,
  steps: BatchSteps,
  signal: AbortSignal,
): Promise<BatchOutcome> {
  const { label } = source;
  const check = () => {
    if (signal.aborted) throw new Cancelled();
  };
  try {
    check();
    const { bytes, options } =
      source.kind === 'url' ? await steps.fetchPage(source.url, signal) : await source.read();
    // Past this point the item is captured and saved in one transaction, whole or not at all.
    check();
    const saved = await steps.store(bytes, options, signal);
    const status = saved.status === 'added' ? 'saved' : 'duplicate';
    return {
      status,
      label,
      id: saved.id,
      title: saved.title,
      ...(saved.note ? { note: saved.note } : {}),
    };
  } catch (error) {
    if (error instanceof Cancelled) return { status: 'cancelled', label };
    const message = failureMessage(error);
    return isQuotaError(error)
      ? { status: 'failed', label, message, storageFull: true }
      : { status: 'failed', label, message };
  }
}

/**
 * Adds every source, a few at a time, and reports each outcome as it comes. A failure is that
 * item's outcome and the batch goes on; cancelling stops new items (those not started are
 * "cancelled") while items already saving finish, so nothing is half-written. A full storage
 * stops the batch the same way: every later item would fail for the same reason, so they are
 * marked not tried (storageFull) instead of each failing in turn.
 */
export async function runBatch(
  sources: readonly BatchSource[],
  steps: BatchSteps,
  { signal = new AbortController().signal, onProgress, concurrency = 2 }: BatchOptions = {},
): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = new Array<BatchOutcome>(sources.length);
  const progress: BatchProgress = {
    total: sources.length,
    done: 0,
    saved: 0,
    duplicates: 0,
    failed: 0,
  };
  let next = 0;
  const lane = async () => {
    while (next < sources.length) {
      const index = next++;
      const source = sources[index]!;
      const outcome: BatchOutcome = progress.stopped
        ? { status: 'cancelled', label: source.label, storageFull: true }
        : await runOne(source, steps, signal);
      if (outcome.status === 'failed' && outcome.storageFull) progress.stopped = 'storage-full';
      outcomes[index] = outcome;
      progress.done += 1;
      if (outcome.status === 'saved') progress.saved += 1;
      else if (outcome.status === 'duplicate') progress.duplicates += 1;
      else if (outcome.status === 'failed') progress.failed += 1;
      onProgress?.({ ...progress }, outcome, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return outcomes;
}

/** The result list as text, one line per item, for the clipboard. */
export function outcomesAsText(outcomes: readonly BatchOutcome[]): string {
  const line = (o: BatchOutcome): string => {
    switch (o.status) {
      case 'saved':
        return `Saved\t${o.label}\t${o.title}${o.note ? ` (${o.note})` : ''}`;
      case 'duplicate':
        return `Already in the library\t${o.label}\t${o.title}${o.note ? ` (${o.note})` : ''}`;
      case 'failed':
        return `Failed\t${o.label}\t${o.message}`;
      case 'cancelled':
        return o.storageFull
          ? `Not added (storage full)\t${o.label}`
          : `Not added (cancelled)\t${o.label}`;
    }
  };
  return outcomes.map(line).join('\n') + '\n';
}
