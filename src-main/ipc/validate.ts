import type { ClipboardContent, FetchRequest } from './contract.ts';
import {
  isBackupReason,
  MAX_BACKUP_BYTES,
  parseBackupFileName,
  type BackupReason,
} from '../../src-core/auto-backup/rotation.ts';
import { checkWebUrl, MAX_URL_LENGTH } from '../../src-core/validation/index.ts';

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
  const verdict = checkWebUrl(value);
  if (!verdict.ok) throw new IpcArgumentError(`url refused: ${verdict.message}`);
  return verdict.value.href;
}

/** Long enough for any real link, as for openExternal; the fetch itself judges the URL. */
export const MAX_FETCH_URL_LENGTH = MAX_URL_LENGTH;

/**
 * The shape of a fetch request. The URL is only bounded here: whether Quire may fetch it
 * (scheme, credentials, address) is the fetch's own judgement, which comes back as a result
 * value with a message for the user.
 */
export function validateFetchRequest(value: unknown): FetchRequest {
  if (!isPlainObject(value)) throw new IpcArgumentError('fetch request must be an object');
  const unknownKey = Object.keys(value).find((key) => key !== 'url' && key !== 'allowPrivate');
  if (unknownKey !== undefined) {
    throw new IpcArgumentError(`fetch request has an unknown field: ${unknownKey}`);
  }
  const { url, allowPrivate } = value;
  if (typeof url !== 'string') throw new IpcArgumentError('url must be a string');
  if (url.length > MAX_FETCH_URL_LENGTH) throw new IpcArgumentError('url is too long');
  if (typeof allowPrivate !== 'boolean') {
    throw new IpcArgumentError('allowPrivate must be a boolean');
  }
  return { url, allowPrivate };
}

/** Windows' longest path (32,767 UTF-16 units); POSIX systems allow less. */
export const MAX_PATH_LENGTH = 32_767;

/** A file path from the renderer; readFolderFile decides whether it may be read. */
export function validateFilePath(value: unknown): string {
  if (typeof value !== 'string') throw new IpcArgumentError('path must be a string');
  if (value.length === 0) throw new IpcArgumentError('path is empty');
  if (value.length > MAX_PATH_LENGTH) throw new IpcArgumentError('path is too long');
  if (value.includes('\0')) throw new IpcArgumentError('path contains a NUL character');
  return value;
}

/** Structured clone yields plain objects; anything with another prototype is not ours. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Backup archive bytes: a Uint8Array (structured clone keeps the type), at most the cap. */
export function validateBackupBytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new IpcArgumentError('backup must be a Uint8Array');
  if (value.byteLength === 0) throw new IpcArgumentError('backup is empty');
  if (value.byteLength > MAX_BACKUP_BYTES) {
    throw new IpcArgumentError(`backup is larger than ${MAX_BACKUP_BYTES} bytes`);
  }
  return value;
}

export function validateBackupReason(value: unknown): BackupReason {
  if (!isBackupReason(value))
    throw new IpcArgumentError('backup reason must be daily or pre-upgrade');
  return value;
}

/**
 * A backup's file name exactly as the backup folder writes and lists it: no separators, no
 * '..', no absolute path, so the name can only reach a file in the backups folder.
 */
export function validateBackupName(value: unknown): string {
  if (typeof value !== 'string') throw new IpcArgumentError('backup name must be a string');
  if (parseBackupFileName(value) === null) {
    throw new IpcArgumentError('backup name is not the name of an automatic backup');
  }
  return value;
}
