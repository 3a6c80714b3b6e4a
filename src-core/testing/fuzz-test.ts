import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import {
  caseBudgetMs,
  preview,
  saveCounterexample,
  type FuzzConfig,
  type FuzzReport,
} from './fuzz.ts';

// Test-only: runs a fuzz target (testing/fuzz-targets/) as one vitest test, in a worker thread.
// A synchronous call cannot be interrupted in its own thread; here a case that has not returned
// well after its time budget has its worker terminated and is reported (input saved) as a hang.
// A case that returns late is failed by the harness itself (judgeCase), with shrinking.

export interface FuzzRequest {
  /** The target module, as a file URL. */
  module: string;
  exportName: string;
  /** Settings that replace the environment's (the harness's own tests). */
  overrides?: Partial<FuzzConfig>;
}

export type WorkerMessage =
  | { type: 'start'; name: string; seed: number; caseBaseMs: number }
  | { type: 'case'; size: number; input: unknown }
  | { type: 'done'; report: FuzzReport };

/**
 * The watchdog's wall-clock limit for one case: ten times its CPU budget (a machine shared by
 * many test runs slows the clock that much) plus 30 s. Only a case that never returns gets here.
 */
const hangAfterMs = (size: number, caseBaseMs: number): number =>
  caseBudgetMs(size, caseBaseMs) * 10 + 30_000;
/** Time to start the worker and load the modules before the first case. */
const START_GRACE_MS = 60_000;

/** Runs one target in a fresh worker thread; `hangAfter` replaces the watchdog's limit. */
export function runInWorker(
  request: FuzzRequest,
  hangAfter: (size: number, caseBaseMs: number) => number = hangAfterMs,
): Promise<FuzzReport> {
  const worker = new Worker(new URL('./fuzz-worker.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    let name = request.exportName;
    let seed = 0;
    let caseBaseMs = 2000;
    let last: { size: number; input: unknown } | null = null;
    let cases = 0;
    const startedAt = performance.now();
    let timer = setTimeout(() => hang(), START_GRACE_MS);
    const finish = (report: FuzzReport): void => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(report);
    };
    const hang = (): void => {
      const saved = last ? saveCounterexample(name, seed, last.input) : 'nothing to save';
      finish({
        target: name,
        runsRequested: 0,
        runs: cases,
        results: 0,
        refusals: 0,
        durationMs: performance.now() - startedAt,
        slowestMs: 0,
        slowestSize: 0,
        interrupted: false,
        seed,
        seedNote: '',
        failure: last
          ? `${name}: a case did not return within ${Math.round(hangAfter(last.size, caseBaseMs) / 1000)} s (case ${cases}, seed ${seed}).\ninput: ${preview(last.input)}\nsaved to ${saved}`
          : `${name}: the worker did not start within ${START_GRACE_MS / 1000} s`,
      });
    };
    worker.on('message', (message: WorkerMessage) => {
      clearTimeout(timer);
      if (message.type === 'done') return finish(message.report);
      if (message.type === 'start') ({ name, seed, caseBaseMs } = message);
      else {
        last = message;
        cases++;
      }
      const size = message.type === 'case' ? message.size : 0;
      timer = setTimeout(hang, hangAfter(size, caseBaseMs));
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      void worker.terminate();
      reject(error);
    });
    worker.postMessage(request);
  });
}

/** One line per target for the test output. */
export function summary(report: FuzzReport): string {
  const seconds = (report.durationMs / 1000).toFixed(1);
  const stopped = report.interrupted ? ' (stopped by the overall time budget)' : '';
  return `fuzz ${report.target}: ${report.runs}/${report.runsRequested} runs in ${seconds} s${stopped}, ${report.results} results, ${report.refusals} refusals, slowest case ${Math.round(report.slowestMs)} ms CPU (${Math.round(report.slowestSize / 1024)} KB); seeds: ${report.seedNote || '-'}`;
}

/** The vitest timeout: the overall budget, plus time to shrink a failure and start the worker. */
const testTimeoutMs = (): number => Number(process.env.QUIRE_FUZZ_BUDGET_S ?? 45) * 2000 + 120_000;

/**
 * Declares a vitest test that runs `exportName` of the target module at `moduleUrl` and fails
 * with the counterexample when any case goes wrong.
 */
export function fuzzTest(title: string, moduleUrl: URL, exportName: string): void {
  it(
    title,
    async () => {
      const report = await runInWorker({ module: moduleUrl.href, exportName });
      console.log(summary(report));
      if (process.env.QUIRE_FUZZ_REPORT) {
        appendFileSync(
          process.env.QUIRE_FUZZ_REPORT,
          `${JSON.stringify({ ...report, file: fileURLToPath(moduleUrl) })}\n`,
        );
      }
      expect(report.failure, report.failure ?? '').toBeNull();
      expect(report.runs).toBeGreaterThan(0);
    },
    testTimeoutMs(),
  );
}
