import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from './contract.ts';
import {
  createIpcHandlers,
  registerIpcHandlers,
  UntrustedSenderError,
  type IpcServices,
} from './handlers.ts';
import { IpcArgumentError } from './validate.ts';

const TRUSTED = { senderFrame: { url: 'file:///app/index.html' } } as IpcMainInvokeEvent;
const UNTRUSTED = { senderFrame: { url: 'https://evil.example/' } } as IpcMainInvokeEvent;
const appInfo = { name: 'Quire', version: '0.1.0', platform: 'linux', electron: '40.10.2' };

function setup() {
  const services = {
    writeClipboard: vi.fn<IpcServices['writeClipboard']>(),
    openExternal: vi.fn<IpcServices['openExternal']>(async () => {}),
    appInfo: vi.fn<IpcServices['appInfo']>(() => appInfo),
  };
  const handlers = createIpcHandlers((event) => event === TRUSTED, services);
  const call = (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  return { services, handlers, call };
}

describe('IPC handlers', () => {
  it('handle exactly the contract channels', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    const ipcMain = { handle: vi.fn() };
    registerIpcHandlers(ipcMain, handlers);
    expect(ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(
      Object.values(IPC_CHANNELS).sort(),
    );
  });

  it.each([
    [IPC_CHANNELS.writeClipboard, [{ text: 'x' }]],
    [IPC_CHANNELS.openExternal, ['https://example.org/']],
    [IPC_CHANNELS.getAppInfo, []],
  ])('%s refuses an untrusted sender before doing anything', async (channel, args) => {
    const { call, services } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(call(channel, UNTRUSTED, ...args)).rejects.toThrow(UntrustedSenderError);
    expect(services.writeClipboard).not.toHaveBeenCalled();
    expect(services.openExternal).not.toHaveBeenCalled();
    expect(services.appInfo).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('writeClipboard writes validated content', async () => {
    const { call, services } = setup();
    await expect(
      call(IPC_CHANNELS.writeClipboard, TRUSTED, { text: 'a', html: '<b>a</b>' }),
    ).resolves.toBeUndefined();
    expect(services.writeClipboard).toHaveBeenCalledWith({ text: 'a', html: '<b>a</b>' });
  });

  it.each([[[]], [[{ text: 1 }]], [[{ text: 'a' }, 'extra']], [['plain string']]])(
    'writeClipboard refuses the arguments %j',
    async (args) => {
      const { call, services } = setup();
      await expect(call(IPC_CHANNELS.writeClipboard, TRUSTED, ...args)).rejects.toThrow(
        IpcArgumentError,
      );
      expect(services.writeClipboard).not.toHaveBeenCalled();
    },
  );

  it('openExternal opens the normalized http(s) URL', async () => {
    const { call, services } = setup();
    await call(IPC_CHANNELS.openExternal, TRUSTED, 'HTTPS://Example.org');
    expect(services.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.org/');
  });

  it.each([
    [[]],
    [['file:///etc/passwd']],
    [['javascript:alert(1)']],
    [['https://a.b', 'x']],
    [[42]],
  ])('openExternal refuses the arguments %j', async (args) => {
    const { call, services } = setup();
    await expect(call(IPC_CHANNELS.openExternal, TRUSTED, ...args)).rejects.toThrow(
      IpcArgumentError,
    );
    expect(services.openExternal).not.toHaveBeenCalled();
  });

  it('openExternal passes on a failure of the system browser', async () => {
    const { call, services } = setup();
    services.openExternal.mockRejectedValueOnce(new Error('no handler'));
    await expect(call(IPC_CHANNELS.openExternal, TRUSTED, 'https://example.org')).rejects.toThrow(
      'no handler',
    );
  });

  it('getAppInfo returns the app info and takes no arguments', async () => {
    const { call } = setup();
    await expect(call(IPC_CHANNELS.getAppInfo, TRUSTED)).resolves.toEqual(appInfo);
    await expect(call(IPC_CHANNELS.getAppInfo, TRUSTED, 'x')).rejects.toThrow(IpcArgumentError);
  });
});
