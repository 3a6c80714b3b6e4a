import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  ipcMain,
  session,
  shell,
  type OpenDialogOptions,
} from 'electron';
import { join } from 'node:path';
import { createBackupFolder } from './backups/backup-folder.ts';
import { backupServices } from './backups/backup-services.ts';
import { fetchForRenderer } from './capture/fetch-result.ts';
import { listFolder, readFolderFile } from './files/folder.ts';
import { createIpcHandlers, registerIpcHandlers, type IpcServices } from './ipc/handlers.ts';
import type { FolderListing } from './ipc/contract.ts';
import { isTrustedSender } from './ipc/sender.ts';
import { CONTENT_SECURITY_POLICY } from './security/csp.ts';
import { devServerContentSecurityPolicy } from './security/dev-server-csp.ts';
import { hardenWebContents } from './security/navigation.ts';
import { hardenSession } from './security/session.ts';
import { createMainWindow, focusWindow } from './window/main-window.ts';
import { APP_NAME } from './window/main-window-options.ts';
import { preloadPath, resolveRendererEntry, type RendererEntry } from './window/renderer-entry.ts';

/**
 * Wires the app: one instance, one hardened window, one IPC contract. `mainDir` is the
 * directory of the built main bundle (out/main), from which the preload and page are found.
 */
export function startQuire(mainDir: string, env: NodeJS.ProcessEnv = process.env): void {
  // Forces the sandbox on every renderer, even one created with a forgotten option.
  app.enableSandbox();
  // End-to-end tests give each run its own library (and single-instance lock); a packaged
  // app always keeps the platform's user-data folder.
  const userData = env.QUIRE_USER_DATA_DIR;
  if (userData && !app.isPackaged) app.setPath('userData', userData);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const entry = resolveRendererEntry({
    devServerUrl: env.ELECTRON_RENDERER_URL,
    isPackaged: app.isPackaged,
    mainDir,
  });
  const openInBrowser = (url: string): Promise<void> => shell.openExternal(url);
  let mainWindow: BrowserWindow | null = null;

  const showMainWindow = (): void => {
    if (mainWindow !== null && !mainWindow.isDestroyed()) {
      focusWindow(mainWindow);
      return;
    }
    mainWindow = createMainWindow(entry, preloadPath(mainDir));
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, entry, openInBrowser);
  });
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });

  // Folders the user picked in this session: the only places readFolderFile may read from.
  const chosenFolders = new Set<string>();
  const chooseFolder = async (): Promise<FolderListing | null> => {
    const options: OpenDialogOptions = {
      title: 'Import a folder of articles',
      properties: ['openDirectory'],
    };
    const parent = mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
    const choice = await (parent
      ? dialog.showOpenDialog(parent, options)
      : dialog.showOpenDialog(options));
    const [folder] = choice.filePaths;
    if (choice.canceled || folder === undefined) return null;
    const listing = await listFolder(folder);
    chosenFolders.add(listing.root);
    return listing;
  };

  const services: IpcServices = {
    // Electron 45's clipboard takes W3C-style items; one item keeps text and HTML together.
    writeClipboard: ({ text, html }) =>
      clipboard.write([
        new ClipboardItem(
          html === undefined ? { 'text/plain': text } : { 'text/plain': text, 'text/html': html },
        ),
      ]),
    openExternal: openInBrowser,
    appInfo: () => ({
      name: APP_NAME,
      version: app.getVersion(),
      platform: process.platform,
      electron: process.versions.electron ?? 'unknown',
    }),
    capturePage: (request) => fetchForRenderer(request, 'page'),
    fetchImage: (request) => fetchForRenderer(request, 'image'),
    chooseFolder,
    readFolderFile: (path) => readFolderFile(path, chosenFolders),
    // After setPath above, so end-to-end runs keep their backups in their own folder.
    ...backupServices(createBackupFolder(join(app.getPath('userData'), 'backups'))),
  };

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, policyFor(entry));
    const trusted = (event: Parameters<typeof isTrustedSender>[0]): boolean =>
      isTrustedSender(event, mainWindow?.webContents.id, entry);
    registerIpcHandlers(ipcMain, createIpcHandlers(trusted, services));
    showMainWindow();
  });
}

function policyFor(entry: RendererEntry): string {
  return entry.kind === 'dev-server'
    ? devServerContentSecurityPolicy(entry.url)
    : CONTENT_SECURITY_POLICY;
}
