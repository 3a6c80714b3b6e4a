import type { ParsedArticle } from '../../src-core/article/model.ts';
import type { ImageFetcher } from '../../src-core/capture/offline-images.ts';
import {
  ImportError,
  importArticle,
  type ImportDeps,
  type ImportOptions,
} from '../../src-core/import/import-article.ts';
import type { ArticleRepository } from '../db/records.ts';
import { StorageFullError } from '../db/storage-errors.ts';
import type { CaptureFailure, CaptureReply, CaptureRequest } from './protocol.ts';
import { saveCaptured, type SavedArticle } from './save-captured.ts';

/** Turns bytes into an article, and stores it: the one capture pipeline the app calls. */
export interface Capturer {
  readonly where: 'worker' | 'main-thread';
  /** How many captures can run at once (workers in the pool; 1 on the UI thread). */
  readonly size: number;
  /** Reads bytes into an article (a re-read of a stored source). */
  capture(bytes: Uint8Array, options: ImportOptions): Promise<ParsedArticle>;
  /** Reads bytes into an article and stores it with its offline images. */
  store(bytes: Uint8Array, options: ImportOptions, fetchImage: ImageFetcher): Promise<SavedArticle>;
  /** Stops the workers; pending captures are refused. */
  close(): void;
}

/** What the client needs of a worker; tests hand in a fake one. */
export interface WorkerLike {
  postMessage(message: CaptureRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<CaptureReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

function rebuild(failure: CaptureFailure): Error {
  if (failure.code) return new ImportError(failure.code, failure.message);
  if (failure.name === 'StorageFullError') return new StorageFullError();
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}

interface Pending {
  resolve(value: ParsedArticle | SavedArticle): void;
  reject(error: Error): void;
  fetchImage?: ImageFetcher;
}

type Request =
  | { type: 'capture'; bytes: Uint8Array; options: ImportOptions }
  | { type: 'store'; bytes: Uint8Array; options: ImportOptions; database: string };

/** One worker and the captures it has been given. A crashed worker is replaced on next use. */
class Lane {
  private worker: WorkerLike | null = null;
  readonly pending = new Map<number, Pending>();

  constructor(private readonly spawn: () => WorkerLike) {}

  send(request: CaptureRequest, pending: Pending): void {
    this.pending.set(request.id, pending);
    this.ensure().postMessage(request);
  }

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.onmessage = ({ data }) => {
      const waiting = this.pending.get(data.id);
      if (!waiting) return;
      if (data.type === 'fetch-image') {
        // The worker cannot reach the desktop app's main process: the page fetches for it.
        const fetchImage =
          waiting.fetchImage ?? (async () => ({ ok: false, message: 'No fetcher.' }) as const);
        void fetchImage(data.url).then(
          (result) =>
            worker.postMessage({ type: 'image', id: data.id, fetchId: data.fetchId, result }),
          (error: unknown) =>
            worker.postMessage({
              type: 'image',
              id: data.id,
              fetchId: data.fetchId,
              result: { ok: false, message: (error as Error).message ?? String(error) },
            }),
        );
        return;
      }
      this.pending.delete(data.id);
      if (data.type === 'failed') waiting.reject(rebuild(data.error));
      else waiting.resolve(data.type === 'captured' ? data.parsed : data.saved);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.fail(new Error(`The capture worker stopped (${event.message || 'no reason given'}).`));
    };
    this.worker = worker;
    return worker;
  }

  /** Refuses everything pending and drops the worker, so the next capture starts a new one. */
  fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * Captures in Web Workers: each request goes to the lane with the fewest pending captures.
 * The bytes are copied to the worker, not transferred: the caller may still need them.
 * `database` is the library the workers store into.
 */
export function createWorkerCapturer(
  spawn: () => WorkerLike,
  database: string,
  size = 1,
): Capturer {
  const lanes = Array.from({ length: Math.max(1, size) }, () => new Lane(spawn));
  let nextId = 1;
  let closed = false;
  const run = <T extends ParsedArticle | SavedArticle>(
    request: Request,
    fetchImage?: ImageFetcher,
  ): Promise<T> => {
    if (closed) return Promise.reject(new Error('The capture workers were stopped.'));
    const lane = lanes.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return new Promise<T>((resolve, reject) =>
      lane.send(
        { ...request, id: nextId++ },
        { resolve: resolve as Pending['resolve'], reject, ...(fetchImage ? { fetchImage } : {}) },
      ),
    );
  };
  return {
    where: 'worker',
    size: lanes.length,
    capture: (bytes, options) => run<ParsedArticle>({ type: 'capture', bytes, options }),
    store: (bytes, options, fetchImage) =>
      run<SavedArticle>({ type: 'store', bytes, options, database }, fetchImage),
    close() {
      closed = true;
      for (const lane of lanes) lane.fail(new Error('The capture workers were stopped.'));
    },
  };
}

/**
 * Captures and stores on the UI thread: the fallback where workers cannot start, and the
 * benchmark's baseline.
 */
export function createMainThreadCapturer(deps: ImportDeps, articles: ArticleRepository): Capturer {
  return {
    where: 'main-thread',
    size: 1,
    capture: (bytes, options) => importArticle(bytes, options, deps),
    store: async (bytes, options, fetchImage) =>
      saveCaptured(articles, await importArticle(bytes, options, deps), bytes, fetchImage),
    close() {},
  };
}
