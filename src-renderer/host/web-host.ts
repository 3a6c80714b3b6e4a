import { assertExternalUrl, type AppInfo, type ClipboardPayload, type Host } from './host.ts';
import { version } from '../../package.json';
import { webFetchImage, webFetchPage } from './web-fetch.ts';
import { createWebBackupStore, opfsBackupFolder } from './web-backups.ts';

async function writeClipboard({ text, html }: ClipboardPayload): Promise<void> {
  const clipboard = navigator.clipboard;
  if (!clipboard) throw new Error('The clipboard is not available in this browser.');
  if (html !== undefined && typeof ClipboardItem !== 'undefined' && clipboard.write) {
    try {
      const item = new ClipboardItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      });
      await clipboard.write([item]);
      return;
    } catch {
      // Some browsers refuse rich clipboard items; plain text still gets the citation across.
    }
  }
  await clipboard.writeText(text);
}

async function openExternal(url: string): Promise<void> {
  assertExternalUrl(url);
  window.open(url, '_blank', 'noopener,noreferrer');
}

async function appInfo(): Promise<AppInfo> {
  return { name: 'Quire', version, platform: 'web', electron: null };
}

/** The plain-browser host: web clipboard, new tabs for links, fetches under CORS. */
export function createWebHost(): Host {
  const backupFolder = opfsBackupFolder();
  return {
    kind: 'web',
    writeClipboard,
    openExternal,
    appInfo,
    fetchPage: webFetchPage,
    fetchImage: webFetchImage,
    // A folder comes in through a directory <input> in the page itself.
    folders: null,
    backups: backupFolder ? createWebBackupStore(backupFolder) : null,
  };
}
