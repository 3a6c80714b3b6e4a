import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestServer } from './capture/test-server.ts';
import { IPC_CHANNELS } from './ipc/contract.ts';
import { CONTENT_SECURITY_POLICY } from './security/csp.ts';
import { mainWindowOptions } from './window/main-window-options.ts';

type Listener = (...args: unknown[]) => unknown;
const mainDir = join('/opt', 'quire', 'out', 'main');
const indexPath = join('/opt', 'quire', 'out', 'renderer', 'index.html');

/** Just enough of the electron module for startQuire, recording what it is asked to do. */
function fakeElectron(options: { gotLock?: boolean; packaged?: boolean; userData?: string } = {}) {
  const appListeners = new Map<string, Listener[]>();
  const on = (map: Map<string, Listener[]>) => (name: string, listener: Listener) => {
    map.set(name, [...(map.get(name) ?? []), listener]);
  };
  let ready = false;
  const app = {
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.gotLock ?? true),
    quit: vi.fn(),
    isPackaged: options.packaged ?? false,
    isReady: () => ready,
    whenReady: vi.fn(() => Promise.resolve()),
    on: vi.fn(on(appListeners)),
    getVersion: () => '0.1.0',
    setPath: vi.fn(),
    // Never written unless a test saves a backup, and then it passes its own folder.
    getPath: vi.fn((_name: string) => options.userData ?? join(tmpdir(), 'quire-no-user-data')),
  };
  const windows: FakeWindow[] = [];
  class FakeWindow {
    static getAllWindows = () => windows;
    readonly listeners = new Map<string, Listener[]>();
    readonly webContents = { id: 100 + windows.length };
    once = vi.fn(on(this.listeners));
    on = vi.fn(on(this.listeners));
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => false);
    isDestroyed = () => false;
    loadURL = vi.fn(async () => {});
    loadFile = vi.fn(async () => {});
    constructor(readonly options: unknown) {
      windows.push(this);
    }
  }
  const defaultSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  const module = {
    app,
    BrowserWindow: FakeWindow,
    session: { defaultSession },
    ipcMain: { handle: vi.fn() },
    shell: { openExternal: vi.fn(async () => {}) },
    clipboard: { write: vi.fn(async () => {}) },
    dialog: {
      showOpenDialog: vi.fn(
        async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({
          canceled: true,
          filePaths: [],
        }),
      ),
    },
    // Electron's ClipboardItem keeps what it was given; the test reads it back.
    ClipboardItem: class {
      constructor(readonly items: Record<string, string>) {}
    },
  };
  const emit = (name: string, ...args: unknown[]) =>
    (appListeners.get(name) ?? []).forEach((listener) => listener(...args));
  const becomeReady = async () => {
    ready = true;
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { module, windows, defaultSession, emit, becomeReady };
}

async function start(env: NodeJS.ProcessEnv = {}, options?: Parameters<typeof fakeElectron>[0]) {
  const electron = fakeElectron(options);
  vi.doMock('electron', () => electron.module);
  const { startQuire } = await import('./lifecycle.ts');
  startQuire(mainDir, env);
  await electron.becomeReady();
  return electron;
}

beforeEach(() => {
  vi.resetModules();
});

describe('startQuire', () => {
  it('quits at once when another instance holds the lock', async () => {
    const { module, windows } = await start({}, { gotLock: false });
    expect(module.app.quit).toHaveBeenCalled();
    expect(module.app.whenReady).not.toHaveBeenCalled();
    expect(windows).toHaveLength(0);
  });

  it('opens one hardened, hidden window on the built page and shows it when ready', async () => {
    const { module, windows } = await start();
    expect(module.app.enableSandbox).toHaveBeenCalled();
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window?.options).toEqual(mainWindowOptions(join('/opt/quire/out/preload/index.cjs')));
    expect(window?.loadFile).toHaveBeenCalledWith(indexPath);
    expect(window?.loadURL).not.toHaveBeenCalled();
    expect(window?.show).not.toHaveBeenCalled();
    window?.listeners.get('ready-to-show')?.forEach((listener) => listener());
    expect(window?.show).toHaveBeenCalled();
  });

  it('loads the dev server and sends it the dev policy as a header', async () => {
    const { windows, defaultSession } = await start({
      ELECTRON_RENDERER_URL: 'http://localhost:5173',
    });
    expect(windows[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    const listener = defaultSession.webRequest.onHeadersReceived.mock.calls[0]?.[0];
    const callback = vi.fn();
    listener({ url: 'http://localhost:5173/', responseHeaders: {} }, callback);
    const policy = callback.mock.calls[0]?.[0].responseHeaders['Content-Security-Policy'][0];
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
    expect(policy).not.toContain('unsafe-eval');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    const { windows } = await start(
      { ELECTRON_RENDERER_URL: 'https://evil.example' },
      { packaged: true },
    );
    expect(windows[0]?.loadFile).toHaveBeenCalledWith(indexPath);
    expect(windows[0]?.loadURL).not.toHaveBeenCalled();
  });

  it('denies permissions and adds the production CSP header on the default session', async () => {
    const { defaultSession } = await start();
    const callback = vi.fn();
    defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0]({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0](null, 'media')).toBe(false);
    const headers = vi.fn();
    defaultSession.webRequest.onHeadersReceived.mock.calls[0]?.[0]({ url: 'file:///x' }, headers);
    expect(headers.mock.calls[0]?.[0].responseHeaders).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('guards every new WebContents', async () => {
    const { module, emit } = await start();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    emit('web-contents-created', {}, contents);
    const navigate = contents.on.mock.calls.find(([name]) => name === 'will-navigate')?.[1];
    const event = { url: 'https://example.org/', preventDefault: vi.fn() };
    navigate(event);
    expect(event.preventDefault).toHaveBeenCalled();
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0];
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(module.shell.openExternal.mock.calls).toEqual([['https://example.org/']]);
  });

  it('answers IPC only from the main frame of its window', async () => {
    const { module, windows } = await start();
    const handlers = new Map(
      module.ipcMain.handle.mock.calls.map(([channel, fn]) => [channel, fn]),
    );
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    const ownUrl = new URL(`file://${indexPath}`).href;
    const fromWindow = {
      sender: { id: windows[0]?.webContents.id },
      senderFrame: { url: ownUrl, parent: null },
    };
    const fromOther = { ...fromWindow, sender: { id: 999 } };

    await handlers.get(IPC_CHANNELS.writeClipboard)(fromWindow, { text: 'cite' });
    expect(module.clipboard.write).toHaveBeenCalledWith([{ items: { 'text/plain': 'cite' } }]);
    await handlers.get(IPC_CHANNELS.writeClipboard)(fromWindow, { text: 'a', html: '<i>a</i>' });
    expect(module.clipboard.write).toHaveBeenLastCalledWith([
      { items: { 'text/plain': 'a', 'text/html': '<i>a</i>' } },
    ]);
    await expect(handlers.get(IPC_CHANNELS.getAppInfo)(fromWindow)).resolves.toMatchObject({
      name: 'Quire',
      version: '0.1.0',
      platform: process.platform,
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(handlers.get(IPC_CHANNELS.getAppInfo)(fromOther)).rejects.toThrow(/sender/);
    warn.mockRestore();
  });

  it('focuses the existing window for a second launch instead of opening another', async () => {
    const { windows, emit } = await start();
    windows[0]?.isMinimized.mockReturnValue(true);
    emit('second-instance');
    expect(windows).toHaveLength(1);
    expect(windows[0]?.restore).toHaveBeenCalled();
    expect(windows[0]?.focus).toHaveBeenCalled();
  });

  it('quits when the last window closes (outside macOS)', async () => {
    const { module, emit } = await start();
    emit('window-all-closed');
    expect(module.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});

describe('QUIRE_USER_DATA_DIR', () => {
  it('gives an unpackaged run its own user-data folder, before the single-instance lock', async () => {
    const electron = await start({ QUIRE_USER_DATA_DIR: '/tmp/quire-e2e-1' });
    expect(electron.module.app.setPath).toHaveBeenCalledWith('userData', '/tmp/quire-e2e-1');
    const setPathOrder = electron.module.app.setPath.mock.invocationCallOrder[0]!;
    const lockOrder = electron.module.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!;
    expect(setPathOrder).toBeLessThan(lockOrder);
  });

  it('is ignored by a packaged app', async () => {
    const electron = await start({ QUIRE_USER_DATA_DIR: '/tmp/elsewhere' }, { packaged: true });
    expect(electron.module.app.setPath).not.toHaveBeenCalled();
  });
});

describe('capture and folder import over IPC', () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  async function trustedHandlers(options?: Parameters<typeof fakeElectron>[0]) {
    const electron = await start({}, options);
    const handlers = new Map(
      electron.module.ipcMain.handle.mock.calls.map(([channel, fn]) => [channel, fn]),
    );
    const event = {
      sender: { id: electron.windows[0]?.webContents.id },
      senderFrame: { url: new URL(`file://${indexPath}`).href, parent: null },
    };
    const call = (channel: string, ...args: unknown[]) => handlers.get(channel)(event, ...args);
    return { electron, call };
  }

  it('fetches a page and an image from a local server, refusing it unless allowed', async () => {
    const server = await startTestServer();
    server.route('/a', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<p>A</p>');
    });
    server.route('/i.png', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.from([137, 80]));
    });
    try {
      const { call } = await trustedHandlers();
      const page = await call(IPC_CHANNELS.capturePage, {
        url: `${server.origin}/a`,
        allowPrivate: true,
      });
      expect(page).toMatchObject({
        ok: true,
        resource: { url: `${server.origin}/a`, mediaType: 'text/html', charset: 'utf-8' },
      });
      expect(new TextDecoder().decode(page.resource.bytes)).toBe('<p>A</p>');
      const image = await call(IPC_CHANNELS.fetchImage, {
        url: `${server.origin}/i.png`,
        allowPrivate: true,
      });
      expect(image).toMatchObject({ ok: true, resource: { mediaType: 'image/png' } });
      // The same page as an image: refused, as a value with a message.
      await expect(
        call(IPC_CHANNELS.fetchImage, { url: `${server.origin}/a`, allowPrivate: true }),
      ).resolves.toMatchObject({ ok: false, code: 'unsupported-type' });
      const requests = server.requests.length;
      await expect(
        call(IPC_CHANNELS.capturePage, { url: `${server.origin}/a`, allowPrivate: false }),
      ).resolves.toMatchObject({
        ok: false,
        code: 'private-address',
        message: expect.stringContaining('127.0.0.1'),
      });
      expect(server.requests.length).toBe(requests);
    } finally {
      await server.close();
    }
  });

  it('lists a chosen folder and reads files under it only', async () => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'quire-lifecycle-')));
    folders.push(base);
    const chosen = join(base, 'chosen');
    mkdirSync(chosen);
    writeFileSync(join(chosen, 'a.md'), '# A');
    writeFileSync(join(base, 'other.md'), '# other');
    const { electron, call } = await trustedHandlers();

    // Before any folder is chosen, nothing can be read.
    await expect(call(IPC_CHANNELS.readFolderFile, join(chosen, 'a.md'))).resolves.toMatchObject({
      ok: false,
    });
    // Cancelled: null.
    await expect(call(IPC_CHANNELS.chooseFolder)).resolves.toBeNull();

    electron.module.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: [chosen],
    });
    const listing = await call(IPC_CHANNELS.chooseFolder);
    const [parent, options] = electron.module.dialog.showOpenDialog.mock.calls.at(-1)!;
    expect(parent).toBe(electron.windows[0]);
    expect(options).toMatchObject({ properties: ['openDirectory'] });
    expect(listing).toEqual({
      root: chosen,
      files: [{ path: join(chosen, 'a.md'), name: 'a.md', size: 3 }],
      skipped: [],
    });
    const read = await call(IPC_CHANNELS.readFolderFile, join(chosen, 'a.md'));
    expect(read.ok).toBe(true);
    expect(new TextDecoder().decode(read.bytes)).toBe('# A');
    await expect(call(IPC_CHANNELS.readFolderFile, join(base, 'other.md'))).resolves.toEqual({
      ok: false,
      message: `"${join(base, 'other.md')}" is not in a folder you chose to import.`,
    });
  });

  it("keeps automatic backups in the user-data folder's backups folder, read back by name", async () => {
    const userData = realpathSync(mkdtempSync(join(tmpdir(), 'quire-lifecycle-')));
    folders.push(userData);
    const { electron, call } = await trustedHandlers({ userData });
    expect(electron.module.app.getPath).toHaveBeenCalledWith('userData');
    const saved = await call(IPC_CHANNELS.saveBackup, new Uint8Array([80, 75, 3, 4]), 'daily');
    expect(saved).toMatchObject({ ok: true, entry: { reason: 'daily', size: 4 } });
    expect(readdirSync(join(userData, 'backups'))).toEqual([saved.entry.name]);
    await expect(call(IPC_CHANNELS.listBackups)).resolves.toEqual([saved.entry]);
    await expect(call(IPC_CHANNELS.readBackup, saved.entry.name)).resolves.toEqual({
      ok: true,
      bytes: new Uint8Array([80, 75, 3, 4]),
    });
    // A second daily on the same day is refused as a value with a message; the first stays.
    await expect(
      call(IPC_CHANNELS.saveBackup, new Uint8Array([1]), 'daily'),
    ).resolves.toMatchObject({ ok: false, message: expect.stringContaining('already taken') });
    await expect(call(IPC_CHANNELS.listBackups)).resolves.toEqual([saved.entry]);
  });
});
