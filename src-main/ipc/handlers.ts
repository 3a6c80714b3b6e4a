import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  IPC_CHANNELS,
  type AppInfo,
  type BackupEntry,
  type BackupReason,
  type BackupSaveResult,
  type ClipboardContent,
  type FetchRequest,
  type FetchResult,
  type FileReadResult,
  type FolderListing,
  type QuireApi,
} from './contract.ts';
import {
  expectArgumentCount,
  validateBackupBytes,
  validateBackupName,
  validateBackupReason,
  validateClipboardContent,
  validateExternalUrl,
  validateFetchRequest,
  validateFilePath,
} from './validate.ts';

/** What the handlers do once a call is trusted and valid; injected so tests need no Electron. */
export interface IpcServices {
  writeClipboard(content: ClipboardContent): Promise<void>;
  openExternal(url: string): Promise<void>;
  appInfo(): AppInfo;
  /** These four return failures as values (see FetchResult, FileReadResult). */
  capturePage(request: FetchRequest): Promise<FetchResult>;
  fetchImage(request: FetchRequest): Promise<FetchResult>;
  chooseFolder(): Promise<FolderListing | null>;
  readFolderFile(path: string): Promise<FileReadResult>;
  /** The automatic backups folder; failures come back as values too. */
  saveBackup(bytes: Uint8Array, reason: BackupReason): Promise<BackupSaveResult>;
  listBackups(): Promise<BackupEntry[]>;
  readBackup(name: string): Promise<FileReadResult>;
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;
export type IpcHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

type Implementations = {
  [Method in keyof QuireApi]: (args: readonly unknown[]) => ReturnType<QuireApi[Method]>;
};

export class UntrustedSenderError extends Error {
  override name = 'UntrustedSenderError';
}

/**
 * One handler per contract method, keyed by its channel. The mapped type makes a contract
 * method without an implementation a compile error. Every handler checks the sender first,
 * then the exact argument list, and only then acts.
 */
export function createIpcHandlers(
  isTrusted: SenderCheck,
  services: IpcServices,
): Map<string, IpcHandler> {
  const implementations: Implementations = {
    async writeClipboard(args) {
      expectArgumentCount(args, 1);
      await services.writeClipboard(validateClipboardContent(args[0]));
    },
    async openExternal(args) {
      expectArgumentCount(args, 1);
      await services.openExternal(validateExternalUrl(args[0]));
    },
    async getAppInfo(args) {
      expectArgumentCount(args, 0);
      return services.appInfo();
    },
    async capturePage(args) {
      expectArgumentCount(args, 1);
      return services.capturePage(validateFetchRequest(args[0]));
    },
    async fetchImage(args) {
      expectArgumentCount(args, 1);
      return services.fetchImage(validateFetchRequest(args[0]));
    },
    async chooseFolder(args) {
      expectArgumentCount(args, 0);
      return services.chooseFolder();
    },
    async readFolderFile(args) {
      expectArgumentCount(args, 1);
      return services.readFolderFile(validateFilePath(args[0]));
    },
    async saveBackup(args) {
      expectArgumentCount(args, 2);
      const bytes = validateBackupBytes(args[0]);
      return services.saveBackup(bytes, validateBackupReason(args[1]));
    },
    async listBackups(args) {
      expectArgumentCount(args, 0);
      return services.listBackups();
    },
    async readBackup(args) {
      expectArgumentCount(args, 1);
      return services.readBackup(validateBackupName(args[0]));
    },
  };

  const handlers = new Map<string, IpcHandler>();
  for (const method of Object.keys(IPC_CHANNELS) as (keyof QuireApi)[]) {
    const channel = IPC_CHANNELS[method];
    handlers.set(channel, async (event, ...args) => {
      if (!isTrusted(event)) {
        console.warn(`[quire] refused ${channel} from ${event.senderFrame?.url ?? 'a gone frame'}`);
        throw new UntrustedSenderError(`${channel}: sender is not Quire's main window`);
      }
      return implementations[method](args);
    });
  }
  return handlers;
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Map<string, IpcHandler>,
): void {
  for (const [channel, handler] of handlers) ipcMain.handle(channel, handler);
}
