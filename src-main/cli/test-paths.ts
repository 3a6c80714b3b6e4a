// Test-only helpers for the CLI tests: temporary files, a FIFO, and a guard against a read that
// blocks forever (a regression there must fail the test, not hang the run).
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs: string[] = [];

/** A fresh temporary directory, removed by removeTempDirs(). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quire-cli-'));
  dirs.push(dir);
  return dir;
}

export function tempFile(name: string, content: Uint8Array | string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A named pipe nobody writes to (opening it for reading blocks), or null without mkfifo. */
export function makeFifo(name = 'article.html'): string | null {
  const path = join(tempDir(), name);
  const made = spawnSync('mkfifo', [path]);
  return made.status === 0 && existsSync(path) ? path : null;
}

/** Opens the FIFO's write end without blocking, which releases a reader stuck opening it. */
function releaseFifo(path: string): void {
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // ENXIO: nobody is reading it, nothing to release.
  }
}

/**
 * Awaits `work`, failing after `ms` instead of waiting forever; on a timeout the FIFO (if any)
 * is released so the stuck read ends too.
 */
export async function withinTime<T>(work: Promise<T>, ms: number, fifo?: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (fifo) releaseFifo(fifo);
      reject(new Error(`still running after ${ms} ms: the read blocked`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const DEV_ZERO = existsSync('/dev/zero') ? '/dev/zero' : null;
export const PROC_STATUS = existsSync('/proc/self/status') ? '/proc/self/status' : null;
