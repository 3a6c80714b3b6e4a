import { buildSegment, mergeSegments, type BuiltSegment } from '../../src-core/search/index.ts';
import { withBody } from './body-store.ts';
import type { QuireDatabase } from './database.ts';
import { INDEX_VERSION, indexArticle, nextCounter, searchWriteTables } from './search-index.ts';
import { deleteSegments, readSegment, segmentTables, writeSegment } from './search-segments.ts';

/**
 * Keeps the index small and fast: pending documents are written into segments, and segments
 * of similar size are merged (Lucene's tiered policy), which also purges deleted documents.
 * Runs wherever it is called from (the search worker, the capture worker, the benchmark); two
 * callers at once are safe, each step reads what it changes in its own transaction.
 */

/** A flush writes at most this many documents into one segment. */
export const FLUSH_AT = 256;
/** This many segments of one size class are merged into one. */
export const MERGE_FACTOR = 8;

/** Size class of a segment: 0 up to FLUSH_AT documents, then one per MERGE_FACTOR times more. */
export function tier(count: number): number {
  if (count <= FLUSH_AT) return 0;
  return Math.ceil(Math.log(count / FLUSH_AT) / Math.log(MERGE_FACTOR));
}

/** Writes pending documents into new segments; returns how many it wrote. */
export async function flushPending(db: QuireDatabase): Promise<number> {
  let written = 0;
  for (;;) {
    const count = await db.transaction(
      'rw',
      [db.searchPending, db.searchMeta, ...segmentTables(db)],
      async () => {
        const rows = await db.searchPending.orderBy('docNum').limit(FLUSH_AT).toArray();
        if (!rows.length) return 0;
        const id = await nextCounter(db, 'nextSegment');
        await writeSegment(db, id, buildSegment(rows));
        await db.searchPending.bulkDelete(rows.map((row) => row.docNum));
        return rows.length;
      },
    );
    written += count;
    if (count < FLUSH_AT) return written;
  }
}

/** The ids of one size class that has MERGE_FACTOR segments or more, smallest class first. */
async function mergeCandidates(db: QuireDatabase): Promise<number[] | null> {
  const counts = await db.searchSegments.orderBy('count').keys();
  const ids = await db.searchSegments.orderBy('count').primaryKeys();
  const byTier = new Map<number, number[]>();
  counts.forEach((count, i) => {
    const t = tier(count as number);
    byTier.set(t, [...(byTier.get(t) ?? []), ids[i]!]);
  });
  const full = [...byTier.entries()].filter(([, group]) => group.length >= MERGE_FACTOR);
  full.sort(([a], [b]) => a - b);
  return full[0]?.[1] ?? null;
}

/** Merges segments until no size class is full; returns how many merges it did. */
export async function mergeSegmentsAsNeeded(db: QuireDatabase): Promise<number> {
  let merges = 0;
  for (;;) {
    const merged = await db.transaction(
      'rw',
      [db.searchDeleted, db.searchMeta, ...segmentTables(db)],
      async () => {
        const ids = await mergeCandidates(db);
        if (!ids) return false;
        const parts: BuiltSegment[] = [];
        for (const id of ids) {
          const segment = await readSegment(db, id);
          if (segment) parts.push(segment);
        }
        const deleted = new Set(await db.searchDeleted.toCollection().primaryKeys());
        const dropped: number[] = [];
        const segment = mergeSegments(parts, (docNum) => {
          if (!deleted.has(docNum)) return false;
          dropped.push(docNum);
          return true;
        });
        await deleteSegments(db, ids);
        if (segment.docs.docNums.length) {
          await writeSegment(db, await nextCounter(db, 'nextSegment'), segment);
        }
        // Those documents are in no segment any more: nothing left to hide.
        await db.searchDeleted.bulkDelete(dropped);
        return true;
      },
    );
    if (!merged) return merges;
    merges++;
  }
}

/** Flush, then merge: what a writer or the search worker calls after writes. */
export async function maintainIndex(db: QuireDatabase): Promise<void> {
  await flushPending(db);
  await mergeSegmentsAsNeeded(db);
}

/** Maintains the index once FLUSH_AT documents are waiting (after each write of a batch). */
export async function maintainIndexWhenDue(db: QuireDatabase): Promise<void> {
  if ((await db.searchPending.count()) >= FLUSH_AT) await maintainIndex(db);
}

/** Every search store, for rebuilds. */
const searchTables = (db: QuireDatabase) => [...searchWriteTables(db), ...segmentTables(db)];

/**
 * Rebuilds the index from the articles (after an INDEX_VERSION change, or to repair it):
 * clears it, re-indexes every article one transaction each, then flushes and merges.
 */
export async function rebuildIndex(
  db: QuireDatabase,
  progress: (done: number, total: number) => void = () => {},
): Promise<void> {
  await db.transaction('rw', searchTables(db), async () => {
    await Promise.all(searchTables(db).map((table) => table.clear()));
  });
  const ids = await db.articles.toCollection().primaryKeys();
  for (let i = 0; i < ids.length; i++) {
    await db.transaction('rw', [db.articles, db.bodies, ...searchWriteTables(db)], async () => {
      const record = await withBody(db, await db.articles.get(ids[i]!));
      if (record) await indexArticle(db, record.id, record);
    });
    if ((i + 1) % FLUSH_AT === 0) await maintainIndex(db);
    progress(i + 1, ids.length);
  }
  await maintainIndex(db);
  await db.searchMeta.put({ key: 'version', value: INDEX_VERSION });
}
