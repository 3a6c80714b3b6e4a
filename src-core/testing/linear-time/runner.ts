import { Worker } from 'node:worker_threads';
import { READY, type CaseRequest, type CaseResult } from './inputs.ts';

// Test-only: runs linear-time cases in a worker thread. A synchronous call cannot be
// interrupted in its own thread, and vitest notices a timeout only once the call returns; here
// a case that has not returned by its deadline has its worker terminated, so a hang ends as a
// failed test instead of stalling the whole run.

export const DID_NOT_RETURN = 'did not return before the deadline';

export class CaseRunner {
  private worker: Promise<Worker> | null = null;

  /** Runs one case; resolves with its outcome, or DID_NOT_RETURN after `deadlineMs`. */
  async run(request: CaseRequest, deadlineMs: number): Promise<CaseResult> {
    const worker = await (this.worker ??= startWorker());
    return new Promise((resolve) => {
      const done = (outcome: CaseResult): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(outcome);
      };
      const onMessage = (result: CaseResult): void => done(result);
      const onError = (error: Error): void => {
        this.stop();
        done({ returned: false, error: error.message });
      };
      const timer = setTimeout(() => {
        this.stop();
        done({ returned: false, error: DID_NOT_RETURN });
      }, deadlineMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(request);
    });
  }

  /** Ends the worker; the next case starts a new one. */
  stop(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.then((w) => w.terminate());
  }
}

/** A worker whose modules have loaded: the time to load them counts against no case. */
function startWorker(): Promise<Worker> {
  const worker = new Worker(new URL('./worker.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: unknown) => {
      worker.off('error', reject);
      if (message === READY) resolve(worker);
      else reject(new Error(`unexpected first message from the worker: ${String(message)}`));
    });
  });
}
