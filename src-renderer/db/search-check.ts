import { withBody } from './body-store.ts';
import type { QuireDatabase } from './database.ts';
import { indexArticle, searchWriteTables } from './search-index.ts';
import { maintainIndex } from './search-maintenance.ts';
import { segmentTables } from './search-segments.ts';

/** What the consistency check found. */
export interface IndexCheck {
  /** Index entries (live in a segment, waiting, or numbered) for no current article. */
  dangling: number;
  /** Articles the index does not hold. */
  missing: number;
}

export interface IndexFindings {
  /** searchDocs rows whose article is gone. */
  orphanIds: string[];
  /** Articles with no searchDocs row. */
  missingIds: string[];
  /** Document numbers live in a segment or pending that are no article's current one. */
  staleDocNums: number[];
  stalePending: number[];
}

/** What the index holds that it should not, and what it lacks (one read transaction). */
export async function inspectIndex(db: QuireDatabase): Promise<IndexFindings> {
  return db.transaction(
    'r',
    [db.articles, ...searchWriteTables(db), ...segmentTables(db)],
    async () => {
      const articleIds = new Set(await db.articles.toCollection().primaryKeys());
      const docs = await db.searchDocs.toArray();
      const current = new Map(docs.map((d) => [d.articleId, d.docNum]));
      const deleted = new Set(await db.searchDeleted.toCollection().primaryKeys());
      const staleDocNums: number[] = [];
      await db.searchSegments.each(({ docs: segment }) => {
        segment.docNums.forEach((docNum, local) => {
          const id = segment.ids[local]!;
          if (!deleted.has(docNum) && current.get(id) !== docNum) staleDocNums.push(docNum);
        });
      });
      const stalePending: number[] = [];
      await db.searchPending.each(({ docNum, id }) => {
        if (current.get(id) !== docNum) stalePending.push(docNum);
      });
      return {
        orphanIds: docs.filter((d) => !articleIds.has(d.articleId)).map((d) => d.articleId),
        missingIds: [...articleIds].filter((id) => !current.has(id)),
        staleDocNums,
        stalePending,
      };
    },
  );
}

/** Checks that the index and the articles agree. Reads everything once: a command, not a hot path. */
export async function checkIndex(db: QuireDatabase): Promise<IndexCheck> {
  const found = await inspectIndex(db);
  return {
    dangling: found.orphanIds.length + found.staleDocNums.length + found.stalePending.length,
    missing: found.missingIds.length,
  };
}

/** Fixes what checkIndex finds: hides stale entries, indexes missing articles. */
export async function repairIndex(db: QuireDatabase): Promise<IndexCheck> {
  const found = await inspectIndex(db);
  await db.transaction('rw', searchWriteTables(db), async () => {
    for (const id of found.orphanIds) await indexArticle(db, id, null);
    await db.searchDeleted.bulkPut(found.staleDocNums.map((docNum) => ({ docNum })));
    await db.searchPending.bulkDelete(found.stalePending);
  });
  for (const id of found.missingIds) {
    await db.transaction('rw', [db.articles, db.bodies, ...searchWriteTables(db)], async () => {
      const record = await withBody(db, await db.articles.get(id));
      if (record) await indexArticle(db, id, record);
    });
  }
  await maintainIndex(db);
  return {
    dangling: found.orphanIds.length + found.staleDocNums.length + found.stalePending.length,
    missing: found.missingIds.length,
  };
}
