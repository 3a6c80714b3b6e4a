import type { ParsedArticle } from '../../src-core/article/model.ts';
import {
  ImportError,
  importArticle,
  type ImportDeps,
  type ImportOptions,
} from '../../src-core/import/import-article.ts';
import type { CaptureFailure, CaptureReply, CaptureRequest } from './protocol.ts';

/** Turns bytes into an article: the one capture pipeline the app's importers call. */
export interface Capturer {
  readonly where: 'worker' | 'main-thread';
  /** How many captures can run at once (workers in the pool; 1 on the UI thread). */
  readonly size: number;
  capture(bytes: Uint8Array, options: ImportOptions): Promise<ParsedArticle>;
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
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}

interface Pending {
  resolve(parsed: ParsedArticle): void;
  reject(error: Error): void;
}

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
      this.pending.delete(data.id);
      if (data.ok) waiting.resolve(data.parsed);
      else waiting.reject(rebuild(data.error));
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
 * The bytes are copied to the worker, not transferred: the caller still stores them.
 */
export function createWorkerCapturer(spawn: () => WorkerLike, size = 1): Capturer {
  const lanes = Array.from({ length: Math.max(1, size) }, () => new Lane(spawn));
  let nextId = 1;
  let closed = false;
  return {
    where: 'worker',
    size: lanes.length,
    capture(bytes, options) {
      if (closed) return Promise.reject(new Error('The capture workers were stopped.'));
      const lane = lanes.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      return new Promise((resolve, reject) =>
        lane.send({ id: nextId++, bytes, options }, { resolve, reject }),
      );
    },
    close() {
      closed = true;
      for (const lane of lanes) lane.fail(new Error('The capture workers were stopped.'));
    },
  };
}

/** Captures on the UI thread: the fallback where workers cannot start, and the benchmark's baseline. */
export function createMainThreadCapturer(deps: ImportDeps): Capturer {
  return {
    where: 'main-thread',
    size: 1,
    capture: (bytes, options) => importArticle(bytes, options, deps),
    close() {},
  };
}
