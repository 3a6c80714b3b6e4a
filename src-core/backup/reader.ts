import { strFromU8, strToU8 } from 'fflate';
import type { Sha256 } from '../article/model.ts';
import {
  BackupError,
  quoted,
  DEFAULT_LIMITS,
  MANIFEST_PATH,
  type BackupLimits,
  type BackupManifest,
} from './format.ts';
import { checkManifest } from './manifest-check.ts';
import { decodeRecord } from './record-json.ts';
import { hashAll } from './hash-all.ts';
import { inflateEntry, readZipDirectory, type ZipEntry } from './zip-directory.ts';

export interface ReadOptions {
  sha256: Sha256;
  limits?: Partial<BackupLimits>;
  /** Called after each entry is unpacked and checked. */
  onProgress?: (phase: 'unpack', done: number, total: number) => void;
}

export interface BackupContents {
  manifest: BackupManifest;
  /** Each store's records as they were written, byte arrays back in place. */
  stores: Map<string, unknown[]>;
  /** Every blob by its SHA-256 (the same arrays the records hold). */
  blobs: Map<string, Uint8Array>;
}

const decodeText = (bytes: Uint8Array, what: string) => {
  try {
    return strFromU8(bytes);
  } catch {
    throw new BackupError(`The backup's ${what} is not UTF-8 text`);
  }
};

async function read(bytes: Uint8Array, options: ReadOptions): Promise<BackupContents> {
  const { sha256, onProgress = () => {} } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (!(bytes instanceof Uint8Array)) throw new BackupError('A backup must be given as bytes');
  if (bytes.length === 0) throw new BackupError('The backup file is empty');
  const entries = new Map<string, ZipEntry>();
  for (const entry of readZipDirectory(bytes, limits)) {
    // Directory entries carry nothing (other zip tools add them).
    if (!(entry.name.endsWith('/') && entry.size === 0)) entries.set(entry.name, entry);
  }
  const manifestEntry = entries.get(MANIFEST_PATH);
  if (!manifestEntry) throw new BackupError('This file is not a Quire backup (no manifest.json)');
  if (manifestEntry.size > limits.maxManifestBytes) {
    throw new BackupError('The backup manifest is larger than Quire accepts');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeText(inflateEntry(bytes, manifestEntry), 'manifest'));
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('This file is not a Quire backup (its manifest is not JSON)');
  }
  const manifest = checkManifest(parsed);

  const expected = new Set([
    MANIFEST_PATH,
    ...manifest.stores.map((s) => s.path),
    ...manifest.blobs.map((b) => b.path),
  ]);
  for (const name of entries.keys()) {
    if (!expected.has(name))
      throw new BackupError(`The backup holds ${quoted(name)}, which its manifest does not list`);
  }
  for (const name of expected) {
    if (!entries.has(name)) throw new BackupError(`The backup is missing ${quoted(name)}`);
  }
  const total = manifest.stores.length + manifest.blobs.length;
  let done = 0;

  const blobs = new Map<string, Uint8Array>();
  const blobData = manifest.blobs.map((blob) => inflateEntry(bytes, entries.get(blob.path)!));
  const blobHashes = await hashAll(blobData, sha256);
  manifest.blobs.forEach((blob, i) => {
    if (blobData[i]!.byteLength !== blob.size || blobHashes[i] !== blob.sha256) {
      throw new BackupError(
        `The blob ${blob.sha256} does not match its SHA-256: the backup was altered or damaged`,
      );
    }
    blobs.set(blob.sha256, blobData[i]!);
  });
  done += manifest.blobs.length;
  onProgress('unpack', done, total);

  const stores = new Map<string, unknown[]>();
  for (const store of manifest.stores) {
    const text = decodeText(inflateEntry(bytes, entries.get(store.path)!), store.path);
    const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
    if (lines.length !== store.records.length) {
      throw new BackupError(
        `The backup's ${store.name} holds ${lines.length} records where its manifest lists ${store.records.length}`,
      );
    }
    const lineHashes = await hashAll(
      lines.map((line) => strToU8(line)),
      sha256,
    );
    const records: unknown[] = [];
    for (let i = 0; i < lines.length; i++) {
      const { key, sha256: hash } = store.records[i]!;
      const where = `The ${store.name} record ${quoted(key)}`;
      if (lineHashes[i] !== hash) {
        throw new BackupError(
          `${where} does not match its SHA-256: the backup was altered or damaged`,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(lines[i]!);
      } catch {
        throw new BackupError(`${where} is not valid JSON`);
      }
      const blob = (hash: string) => {
        const found = blobs.get(hash);
        if (!found) throw new BackupError(`${where} refers to a blob the backup lacks (${hash})`);
        return found;
      };
      records.push(decodeRecord(json, blob, where));
    }
    stores.set(store.name, records);
    onProgress('unpack', ++done, total);
  }
  return { manifest, stores, blobs };
}

/**
 * Reads and checks a backup archive: the zip's bounds before inflating (entry count, total
 * size, safe names), the manifest, then every blob and record against its SHA-256. Rejects
 * with a BackupError, and nothing else, whatever the bytes.
 */
export async function readBackupArchive(
  bytes: Uint8Array,
  options: ReadOptions,
): Promise<BackupContents> {
  try {
    return await read(bytes, options);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `The backup could not be read (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}
