/**
 * The Quire backup archive, format version 1 (docs/backup-format.md, ADR 0013): a zip holding
 * `manifest.json`, one JSON-lines file per durable store (`stores/<name>.jsonl`) and every
 * binary value once, by its SHA-256 (`blobs/<sha256>`). The manifest names the SHA-256 of each
 * record (its line) and of each blob; the reader checks every one.
 */

export const FORMAT_NAME = 'quire-backup';
/** Bumped when an older reader could no longer read what a writer produces. */
export const FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

export const storePath = (store: string) => `stores/${store}.jsonl`;
export const blobPath = (sha256: string) => `blobs/${sha256}`;

/** One record of a store: its primary key as text (for messages) and its line's SHA-256. */
export interface ManifestRecord {
  key: string;
  sha256: string;
}

export interface ManifestStore {
  /** The IndexedDB object store, e.g. "articles". */
  name: string;
  path: string;
  /** The store's primary key path (a compound key is a list), as in the schema. */
  keyPath: string | string[];
  /** In the order of the file's lines. */
  records: ManifestRecord[];
}

export interface ManifestBlob {
  sha256: string;
  size: number;
  path: string;
}

export interface BackupManifest {
  format: typeof FORMAT_NAME;
  formatVersion: number;
  app: { name: string; version: string };
  /** The database schema version the records have (schema.ts). */
  schemaVersion: number;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Records per store, and `blobs`. */
  counts: Record<string, number>;
  stores: ManifestStore[];
  blobs: ManifestBlob[];
}

/** Bounds the reader holds an archive to before and while inflating it (zip bombs). */
export interface BackupLimits {
  /** Entries in the zip directory. */
  maxEntries: number;
  /** Sum of the uncompressed sizes of every entry. */
  maxTotalBytes: number;
  /** The manifest alone. */
  maxManifestBytes: number;
}

export const DEFAULT_LIMITS: BackupLimits = {
  // The zip format without ZIP64 (which Quire never writes) counts entries in 16 bits.
  maxEntries: 65_535,
  maxTotalBytes: 2 * 1024 ** 3,
  maxManifestBytes: 256 * 1024 ** 2,
};

/** Why an archive was refused; `message` is written for the researcher. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** A name from the archive as a message shows it: quoted, escaped, at most 80 characters. */
export function quoted(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
export const isSha256Hex = (text: unknown): text is string =>
  typeof text === 'string' && SHA256_HEX.test(text);

/**
 * Why a path inside the archive is unsafe to use, or null: no absolute paths, drive letters,
 * backslashes, `.`/`..` segments or control characters, so no entry can name a place outside
 * the archive whatever later code does with the names.
 */
export function unsafePathReason(path: string): string | null {
  if (!path) return 'an empty name';
  if (path.startsWith('/')) return 'an absolute path';
  if (/^[a-zA-Z]:/.test(path)) return 'a drive letter';
  if (path.includes('\\')) return 'a backslash';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'a control character';
  const segments = path.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..')) return 'a ".." segment';
  if (segments.some((s) => s === '.' || s === '')) return 'an empty or "." segment';
  return null;
}
