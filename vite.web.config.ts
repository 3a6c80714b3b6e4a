import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMetaPlugin } from './build/csp-plugin.ts';
import { WORKER_SAFE_ALIASES } from './build/worker-safe-aliases.ts';
import { WEB_META_CONTENT_SECURITY_POLICY } from './src-main/security/csp.ts';

/** Web mode: the same renderer in a plain browser, with the browser host adapter. */
export default defineConfig({
  root: 'src-renderer',
  resolve: { alias: WORKER_SAFE_ALIASES },
  base: './',
  plugins: [react(), cspMetaPlugin(WEB_META_CONTENT_SECURITY_POLICY)],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // The citation engine (citeproc + CSL) is one lazily loaded ~650 kB chunk, read from disk.
  build: { outDir: '../out/web', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
});
