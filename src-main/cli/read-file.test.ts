import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, symlinkSync, truncateSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { readImportFile } from './read-file.ts';
import { ImportError, MAX_IMPORT_BYTES } from '../../src-core/import/import-article.ts';
import {
  DEV_ZERO,
  makeFifo,
  PROC_STATUS,
  removeTempDirs,
  tempDir,
  tempFile,
  withinTime,
} from './test-paths.ts';

afterAll(removeTempDirs);

async function refusal(work: Promise<unknown>, fifo?: string): Promise<ImportError> {
  const error = await withinTime(work, 3000, fifo).then(
    () => new Error('it was read'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('readImportFile on regular files', () => {
  it('reads a small file', async () => {
    const bytes = await readImportFile(tempFile('a.txt', 'Some words.\n'));
    expect(new TextDecoder().decode(bytes)).toBe('Some words.\n');
  });

  it('reads an empty file (decoding refuses it, with its own message)', async () => {
    expect(await readImportFile(tempFile('e.txt', ''))).toHaveLength(0);
  });

  it('accepts a file of exactly the limit and refuses one byte more, unread', async () => {
    const atLimit = tempFile('limit.txt', new Uint8Array(MAX_IMPORT_BYTES).fill(0x61));
    expect(await readImportFile(atLimit)).toHaveLength(MAX_IMPORT_BYTES);
    const over = tempFile('over.txt', '');
    truncateSync(over, MAX_IMPORT_BYTES + 1);
    expect((await refusal(readImportFile(over))).code).toBe('too-large');
  });

  it('refuses a sparse 50 MB file by its size, at once', async () => {
    const path = tempFile('sparse.html', '<!doctype html><p>x</p>');
    truncateSync(path, 50 * 1024 * 1024); // a hole: no data blocks are written
    const started = performance.now();
    const error = await refusal(readImportFile(path));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('50.0 MB');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it.skipIf(!PROC_STATUS)(
    'stops one byte past the limit when the size on disk said less',
    async () => {
      // /proc files report size 0: only the bounded read can refuse them.
      const error = await refusal(readImportFile(PROC_STATUS!, 100));
      expect(error.code).toBe('too-large');
      expect(error.message).toBe(
        'This file is over 100 bytes; Quire saves articles up to 100 bytes. Is it really an article?',
      );
    },
  );

  it.skipIf(!PROC_STATUS)('reads /proc/self/status, a small regular file of size 0', async () => {
    // Decision: /proc files are regular files and are read (the bounded read keeps them from
    // costing more than the limit); refusing by path would miss /sys and other pseudo file
    // systems, and a researcher has no reason to import them anyway.
    const bytes = await withinTime(readImportFile(PROC_STATUS!), 3000);
    expect(new TextDecoder().decode(bytes)).toMatch(/^Name:/m);
  });

  it('follows a symbolic link to a regular file', async () => {
    const target = tempFile('target.md', '# Title\n');
    const link = join(tempDir(), 'link.md');
    symlinkSync(target, link);
    expect(await readImportFile(link)).toHaveLength(8);
  });
});

describe('readImportFile refuses what is not a regular file, without opening it', () => {
  it.skipIf(!DEV_ZERO)('/dev/zero, at once', async () => {
    const started = performance.now();
    const error = await refusal(readImportFile(DEV_ZERO!));
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toBe(
      'Cannot read "/dev/zero": it is a device (like /dev/zero), not a file.',
    );
    expect(performance.now() - started).toBeLessThan(500);
  });

  it.skipIf(!DEV_ZERO)('a symbolic link to /dev/zero', async () => {
    const link = join(tempDir(), 'zero.html');
    symlinkSync(DEV_ZERO!, link);
    expect((await refusal(readImportFile(link))).message).toMatch(/it is a device/);
  });

  const fifo = makeFifo();
  it.skipIf(!fifo)('a FIFO nobody writes to, without blocking', async () => {
    const error = await refusal(readImportFile(fifo!), fifo!);
    expect(error.message).toMatch(/it is a named pipe \(FIFO\), not a file/);
  });

  it('a directory', async () => {
    expect((await refusal(readImportFile(tempDir()))).message).toMatch(/: it is a directory\.$/);
  });

  it('a socket', async () => {
    const path = join(tempDir(), 'article.sock');
    const server = createServer();
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(path, () => resolve(true));
    });
    if (!listening) return; // no Unix sockets here (Windows)
    try {
      expect((await refusal(readImportFile(path))).message).toMatch(/it is a socket/);
    } finally {
      server.close();
    }
  });

  it('a path that does not exist, or that cannot be read', async () => {
    expect((await refusal(readImportFile('/nonexistent/article.txt'))).message).toBe(
      'Cannot read "/nonexistent/article.txt": no such file.',
    );
    const file = tempFile('file.txt', 'x');
    expect((await refusal(readImportFile(join(file, 'below.txt')))).message).toMatch(
      /no such file/,
    );
  });

  it('quotes a path with control characters harmlessly', async () => {
    const error = await refusal(readImportFile('/nonexistent/\u001b[31mred.txt'));
    expect(error.message).toContain('"/nonexistent/?[31mred.txt"');
  });

  it('a file it may not read', async () => {
    const path = tempFile('secret.txt', 'x');
    chmodSync(path, 0o000);
    const result = await readImportFile(path).catch((e: unknown) => e);
    // root reads it anyway; anyone else is refused with a message.
    if (result instanceof ImportError) expect(result.message).toMatch(/permission denied/);
    else expect(result).toHaveLength(1);
  });
});
