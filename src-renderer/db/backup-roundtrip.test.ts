import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupManifest, BackupStoreInput } from '../../src-core/backup/index.ts';
import { createLibrarySearch } from '../search/library-search.ts';
import { sha256 } from '../host/sha256.ts';
import { dumpStores } from './backup-dump.ts';
import { fillTestLibrary, firstDifference } from './backup-test-library.ts';
import {
  exportLibraryArchive,
  restoreLibraryArchive,
  type BackupProgress,
  type RestoreReport,
} from './backup.ts';
import type { Library } from './index.ts';
import type { ImageRecord, SourceRecord } from './records.ts';
import { checkIndex } from './search-check.ts';
import { disposeLibrary, openTestLibrary } from './test-article.ts';

const ARTICLES = 1000;

describe(`a generated ${ARTICLES}-article library through export and restore into an empty one`, () => {
  let source: Library;
  let target: Library;
  let archive: Uint8Array;
  let report: RestoreReport;
  let sourceStores: BackupStoreInput[];
  let targetStores: BackupStoreInput[];
  const progress: BackupProgress[] = [];

  beforeAll(async () => {
    source = openTestLibrary();
    target = openTestLibrary();
    await fillTestLibrary(source, ARTICLES);
    archive = await exportLibraryArchive(source, {
      now: () => Date.UTC(2026, 11, 1),
      onProgress: (p) => progress.push(p),
    });
    report = await restoreLibraryArchive(target, archive, {
      mode: 'empty',
      onProgress: (p) => progress.push(p),
    });
    sourceStores = await dumpStores(source.db);
    targetStores = await dumpStores(target.db);
  }, 300_000);
  afterAll(async () => {
    await disposeLibrary(source);
    await disposeLibrary(target);
  });

  it('holds what the test library should (long bodies, images, annotations, nesting, keys)', async () => {
    const stores = new Map(sourceStores.map((s) => [s.name, s.records]));
    expect(stores.get('articles')).toHaveLength(ARTICLES);
    expect(stores.get('bodies')!.length).toBeGreaterThan(ARTICLES); // some span several chunks
    expect(stores.get('images')!.length).toBeGreaterThanOrEqual(100);
    expect(stores.get('annotations')!.length).toBeGreaterThanOrEqual(500);
    expect(stores.get('collections')).toHaveLength(10);
    expect(stores.get('styles')).toHaveLength(1);
    expect(stores.get('settings')).toHaveLength(2);
    const nested = (stores.get('collections') as { parentId: string | null }[]).filter(
      (c) => c.parentId,
    );
    expect(nested.length).toBe(7);
    const fixed = (stores.get('articles') as { citekeyFixed: boolean }[]).filter(
      (a) => a.citekeyFixed,
    );
    expect(fixed.length).toBeGreaterThan(100);
  });

  it('restores every record of every durable store identically (same ids, times, keys, settings)', async () => {
    const [before, after] = [sourceStores, targetStores];
    expect(after.map((s) => s.name)).toEqual(before.map((s) => s.name));
    for (const [i, store] of before.entries()) {
      expect(after[i]!.records.length, store.name).toBe(store.records.length);
      expect(firstDifference(after[i]!.records, store.records, store.name)).toBeNull();
    }
    const [restored, original] = [await target.articles.all(), await source.articles.all()];
    expect(firstDifference(restored, original, 'all()')).toBeNull();
    expect(report).toEqual({
      mode: 'empty',
      added: {
        articles: ARTICLES,
        annotations: await source.db.annotations.count(),
        collections: 10,
        styles: 1,
        settings: 2,
      },
      skipped: [],
      conflicts: [],
    });
  });

  it('restores the original bytes and images byte for byte, each matching its SHA-256', async () => {
    const records = (name: string) => targetStores.find((s) => s.name === name)!.records;
    const sources = records('sources') as SourceRecord[];
    const originals = new Map(
      (sourceStores.find((s) => s.name === 'sources')!.records as SourceRecord[]).map((s) => [
        s.sha256,
        s,
      ]),
    );
    expect(sources).toHaveLength(originals.size);
    for (const restored of sources) {
      expect(firstDifference(restored.bytes, originals.get(restored.sha256)!.bytes)).toBeNull();
    }
    const hashes = await Promise.all(sources.map((s) => sha256(s.bytes)));
    expect(hashes).toEqual(sources.map((s) => s.sha256));
    const images = records('images') as ImageRecord[];
    const imageHashes = await Promise.all(images.map((i) => sha256(i.bytes)));
    expect(imageHashes).toEqual(images.map((i) => i.sha256));
    // The rights notices and the text are still proved against the restored bytes.
    for (const article of (await target.articles.all()).filter((_, i) => i % 100 === 0)) {
      const check = await target.articles.verifyArticle(article.id, sha256);
      expect(check.source).toEqual({ status: 'intact' });
      expect(check.notices.every((n) => n.status === 'intact')).toBe(true);
    }
  });

  it('lists a SHA-256 for every record and blob in the manifest, matching the library counts', async () => {
    const manifest = JSON.parse(
      strFromU8(
        unzipSync(archive, { filter: (f) => f.name === 'manifest.json' })['manifest.json']!,
      ),
    ) as BackupManifest;
    for (const store of sourceStores) {
      const listed = manifest.stores.find((s) => s.name === store.name)!;
      expect(listed.records).toHaveLength(store.records.length);
      expect(listed.records.every((r) => /^[0-9a-f]{64}$/.test(r.sha256))).toBe(true);
    }
    expect(manifest.stores.some((s) => s.name.startsWith('search'))).toBe(false);
    const blobs =
      (await source.db.sources.count()) +
      new Set((await source.db.images.toArray()).map((i) => i.sha256)).size;
    expect(manifest.blobs).toHaveLength(blobs);
  });

  it('makes every restored article searchable, with its annotations, as an import would', async () => {
    expect(await checkIndex(target.db)).toEqual({ dangling: 0, missing: 0 });
    const search = createLibrarySearch(target.db);
    const all = await search.search('Taliban');
    expect(all.hits).toHaveLength(ARTICLES);
    const annotated = await target.db.annotations.filter((a) => a.note !== '').first();
    // The note names the article's key, a word no article's own text holds.
    const key = /^Note on (\S+):/.exec(annotated!.note)![1]!;
    const found = await search.search(key);
    expect(found.hits.map((h) => h.id)).toContain(annotated!.articleId);
  });

  it('reports progress through every phase, ending each at its total', () => {
    for (const phase of ['read', 'pack', 'unpack', 'write'] as const) {
      const steps = progress.filter((p) => p.phase === phase);
      expect(steps.length, phase).toBeGreaterThan(0);
      expect(steps.at(-1)!.done, phase).toBe(steps.at(-1)!.total);
    }
  });
});

describe('firstDifference (the round trip’s comparison)', () => {
  it('finds a flipped byte, a missing or undefined field, NaN against null and a changed type', () => {
    expect(firstDifference({ a: [1, NaN] }, { a: [1, NaN] })).toBeNull();
    expect(firstDifference({ b: new Uint8Array([1, 2]) }, { b: new Uint8Array([1, 3]) })).toBe(
      '.b[1]',
    );
    expect(firstDifference({ a: 1, u: undefined }, { a: 1 })).toMatch(/keys/);
    expect(firstDifference({ n: NaN }, { n: null })).toBe('.n');
    expect(firstDifference({ d: new Uint8Array([1]) }, { d: [1] })).toBe('.d (type)');
  });
});
