import { parentPort } from 'node:worker_threads';
import { fuzzConfig, runFuzzTarget, type FuzzTarget } from './fuzz.ts';
import type { FuzzRequest, WorkerMessage } from './fuzz-test.ts';

// Test-only: runs in a worker thread (fuzz-worker.mjs). Loads the target module named in the
// request, runs the target, and posts a heartbeat before each case (with the input, so that a
// case that never returns can still be reported and saved) and the report at the end.

const port = parentPort!;
const post = (message: WorkerMessage): void => port.postMessage(message);

port.once('message', async (request: FuzzRequest) => {
  const module = (await import(request.module)) as Record<string, FuzzTarget<unknown>>;
  const target = module[request.exportName];
  if (!target) throw new Error(`${request.module} exports no fuzz target ${request.exportName}`);
  const config = { ...fuzzConfig(target.runs), ...request.overrides };
  post({ type: 'start', name: target.name, seed: config.seed, caseBaseMs: config.caseBaseMs });
  const report = await runFuzzTarget(target, config, {
    onCase(input, size) {
      try {
        post({ type: 'case', size, input });
      } catch {
        post({ type: 'case', size, input: null }); // not cloneable: the preview is lost
      }
    },
  });
  post({ type: 'done', report });
});
