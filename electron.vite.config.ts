import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cspMetaPlugin } from './build/csp-plugin.ts';
import { WORKER_SAFE_ALIASES } from './build/worker-safe-aliases.ts';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/preload/index.ts') },
        // A sandboxed preload cannot be an ES module, and package.json says "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    resolve: { alias: WORKER_SAFE_ALIASES },
    plugins: [react(), cspMetaPlugin()],
    build: {
      outDir: 'out/renderer',
      // The citation engine (citeproc + CSL) is one lazily loaded ~650 kB chunk, read from disk.
      chunkSizeWarningLimit: 1024,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') },
      },
    },
  },
});
