import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type FetchResult, type FolderListing, type QuireApi } from './contract.ts';
import {
  createIpcHandlers,
  registerIpcHandlers,
  UntrustedSenderError,
  type IpcServices,
} from './handlers.ts';
import { IpcArgumentError } from './validate.ts';
import { CHANNEL_CASES } from './channel-cases.ts';
import { isTrustedSender } from './sender.ts';
import type { RendererEntry } from '../window/renderer-entry.ts';

const TRUSTED = { senderFrame: { url: 'file:///app/index.html' } } as IpcMainInvokeEvent;
const UNTRUSTED = { senderFrame: { url: 'https://evil.example/' } } as IpcMainInvokeEvent;
const appInfo = { name: 'Quire', version: '0.1.0', platform: 'linux', electron: '40.10.2' };
const fetched: FetchResult = {
  ok: true,
  resource: {
    requestedUrl: 'https://example.org/a',
    url: 'https://example.org/a',
    status: 200,
    mediaType: 'text/html',
    charset: null,
    bytes: new Uint8Array([60, 112, 62]),
  },
};
const refused: FetchResult = { ok: false, code: 'private-address', message: 'no' };
const listing: FolderListing = { root: '/docs', files: [], skipped: [] };
const BACKUP_NAME = 'quire-2026-12-01T09-00-00-000Z-daily.quire-backup';
const METHODS = Object.keys(IPC_CHANNELS) as (keyof QuireApi)[];
const WINDOW_ID = 7;
const FILE_ENTRY: RendererEntry = {
  kind: 'file',
  path: '/app/index.html',
  url: 'file:///app/index.html',
};
/** Which service each channel drives; getAppInfo's is named appInfo. */
const SERVICE_OF: Record<keyof QuireApi, keyof IpcServices> = {
  writeClipboard: 'writeClipboard',
  openExternal: 'openExternal',
  getAppInfo: 'appInfo',
  capturePage: 'capturePage',
  fetchImage: 'fetchImage',
  chooseFolder: 'chooseFolder',
  readFolderFile: 'readFolderFile',
  saveBackup: 'saveBackup',
  listBackups: 'listBackups',
  readBackup: 'readBackup',
};

function setup() {
  const services = {
    writeClipboard: vi.fn<IpcServices['writeClipboard']>(),
    openExternal: vi.fn<IpcServices['openExternal']>(async () => {}),
    appInfo: vi.fn<IpcServices['appInfo']>(() => appInfo),
    capturePage: vi.fn<IpcServices['capturePage']>(async () => fetched),
    fetchImage: vi.fn<IpcServices['fetchImage']>(async () => refused),
    chooseFolder: vi.fn<IpcServices['chooseFolder']>(async () => listing),
    readFolderFile: vi.fn<IpcServices['readFolderFile']>(async () => ({
      ok: true,
      bytes: new Uint8Array([1]),
    })),
    saveBackup: vi.fn<IpcServices['saveBackup']>(async (bytes, reason) => ({
      ok: true,
      entry: { name: BACKUP_NAME, reason, createdAt: 0, size: bytes.byteLength },
    })),
    listBackups: vi.fn<IpcServices['listBackups']>(async () => []),
    readBackup: vi.fn<IpcServices['readBackup']>(async () => ({
      ok: true,
      bytes: new Uint8Array([2]),
    })),
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

  it('have a table row for every contract channel, each with malformed cases', () => {
    expect(Object.keys(CHANNEL_CASES).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    for (const cases of Object.values(CHANNEL_CASES))
      expect(cases.malformed.length).toBeGreaterThan(0);
  });

  it.each(METHODS)('%s acts on its valid arguments from our window', async (method) => {
    const { call, services } = setup();
    await call(IPC_CHANNELS[method], TRUSTED, ...CHANNEL_CASES[method].valid);
    const called = Object.entries(services).filter(([, service]) => service.mock.calls.length > 0);
    expect(called.map(([name]) => name)).toEqual([SERVICE_OF[method]]);
  });

  it.each(METHODS)(
    '%s refuses an untrusted sender before looking at the arguments',
    async (method) => {
      const { call, services } = setup();
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const argumentLists = [CHANNEL_CASES[method].valid, ...CHANNEL_CASES[method].malformed];
      for (const args of argumentLists) {
        await expect(call(IPC_CHANNELS[method], UNTRUSTED, ...args)).rejects.toThrow(
          UntrustedSenderError,
        );
      }
      for (const service of Object.values(services)) expect(service).not.toHaveBeenCalled();
      warn.mockRestore();
    },
  );

  it.each(METHODS)('%s refuses every malformed argument list without acting', async (method) => {
    const { call, services } = setup();
    for (const args of CHANNEL_CASES[method].malformed) {
      await expect(
        call(IPC_CHANNELS[method], TRUSTED, ...args),
        `${method}(${JSON.stringify(args)})`,
      ).rejects.toThrow(IpcArgumentError);
    }
    for (const service of Object.values(services)) expect(service).not.toHaveBeenCalled();
  });

  it.each(METHODS)(
    '%s refuses, with the real sender check, another window, a subframe, a foreign page and a gone frame',
    async (method) => {
      const { services } = setup();
      const handlers = createIpcHandlers(
        (event) => isTrustedSender(event, WINDOW_ID, FILE_ENTRY),
        services,
      );
      const handler = handlers.get(IPC_CHANNELS[method]);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const own = { url: FILE_ENTRY.url, parent: null };
      const events = [
        { sender: { id: WINDOW_ID + 1 }, senderFrame: own },
        { sender: { id: WINDOW_ID }, senderFrame: { url: FILE_ENTRY.url, parent: own } },
        { sender: { id: WINDOW_ID }, senderFrame: { url: 'https://evil.example/', parent: null } },
        { sender: { id: WINDOW_ID }, senderFrame: { url: 'file:///tmp/saved.html', parent: null } },
        { sender: { id: WINDOW_ID }, senderFrame: null },
      ];
      for (const event of events) {
        await expect(
          handler?.(event as unknown as IpcMainInvokeEvent, ...CHANNEL_CASES[method].valid),
        ).rejects.toThrow(UntrustedSenderError);
      }
      await expect(
        handler?.(
          { sender: { id: WINDOW_ID }, senderFrame: own } as unknown as IpcMainInvokeEvent,
          ...CHANNEL_CASES[method].valid,
        ),
      ).resolves.not.toThrow();
      for (const service of Object.values(services)) {
        expect(service.mock.calls.length).toBeLessThanOrEqual(1);
      }
      warn.mockRestore();
    },
  );

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

  it('capturePage and fetchImage pass the validated request and return the result value', async () => {
    const { call, services } = setup();
    const request = { url: 'https://example.org/a', allowPrivate: false };
    await expect(call(IPC_CHANNELS.capturePage, TRUSTED, request)).resolves.toEqual(fetched);
    expect(services.capturePage).toHaveBeenCalledExactlyOnceWith(request);
    await expect(
      call(IPC_CHANNELS.fetchImage, TRUSTED, { url: 'http://127.0.0.1/x.png', allowPrivate: true }),
    ).resolves.toEqual(refused);
    expect(services.fetchImage).toHaveBeenCalledExactlyOnceWith({
      url: 'http://127.0.0.1/x.png',
      allowPrivate: true,
    });
  });

  it.each([
    [[]],
    [['https://example.org/']],
    [[{ url: 'https://example.org/' }]],
    [[{ url: 'https://example.org/', allowPrivate: 'yes' }]],
    [[{ url: 42, allowPrivate: false }]],
    [[{ url: 'https://example.org/', allowPrivate: false, method: 'POST' }]],
    [[{ url: `https://example.org/${'x'.repeat(9000)}`, allowPrivate: false }]],
    [[{ url: 'https://example.org/', allowPrivate: false }, 'extra']],
  ])('capturePage and fetchImage refuse the arguments %j', async (args) => {
    const { call, services } = setup();
    for (const channel of [IPC_CHANNELS.capturePage, IPC_CHANNELS.fetchImage]) {
      await expect(call(channel, TRUSTED, ...args)).rejects.toThrow(IpcArgumentError);
    }
    expect(services.capturePage).not.toHaveBeenCalled();
    expect(services.fetchImage).not.toHaveBeenCalled();
  });

  it('chooseFolder takes no arguments and returns the listing or null', async () => {
    const { call, services } = setup();
    await expect(call(IPC_CHANNELS.chooseFolder, TRUSTED)).resolves.toEqual(listing);
    services.chooseFolder.mockResolvedValueOnce(null);
    await expect(call(IPC_CHANNELS.chooseFolder, TRUSTED)).resolves.toBeNull();
    await expect(call(IPC_CHANNELS.chooseFolder, TRUSTED, '/etc')).rejects.toThrow(
      IpcArgumentError,
    );
    expect(services.chooseFolder).toHaveBeenCalledTimes(2);
  });

  it('readFolderFile passes a path string on, and refuses anything else', async () => {
    const { call, services } = setup();
    await expect(call(IPC_CHANNELS.readFolderFile, TRUSTED, '/docs/a.md')).resolves.toEqual({
      ok: true,
      bytes: new Uint8Array([1]),
    });
    expect(services.readFolderFile).toHaveBeenCalledExactlyOnceWith('/docs/a.md');
    for (const args of [[], [''], [7], [{ path: '/a' }], ['/a\0.md'], ['/a', '/b']]) {
      await expect(call(IPC_CHANNELS.readFolderFile, TRUSTED, ...args)).rejects.toThrow(
        IpcArgumentError,
      );
    }
    expect(services.readFolderFile).toHaveBeenCalledOnce();
  });

  it('saveBackup passes validated bytes and reason on and returns the result value', async () => {
    const { call, services } = setup();
    const bytes = new Uint8Array([80, 75, 3, 4]);
    await expect(call(IPC_CHANNELS.saveBackup, TRUSTED, bytes, 'pre-upgrade')).resolves.toEqual({
      ok: true,
      entry: { name: BACKUP_NAME, reason: 'pre-upgrade', createdAt: 0, size: 4 },
    });
    expect(services.saveBackup).toHaveBeenCalledExactlyOnceWith(bytes, 'pre-upgrade');
  });

  it.each([
    ['no arguments', []],
    ['no reason', [new Uint8Array([1])]],
    ['an unknown reason', [new Uint8Array([1]), 'manual']],
    ['a string for bytes', ['PK', 'daily']],
    ['an array for bytes', [[80, 75], 'daily']],
    ['an ArrayBuffer for bytes', [new ArrayBuffer(2), 'daily']],
    ['empty bytes', [new Uint8Array(0), 'daily']],
    ['an extra argument', [new Uint8Array([1]), 'daily', 'x']],
  ])('saveBackup refuses %s', async (_label, args) => {
    const { call, services } = setup();
    await expect(call(IPC_CHANNELS.saveBackup, TRUSTED, ...args)).rejects.toThrow(IpcArgumentError);
    expect(services.saveBackup).not.toHaveBeenCalled();
  });

  it('listBackups takes no arguments and returns the listing', async () => {
    const { call, services } = setup();
    const entry = { name: BACKUP_NAME, reason: 'daily' as const, createdAt: 1, size: 9 };
    services.listBackups.mockResolvedValueOnce([entry]);
    await expect(call(IPC_CHANNELS.listBackups, TRUSTED)).resolves.toEqual([entry]);
    await expect(call(IPC_CHANNELS.listBackups, TRUSTED, '/etc')).rejects.toThrow(IpcArgumentError);
    expect(services.listBackups).toHaveBeenCalledOnce();
  });

  it('readBackup reads only a backup name, never a path', async () => {
    const { call, services } = setup();
    await expect(call(IPC_CHANNELS.readBackup, TRUSTED, BACKUP_NAME)).resolves.toEqual({
      ok: true,
      bytes: new Uint8Array([2]),
    });
    expect(services.readBackup).toHaveBeenCalledExactlyOnceWith(BACKUP_NAME);
    for (const args of [
      [],
      [''],
      [7],
      ['../secret'],
      ['/etc/passwd'],
      [`../${BACKUP_NAME}`],
      [`/home/me/${BACKUP_NAME}`],
      [`C:\\${BACKUP_NAME}`],
      [`${BACKUP_NAME}\0`],
      [BACKUP_NAME, 'extra'],
    ]) {
      await expect(call(IPC_CHANNELS.readBackup, TRUSTED, ...args)).rejects.toThrow(
        IpcArgumentError,
      );
    }
    expect(services.readBackup).toHaveBeenCalledOnce();
  });
});
