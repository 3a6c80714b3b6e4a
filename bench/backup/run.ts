/**
 * The backup benchmark proper (bench/backup.ts registers the `?raw` hooks, then loads this):
 * a generated library in fake-indexeddb, exported and restored by Quire, next to a baseline
 * in the same run that reads every durable store and structured-clones it (export) and
 * bulk-writes those records into an empty database (restore), without packing, hashing or
 * indexing.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { unzipSync } from 'fflate';
import { openLibrary, QuireDatabase, type Library } from '../../src-renderer/db/index.ts';
import { fillTestLibrary } from '../../src-renderer/db/backup-test-library.ts';
import { dumpStores } from '../../src-renderer/db/backup-dump.ts';
import { exportLibraryArchive, restoreLibraryArchive } from '../../src-renderer/db/backup.ts';
import { createLibrarySearch } from '../../src-renderer/search/library-search.ts';
import { sha256 } from '../../src-renderer/host/sha256.ts';
import type { BackupFigures } from './report.ts';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

let opened = 0;
const freshLibrary = (): Library =>
  openLibrary(`bench-backup-${++opened}`, { sha256, now: () => Date.UTC(2026, 0, 1) + opened });

async function dispose(library: Library) {
  library.close();
  await Dexie.delete(library.db.name);
}

/** Typechecked with the renderer (tsconfig.web.json): it runs the renderer's database code. */
export async function runBackupBench(
  articles: number,
  runs: number,
  log: (line: string) => void,
): Promise<Omit<BackupFigures, 'environment'>> {
  const source = freshLibrary();
  log(`generating ${articles} articles…`);
  await fillTestLibrary(source, articles);
  const stores = await dumpStores(source.db);
  const records = Object.fromEntries(stores.map((s) => [s.name, s.records.length]));

  const exportTimes: number[] = [];
  const readTimes: number[] = [];
  let archive: Uint8Array = new Uint8Array();
  for (let run = 0; run < runs; run++) {
    log(`export run ${run + 1}/${runs}`);
    const [, readMs] = await timed(async () => structuredClone(await dumpStores(source.db)));
    readTimes.push(readMs);
    let exportMs;
    [archive, exportMs] = await timed(() => exportLibraryArchive(source));
    exportTimes.push(exportMs);
  }
  const entries = unzipSync(archive);
  const unpackedBytes = Object.values(entries).reduce((n, e) => n + e.byteLength, 0);
  const rawBlobBytes = Object.entries(entries)
    .filter(([name]) => name.startsWith('blobs/'))
    .reduce((n, [, e]) => n + e.byteLength, 0);

  const restoreTimes: number[] = [];
  const writeTimes: number[] = [];
  let restored: Library | null = null;
  for (let run = 0; run < runs; run++) {
    log(`restore run ${run + 1}/${runs}`);
    const copy = structuredClone(stores);
    const baseline = new QuireDatabase(`bench-baseline-${run}`);
    const [, writeMs] = await timed(() =>
      baseline.transaction('rw', baseline.tables, async () => {
        for (const store of copy) await baseline.table(store.name).bulkAdd([...store.records]);
      }),
    );
    writeTimes.push(writeMs);
    baseline.close();
    await Dexie.delete(baseline.name);
    const target = freshLibrary();
    const [, restoreMs] = await timed(() =>
      restoreLibraryArchive(target, archive, { mode: 'empty' }),
    );
    restoreTimes.push(restoreMs);
    if (restored) await dispose(restored);
    restored = target;
  }
  log('merging the same archive again…');
  const [report, mergeAgainMs] = await timed(() =>
    restoreLibraryArchive(restored!, archive, { mode: 'merge' }),
  );
  const search = createLibrarySearch(restored!.db);
  await search.flush();
  const searchHits = (await search.search('Taliban')).hits.length;
  await dispose(restored!);
  await dispose(source);
  return {
    articles,
    runs,
    records,
    archiveBytes: archive.byteLength,
    unpackedBytes,
    rawBlobBytes,
    exportMs: median(exportTimes),
    baselineReadMs: median(readTimes),
    restoreMs: median(restoreTimes),
    baselineWriteMs: median(writeTimes),
    mergeAgainMs,
    mergeSkipped: report.skipped.length,
    searchHits,
  };
}
