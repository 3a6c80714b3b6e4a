import assert from 'node:assert/strict';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import fc from 'fast-check';
import {
  BackupError,
  readBackupArchive,
  writeBackupArchive,
  type BackupContents,
  type BackupInput,
  type BackupLimits,
} from '../../backup/index.ts';
import { TESTING_ARTICLES } from '../data-format-articles.ts';
import { nodeSha256 as sha256, sha256Hex } from '../fixtures.ts';
import { garbageBytes, mutatedBytes, type FuzzTarget } from '../fuzz.ts';

// Fuzz target: the backup archive reader (backup/reader.ts, docs/backup-format.md, ADR 0013).
// Seeds are small archives the writer made from realistic records; cases are those archives
// byte-mutated, or unpacked, edited (manifest, record lines, names, duplicates, declared
// sizes) and packed again. The reader gives back exactly the records, or a BackupError.

const utf8 = new TextEncoder();
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2]);

/** A library as the database holds it: articles, their bodies, sources, images, notes. */
function library(count: number, createdAt: number): BackupInput {
  const articles = TESTING_ARTICLES.slice(0, count);
  return {
    app: { name: 'Quire', version: '0.1.0' },
    schemaVersion: 6,
    createdAt,
    stores: [
      {
        name: 'articles',
        keyPath: 'id',
        records: articles.map((a, i) => ({
          id: `a${i + 1}`,
          csl: a.csl,
          tags: ['history', 'Été'],
          addedAt: new Date(Date.UTC(2026, 0, i + 1)),
          sourceSha256: `s${i + 1}`,
          notice: { text: '© 2018 South Front. All rights reserved.', start: 10, end: 50 },
          score: i === 0 ? NaN : i,
          unset: undefined,
        })),
      },
      {
        name: 'bodies',
        keyPath: ['articleId', 'chunk'],
        records: articles.map((a, i) => ({ articleId: `a${i + 1}`, chunk: 0, paragraphs: a.body })),
      },
      {
        name: 'sources',
        keyPath: 'sha256',
        records: articles.map((a, i) => ({
          sha256: `s${i + 1}`,
          bytes: utf8.encode(`${String(a.csl.title)}\n\n${a.body.map((p) => p.text).join('\n')}`),
        })),
      },
      { name: 'images', keyPath: 'key', records: [{ key: 'a1:img-1', bytes: PNG }] },
      {
        name: 'annotations',
        keyPath: 'id',
        records: [{ id: 'n1', articleId: 'a1', quote: null, note: 'Read again.', $kind: 'note' }],
      },
      { name: 'settings', keyPath: 'key', records: [] },
    ],
  };
}

const seedInputs = [
  library(1, Date.UTC(2026, 11, 1)),
  library(3, 0),
  library(10, Date.UTC(2030, 1, 1)),
];
const seedArchives = await Promise.all(seedInputs.map((i) => writeBackupArchive(i, { sha256 })));

/** A structured edit of an archive's entries, applied by unpacking and packing again. */
type EntryEdit =
  | { op: 'manifest-field'; path: string[]; value: unknown }
  | {
      op: 'record-line';
      store: number;
      line: number;
      change: 'drop' | 'duplicate' | 'edit' | 'add';
      at: number;
      text: string;
      /** The manifest gets the edited lines' SHA-256, so the edit reaches the record decoder. */
      rehash: boolean;
    }
  | { op: 'rename'; entry: number; name: string }
  | { op: 'remove'; entry: number }
  | { op: 'add'; name: string; bytes: Uint8Array }
  | { op: 'duplicate'; entry: number }
  | {
      op: 'declared-size';
      entry: number;
      field: 'size' | 'compressed' | 'name-length';
      value: number;
    }
  | { op: 'bomb'; entry: number; bytes: number };

const MANIFEST_PATHS: string[][] = [
  ['format'],
  ['formatVersion'],
  ['schemaVersion'],
  ['createdAt'],
  ['app'],
  ['counts'],
  ['counts', 'blobs'],
  ['counts', 'articles'],
  ['stores'],
  ['stores', '0'],
  ['stores', '0', 'name'],
  ['stores', '0', 'path'],
  ['stores', '0', 'keyPath'],
  ['stores', '0', 'records'],
  ['stores', '0', 'records', '0'],
  ['stores', '0', 'records', '0', 'sha256'],
  ['stores', '0', 'records', '0', 'key'],
  ['stores', '1', 'records'],
  ['blobs'],
  ['blobs', '0'],
  ['blobs', '0', 'size'],
  ['blobs', '0', 'sha256'],
  ['blobs', '0', 'path'],
  ['__proto__'],
];

const NAMES = [
  'manifest.json',
  'stores/articles.jsonl',
  'stores/other.jsonl',
  'blobs/0000',
  '../escape',
  '/absolute',
  'C:/drive',
  'a\\b',
  'stores/./x',
  'stores//x',
  'dir/',
  'nul\u0000name',
  'é.json',
];

const entryEdit: fc.Arbitrary<EntryEdit> = fc.oneof(
  fc.record({
    op: fc.constant('manifest-field' as const),
    path: fc.constantFrom(...MANIFEST_PATHS),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        null,
        0,
        -1,
        2,
        1.5,
        2 ** 53,
        1e308,
        '',
        'quire-backup',
        [],
        {},
        'x'.repeat(70),
      ),
    ),
  }),
  fc.record({
    op: fc.constant('record-line' as const),
    store: fc.nat(6),
    line: fc.nat(12),
    change: fc.constantFrom('drop' as const, 'duplicate' as const, 'edit' as const, 'add' as const),
    at: fc.nat(400),
    text: fc.constantFrom(
      '',
      'x',
      '"',
      '{',
      '}',
      '\n',
      '\\',
      '{"$blob":"00"}',
      '{"$date":"x"}',
      '{"$number":"1"}',
      '{"$undefined":2}',
      '\u2028',
      '\ud800',
      '{"$blob":"' + 'a'.repeat(64) + '"}',
      '{"$date":1e400}',
      '{"$$x":{"$undefined":1}}',
      '[' + '['.repeat(20_000) + ']'.repeat(20_000),
      '{"a":' + '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
    ),
    rehash: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('rename' as const),
    entry: fc.nat(40),
    name: fc.constantFrom(...NAMES),
  }),
  fc.record({ op: fc.constant('remove' as const), entry: fc.nat(40) }),
  fc.record({
    op: fc.constant('add' as const),
    name: fc.constantFrom(...NAMES),
    bytes: fc.uint8Array({ maxLength: 64 }),
  }),
  fc.record({ op: fc.constant('duplicate' as const), entry: fc.nat(40) }),
  fc.record({
    op: fc.constant('declared-size' as const),
    entry: fc.nat(40),
    field: fc.constantFrom('size' as const, 'compressed' as const, 'name-length' as const),
    value: fc.oneof(
      fc.integer({ min: 0, max: 64 }),
      fc.constantFrom(0xffff, 0xffffffff, 0x7fffffff, 0x40000000, 2 ** 24, 2 ** 28),
    ),
  }),
  fc.record({
    op: fc.constant('bomb' as const),
    entry: fc.nat(40),
    bytes: fc.constantFrom(1 << 16, 1 << 20, 4 << 20),
  }),
);

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const setU16 = (b: Uint8Array, at: number, v: number) => {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
};
const setU32 = (b: Uint8Array, at: number, v: number) => {
  setU16(b, at, v & 0xffff);
  setU16(b, at + 2, v >>> 16);
};

/** Offsets of the central directory headers (signature PK\1\2), in order. */
function centralHeaders(zip: Uint8Array): number[] {
  const found: number[] = [];
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (zip[at] === 0x50 && zip[at + 1] === 0x4b && zip[at + 2] === 1 && zip[at + 3] === 2) {
      found.push(at);
      at += 45 + u16(zip, at + 28);
    }
  }
  return found;
}

/** Replaces every occurrence of `from` by `to` (same length) in the bytes: names in headers. */
function replaceAll(bytes: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  const out = bytes.slice();
  outer: for (let at = 0; at + from.length <= out.length; at++) {
    for (let i = 0; i < from.length; i++) if (out[at + i] !== from[i]) continue outer;
    out.set(to, at);
  }
  return out;
}

function setPath(target: unknown, path: readonly string[], value: unknown): void {
  let node = target as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node?.[key];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string, unknown>;
  }
  if (typeof node === 'object' && node !== null) {
    Object.defineProperty(node, path.at(-1)!, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

/** The archive with one entry edit applied (packed again with fflate). */
function applyEntryEdit(archive: Uint8Array, edit: EntryEdit): Uint8Array {
  const files = unzipSync(archive) as Record<string, Uint8Array>;
  const names = Object.keys(files);
  const pick = (n: number) => names[n % names.length]!;
  switch (edit.op) {
    case 'manifest-field': {
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as unknown;
      setPath(manifest, edit.path, edit.value);
      files['manifest.json'] = strToU8(JSON.stringify(manifest));
      return zipSync(files as Zippable);
    }
    case 'record-line': {
      const stores = names.filter((n) => n.startsWith('stores/'));
      const name = stores[edit.store % stores.length]!;
      const lines = strFromU8(files[name]!).split('\n');
      const i = edit.line % lines.length;
      if (edit.change === 'drop') lines.splice(i, 1);
      else if (edit.change === 'duplicate') lines.splice(i, 0, lines[i]!);
      else if (edit.change === 'add') lines.splice(i, 0, edit.text);
      else {
        const at = edit.at % (lines[i]!.length + 1);
        lines[i] = lines[i]!.slice(0, at) + edit.text + lines[i]!.slice(at + 1);
      }
      files[name] = strToU8(lines.join('\n'));
      if (edit.rehash) {
        const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
          stores: { path: string; records: { sha256: string }[] }[];
        };
        const store = manifest.stores.find((s) => s.path === name);
        store?.records.forEach((record, n) => {
          if (lines[n] !== undefined) record.sha256 = sha256Hex(lines[n]);
        });
        files['manifest.json'] = strToU8(JSON.stringify(manifest));
      }
      return zipSync(files as Zippable);
    }
    case 'rename': {
      const old = pick(edit.entry);
      const bytes = files[old]!;
      delete files[old];
      files[edit.name] = bytes;
      return zipSync(files as Zippable);
    }
    case 'remove':
      delete files[pick(edit.entry)];
      return zipSync(files as Zippable);
    case 'add':
      files[edit.name] = edit.bytes;
      return zipSync(files as Zippable);
    case 'duplicate': {
      // Zipped under a stand-in name of the same length, then renamed in the headers.
      const name = pick(edit.entry);
      const standIn = `~${name.slice(1)}`;
      files[standIn] = files[name]!;
      return replaceAll(zipSync(files as Zippable, { level: 0 }), strToU8(standIn), strToU8(name));
    }
    case 'declared-size': {
      const zip = archive.slice();
      const headers = centralHeaders(zip);
      const at = headers[edit.entry % headers.length]!;
      const offset = { size: 24, compressed: 20, 'name-length': 28 }[edit.field];
      if (edit.field === 'name-length') setU16(zip, at + offset, edit.value & 0xffff);
      else setU32(zip, at + offset, edit.value);
      return zip;
    }
    case 'bomb': {
      // Zeros deflate about a thousandfold: the entry unpacks far past its declared size.
      const name = pick(edit.entry);
      const real = files[name]!;
      files[name] = new Uint8Array(edit.bytes);
      const zip = zipSync(files as Zippable);
      const headers = centralHeaders(zip);
      for (const at of headers) {
        const length = u16(zip, at + 28);
        if (strFromU8(zip.subarray(at + 46, at + 46 + length)) === name)
          setU32(zip, at + 24, real.length);
      }
      return zip;
    }
  }
}

interface BackupCase {
  bytes: Uint8Array;
  /** Which seed it came from, when it is one unedited. */
  seed: number | null;
  limits: Partial<BackupLimits>;
}

const editedArchive: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.nat(seedArchives.length - 1), fc.array(entryEdit, { minLength: 1, maxLength: 3 }))
  .map(([seed, edits]) => {
    let bytes = seedArchives[seed]!;
    for (const edit of edits) {
      try {
        bytes = applyEntryEdit(bytes, edit);
      } catch {
        // The previous edit left no zip fflate can unpack: this edit is skipped.
      }
    }
    return bytes;
  });

/** Small caps, so that a case can show the reader holds to them; or the defaults. */
const limits: fc.Arbitrary<Partial<BackupLimits>> = fc.oneof(
  fc.constant({}),
  fc.record({
    maxEntries: fc.integer({ min: 1, max: 40 }),
    maxTotalBytes: fc.integer({ min: 64, max: 4 * 1024 * 1024 }),
    maxManifestBytes: fc.integer({ min: 64, max: 64 * 1024 }),
  }),
);

const input: fc.Arbitrary<BackupCase> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc
      .nat(seedArchives.length - 1)
      .map((seed) => ({ bytes: seedArchives[seed]!, seed, limits: {} })),
  },
  {
    weight: 6,
    arbitrary: fc.record({ bytes: editedArchive, seed: fc.constant(null), limits }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      bytes: mutatedBytes(seedArchives, { maxEdits: 3, maxBytes: 128 * 1024 }),
      seed: fc.constant(null),
      limits,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ bytes: garbageBytes(), seed: fc.constant(null), limits }),
  },
);

/**
 * The most array-buffer memory a read may hold: its caps and what deflate can expand the file to
 * (about 1,032 times), 4× for the copies it makes while checking, plus 32 MB of slack.
 */
const memoryBound = (c: BackupCase): number =>
  4 * Math.min(c.limits.maxTotalBytes ?? Infinity, 1032 * c.bytes.length) + 32 * 1024 * 1024;

/** The records exactly as written (byte arrays, dates, undefined, NaN and $-keys included). */
function checkContents(contents: BackupContents, c: BackupCase): void {
  const totalCap = c.limits.maxTotalBytes ?? Infinity;
  let unpacked = 0;
  for (const blob of contents.blobs.values()) unpacked += blob.byteLength;
  assert.ok(unpacked <= totalCap, 'blobs over the total cap');
  if (c.seed !== null) {
    const written = seedInputs[c.seed]!;
    assert.deepEqual(
      [...contents.stores.keys()],
      written.stores.map((s) => s.name),
    );
    for (const store of written.stores) {
      assert.deepEqual(contents.stores.get(store.name), store.records, `store ${store.name}`);
    }
    return;
  }
  // An edited archive the reader accepts is one whose every record and blob matches its
  // manifest's SHA-256: the edit changed nothing the hashes cover (a rename of an unused
  // entry, a manifest field nobody reads). Each store's records match the manifest's list.
  for (const store of contents.manifest.stores) {
    assert.equal(contents.stores.get(store.name)?.length, store.records.length, store.name);
  }
  for (const blob of contents.manifest.blobs) {
    assert.equal(contents.blobs.get(blob.sha256)?.byteLength, blob.size, blob.sha256);
  }
}

export const backupRead: FuzzTarget<BackupCase> = {
  name: 'readBackupArchive',
  runs: 300,
  input,
  seedNote: `${seedArchives.length} archives the writer made (1, 3 and 10 articles with bodies, sources, an image, a note), byte-mutated or re-zipped with edited entries`,
  size: (c) => c.bytes.length,
  async call(c) {
    const before = process.memoryUsage().arrayBuffers;
    let outcome: unknown;
    try {
      outcome = await readBackupArchive(c.bytes, { sha256, limits: c.limits });
    } catch (error) {
      outcome = error;
    }
    // Buffers the read allocated are still counted here unless a collection ran meanwhile
    // (which can only hide an excess, never invent one): a refusal must not cost more either.
    const held = process.memoryUsage().arrayBuffers - before;
    if (held > memoryBound(c)) {
      throw new Error(
        `the read held ${held} bytes of buffers, over the ${memoryBound(c)} its caps allow`,
      );
    }
    if (outcome instanceof Error) throw outcome;
    return outcome;
  },
  refusal: { name: 'BackupError', is: (e: unknown) => e instanceof BackupError },
  check: (contents: BackupContents, c) => checkContents(contents, c),
};
