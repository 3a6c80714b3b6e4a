import type { ClipboardContent } from '../../src-main/ipc/contract.ts';

/**
 * The platform adapter: everything the renderer needs from outside the page goes through a Host.
 * One is chosen at startup (see `select-host.ts`) and handed down through React context.
 */

/** The same payload the IPC contract carries: text/plain always, text/html when given. */
export type ClipboardPayload = ClipboardContent;

export interface AppInfo {
  name: string;
  version: string;
  /** `process.platform` in Electron, a short browser description on the web. */
  platform: string;
  /** The Electron version, or null when running as a plain web page. */
  electron: string | null;
}

export interface Host {
  kind: 'electron' | 'web';
  writeClipboard(payload: ClipboardPayload): Promise<void>;
  /** Opens an http(s) link outside the app (system browser or a new tab). */
  openExternal(url: string): Promise<void>;
  appInfo(): Promise<AppInfo>;
}

/** Only http(s) links leave the app; anything else is refused before it reaches the platform. */
export function assertExternalUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a valid link: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`Only http and https links can be opened: ${url}`);
  }
}
