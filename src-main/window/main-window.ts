import { BrowserWindow } from 'electron';
import { mainWindowOptions } from './main-window-options.ts';
import type { RendererEntry } from './renderer-entry.ts';

export function createMainWindow(entry: RendererEntry, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  const loading =
    entry.kind === 'dev-server' ? window.loadURL(entry.url) : window.loadFile(entry.path);
  loading.catch((error: unknown) => {
    console.error(`[quire] could not load the renderer from ${entry.url}:`, error);
  });
  return window;
}

/** Brings an existing window to the front, e.g. when the user launches Quire a second time. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
