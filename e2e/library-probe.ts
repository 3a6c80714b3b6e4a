import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build, type Rollup } from 'vite';

const ENTRY = fileURLToPath(new URL('../src-renderer/db/e2e-probe.ts', import.meta.url));

/** What src-renderer/db/library-consistency.ts returns (that project is not this one's). */
export interface LibraryConsistency {
  articles: number;
  whole: number;
  problems: { kind: string; id: string; detail: string }[];
}

let bundle: Promise<string> | null = null;

/** The probe as one script (built once per run with the project's own bundler). */
function probeScript(): Promise<string> {
  bundle ??= (async () => {
    const result = await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        write: false,
        minify: false,
        lib: { entry: ENTRY, formats: ['iife'], name: 'quireProbe', fileName: 'probe' },
      },
    });
    const output = (Array.isArray(result) ? result[0]! : (result as Rollup.RollupOutput)).output;
    return `${output[0].code}\nglobalThis.quireProbe = quireProbe;`;
  })();
  return bundle;
}

interface Probe {
  check(): Promise<LibraryConsistency>;
  dump(): Promise<string>;
  titles(): Promise<string[]>;
}

/**
 * Reads the app's library from inside the page with the app's own code (db/library-consistency).
 * Evaluated through the DevTools protocol, so the app's Content-Security-Policy stays on.
 */
export async function libraryProbe(page: Page): Promise<Probe> {
  await page.evaluate(await probeScript());
  const call = <K extends keyof Probe>(name: K) =>
    page.evaluate(
      (method) =>
        (globalThis as unknown as { quireProbe: Record<string, () => unknown> }).quireProbe[
          method
        ]!(),
      name,
    ) as ReturnType<Probe[K]>;
  return { check: () => call('check'), dump: () => call('dump'), titles: () => call('titles') };
}
