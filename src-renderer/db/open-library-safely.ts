import { openLibrary, type Library, type RepositoryOptions } from './index.ts';
import { CURRENT_SCHEMA_VERSION } from './schema.ts';

/**
 * Opening the library at startup, so that a failed upgrade or a library from a newer Quire is
 * reported instead of showing an empty app.
 *
 * IndexedDB runs every upgrade step in one `versionchange` transaction: when a step throws, the
 * whole upgrade is rolled back and the database stays at its old version, records untouched.
 * Dexie 4, however, opens a database NEWER than the one it declares (after a downgrade) at that
 * version and "patches" its schema to match its own declaration (it bumps the native version
 * and adds the indexes it misses): this Quire would then write its own record shapes into a
 * library it does not understand. So the version on disk is read first, and a newer library is
 * left alone.
 */

export type OpenProblemKind =
  /** An upgrade step threw: IndexedDB rolled it back. */
  | 'upgrade-failed'
  /** The library was written by a newer Quire (a downgrade). */
  | 'newer-version'
  /** Anything else (storage refused, the profile unreadable). */
  | 'open-failed';

export interface OpenProblem {
  kind: OpenProblemKind;
  /** The schema version on disk before opening, null when there was no library (or unknown). */
  found: number | null;
  /** The schema version this Quire reads and writes. */
  expected: number;
  /** Whether the library on disk is still at the version it was before (nothing was written). */
  unchanged: boolean;
  /** The error, for the technical details: its name and message, and Dexie's inner error. */
  detail: string;
}

export type LibraryOpening =
  | {
      status: 'opened';
      library: Library;
      /** The version it was upgraded from, if any. */ upgradedFrom: number | null;
    }
  | { status: 'failed'; problem: OpenProblem };

/** Dexie's native IndexedDB version is ten times the declared one (plus one after a patch). */
const schemaVersionOf = (nativeVersion: number) => Math.floor(nativeVersion / 10);

/**
 * The schema version of database `name` on disk, without upgrading it: null when there is none.
 * Read from the list of databases where the browser has one (Chromium, Electron), else by
 * opening it at whatever version it has, which creates nothing: a creation is aborted.
 */
export async function installedSchemaVersion(
  name: string,
  idb: IDBFactory = indexedDB,
): Promise<number | null> {
  if (typeof idb.databases === 'function') {
    const found = (await idb.databases()).find((info) => info.name === name);
    return found?.version ? schemaVersionOf(found.version) : null;
  }
  return new Promise((resolve, reject) => {
    const request = idb.open(name);
    let created = false;
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(schemaVersionOf(version));
    };
    request.onerror = (event) => {
      if (!created) return reject(request.error ?? new Error(`Cannot open ${name}`));
      event.preventDefault(); // the abort above, not a failure
      resolve(null);
    };
  });
}

/** Name and message of an error and of the errors it wraps (Dexie's `inner`). */
export function describeError(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof Error) {
      lines.push(`${current.name}: ${current.message}`);
      current = (current as Error & { inner?: unknown }).inner;
    } else {
      lines.push(String(current));
      break;
    }
  }
  return lines.join('\n') || 'Unknown error';
}

/**
 * Opens (and, when it is older, upgrades) library `name`. Never returns a library that failed
 * to open: the caller shows the problem instead of the app.
 */
export async function openLibrarySafely(
  name: string,
  options: RepositoryOptions,
  {
    open = openLibrary,
    onUpgrade,
  }: {
    open?: (name: string, options: RepositoryOptions) => Library;
    /**
     * Called, and awaited, before an older library is upgraded: the window can say so, and a
     * backup can be taken of the library as it is. What it throws is thrown from here.
     */
    onUpgrade?: (found: number, expected: number) => void | Promise<void>;
  } = {},
): Promise<LibraryOpening> {
  const expected = CURRENT_SCHEMA_VERSION;
  let found: number | null = null;
  try {
    found = await installedSchemaVersion(name);
  } catch {
    // Unknown: the open below still reports what it finds, as an open failure.
  }
  if (found !== null && found < expected) await onUpgrade?.(found, expected);
  if (found !== null && found > expected) {
    const detail = `VersionError: the library on disk is at schema version ${found}; this Quire reads version ${expected}.`;
    return {
      status: 'failed',
      problem: { kind: 'newer-version', found, expected, unchanged: true, detail },
    };
  }
  const library = open(name, options);
  try {
    await library.db.open();
    return {
      status: 'opened',
      library,
      upgradedFrom: found !== null && found < expected ? found : null,
    };
  } catch (error) {
    library.close();
    const after = await installedSchemaVersion(name).catch(() => null);
    const versionError = error instanceof Error && error.name === 'VersionError';
    const kind: OpenProblemKind = versionError
      ? 'newer-version'
      : found !== null && found < expected
        ? 'upgrade-failed'
        : 'open-failed';
    return {
      status: 'failed',
      problem: {
        kind,
        found: versionError ? after : found,
        expected,
        unchanged: versionError || after === found,
        detail: describeError(error),
      },
    };
  }
}
