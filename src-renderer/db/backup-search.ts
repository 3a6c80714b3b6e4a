import { indexDocument } from '../../src-core/search/index.ts';
import type { QuireDatabase } from './database.ts';
import type { AnnotationRecord, ArticleRecord } from './records.ts';
import { searchFields } from './search-fields.ts';
import { searchWriteTables } from './search-index.ts';

/** The stores a restore writes: every durable one, and the index's write side. */
export const restoreTables = (db: QuireDatabase) => [
  db.articles,
  db.sources,
  db.images,
  db.bodies,
  db.summaries,
  db.collections,
  db.styles,
  db.settings,
  ...searchWriteTables(db),
];

/**
 * Queues new articles (no index entry yet) for the index in the caller's transaction, as
 * indexNewArticle does one at a time: consecutive document numbers, terms in searchPending
 * until maintainIndex writes them into segments.
 */
export async function indexRestoredArticles(
  db: QuireDatabase,
  articles: readonly ArticleRecord[],
  annotations: readonly AnnotationRecord[],
): Promise<void> {
  if (!articles.length) return;
  const byArticle = new Map<string, AnnotationRecord[]>();
  for (const a of annotations)
    byArticle.set(a.articleId, [...(byArticle.get(a.articleId) ?? []), a]);
  let docNum = (await db.searchMeta.get('nextDoc'))?.value ?? 0;
  const pending = [];
  const docs = [];
  for (const record of articles) {
    docNum++;
    const doc = indexDocument(searchFields(record, byArticle.get(record.id) ?? []));
    pending.push({ docNum, id: record.id, doc });
    docs.push({ articleId: record.id, docNum });
  }
  await Promise.all([
    db.searchPending.bulkAdd(pending),
    db.searchDocs.bulkPut(docs),
    db.searchMeta.put({ key: 'nextDoc', value: docNum }),
  ]);
}
