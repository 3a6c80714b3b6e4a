import type { BlockImage } from './document/types.ts';
import type { CapturedImage } from './model.ts';
import { contentHash } from './rules/paragraphs.ts';
import { ACTIVE_MARKUP } from './text-rules.ts';
import { httpUrl } from './html/text.ts';
import { imageSourceKept } from './html/sanitize-config.ts';

/**
 * Which images of an article Quire keeps, and under which address: the same checks for every
 * format (HTML `src` attributes, Markdown image destinations). Pure and linear.
 *
 * Only `src` is read, never `srcset` / `<picture><source>` / lazy-loading `data-src`: the app's
 * sanitizer (html/sanitize-config.ts) drops those before the page is read and the CLI cannot
 * sanitize, so reading only what survives sanitising gives both the same list. The value is
 * checked by the sanitizer configuration's own rule (`imageSourceKept`), so a `src` the app would lose is
 * refused in the CLI too.
 */

/** Longest http(s) address kept (as for link targets). */
export const MAX_IMAGE_URL_LENGTH = 2048;
/**
 * Longest `data:` URI kept: about 5 MB of base64 (the offline store's cap per image,
 * capture/offline-images.ts). Larger ones could never be stored, and would bloat the record.
 */
export const MAX_DATA_URI_LENGTH = 7 * 1024 * 1024;
/** Declared widths or heights at or below this are tracking pixels and spacers. */
const PIXEL_SIZE = 2;
/** A raster `data:` image smaller than this (decoded) is a pixel or spacer: 1×1 GIF is 43 bytes. */
const MIN_DATA_IMAGE_BYTES = 100;
const MAX_TEXT = 1000;

/** Raster types whose bytes can be checked by their signature; SVG is refused (script). */
export const RASTER_IMAGE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
] as const;
export type RasterImageType = (typeof RASTER_IMAGE_TYPES)[number];

const DATA_URI = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)((?:;[^,;]{0,200}){0,8}),/i;

/** A `data:` URI's media type (lowercase) and whether it is base64, or null when malformed. */
export function parseDataUri(
  uri: string,
): { mediaType: string; base64: boolean; payload: string } | null {
  const m = DATA_URI.exec(uri.slice(0, 1024));
  if (!m) return null;
  return {
    mediaType: m[1]!.toLowerCase(),
    base64: /;\s*base64\s*$/i.test(m[2]!),
    payload: uri.slice(m[0].length),
  };
}

/**
 * The address Quire keeps for an image source as written, or null: http(s) resolved against
 * `base` (fragment dropped), or a raster `data:` image that is not a pixel. Never `javascript:`,
 * `blob:`, `file:`, SVG or anything else.
 */
export function imageAddress(raw: string, base: string | null): string | null {
  const value = raw.trim();
  if (!value || !imageSourceKept(value)) return null;
  if (value.startsWith('data:')) return dataImage(value);
  if (value.length > MAX_IMAGE_URL_LENGTH) return null;
  const resolved = httpUrl(value, base);
  if (!resolved) return null;
  const url = new URL(resolved);
  if (url.username || url.password) return null;
  url.hash = '';
  const href = url.href;
  return href.length > MAX_IMAGE_URL_LENGTH ? null : href;
}

function dataImage(value: string): string | null {
  if (value.length > MAX_DATA_URI_LENGTH) return null;
  const data = parseDataUri(value);
  if (!data || !(RASTER_IMAGE_TYPES as readonly string[]).includes(data.mediaType)) return null;
  const head = decodeHead(data.payload, data.base64, 32);
  if (!head) return null;
  if (decodedLength(data.payload, data.base64) < MIN_DATA_IMAGE_BYTES) return null;
  const size = rasterSize(head);
  if (size && (size.width <= PIXEL_SIZE || size.height <= PIXEL_SIZE)) return null;
  return value;
}

/** Approximate decoded size of a data payload (exact for clean base64). */
function decodedLength(payload: string, base64: boolean): number {
  if (base64) {
    let chars = 0;
    for (let i = 0; i < payload.length; i++) {
      const c = payload.charCodeAt(i);
      if (c > 32 && c !== 61) chars++; // not whitespace, not '='
    }
    return Math.floor((chars * 3) / 4);
  }
  let n = payload.length;
  for (let i = payload.indexOf('%'); i >= 0; i = payload.indexOf('%', i + 1)) n -= 2;
  return Math.max(0, n);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The first `count` bytes of a data payload, or null when they do not decode. */
function decodeHead(payload: string, base64: boolean, count: number): Uint8Array | null {
  const out: number[] = [];
  if (!base64) {
    for (let i = 0; i < payload.length && out.length < count; i++) {
      const c = payload[i]!;
      if (c === '%') {
        const byte = Number.parseInt(payload.slice(i + 1, i + 3), 16);
        if (!/^[0-9a-f]{2}$/i.test(payload.slice(i + 1, i + 3))) return null;
        out.push(byte);
        i += 2;
      } else out.push(c.charCodeAt(0) & 0xff);
    }
    return Uint8Array.from(out);
  }
  let bits = 0;
  let acc = 0;
  for (let i = 0; i < payload.length && out.length < count; i++) {
    const c = payload[i]!;
    if (c === '=' || c.charCodeAt(0) <= 32) continue;
    const v = B64.indexOf(c === '-' ? '+' : c === '_' ? '/' : c);
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** Width and height from a PNG or GIF header, when the bytes carry one. */
function rasterSize(head: Uint8Array): { width: number; height: number } | null {
  if (head.length >= 24 && head[0] === 0x89 && head[1] === 0x50 && head[12] === 0x49) {
    const u32 = (at: number) =>
      ((head[at]! << 24) | (head[at + 1]! << 16) | (head[at + 2]! << 8) | head[at + 3]!) >>> 0;
    return { width: u32(16), height: u32(20) };
  }
  if (head.length >= 10 && head[0] === 0x47 && head[1] === 0x49 && head[2] === 0x46) {
    return { width: head[6]! | (head[7]! << 8), height: head[8]! | (head[9]! << 8) };
  }
  return null;
}

/** A declared size (`width="1"`, `height="1px"`) in pixels, or null when not stated in pixels. */
export function declaredSize(value: string | null): number | null {
  if (value === null) return null;
  const m = /^\s*(\d{1,6})(?:\.\d+)?\s*(?:px)?\s*$/i.exec(value.slice(0, 50));
  return m ? Number(m[1]) : null;
}

/** An image as written in the source, with its place among the body paragraphs. */
export interface PlacedImage {
  image: BlockImage;
  before: number;
}

/**
 * The article's images from the front end's figure images: addresses resolved and checked,
 * pixels and spacers (a declared width or height of 2 or less) dropped, the first of each
 * address kept, ids from the address (`-2`, `-3` on the rare hash collision).
 */
export function capturedImages(
  placed: readonly PlacedImage[],
  base: string | null,
): CapturedImage[] {
  const out: CapturedImage[] = [];
  const seenSrc = new Set<string>();
  const seenId = new Map<string, number>();
  for (const { image, before } of placed) {
    if (
      (image.width !== null && image.width <= PIXEL_SIZE) ||
      (image.height !== null && image.height <= PIXEL_SIZE)
    )
      continue;
    const src = imageAddress(image.src, base);
    if (!src || seenSrc.has(src)) continue;
    seenSrc.add(src);
    const hash = contentHash(src);
    const count = (seenId.get(hash) ?? 0) + 1;
    seenId.set(hash, count);
    out.push({
      id: count === 1 ? `img-${hash}` : `img-${hash}-${count}`,
      src,
      alt: plain(image.alt) ?? '',
      caption: plain(image.caption),
      before,
    });
  }
  return out;
}

/** Alternative text and captions as one line of plain text; none that could run as script. */
function plain(text: string | null): string | null {
  if (text === null) return null;
  const flat = text
    .slice(0, MAX_TEXT * 4)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
  if (!flat || ACTIVE_MARKUP.test(flat)) return null;
  return flat;
}
