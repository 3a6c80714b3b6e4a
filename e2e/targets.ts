import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Debian's Chromium, or whatever QUIRE_CHROMIUM points at. */
export function chromiumPath(): string | null {
  const candidates = [process.env.QUIRE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/**
 * The Electron binary, when it is on disk. Read from the package's path.txt rather than by
 * requiring "electron": since Electron 45 that require downloads a missing binary, which these
 * machines cannot do (and a test run must not try).
 */
export function electronPath(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('electron/package.json'));
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8');
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), relative);
    return existsSync(path) ? path : null;
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
