/**
 * The one typed boundary between the renderer and the main process (DESIGN §1).
 * The renderer imports this file, so it holds types and plain constants only: no electron, no node.
 */

export interface ClipboardContent {
  text: string;
  /** Rich form for word processors; plain `text` is always written too. */
  html?: string;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  electron: string;
}

export interface QuireApi {
  /** Writes text (and optional HTML) to the system clipboard. */
  writeClipboard(content: ClipboardContent): Promise<void>;
  /** Opens an http(s) URL in the system browser; any other scheme is rejected. */
  openExternal(url: string): Promise<void>;
  getAppInfo(): Promise<AppInfo>;
}

/**
 * One channel per method. `satisfies` makes the compiler refuse a method without a channel
 * and a channel without a method, so the preload and the handlers cannot drift apart.
 */
export const IPC_CHANNELS = {
  writeClipboard: 'quire:write-clipboard',
  openExternal: 'quire:open-external',
  getAppInfo: 'quire:get-app-info',
} as const satisfies Record<keyof QuireApi, `quire:${string}`>;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof QuireApi];

declare global {
  interface Window {
    /** Present only inside the Electron shell; absent in web mode. */
    quire?: QuireApi;
  }
}
