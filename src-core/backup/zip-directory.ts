import { Inflate, strFromU8 } from 'fflate';
import { BackupError, quoted, unsafePathReason, type BackupLimits } from './format.ts';

/**
 * The zip's central directory, read by hand so every bound is checked before a byte is
 * inflated (fflate's unzip trusts the sizes it reads), and entries inflated in small steps
 * that stop as soon as one grows past the size the directory declared.
 */

export interface ZipEntry {
  name: string;
  method: 0 | 8;
  compressedSize: number;
  size: number;
  /** Where its compressed data starts. */
  dataStart: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
/** Compressed bytes per inflate step: deflate expands at most ~1032×, so ≤ 17 MB a step. */
const INFLATE_STEP = 16 * 1024;
/**
 * Deflate expands its input at most 1,032 times (a 258-byte match in 2 bits): an entry that
 * declares more than that was altered. Checked before the entry's buffer is allocated, which
 * otherwise a 3 KB file declaring 1 GB would make the reader do.
 */
const MAX_DEFLATE_RATIO = 1032;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

const truncated = () =>
  new BackupError('The backup file is incomplete (truncated): its end is missing');

/** The end-of-central-directory record: the last signature whose comment reaches the end. */
function findEnd(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - 0xffff);
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at--) {
    if (
      u32(bytes, at) === EOCD_SIGNATURE &&
      at + EOCD_SIZE + u16(bytes, at + 20) === bytes.length
    ) {
      return at;
    }
  }
  if (bytes.length >= 4 && u32(bytes, 0) === LOCAL_SIGNATURE) throw truncated();
  throw new BackupError('This file is not a Quire backup (it is not a zip archive)');
}

/** Lists the entries, checking count, total size, names and bounds; inflates nothing. */
export function readZipDirectory(bytes: Uint8Array, limits: BackupLimits): ZipEntry[] {
  const end = findEnd(bytes);
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryStart = u32(bytes, end + 16);
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 8) !== count) {
    throw new BackupError('The backup spans several files (a split zip), which Quire never writes');
  }
  if (count === 0xffff || directoryStart === 0xffffffff || directorySize === 0xffffffff) {
    throw new BackupError('The backup uses ZIP64, which Quire never writes');
  }
  if (count > limits.maxEntries) {
    throw new BackupError(
      `The backup has ${count} entries, more than the ${limits.maxEntries} Quire accepts`,
    );
  }
  if (directoryStart + directorySize > end) throw truncated();
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > end || u32(bytes, at) !== CENTRAL_SIGNATURE) {
      throw new BackupError('The backup is damaged: its zip directory is inconsistent');
    }
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const next = at + CENTRAL_SIZE + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const localStart = u32(bytes, at + 42);
    if (next > end)
      throw new BackupError('The backup is damaged: its zip directory is inconsistent');
    const name = strFromU8(
      bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength),
      !(flags & 0x800),
    );
    const unsafe = unsafePathReason(name);
    if (unsafe)
      throw new BackupError(`The backup holds an entry whose name has ${unsafe}: ${quoted(name)}`);
    if (names.has(name)) throw new BackupError(`The backup holds ${quoted(name)} twice`);
    names.add(name);
    if (flags & 1) throw new BackupError(`The backup entry ${quoted(name)} is encrypted`);
    if (method !== 0 && method !== 8) {
      throw new BackupError(
        `The backup entry ${quoted(name)} uses a compression Quire does not read`,
      );
    }
    if (method === 0 && compressedSize !== size) {
      throw new BackupError(`The backup entry ${quoted(name)} is damaged (its sizes disagree)`);
    }
    if (method === 8 && size > compressedSize * MAX_DEFLATE_RATIO + 64) {
      throw new BackupError(
        `The backup entry ${quoted(name)} is damaged (it declares ${size} bytes, more than its ${compressedSize} compressed bytes can hold)`,
      );
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new BackupError(
        `The backup would unpack to more than ${limits.maxTotalBytes} bytes, more than Quire accepts`,
      );
    }
    if (localStart + LOCAL_SIZE > directoryStart || u32(bytes, localStart) !== LOCAL_SIGNATURE) {
      throw new BackupError(`The backup entry ${quoted(name)} is damaged (no local header)`);
    }
    const dataStart =
      localStart + LOCAL_SIZE + u16(bytes, localStart + 26) + u16(bytes, localStart + 28);
    if (dataStart + compressedSize > directoryStart) throw truncated();
    entries.push({ name, method, compressedSize, size, dataStart });
    at = next;
  }
  return entries;
}

/** The entry's bytes, never more than its declared size: inflating stops as soon as it would. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return data.slice();
  const out = new Uint8Array(entry.size);
  let length = 0;
  const tooBig = new BackupError(
    `The backup entry ${quoted(entry.name)} unpacks to more than its declared ${entry.size} bytes`,
  );
  const inflate = new Inflate((chunk) => {
    if (length + chunk.length > entry.size) throw tooBig;
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let at = 0; at < data.length || at === 0; at += INFLATE_STEP) {
      inflate.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup entry ${quoted(entry.name)} is damaged (it does not unpack)`);
  }
  if (length !== entry.size) {
    throw new BackupError(`The backup entry ${quoted(entry.name)} is damaged (it unpacks short)`);
  }
  return out;
}
