import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devServerContentSecurityPolicy } from './dev-server-csp.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * Renders index.html exactly as `electron-vite dev` serves it (the project's own renderer
 * config and plugins), then checks the dev policy lets every inline script run. Without this,
 * a @vitejs/plugin-react upgrade could change its preamble and leave `npm run dev` blank.
 */
describe('the dev server policy against the real dev index.html', () => {
  let server: ViteDevServer;
  let cacheDir: string;
  const savedNodeEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'quire-vite-'));
    const { config } = await resolveConfig({ root: projectRoot }, 'serve', 'development');
    const renderer = config?.renderer;
    if (!renderer) throw new Error('electron.vite.config.ts has no renderer config');
    server = await createServer({
      ...renderer,
      configFile: false,
      cacheDir,
      logLevel: 'silent',
      optimizeDeps: { noDiscovery: true, include: [] },
      // No port, no socket: only the HTML transform is needed.
      server: { middlewareMode: true, ws: false },
    });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
    process.env.NODE_ENV = savedNodeEnv;
  });

  it('covers every inline script by hash', async () => {
    const source = readFileSync(join(projectRoot, 'src-renderer/index.html'), 'utf8');
    const html = await server.transformIndexHtml('/index.html', source);
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((match) => match[1] ?? '')
      .filter((body) => body.trim() !== '');
    // The Fast Refresh preamble must be there, or this test checks nothing.
    expect(inlineScripts.some((body) => body.includes('/@react-refresh'))).toBe(true);

    const scriptSrc = devServerContentSecurityPolicy('http://localhost:5173')
      .split('; ')
      .find((directive) => directive.startsWith('script-src '));
    for (const body of inlineScripts) {
      const hash = createHash('sha256').update(body, 'utf8').digest('base64');
      expect(scriptSrc, body).toContain(`'sha256-${hash}'`);
    }
  });
});
