import type { Library } from '../db/index.ts';
import { importDeps } from '../host/index.ts';
import { createMainThreadCapturer, createWorkerCapturer, type Capturer } from './capturer.ts';

/**
 * The app's capturer: Web Workers, unless the page asks for the UI thread
 * (`?capture=main-thread`, the benchmark's baseline) or the platform has no module workers.
 * The pool leaves a core to the UI thread. Workers store into the same library, by name.
 */
export function selectCapturer(search: string, library: Library): Capturer {
  const mainThread = new URLSearchParams(search).get('capture') === 'main-thread';
  if (mainThread || typeof Worker === 'undefined') {
    return createMainThreadCapturer(importDeps, library.articles);
  }
  const cores = navigator.hardwareConcurrency || 2;
  const size = Math.min(4, Math.max(1, cores - 1));
  return createWorkerCapturer(
    () =>
      new Worker(new URL('./capture.worker.ts', import.meta.url), {
        type: 'module',
        name: 'quire-capture',
      }),
    library.db.name,
    size,
  );
}
