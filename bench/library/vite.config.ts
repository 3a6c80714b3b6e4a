/**
 * Builds the bench page (bench/library/page) for bench/library.ts:
 * `vite build --config bench/library/vite.config.ts --outDir DIR`. Same aliases as the web app.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { WORKER_SAFE_ALIASES } from '../../build/worker-safe-aliases.ts';

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  resolve: { alias: WORKER_SAFE_ALIASES },
  logLevel: 'warn',
  build: { target: 'esnext', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
});
