import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The capture worker shares micromark with the UI thread. micromark's entity decoder ships a
 * "browser" build that decodes with `document.createElement` at import time, which throws in a
 * Web Worker (no document). Vite resolves workers with the browser conditions, so the plain
 * build (a lookup table, the same answers) is chosen for every bundle by alias.
 */
export const WORKER_SAFE_ALIASES = {
  // Resolved with Node's conditions: the package's "default" export, not its "browser" one.
  'decode-named-character-reference': require.resolve('decode-named-character-reference'),
};
