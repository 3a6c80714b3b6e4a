import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { listFolder, readFolderFile } from './folder.ts';

const AS_ROOT = process.getuid?.() === 0;

let base: string;
let root: string;
let outside: string;

function write(path: string, content: string | Uint8Array = 'text'): string {
  writeFileSync(path, content);
  return path;
}

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'quire-folder-')));
  root = join(base, 'articles');
  outside = join(base, 'elsewhere');
  mkdirSync(join(root, 'nested', 'deeper'), { recursive: true });
  mkdirSync(join(root, 'locked'));
  mkdirSync(outside);
  write(join(root, 'b.md'), '# B');
  write(join(root, 'A.HTML'), '<p>A</p>');
  write(join(root, 'c.txt'), 'C');
  write(join(root, 'photo.jpg'), 'not an article');
  write(join(root, 'notes'), 'no extension');
  write(join(root, 'nested', 'page.htm'), '<p>page</p>');
  write(join(root, 'nested', 'deeper', 'clip.markdown'), '# clip');
  write(join(root, 'nested', 'deeper', 'copy.text'), 'copy');
  write(join(root, 'nested', 'x.xhtml'), '<p>x</p>');
  write(join(root, 'locked', 'hidden.txt'), 'hidden');
  write(join(root, 'unreadable.txt'), 'secret');
  truncateSync(write(join(root, 'huge.txt'), ''), 11 * 1024 * 1024);
  write(join(outside, 'secret.txt'), 'outside the chosen folder');
  write(join(outside, 'id_rsa'), 'key');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'link.txt'));
  symlinkSync(outside, join(root, 'linked-folder'));
  chmodSync(join(root, 'unreadable.txt'), 0o000);
  chmodSync(join(root, 'locked'), 0o000);
});

afterAll(() => {
  chmodSync(join(root, 'locked'), 0o755);
  rmSync(base, { recursive: true, force: true });
});

describe('listFolder', () => {
  it('lists the article files under the folder by relative path, and says what it skipped', async () => {
    const listing = await listFolder(root);
    expect(listing.root).toBe(root);
    const readable = AS_ROOT ? ['locked/hidden.txt'] : [];
    expect(listing.files.map((f) => f.path.slice(root.length + 1)).sort()).toEqual(
      [
        'A.HTML',
        'b.md',
        'c.txt',
        'nested/deeper/clip.markdown',
        'nested/deeper/copy.text',
        'nested/page.htm',
        'nested/x.xhtml',
        ...readable,
        ...(AS_ROOT ? ['unreadable.txt'] : []),
      ].sort(),
    );
    expect(listing.files.map((f) => f.path)).toEqual([...listing.files.map((f) => f.path)].sort());
    expect(listing.files[0]).toEqual({ path: join(root, 'A.HTML'), name: 'A.HTML', size: 8 });
    const skipped = Object.fromEntries(
      listing.skipped.map((s) => [s.path.slice(root.length + 1), s.reason]),
    );
    expect(skipped).toMatchObject({
      'huge.txt': '11.0 MB, over the 10 MB limit for an article',
      'link.txt': 'a symbolic link (not followed)',
      'linked-folder': 'a symbolic link (not followed)',
    });
    if (!AS_ROOT) {
      expect(skipped).toMatchObject({
        locked: 'permission denied',
        'unreadable.txt': 'permission denied',
      });
    }
    expect(Object.keys(skipped)).not.toContain('photo.jpg');
    expect(Object.keys(skipped)).not.toContain('notes');
  });

  it('stops at maxFiles and notes it', async () => {
    const listing = await listFolder(root, { maxFiles: 2 });
    expect(listing.files).toHaveLength(2);
    expect(listing.skipped).toContainEqual({
      path: root,
      reason: 'more than 2 files: only the first 2 are listed',
    });
  });

  it('reports a folder it cannot open instead of throwing', async () => {
    const missing = join(base, 'missing');
    await expect(listFolder(missing)).resolves.toEqual({
      root: missing,
      files: [],
      skipped: [{ path: missing, reason: 'it no longer exists' }],
    });
  });
});

describe('readFolderFile', () => {
  it('reads a listed file, into a buffer of its own', async () => {
    const result = await readFolderFile(join(root, 'nested', 'page.htm'), [root]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new TextDecoder().decode(result.bytes)).toBe('<p>page</p>');
    expect(result.bytes.buffer.byteLength).toBe(result.bytes.length);
  });

  it.each([
    [
      'a file outside every chosen folder',
      () => join(outside, 'secret.txt'),
      /not in a folder you chose/,
    ],
    ['a symbolic link leading outside', () => join(root, 'link.txt'), /not in a folder you chose/],
    [
      'a path climbing out with ..',
      () => join(root, '..', 'elsewhere', 'secret.txt'),
      /not in a folder you chose/,
    ],
    ['the chosen folder itself', () => root, /not in a folder you chose/],
    [
      'a file that is not an article',
      () => join(root, 'photo.jpg'),
      /not a web page, Markdown or text file/,
    ],
    ['a relative path', () => 'articles/c.txt', /is not a full path/],
    ['a missing file', () => join(root, 'gone.txt'), /no longer exists/],
    [
      'a file over the limit, unread',
      () => join(root, 'huge.txt'),
      /11\.0 MB; Quire saves articles up to 10 MB/,
    ],
  ])('refuses %s with a message', async (_label, path, message) => {
    const result = await readFolderFile(path(), [root]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it.skipIf(AS_ROOT)('says so when the file cannot be read', async () => {
    const result = await readFolderFile(join(root, 'unreadable.txt'), [root]);
    expect(result).toEqual({
      ok: false,
      message: `Cannot read "${join(root, 'unreadable.txt')}": permission denied.`,
    });
  });

  it('honours a smaller limit, and accepts any of several roots', async () => {
    const result = await readFolderFile(join(outside, 'secret.txt'), [root, outside], 4);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/up to 4 bytes/) });
    expect(await readFolderFile(join(root, 'c.txt'), [outside, root])).toMatchObject({ ok: true });
  });

  it('reads a folder of 5,000 files where some cannot be read: a message for each of those, the rest read', async () => {
    const big = join(base, 'big');
    mkdirSync(join(big, 'sub'), { recursive: true });
    for (let i = 0; i < 5000; i++) {
      write(join(big, i % 2 ? 'sub' : '', `page-${i}.html`), `<p>Page ${i}</p>`);
    }
    // What even root cannot read as an article: a folder and a named pipe with page names, and
    // a file deleted between the listing and the reading.
    mkdirSync(join(big, 'folder.html'));
    execFileSync('mkfifo', [join(big, 'pipe.html')]);
    const listing = await listFolder(big);
    rmSync(join(big, 'sub', 'page-1.html'));
    const failed: string[] = [];
    let read = 0;
    for (const file of listing.files) {
      const result = await readFolderFile(file.path, [big]);
      if (result.ok) read += 1;
      else failed.push(`${file.name}: ${result.message}`);
    }
    expect(read).toBe(4999);
    expect(failed).toEqual([
      expect.stringMatching(/^page-1\.html: Cannot read ".*page-1\.html": it no longer exists\.$/),
    ]);
    // The pipe is never opened: the listing says why it was left out.
    expect(listing.skipped).toContainEqual({
      path: join(big, 'pipe.html'),
      reason: 'not a regular file',
    });
    expect(listing.files.map((f) => f.name)).not.toContain('folder.html');
  });
});
