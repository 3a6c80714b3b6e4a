import type { QuireApi } from '../../src-main/ipc/contract.ts';
import { assertExternalUrl, type Host } from './host.ts';

/** The preload's bridge, when this renderer runs inside the Electron shell. */
export function electronBridge(): QuireApi | null {
  const bridge = window.quire;
  return bridge && typeof bridge.writeClipboard === 'function' ? bridge : null;
}

/** The Electron host: every call crosses the typed IPC contract, nothing else does. */
export function createElectronHost(api: QuireApi): Host {
  return {
    kind: 'electron',
    writeClipboard: ({ text, html }) =>
      api.writeClipboard(html === undefined ? { text } : { text, html }),
    openExternal: async (url) => {
      assertExternalUrl(url);
      await api.openExternal(url);
    },
    appInfo: () => api.getAppInfo(),
  };
}
