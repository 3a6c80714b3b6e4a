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

/** Which end-to-end projects a run has, and for each one left out, why. */
export interface ProjectPlan {
  runs: { name: string; in: string }[];
  skipped: { name: string; why: string }[];
}

export function projectPlan(chromium: string | null, electron: string | null): ProjectPlan {
  const plan: ProjectPlan = { runs: [], skipped: [] };
  if (chromium) plan.runs.push({ name: 'web', in: `Chromium at ${chromium}` });
  else
    plan.skipped.push({
      name: 'web',
      why: 'no Chromium (apt-get install chromium, or set QUIRE_CHROMIUM)',
    });
  if (electron) plan.runs.push({ name: 'electron', in: `Electron at ${electron}` });
  else
    plan.skipped.push({
      name: 'electron',
      why: 'no binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or not yet downloaded); on a machine that has it, run npm run test:electron',
    });
  return plan;
}

/** The plan as the run prints it, first and last, so a skipped project is never mistaken for a pass. */
export function describePlan(plan: ProjectPlan): string[] {
  return [
    ...plan.runs.map((p) => `e2e project ${p.name}: runs in ${p.in}`),
    ...plan.skipped.map((p) => `e2e project ${p.name}: SKIPPED, ${p.why}`),
  ];
}
