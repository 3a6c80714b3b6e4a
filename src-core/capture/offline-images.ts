import type { CapturedImage, Sha256 } from '../article/model.ts';
import { parseDataUri, RASTER_IMAGE_TYPES, type RasterImageType } from '../article/images.ts';

/**
 * Planning of an article's offline images: which of its captured images are stored, under
 * which checks. Pure: the platform hands in the fetcher (the main process's network access)
 * and the hash. `data:` images are decoded here and never fetched; every image, however it
 * came, must be an allowed raster type whose bytes carry that type's signature (SVG and
 * anything else a browser could run are never stored), within the size limits.
 */

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_ARTICLE_IMAGE_BYTES = 25 * 1024 * 1024;
export const MAX_IMAGES_PER_ARTICLE = 100;

/** What fetching one image gave: its bytes and declared type, or why not. */
export type ImageResult =
  { ok: true; bytes: Uint8Array; mediaType: string } | { ok: false; message: string };

export type ImageFetcher = (url: string) => Promise<ImageResult>;

export interface StoredImage {
  /** The CapturedImage id. */
  id: string;
  src: string;
  mediaType: RasterImageType;
  bytes: Uint8Array;
  /** Lowercase hex SHA-256 of `bytes`. */
  sha256: string;
  byteLength: number;
}

export interface ImageOutcome {
  id: string;
  src: string;
  status: 'stored' | 'failed' | 'skipped';
  reason?: string;
}

export interface OfflineImageOptions {
  /** Stops before the next image; the images already stored are dropped with the throw. */
  signal?: AbortSignal;
  maxImageBytes?: number;
  maxArticleBytes?: number;
  maxImages?: number;
}

/**
 * Fetches (http/https, through `fetcher`) or decodes (`data:`) each image in order and keeps
 * those that pass: a fetch failure or a broken or mislabelled image is `failed`, an image over
 * a limit is `skipped`; the others go on regardless. Throws the signal's reason when aborted.
 */
export async function collectOfflineImages(
  images: readonly CapturedImage[],
  fetcher: ImageFetcher,
  sha256: Sha256,
  options: OfflineImageOptions = {},
): Promise<{ stored: StoredImage[]; outcomes: ImageOutcome[] }> {
  const maxImageBytes = options.maxImageBytes ?? MAX_IMAGE_BYTES;
  const maxArticleBytes = options.maxArticleBytes ?? MAX_ARTICLE_IMAGE_BYTES;
  const maxImages = options.maxImages ?? MAX_IMAGES_PER_ARTICLE;
  const stored: StoredImage[] = [];
  const outcomes: ImageOutcome[] = [];
  const seen = new Set<string>();
  let total = 0;

  for (const image of images) {
    options.signal?.throwIfAborted();
    const { id, src } = image;
    const outcome = (status: ImageOutcome['status'], reason?: string): void => {
      outcomes.push(reason === undefined ? { id, src, status } : { id, src, status, reason });
    };
    if (seen.has(id)) {
      outcome('skipped', 'the same image id appears twice');
      continue;
    }
    seen.add(id);
    if (stored.length >= maxImages) {
      outcome('skipped', `more than ${maxImages} images in one article`);
      continue;
    }
    const got = await load(src, fetcher, maxImageBytes);
    options.signal?.throwIfAborted();
    if (!got.ok) {
      outcome(got.skip ? 'skipped' : 'failed', got.message);
      continue;
    }
    const { bytes } = got;
    if (bytes.byteLength > maxImageBytes) {
      outcome(
        'skipped',
        `larger than ${megabytes(maxImageBytes)} (${megabytes(bytes.byteLength)})`,
      );
      continue;
    }
    if (total + bytes.byteLength > maxArticleBytes) {
      outcome('skipped', `the article's images would exceed ${megabytes(maxArticleBytes)}`);
      continue;
    }
    const declared = essence(got.mediaType);
    if (!isRasterType(declared)) {
      outcome('failed', `not an image type Quire stores (${declared || 'no type'})`);
      continue;
    }
    const actual = sniffImageType(bytes);
    if (actual !== declared) {
      outcome(
        'failed',
        actual
          ? `declared ${declared} but the bytes are ${actual}`
          : `declared ${declared} but the bytes are not an image of that type`,
      );
      continue;
    }
    const copy = bytes.slice(); // never keep a view of someone else's buffer
    total += copy.byteLength;
    stored.push({
      id,
      src,
      mediaType: declared,
      bytes: copy,
      sha256: await sha256(copy),
      byteLength: copy.byteLength,
    });
    outcome('stored');
  }
  return { stored, outcomes };
}

type Loaded =
  | { ok: true; bytes: Uint8Array; mediaType: string }
  | { ok: false; skip: boolean; message: string };

async function load(src: string, fetcher: ImageFetcher, maxBytes: number): Promise<Loaded> {
  if (src.startsWith('data:')) return decodeDataImage(src, maxBytes);
  if (!/^https?:\/\//i.test(src))
    return { ok: false, skip: false, message: 'not an http(s) address' };
  try {
    const result = await fetcher(src);
    return result.ok
      ? { ok: true, bytes: result.bytes, mediaType: result.mediaType }
      : { ok: false, skip: false, message: result.message };
  } catch (error) {
    return { ok: false, skip: false, message: (error as Error)?.message ?? String(error) };
  }
}

/** A `data:` URI's bytes (base64 or percent-encoded), decoded here, never fetched. */
export function decodeDataImage(uri: string, maxBytes = MAX_IMAGE_BYTES): Loaded {
  const data = parseDataUri(uri);
  if (!data) return { ok: false, skip: false, message: 'a malformed data: address' };
  // Every encoding spends at most three characters per byte (a percent escape; base64 spends
  // 4/3): a longer payload is over the limit without decoding it.
  if (data.payload.length > maxBytes * 3 + 16) {
    return { ok: false, skip: true, message: `larger than ${megabytes(maxBytes)}` };
  }
  const bytes = data.base64 ? decodeBase64(data.payload) : decodePercent(data.payload);
  if (!bytes) return { ok: false, skip: false, message: 'the data: address does not decode' };
  return { ok: true, bytes, mediaType: data.mediaType };
}

const B64 = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++)
  B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
B64[45] = 62; // '-' (base64url)
B64[95] = 63; // '_'

function decodeBase64(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  let padding = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) continue;
    if (c === 61) {
      padding = true;
      continue;
    }
    const v = c < 128 ? B64[c]! : -1;
    if (v < 0 || padding) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.slice(0, n);
}

function decodePercent(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 37) {
      const byte = hexByte(text, i + 1);
      if (byte < 0) return null;
      out[n++] = byte;
      i += 2;
    } else if (c < 128) out[n++] = c;
    else return null; // a data: URI is ASCII
  }
  return out.slice(0, n);
}

function hexByte(text: string, at: number): number {
  const hex = (c: number): number =>
    c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
  const hi = hex(text.charCodeAt(at));
  const lo = hex(text.charCodeAt(at + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/** `image/JPEG; charset=x` → `image/jpeg`; the common `image/jpg` alias too. */
function essence(mediaType: string): string {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  return type === 'image/jpg' || type === 'image/pjpeg' ? 'image/jpeg' : type;
}

function isRasterType(type: string): type is RasterImageType {
  return (RASTER_IMAGE_TYPES as readonly string[]).includes(type);
}

const ascii = (bytes: Uint8Array, at: number, text: string): boolean => {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/** The raster type the bytes' signature says, or null (SVG, HTML, truncated, unknown). */
export function sniffImageType(bytes: Uint8Array): RasterImageType | null {
  if (
    bytes.length >= 8 &&
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)
  )
    return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  if (ascii(bytes, 4, 'ftyp')) {
    // ISO-BMFF: the major brand, then compatible brands up to the end of the ftyp box.
    const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    const end = Math.min(bytes.length, size, 64);
    for (let at = 8; at + 4 <= end; at += 4) {
      if (at === 12) continue; // minor version
      if (ascii(bytes, at, 'avif') || ascii(bytes, at, 'avis')) return 'image/avif';
    }
  }
  return null;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}
