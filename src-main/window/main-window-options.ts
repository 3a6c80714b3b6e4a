import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_NAME = 'Quire';

/**
 * The main window's options, kept pure so a unit test can pin every security flag
 * (DESIGN §3). Flags that are already Electron's defaults are still spelled out: a default
 * can change between Electron versions, and the test should catch that we rely on it.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: APP_NAME,
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped on the window would otherwise replace the app with that file.
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}
