/**
 * Builds and serves what the library benchmark drives: the web app (bench/capture/server.ts's
 * buildWeb, into a folder of its own) at `/` and the bench page at `/bench/`, on one 127.0.0.1
 * origin, so the page and the app share IndexedDB.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { buildWeb, ROOT } from '../capture/server.ts';

export { buildWeb, ROOT };

const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** `vite build --config bench/library/vite.config.ts` into `outDir` (absolute). */
export function buildPage(outDir: string, log: (line: string) => void): Promise<void> {
  const args = ['build', '--config', 'bench/library/vite.config.ts', '--outDir', outDir];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE, ...args, '--emptyOutDir'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && existsSync(join(outDir, 'index.html'))) return resolve();
      log(output.trim().split('\n').slice(-30).join('\n'));
      reject(new Error(`vite build of the bench page exited with code ${code}`));
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.csl': 'application/xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `webDir` at / and `pageDir` at /bench/ on 127.0.0.1 (`port`, or a free one). */
export function serve(webDir: string, pageDir: string, port = 0): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const [dir, rest] = path.startsWith('/bench/') ? [pageDir, path.slice(7)] : [webDir, path];
    const file = normalize(
      join(dir, rest.endsWith('/') || rest === '' ? `${rest}index.html` : rest),
    );
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(
        path === '/bench' ? 301 : 404,
        path === '/bench' ? { location: '/bench/' } : {},
      );
      return response.end();
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
