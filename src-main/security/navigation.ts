import type { WebContents } from 'electron';
import { isAppUrl, type RendererEntry } from '../window/renderer-entry.ts';
import { parseExternalUrl } from './external-url.ts';

export type LinkAction = { kind: 'open-in-browser'; url: string } | { kind: 'block' };

/**
 * What to do with a link the page tried to follow. The window itself never goes anywhere
 * (it holds the bridge to the main process); an http(s) link leaves for the system browser,
 * anything else is dropped. Links back into our own app are dropped too: in dev they would
 * otherwise open the dev server in the browser.
 */
export function linkAction(targetUrl: string, entry: RendererEntry): LinkAction {
  const url = parseExternalUrl(targetUrl);
  if (url === null || isAppUrl(url.href, entry)) return { kind: 'block' };
  return { kind: 'open-in-browser', url: url.href };
}

export type OpenInBrowser = (url: string) => Promise<void>;

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Installed on every WebContents ('web-contents-created'), so no window is ever unguarded. */
export function hardenWebContents(
  contents: GuardedContents,
  entry: RendererEntry,
  openInBrowser: OpenInBrowser,
): void {
  const follow = (targetUrl: string): void => {
    const action = linkAction(targetUrl, entry);
    if (action.kind === 'open-in-browser') {
      openInBrowser(action.url).catch((error: unknown) => {
        console.warn('[quire] could not open link in the system browser:', error);
      });
    }
  };

  contents.on('will-navigate', (event) => {
    event.preventDefault();
    follow(event.url);
  });
  // A redirect is the server's choice, not the user's: never follow it, not even outside.
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler((details) => {
    follow(details.url);
    return { action: 'deny' };
  });
  // webviewTag is off; this refuses a <webview> even if that flag ever flips.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
