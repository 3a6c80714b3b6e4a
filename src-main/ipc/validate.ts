import type { ClipboardContent } from './contract.ts';
import { MAX_EXTERNAL_URL_LENGTH, parseExternalUrl } from '../security/external-url.ts';

/**
 * Hand-written validators for everything that crosses the IPC boundary. The renderer shows
 * untrusted pages, so its arguments are treated like network input: exact shapes, bounded
 * sizes, nothing extra.
 */

/** A long annotated excerpt with its HTML twin fits many times over; a memory bomb does not. */
export const MAX_CLIPBOARD_BYTES = 5 * 1024 * 1024;

export class IpcArgumentError extends Error {
  override name = 'IpcArgumentError';
}

export function expectArgumentCount(args: readonly unknown[], count: number): void {
  if (args.length !== count) {
    throw new IpcArgumentError(`expected ${count} argument(s), got ${args.length}`);
  }
}

export function validateClipboardContent(value: unknown): ClipboardContent {
  if (!isPlainObject(value)) throw new IpcArgumentError('clipboard content must be an object');
  const unknownKey = Object.keys(value).find((key) => key !== 'text' && key !== 'html');
  if (unknownKey !== undefined) {
    throw new IpcArgumentError(`clipboard content has an unknown field: ${unknownKey}`);
  }
  const { text, html } = value;
  if (typeof text !== 'string') throw new IpcArgumentError('clipboard text must be a string');
  if (html !== undefined && typeof html !== 'string') {
    throw new IpcArgumentError('clipboard html must be a string when present');
  }
  const bytes = Buffer.byteLength(text, 'utf8') + (html ? Buffer.byteLength(html, 'utf8') : 0);
  if (bytes > MAX_CLIPBOARD_BYTES) {
    throw new IpcArgumentError(`clipboard content is larger than ${MAX_CLIPBOARD_BYTES} bytes`);
  }
  return html === undefined ? { text } : { text, html };
}

/** Returns the normalized href, so the caller opens exactly the URL that was checked. */
export function validateExternalUrl(value: unknown): string {
  if (typeof value !== 'string') throw new IpcArgumentError('url must be a string');
  if (value.length > MAX_EXTERNAL_URL_LENGTH) throw new IpcArgumentError('url is too long');
  const url = parseExternalUrl(value);
  if (url === null) throw new IpcArgumentError('only http(s) URLs can be opened');
  return url.href;
}

/** Structured clone yields plain objects; anything with another prototype is not ours. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
