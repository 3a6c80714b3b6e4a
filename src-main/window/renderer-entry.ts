import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the renderer comes from: the electron-vite dev server, or the built file. */
export type RendererEntry =
  { kind: 'dev-server'; url: string } | { kind: 'file'; path: string; url: string };

export interface RendererEntryInput {
  /** `process.env.ELECTRON_RENDERER_URL`, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
  isPackaged: boolean;
  /** The directory of the built main bundle (`out/main`). */
  mainDir: string;
}

/**
 * A packaged app never trusts the environment to tell it which page to load: that would let
 * anyone who can set an environment variable point Quire's privileged window anywhere.
 */
export function resolveRendererEntry(input: RendererEntryInput): RendererEntry {
  if (!input.isPackaged && input.devServerUrl !== undefined) {
    const url = parseHttpUrl(input.devServerUrl);
    if (url) return { kind: 'dev-server', url: url.href };
  }
  const path = join(input.mainDir, '../renderer/index.html');
  return { kind: 'file', path, url: pathToFileURL(path).href };
}

export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}

/**
 * Is `candidate` a page of our own app? For the dev server: same origin. For the built app:
 * the very index.html we loaded (query and fragment ignored, they are in-app routing);
 * every other file on disk is foreign, even next to it.
 */
export function isAppUrl(candidate: string, entry: RendererEntry): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  const own = new URL(entry.url);
  if (entry.kind === 'dev-server') return url.origin === own.origin;
  return url.protocol === 'file:' && url.host === own.host && url.pathname === own.pathname;
}

function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
