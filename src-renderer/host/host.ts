import type { AppInfo, ClipboardContent, FolderListing } from '../../src-main/ipc/contract.ts';
import type { BackupEntry, BackupReason } from '../../src-core/auto-backup/rotation.ts';
import { checkWebUrl } from '../../src-core/validation/url.ts';

/**
 * The platform adapter: everything the renderer needs from outside the page goes through a Host.
 * One is chosen at startup (see `select-host.ts`) and handed down through React context.
 */

/** The same payload the IPC contract carries: text/plain always, text/html when given. */
export type ClipboardPayload = ClipboardContent;

export type { AppInfo, FolderListing };

/** A page fetched for capture: its bytes and what the server said about them. */
export interface FetchedPage {
  bytes: Uint8Array;
  /** The final address, after redirects. */
  url: string;
  /** Lowercased media type from Content-Type, '' when the server sent none. */
  mediaType: string;
  charset: string | null;
}

export type ImageResult =
  { ok: true; bytes: Uint8Array; mediaType: string } | { ok: false; message: string };

export interface FetchOptions {
  /** The user's setting: may Quire reach localhost and private networks? */
  allowPrivate: boolean;
  signal?: AbortSignal;
}

/** Files under a folder the user chose (desktop app: listed and read by the main process). */
export interface FolderAccess {
  choose(): Promise<FolderListing | null>;
  read(path: string): Promise<Uint8Array>;
}

/**
 * Automatic backups, kept by the platform outside the library's own database: files in the
 * app's data folder (desktop) or in the origin-private file system (web). Same names and
 * rotation in both (src-core/auto-backup). Refusals are UserFacingErrors.
 */
export interface BackupStore {
  /** Where they are, in words for the user. */
  location: string;
  save(bytes: Uint8Array, reason: BackupReason): Promise<BackupEntry>;
  /** Newest first. */
  list(): Promise<BackupEntry[]>;
  read(name: string): Promise<Uint8Array>;
}

/** A refusal whose message is written for the user (a fetch that failed, a file unreadable). */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

export interface Host {
  kind: 'electron' | 'web';
  /** Fetches a web page for capture; refusals are UserFacingErrors. */
  fetchPage(url: string, options: FetchOptions): Promise<FetchedPage>;
  /** Fetches an image for the offline copy; never throws. */
  fetchImage(url: string, options: FetchOptions): Promise<ImageResult>;
  /** Folder import through the platform, where the page cannot list folders itself. */
  folders: FolderAccess | null;
  writeClipboard(payload: ClipboardPayload): Promise<void>;
  /** Opens an http(s) link outside the app (system browser or a new tab). */
  openExternal(url: string): Promise<void>;
  appInfo(): Promise<AppInfo>;
  /** Automatic backups; null where the platform has nowhere to keep them. */
  backups: BackupStore | null;
}

/**
 * Only http(s) links without credentials leave the app (the shared rule,
 * src-core/validation/url.ts); anything else is refused before it reaches the platform.
 */
export function assertExternalUrl(url: string): void {
  const verdict = checkWebUrl(url);
  if (!verdict.ok) throw new Error(`This link cannot be opened: ${verdict.message}`);
}
