/**
 * The one typed boundary between the renderer and the main process (DESIGN §1).
 * The renderer imports this file, so it holds types and plain constants only: no electron, no node.
 */
import type { BackupEntry, BackupReason } from '../../src-core/auto-backup/rotation.ts';

export interface ClipboardContent {
  text: string;
  /** Rich form for word processors; plain `text` is always written too. */
  html?: string;
}

/** Which build and shell this is; the one type for both hosts (the web host fills it too). */
export interface AppInfo {
  name: string;
  version: string;
  /** `process.platform` in Electron, a short browser description on the web. */
  platform: string;
  /** The Electron version, or null when running as a plain web page. */
  electron: string | null;
}

/** Why a fetch failed; the message says it for the user, the code lets the UI react. */
export type FetchErrorCode =
  | 'bad-url'
  | 'scheme'
  | 'credentials'
  | 'private-address'
  | 'dns'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'unsupported-type'
  | 'network'
  | 'aborted';

export interface FetchRequest {
  url: string;
  /** Let the user reach localhost and private networks (a setting, off by default). */
  allowPrivate: boolean;
}

/** What a fetch brought back; the main process fills it, so it is the one shape for both. */
export interface FetchedResourceDto {
  /** The URL as asked for. */
  requestedUrl: string;
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** Lowercased media type from Content-Type, without parameters; '' when there was none. */
  mediaType: string;
  /** The charset the Content-Type header names, lowercased, or null. */
  charset: string | null;
  /** The body, decompressed. */
  bytes: Uint8Array;
}

/** Errors travel as values: Electron rewrites the message of an error thrown across IPC. */
export type FetchResult =
  { ok: true; resource: FetchedResourceDto } | { ok: false; code: FetchErrorCode; message: string };

export interface FolderListing {
  /** The chosen folder, with symbolic links resolved. */
  root: string;
  /** Article files (HTML, Markdown, text) under root, by relative path. `path` is absolute. */
  files: { path: string; name: string; size: number }[];
  /** What was left out, and why (unreadable, too large, a symbolic link, the file limit). */
  skipped: { path: string; reason: string }[];
}

export type FileReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

export type { BackupEntry, BackupReason } from '../../src-core/auto-backup/rotation.ts';

/** A saved automatic backup, or why it was refused (a daily one not yet due, no disk space). */
export type BackupSaveResult = { ok: true; entry: BackupEntry } | { ok: false; message: string };

export interface QuireApi {
  /** Writes text (and optional HTML) to the system clipboard. */
  writeClipboard(content: ClipboardContent): Promise<void>;
  /** Opens an http(s) URL in the system browser; any other scheme is rejected. */
  openExternal(url: string): Promise<void>;
  getAppInfo(): Promise<AppInfo>;
  /** Fetches a web page (HTML, XHTML, Markdown or plain text) to save. */
  capturePage(request: FetchRequest): Promise<FetchResult>;
  /** Fetches one image of a page being saved (any raster image type; never SVG). */
  fetchImage(request: FetchRequest): Promise<FetchResult>;
  /** Shows a folder chooser; null when cancelled. Main remembers the chosen root. */
  chooseFolder(): Promise<FolderListing | null>;
  /** Reads one file listed by chooseFolder (only files under a root the user chose). */
  readFolderFile(path: string): Promise<FileReadResult>;
  /** Writes an automatic backup archive into the app's data folder; main applies the rotation. */
  saveBackup(bytes: Uint8Array, reason: BackupReason): Promise<BackupSaveResult>;
  /** The automatic backups in the app's data folder, newest first. */
  listBackups(): Promise<BackupEntry[]>;
  /** Reads one automatic backup by a name listBackups returned. */
  readBackup(name: string): Promise<FileReadResult>;
}

/**
 * One channel per method. `satisfies` makes the compiler refuse a method without a channel
 * and a channel without a method, so the preload and the handlers cannot drift apart.
 */
export const IPC_CHANNELS = {
  writeClipboard: 'quire:write-clipboard',
  openExternal: 'quire:open-external',
  getAppInfo: 'quire:get-app-info',
  capturePage: 'quire:capture-page',
  fetchImage: 'quire:fetch-image',
  chooseFolder: 'quire:choose-folder',
  readFolderFile: 'quire:read-folder-file',
  saveBackup: 'quire:save-backup',
  listBackups: 'quire:list-backups',
  readBackup: 'quire:read-backup',
} as const satisfies Record<keyof QuireApi, `quire:${string}`>;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof QuireApi];

declare global {
  interface Window {
    /** Present only inside the Electron shell; absent in web mode. */
    quire?: QuireApi;
  }
}
