import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Sha256 } from '../article/model.ts';
import {
  BackupError,
  DEFAULT_LIMITS,
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST_PATH,
  blobPath,
  storePath,
  type BackupManifest,
  type ManifestStore,
} from './format.ts';
import { collectBytes, encodeRecord } from './record-json.ts';
import { hashAll } from './hash-all.ts';

/** One store's records as the database holds them (byte arrays included). */
export interface BackupStoreInput {
  name: string;
  keyPath: string | string[];
  records: readonly unknown[];
}

export interface BackupInput {
  app: { name: string; version: string };
  schemaVersion: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
  stores: readonly BackupStoreInput[];
}

export interface WriteOptions {
  sha256: Sha256;
  /** Called after each record is hashed, then once per zip entry packed. */
  onProgress?: (phase: 'pack', done: number, total: number) => void;
}

/** A record's primary key as text: compound keys joined with "/". */
export function recordKey(record: unknown, keyPath: string | string[]): string {
  const paths = Array.isArray(keyPath) ? keyPath : [keyPath];
  return paths
    .map((path) => {
      let value: unknown = record;
      for (const part of path.split('.')) value = (value as Record<string, unknown>)?.[part];
      return String(value);
    })
    .join('/');
}

/** Already compressed by their own format: deflating them again only costs time. */
function isCompressed(bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  return (
    starts(0x89, 0x50, 0x4e, 0x47) || // PNG
    starts(0xff, 0xd8, 0xff) || // JPEG
    starts(0x47, 0x49, 0x46, 0x38) || // GIF
    (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57) || // RIFF…WEBP
    starts(0x50, 0x4b, 0x03, 0x04) || // zip (docx, epub)
    starts(0x1f, 0x8b) // gzip
  );
}

/**
 * The archive's bytes: records as JSON lines, every byte array once by its hash, and a
 * manifest with the hash of every record and blob. Deterministic for the same input.
 */
export async function writeBackupArchive(
  input: BackupInput,
  options: WriteOptions,
): Promise<Uint8Array> {
  const { sha256, onProgress = () => {} } = options;
  const arrays = new Set<Uint8Array>();
  for (const store of input.stores) {
    for (const record of store.records) for (const bytes of collectBytes(record)) arrays.add(bytes);
  }
  const blobs = new Map<Uint8Array, string>();
  const blobBytes = new Map<string, Uint8Array>();
  const hashes = await hashAll([...arrays], sha256);
  [...arrays].forEach((bytes, i) => {
    blobs.set(bytes, hashes[i]!);
    if (!blobBytes.has(hashes[i]!)) blobBytes.set(hashes[i]!, bytes);
  });
  const total = input.stores.reduce((n, s) => n + s.records.length, 0) + blobBytes.size + 1;
  let done = 0;
  const files: Zippable = {};
  const manifestStores: ManifestStore[] = [];
  const counts: Record<string, number> = {};
  // Zip times start in 1980.
  const mtime = new Date(Math.max(input.createdAt, Date.UTC(1980, 0, 2)));
  for (const store of input.stores) {
    const keys: string[] = [];
    const lines: string[] = [];
    for (const record of store.records) {
      const key = recordKey(record, store.keyPath);
      const where = `${store.name} ${key}`;
      keys.push(key);
      lines.push(JSON.stringify(encodeRecord(record, (b) => blobs.get(b)!, where)));
    }
    const lineHashes = await hashAll(
      lines.map((line) => strToU8(line)),
      sha256,
    );
    const records = keys.map((key, i) => ({ key, sha256: lineHashes[i]! }));
    done += records.length;
    onProgress('pack', done, total);
    const path = storePath(store.name);
    files[path] = [strToU8(lines.length ? `${lines.join('\n')}\n` : ''), { level: 6, mtime }];
    manifestStores.push({ name: store.name, path, keyPath: store.keyPath, records });
    counts[store.name] = store.records.length;
  }
  const manifestBlobs = [...blobBytes].map(([hash, bytes]) => {
    files[blobPath(hash)] = [bytes, { level: isCompressed(bytes) ? 0 : 6, mtime }];
    onProgress('pack', ++done, total);
    return { sha256: hash, size: bytes.byteLength, path: blobPath(hash) };
  });
  counts.blobs = manifestBlobs.length;
  if (Object.keys(files).length + 1 > DEFAULT_LIMITS.maxEntries) {
    throw new BackupError(
      `The library has too many files for one backup (${Object.keys(files).length + 1}; at most ${DEFAULT_LIMITS.maxEntries})`,
    );
  }
  const manifest: BackupManifest = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    app: input.app,
    schemaVersion: input.schemaVersion,
    createdAt: new Date(input.createdAt).toISOString(),
    counts,
    stores: manifestStores,
    blobs: manifestBlobs,
  };
  // The manifest first, so a reader finds what it is at the start of the file too.
  const archive = zipSync(
    { [MANIFEST_PATH]: [strToU8(JSON.stringify(manifest)), { level: 6, mtime }], ...files },
    {},
  );
  onProgress('pack', ++done, total);
  return archive;
}
