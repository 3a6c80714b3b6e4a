import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { ImportError } from '../../src-core/import/import-error.ts';
import { MAX_IMPORT_BYTES, tooLargeError } from '../../src-core/import/decode.ts';
import { quoteArg } from './args.ts';

const CHUNK_BYTES = 64 * 1024;

const ERRNO_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a folder on its path is a file)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EISDIR: 'it is a directory',
  ENXIO: 'no such device',
  EIO: 'input/output error',
};

function cannotRead(path: string, reason: string): ImportError {
  return new ImportError('unsupported-type', `Cannot read ${quoteArg(path)}: ${reason}.`);
}

function readFailure(path: string, error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code && ERRNO_REASONS[code]) ?? String(code ?? error);
  return cannotRead(path, reason);
}

/** Why a path that is not a regular file cannot be an article, or null for a regular file. */
function notAFile(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'it is a directory';
  if (info.isFIFO()) return 'it is a named pipe (FIFO), not a file';
  if (info.isSocket()) return 'it is a socket, not a file';
  if (info.isCharacterDevice()) return 'it is a device (like /dev/zero), not a file';
  if (info.isBlockDevice()) return 'it is a block device (a disk), not a file';
  return 'it is not a regular file';
}

/**
 * `O_NONBLOCK`: should the path turn into a FIFO between the stat and the open, opening it
 * returns at once instead of waiting for a writer (the handle's own stat then refuses it).
 * It changes nothing for regular files. Windows has no such flag (nor FIFOs in the file system).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

async function readAtMost(
  handle: FileHandle,
  limit: number,
  sizeHint: number,
): Promise<Uint8Array> {
  // One byte more than the limit tells "exactly at the limit" from "over it".
  let buffer = new Uint8Array(Math.min(limit + 1, Math.max(sizeHint + 1, CHUNK_BYTES)));
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) {
      if (filled > limit) break;
      const grown = new Uint8Array(Math.min(limit + 1, buffer.length * 2));
      grown.set(buffer);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled > limit) throw tooLargeError(null, limit);
  return buffer.subarray(0, filled);
}

/**
 * Reads a file to import, never trusting its stat for more than a first refusal: a directory,
 * FIFO, socket or device is refused without being opened (opening a FIFO blocks until someone
 * writes to it; /dev/zero never ends); a regular file whose stat size is over the limit is
 * refused unread; any other regular file (including /proc files, whose stat size is 0) is read
 * through a handle that stops one byte past the limit.
 *
 * Failures are ImportErrors ('unsupported-type' for a path that cannot be read, 'too-large'),
 * with messages for the user.
 */
export async function readImportFile(path: string, limit = MAX_IMPORT_BYTES): Promise<Uint8Array> {
  const info = await stat(path).catch((error: unknown) => {
    throw readFailure(path, error);
  });
  const before = notAFile(info);
  if (before) throw cannotRead(path, before);
  // Refuse an ordinary big file by its size, before reading any of it.
  if (info.size > limit) throw tooLargeError(info.size, limit);

  const handle = await open(path, OPEN_FLAGS).catch((error: unknown) => {
    throw readFailure(path, error);
  });
  try {
    // The path may have been replaced since the stat: judge what was actually opened.
    const opened = await handle.stat();
    const after = notAFile(opened);
    if (after) throw cannotRead(path, after);
    if (opened.size > limit) throw tooLargeError(opened.size, limit);
    return await readAtMost(handle, limit, opened.size).catch((error: unknown) => {
      throw error instanceof ImportError ? error : readFailure(path, error);
    });
  } finally {
    await handle.close();
  }
}
