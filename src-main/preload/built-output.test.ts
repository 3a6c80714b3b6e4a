import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Script, runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../ipc/contract.ts';
import { META_CONTENT_SECURITY_POLICY } from '../security/csp.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const builtPreload = resolve(projectRoot, 'out/preload/index.cjs');
const builtPage = resolve(projectRoot, 'out/renderer/index.html');

/**
 * Checks the artifacts Electron actually loads. A sandboxed preload must be a classic
 * CommonJS script: if the build ever emits ESM, the bridge silently disappears at runtime.
 * `npm test` builds before unit tests; a stale out/ shows up as missing channels below.
 */
beforeAll(() => {
  if (existsSync(builtPreload) && existsSync(builtPage)) return;
  execFileSync('npx', ['electron-vite', 'build'], {
    cwd: projectRoot,
    stdio: 'pipe',
    timeout: 300_000,
  });
}, 320_000);

describe('the built preload (out/preload/index.cjs)', () => {
  const code = () => readFileSync(builtPreload, 'utf8');

  it('is CommonJS: requires electron, no import/export statements', () => {
    expect(code()).toMatch(/require\(["']electron["']\)/);
    expect(code()).not.toMatch(/^\s*(import|export)\b(?!\s*\()/m);
    expect(code()).not.toContain('import.meta');
  });

  it('compiles as a classic script', () => {
    expect(() => new Script(code(), { filename: builtPreload })).not.toThrow();
  });

  it('exposes the contract when run the way a sandboxed preload runs', () => {
    const exposeInMainWorld = vi.fn();
    const invoke = vi.fn();
    const required: string[] = [];
    const module = { exports: {} };
    runInNewContext(code(), {
      module,
      exports: module.exports,
      require: (id: string) => {
        required.push(id);
        if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
        return { contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } };
      },
    });
    for (const channel of Object.values(IPC_CHANNELS)) {
      expect(code(), 'out/ is stale: run `npm run build`').toContain(channel);
    }
    expect(required).toEqual(['electron']);
    expect(exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = exposeInMainWorld.mock.calls[0] ?? [];
    expect(key).toBe('quire');
    expect(Object.keys(api as object).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
  });
});

describe('the built page (out/renderer/index.html)', () => {
  it('carries the CSP meta tag: the single CSP constant less its header-only directives', () => {
    const html = readFileSync(builtPage, 'utf8');
    const metas = [
      ...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi),
    ];
    expect(metas).toHaveLength(1);
    expect(metas[0]?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    // The meta must come before any script, or scripts above it run unrestricted.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });
});
