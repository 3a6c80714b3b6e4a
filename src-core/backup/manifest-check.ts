import {
  BackupError,
  FORMAT_NAME,
  FORMAT_VERSION,
  blobPath,
  isSha256Hex,
  storePath,
  type BackupManifest,
} from './format.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const STORE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

const invalid = (why: string) => new BackupError(`The backup's manifest is invalid: ${why}`);

/** The manifest, checked field by field (a hostile archive can put anything there). */
export function checkManifest(value: unknown): BackupManifest {
  if (!isObject(value) || value.format !== FORMAT_NAME) {
    throw new BackupError('This file is not a Quire backup (its manifest names another format)');
  }
  const version = value.formatVersion;
  if (!isCount(version) || version < 1) throw invalid('formatVersion is not a positive integer');
  if (version > FORMAT_VERSION) {
    throw new BackupError(
      `This backup was made by a newer version of Quire (format version ${version}); this version reads format ${FORMAT_VERSION}. Update Quire to restore it.`,
    );
  }
  const { app, schemaVersion, createdAt, counts, stores, blobs } = value;
  if (!isObject(app) || typeof app.name !== 'string' || typeof app.version !== 'string') {
    throw invalid('app is not { name, version }');
  }
  if (!isCount(schemaVersion) || schemaVersion < 1) throw invalid('schemaVersion');
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)))
    throw invalid('createdAt');
  if (!isObject(counts) || !Object.values(counts).every(isCount)) throw invalid('counts');
  if (!Array.isArray(stores)) throw invalid('stores is not a list');
  const storeNames = new Set<string>();
  for (const store of stores) {
    if (!isObject(store) || typeof store.name !== 'string' || !STORE_NAME.test(store.name)) {
      throw invalid('a store has no valid name');
    }
    if (storeNames.has(store.name)) throw invalid(`store ${store.name} is listed twice`);
    storeNames.add(store.name);
    if (store.path !== storePath(store.name)) throw invalid(`store ${store.name} has a wrong path`);
    const keyPath = store.keyPath;
    const keyPathOk =
      typeof keyPath === 'string' ||
      (Array.isArray(keyPath) && keyPath.every((part) => typeof part === 'string'));
    if (!keyPathOk) throw invalid(`store ${store.name} has a bad keyPath`);
    if (!Array.isArray(store.records)) throw invalid(`store ${store.name} has no record list`);
    for (const record of store.records) {
      if (!isObject(record) || typeof record.key !== 'string' || !isSha256Hex(record.sha256)) {
        throw invalid(`store ${store.name} lists a record without a key and SHA-256`);
      }
    }
    if (counts[store.name] !== store.records.length) {
      throw invalid(`counts.${store.name} disagrees with its record list`);
    }
  }
  if (!Array.isArray(blobs)) throw invalid('blobs is not a list');
  const hashes = new Set<string>();
  for (const blob of blobs) {
    if (!isObject(blob) || !isSha256Hex(blob.sha256) || !isCount(blob.size)) {
      throw invalid('a blob has no SHA-256 or size');
    }
    if (blob.path !== blobPath(blob.sha256)) throw invalid(`blob ${blob.sha256} has a wrong path`);
    if (hashes.has(blob.sha256)) throw invalid(`blob ${blob.sha256} is listed twice`);
    hashes.add(blob.sha256);
  }
  if (counts.blobs !== blobs.length) throw invalid('counts.blobs disagrees with the blob list');
  return value as unknown as BackupManifest;
}
