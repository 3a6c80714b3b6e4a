/**
 * The web build the benchmark drives, and a `vite preview` server for it on a free local port.
 * By default the harness builds into a folder of its own (.scratch/capture-app/web), so that it
 * neither reads a stale `out/web` nor replaces one an end-to-end run is serving.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

function run(args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE, ...args], { cwd: ROOT, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else {
        log(output.trim().split('\n').slice(-30).join('\n'));
        reject(new Error(`vite ${args[0]} exited with code ${code}`));
      }
    });
  });
}

/** `vite build --config vite.web.config.ts` into `outDir` (an absolute path). */
export async function buildWeb(outDir: string, log: (line: string) => void): Promise<void> {
  await run(['build', '--config', 'vite.web.config.ts', '--outDir', outDir, '--emptyOutDir'], log);
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`No index.html in ${outDir}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** `vite preview` of `outDir` on a free 127.0.0.1 port; resolves once it answers. */
export async function previewWeb(outDir: string, port?: number): Promise<PreviewServer> {
  const chosen = port ?? (await freePort());
  const args = ['preview', '--config', 'vite.web.config.ts', '--outDir', outDir];
  const child: ChildProcess = spawn(
    process.execPath,
    [VITE, ...args, '--port', String(chosen), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${chosen}/`;
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, close };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await close();
  throw new Error(`vite preview did not answer at ${url} within 60 s:\n${output}`);
}
