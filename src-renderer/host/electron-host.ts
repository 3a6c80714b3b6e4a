import type { FetchResult, QuireApi } from '../../src-main/ipc/contract.ts';
import { checkFetchUrl } from '../../src-core/net/url-policy.ts';
import { assertExternalUrl, UserFacingError, type FetchedPage, type Host } from './host.ts';

/** The preload's bridge, when this renderer runs inside the Electron shell. */
export function electronBridge(): QuireApi | null {
  const bridge = window.quire;
  return bridge && typeof bridge.writeClipboard === 'function' ? bridge : null;
}

function page(result: FetchResult): FetchedPage {
  if (!result.ok) throw new UserFacingError(result.message);
  const { bytes, url, mediaType, charset } = result.resource;
  return { bytes, url, mediaType, charset };
}

/**
 * The Electron host: every call crosses the typed IPC contract, nothing else does. Pages and
 * images are fetched by the main process (no CORS there, and its limits apply); a URL the
 * policy refuses is refused here first, so the message does not need a round trip.
 */
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
    fetchPage: async (url, { allowPrivate }) => {
      try {
        checkFetchUrl(url, allowPrivate);
      } catch (error) {
        throw new UserFacingError((error as Error).message);
      }
      return page(await api.capturePage({ url, allowPrivate }));
    },
    fetchImage: async (url, { allowPrivate }) => {
      const result = await api.fetchImage({ url, allowPrivate });
      return result.ok
        ? { ok: true, bytes: result.resource.bytes, mediaType: result.resource.mediaType }
        : { ok: false, message: result.message };
    },
    folders: {
      choose: () => api.chooseFolder(),
      read: async (path) => {
        const result = await api.readFolderFile(path);
        if (!result.ok) throw new UserFacingError(result.message);
        return result.bytes;
      },
    },
    backups: {
      location: "the backups folder in Quire's data folder",
      save: async (bytes, reason) => {
        const result = await api.saveBackup(bytes, reason);
        if (!result.ok) throw new UserFacingError(result.message);
        return result.entry;
      },
      list: () => api.listBackups(),
      read: async (name) => {
        const result = await api.readBackup(name);
        if (!result.ok) throw new UserFacingError(result.message);
        return result.bytes;
      },
    },
  };
}
