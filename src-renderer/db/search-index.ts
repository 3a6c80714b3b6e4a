import { indexDocument, type ForwardDoc } from '../../src-core/search/index.ts';
import type { QuireDatabase } from './database.ts';
import type { ArticleRecord, SearchMetaRecord } from './records.ts';
import { searchFields } from './search-fields.ts';

/**
 * The write side of the full-text index. Every article write re-indexes the article in the
 * same transaction: its old document number is marked deleted and its terms wait in
 * `searchPending` under a new number until search-maintenance.ts writes them into a segment.
 * So the index can lag (pending documents) but never points at an article that is gone.
 */

/** Bumped when tokenizing or the stored format changes: the index is then rebuilt by command. */
export const INDEX_VERSION = 1;

/**
 * The stores a write that re-indexes an article must include in its transaction (annotations:
 * their notes and tags are part of the article's entry).
 */
export const searchWriteTables = (db: QuireDatabase) => [
  db.annotations,
  db.searchDocs,
  db.searchPending,
  db.searchDeleted,
  db.searchMeta,
];

/** Increments and returns a counter (the caller's transaction). */
export async function nextCounter(db: QuireDatabase, key: SearchMetaRecord['key']) {
  const value = ((await db.searchMeta.get(key))?.value ?? 0) + 1;
  await db.searchMeta.put({ key, value });
  return value;
}

/**
 * Re-indexes an article (null: un-indexes it) inside the caller's transaction, which must
 * include searchWriteTables.
 */
export async function indexArticle(
  db: QuireDatabase,
  articleId: string,
  record: ArticleRecord | null,
): Promise<void> {
  const [current, annotations] = await Promise.all([
    db.searchDocs.get(articleId),
    record ? db.annotations.where('articleId').equals(articleId).toArray() : [],
  ]);
  const doc = record ? indexDocument(searchFields(record, annotations)) : null;
  if (current) {
    // Still waiting for a segment: it can simply go. In a segment: it is marked deleted.
    const waiting = await db.searchPending.where('docNum').equals(current.docNum).count();
    await (waiting
      ? db.searchPending.delete(current.docNum)
      : db.searchDeleted.put({ docNum: current.docNum }));
  }
  if (doc) await indexNewArticle(db, articleId, doc);
  else if (current) {
    // A removal advances the counter too: it is how the library list sees every change.
    await Promise.all([db.searchDocs.delete(articleId), nextCounter(db, 'nextDoc')]);
  }
}

/**
 * Indexes an article that has no entry yet (a new article), its requests sent together; the
 * caller's transaction must include searchWriteTables.
 */
export async function indexNewArticle(
  db: QuireDatabase,
  articleId: string,
  doc: ForwardDoc,
  /** The `nextDoc` counter as read earlier in this transaction (saves a round trip). */
  counter?: Promise<SearchMetaRecord | undefined>,
): Promise<void> {
  const docNum = ((await (counter ?? db.searchMeta.get('nextDoc')))?.value ?? 0) + 1;
  await Promise.all([
    db.searchMeta.put({ key: 'nextDoc', value: docNum }),
    db.searchPending.put({ docNum, id: articleId, doc }),
    db.searchDocs.put({ articleId, docNum }),
  ]);
}

/** The version the stored index was built with (0: none recorded). */
export async function storedIndexVersion(db: QuireDatabase): Promise<number> {
  return (await db.searchMeta.get('version'))?.value ?? 0;
}
