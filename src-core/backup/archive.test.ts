import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { nodeSha256 as sha256, sha256Hex } from '../testing/fixtures.ts';
import {
  BackupError,
  FORMAT_VERSION,
  readBackupArchive,
  writeBackupArchive,
  type BackupInput,
  type BackupManifest,
} from './index.ts';

const picture = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
const text = strToU8('Copyright © 2018 South Front\n');

function input(): BackupInput {
  return {
    app: { name: 'Quire', version: '0.1.0' },
    schemaVersion: 6,
    createdAt: Date.UTC(2026, 11, 1),
    stores: [
      {
        name: 'articles',
        keyPath: 'id',
        records: [
          {
            id: 'a1',
            csl: { title: 'Line\nbreak “quoted”', $odd: 'a key that starts with $' },
            bodyChunks: undefined,
            weird: [NaN, Infinity, -Infinity, -0, 1.5],
            when: new Date(Date.UTC(2020, 0, 1)),
            nested: { ok: true, list: [[1, 2], []] },
          },
        ],
      },
      { name: 'sources', keyPath: 'sha256', records: [{ sha256: 'x', bytes: text }] },
      {
        name: 'images',
        keyPath: 'key',
        // The same bytes twice: stored once.
        records: [
          { key: 'a1:img-1', bytes: picture },
          { key: 'a1:img-2', bytes: picture.slice() },
        ],
      },
      {
        name: 'bodies',
        keyPath: ['articleId', 'chunk'],
        records: [{ articleId: 'a1', chunk: 0, paragraphs: [{ n: 1, text: 'Hello' }] }],
      },
      { name: 'settings', keyPath: 'key', records: [] },
    ],
  };
}

const write = (what: BackupInput = input()) => writeBackupArchive(what, { sha256 });
const read = (bytes: Uint8Array, limits = {}) => readBackupArchive(bytes, { sha256, limits });

/** The archive with its entries changed by `edit` and zipped again. */
function rezip(archive: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(archive);
  edit(files);
  return zipSync(files as Zippable);
}

const manifestOf = (archive: Uint8Array) =>
  JSON.parse(strFromU8(unzipSync(archive)['manifest.json']!)) as BackupManifest;

/** Rejects with a BackupError whose message matches `message`. */
async function refused(promise: Promise<unknown>, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as Error).message).toMatch(message);
}

describe('backup archive round trip', () => {
  it('gives back every record exactly, byte arrays, undefined, special numbers, dates and $-keys included', async () => {
    const original = input();
    const contents = await read(await write(original));
    for (const store of original.stores) {
      expect(contents.stores.get(store.name)).toStrictEqual(store.records);
    }
    const [first, second] = contents.stores.get('images') as { bytes: Uint8Array }[];
    expect(first!.bytes).toEqual(picture);
    expect(second!.bytes).toEqual(picture);
  });

  it('lists every record and blob with its SHA-256 in the manifest, and stores equal bytes once', async () => {
    const archive = await write();
    const manifest = manifestOf(archive);
    expect(manifest).toMatchObject({
      format: 'quire-backup',
      formatVersion: FORMAT_VERSION,
      app: { name: 'Quire', version: '0.1.0' },
      schemaVersion: 6,
      createdAt: '2026-12-01T00:00:00.000Z',
      counts: { articles: 1, sources: 1, images: 2, bodies: 1, settings: 0, blobs: 2 },
    });
    const files = unzipSync(archive);
    for (const store of manifest.stores) {
      const lines = strFromU8(files[store.path]!).split('\n').filter(Boolean);
      expect(await Promise.all(lines.map((l) => sha256(strToU8(l))))).toEqual(
        store.records.map((r) => r.sha256),
      );
    }
    expect(manifest.stores.find((s) => s.name === 'bodies')!.records[0]!.key).toBe('a1/0');
    expect(manifest.blobs.map((b) => b.sha256).sort()).toEqual(
      [await sha256(picture), await sha256(text)].sort(),
    );
    for (const blob of manifest.blobs) expect(files[blob.path]!.byteLength).toBe(blob.size);
  });

  it('writes the same bytes for the same library', async () => {
    expect(await write()).toEqual(await write());
  });
});

describe('backup archive refusals', () => {
  it('refuses a record whose line was changed, naming the store and the record', async () => {
    const tampered = rezip(await write(), (files) => {
      files['stores/articles.jsonl'] = strToU8(
        strFromU8(files['stores/articles.jsonl']!).replace('a1', 'a2'),
      );
    });
    await refused(read(tampered), /articles record "a1" does not match its SHA-256/);
  });

  it('refuses a blob whose bytes were changed, naming its hash', async () => {
    const hash = await sha256(picture);
    const tampered = rezip(await write(), (files) => {
      const blob = files[`blobs/${hash}`]!;
      blob[5] = blob[5]! ^ 1;
    });
    await refused(read(tampered), new RegExp(`blob ${hash} does not match its SHA-256`));
  });

  it('refuses an archive with one byte flipped in its compressed data', async () => {
    const archive = await write();
    const at = archive.indexOf(0x7b, 200); // somewhere inside an entry's data
    const damaged = archive.slice();
    damaged[at + 3] = damaged[at + 3]! ^ 0xff;
    await expect(read(damaged)).rejects.toBeInstanceOf(BackupError);
  });

  it('refuses a newer format version, saying to update Quire', async () => {
    const newer = rezip(await write(), (files) => {
      const manifest = JSON.parse(strFromU8(files['manifest.json']!));
      files['manifest.json'] = strToU8(
        JSON.stringify({ ...manifest, formatVersion: FORMAT_VERSION + 1 }),
      );
    });
    await refused(read(newer), /newer version of Quire \(format version 2\).*Update Quire/);
  });

  it('refuses garbage, empty bytes, an empty zip and a zip of something else as not a Quire backup', async () => {
    await refused(
      read(strToU8('hello, world: not a zip at all')),
      /not a Quire backup \(it is not a zip/,
    );
    await refused(read(new Uint8Array()), /empty/);
    await refused(read(zipSync({})), /not a Quire backup \(no manifest/);
    await refused(
      read(zipSync({ 'manifest.json': strToU8('{"format":"other"}') })),
      /not a Quire backup/,
    );
    await refused(read(zipSync({ 'manifest.json': strToU8('{not json') })), /manifest is not JSON/);
  });

  it('refuses a truncated archive', async () => {
    const archive = await write();
    await refused(read(archive.subarray(0, archive.length - 30)), /truncated/);
    await refused(read(archive.subarray(0, Math.floor(archive.length / 2))), /truncated/);
  });

  it('refuses entries named with "..", an absolute path or a backslash before reading them', async () => {
    for (const name of ['../evil.txt', 'stores/../../evil', '/etc/passwd', 'C:/x', 'a\\..\\b']) {
      const archive = zipSync({ 'manifest.json': strToU8('{}'), [name]: strToU8('x') });
      await refused(read(archive), /whose name has/);
    }
  });

  it('shows a hostile entry name escaped and shortened in its message', async () => {
    const name = `x\u0000\u001b[31m${'y'.repeat(500)}`;
    const error = await readBackupArchive(zipSync({ [name]: strToU8('x') }), { sha256 }).catch(
      (e: Error) => e,
    );
    expect((error as Error).message).toContain('"x\\u0000\\u001b[31myyy');
    // eslint-disable-next-line no-control-regex -- the point: no raw control character
    expect((error as Error).message).not.toMatch(/[\u0000-\u001f]/);
    expect((error as Error).message.length).toBeLessThan(200);
  });

  it('refuses an entry the manifest does not list, and a listed entry that is missing', async () => {
    const extra = rezip(await write(), (files) => {
      files['notes.txt'] = strToU8('hello');
    });
    await refused(read(extra), /"notes.txt", which its manifest does not list/);
    const missing = rezip(await write(), (files) => {
      delete files['stores/bodies.jsonl'];
    });
    await refused(read(missing), /missing "stores\/bodies.jsonl"/);
  });

  it('refuses too many entries, counted from the zip directory', async () => {
    const files: Zippable = { 'manifest.json': strToU8('{}') };
    for (let i = 0; i < 50; i++) files[`blobs/${i}`] = strToU8('x');
    await refused(read(zipSync(files), { maxEntries: 20 }), /51 entries, more than the 20/);
  });

  it('refuses a zip bomb from its declared sizes before inflating it', async () => {
    const bomb = zipSync({ 'manifest.json': new Uint8Array(16 * 1024 ** 2) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await refused(
      read(bomb, { maxTotalBytes: 10 * 1024 ** 2 }),
      /unpack to more than 10485760 bytes/,
    );
  });

  it('stops inflating an entry that grows past the size its directory declares', async () => {
    const archive = zipSync({ 'manifest.json': new Uint8Array(5 * 1024 ** 2) }, { level: 9 });
    // Declare 1,000 bytes in the central directory: a bomb that lies about its size.
    const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
    const end = archive.length - 22;
    const directory = view.getUint32(end + 16, true);
    view.setUint32(directory + 24, 1000, true);
    await refused(read(archive), /unpacks to more than its declared 1000 bytes/);
  });

  it('refuses an entry declaring more bytes than its compressed data can hold, before allocating them (found by fuzzing: 1 GB for a 3 KB file)', async () => {
    const archive = await write();
    // The fuzzer's counterexample: the manifest's declared size set to 0x40000000 (1 GiB).
    const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
    const end = archive.length - 22;
    const directory = view.getUint32(end + 16, true);
    expect(strFromU8(archive.subarray(directory + 46, directory + 46 + 13))).toBe('manifest.json');
    view.setUint32(directory + 24, 0x40000000, true);
    const buffersBefore = process.memoryUsage().arrayBuffers;
    await refused(
      read(archive),
      /"manifest.json" is damaged \(it declares 1073741824 bytes, more than its \d+ compressed bytes can hold\)/,
    );
    expect(process.memoryUsage().arrayBuffers - buffersBefore).toBeLessThan(64 * 1024 ** 2);
  });

  it('still reads an entry that deflate shrank a thousandfold', async () => {
    const zeros = new Uint8Array(4 * 1024 ** 2);
    const archive = await write({
      ...input(),
      stores: [{ name: 'sources', keyPath: 'sha256', records: [{ sha256: 'z', bytes: zeros }] }],
    });
    expect(archive.length).toBeLessThan(zeros.length / 500);
    const [record] = (await read(archive)).stores.get('sources') as { bytes: Uint8Array }[];
    // Compared as one buffer: toEqual walks 4 million elements one by one (tens of seconds).
    expect(Buffer.from(record!.bytes).equals(Buffer.from(zeros))).toBe(true);
  });

  it('refuses a record that refers to a blob the archive lacks', async () => {
    const archive = await write({
      ...input(),
      stores: [{ name: 'settings', keyPath: 'key', records: [{ key: 'k', value: 'v' }] }],
    });
    const line = JSON.stringify({ key: 'k', value: { $blob: 'a'.repeat(64) } });
    const tampered = rezip(archive, (files) => {
      files['stores/settings.jsonl'] = strToU8(`${line}\n`);
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as BackupManifest;
      manifest.stores[0]!.records[0]!.sha256 = sha256Hex(line);
      files['manifest.json'] = strToU8(JSON.stringify(manifest));
    });
    await refused(read(tampered), /settings record "k" refers to a blob the backup lacks/);
  });

  it('rejects with a BackupError, never another error, whatever the manifest holds', async () => {
    const manifests = [
      null,
      [],
      { format: 'quire-backup' },
      { format: 'quire-backup', formatVersion: 1 },
      { format: 'quire-backup', formatVersion: '1' },
      { ...manifestTemplate(), stores: [{ name: '../x', path: 'stores/../x.jsonl' }] },
      {
        ...manifestTemplate(),
        stores: [{ name: 'a', path: 'stores/a.jsonl', keyPath: 'id', records: [1] }],
      },
      { ...manifestTemplate(), blobs: [{ sha256: 'zz', size: 1, path: 'blobs/zz' }] },
    ];
    for (const manifest of manifests) {
      const archive = zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)) });
      await expect(read(archive)).rejects.toBeInstanceOf(BackupError);
    }
  });
});

function manifestTemplate() {
  return {
    format: 'quire-backup',
    formatVersion: 1,
    app: { name: 'Quire', version: '1' },
    schemaVersion: 6,
    createdAt: '2026-01-01T00:00:00Z',
    counts: { blobs: 0 },
    stores: [],
    blobs: [],
  };
}
