import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type QuireApi } from '../ipc/contract.ts';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]) => 'reply') },
}));
vi.mock('electron', () => electron);

await import('./index.ts');

function exposedApi(): QuireApi {
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('quire');
  return api as QuireApi;
}

describe('preload', () => {
  it("exposes exactly the contract's methods, all functions", () => {
    const api = exposedApi();
    expect(Object.keys(api).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    for (const method of Object.values(api)) expect(typeof method).toBe('function');
  });

  it('has no generic invoke/send escape hatch', () => {
    const api = exposedApi() as unknown as Record<string, unknown>;
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) {
      expect(api[name]).toBeUndefined();
    }
  });

  it('sends each method to its own channel with exactly its arguments', async () => {
    const api = exposedApi();
    const invoke = electron.ipcRenderer.invoke;

    invoke.mockClear();
    await expect(api.writeClipboard({ text: 't', html: '<p>t</p>' })).resolves.toBe('reply');
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.writeClipboard, { text: 't', html: '<p>t</p>' }],
    ]);

    invoke.mockClear();
    // Extra arguments a page might slip in are not forwarded.
    await (api.openExternal as (...args: unknown[]) => Promise<void>)('https://a.b/', 'extra');
    expect(invoke.mock.calls).toEqual([[IPC_CHANNELS.openExternal, 'https://a.b/']]);

    invoke.mockClear();
    await (api.getAppInfo as (...args: unknown[]) => Promise<unknown>)('extra');
    expect(invoke.mock.calls).toEqual([[IPC_CHANNELS.getAppInfo]]);

    invoke.mockClear();
    const bytes = new Uint8Array([80, 75]);
    await (api.saveBackup as (...args: unknown[]) => Promise<unknown>)(bytes, 'daily', 'extra');
    await (api.readBackup as (...args: unknown[]) => Promise<unknown>)('a', 'extra');
    await (api.listBackups as (...args: unknown[]) => Promise<unknown>)('extra');
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.saveBackup, bytes, 'daily'],
      [IPC_CHANNELS.readBackup, 'a'],
      [IPC_CHANNELS.listBackups],
    ]);
  });

  it('uses distinct, namespaced channels', () => {
    const channels = Object.values(IPC_CHANNELS);
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(channel).toMatch(/^quire:[a-z-]+$/);
  });
});
