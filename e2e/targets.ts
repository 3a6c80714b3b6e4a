import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Debian's Chromium, or whatever QUIRE_CHROMIUM points at. */
export function chromiumPath(): string | null {
  const candidates = [process.env.QUIRE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** The Electron binary, when its download was not skipped at install time. */
export function electronPath(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Flags Chromium needs on the build machines (DESIGN §4). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
