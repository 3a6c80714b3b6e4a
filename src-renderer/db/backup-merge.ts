import { changeTags } from '../../src-core/library/tags.ts';
import type { QuireDatabase } from './database.ts';
import { fullArticles, type ArchiveLibrary } from './backup-archive.ts';
import type { RestoreReport } from './backup.ts';
import { planMerge } from './backup-merge-plan.ts';
import { indexRestoredArticles, restoreTables } from './backup-search.ts';
import { bodyChunkRecords, putHead, storedHead, withBody } from './body-store.ts';
import { indexArticle } from './search-index.ts';
import { toSummary } from './summary.ts';

/**
 * Merges a backup into a library that may hold anything (backup-merge-plan.ts decides what
 * goes where), in one transaction: decisions and writes see the same library, and an error
 * anywhere leaves it untouched.
 */
export async function mergeIntoLibrary(
  db: QuireDatabase,
  archive: ArchiveLibrary,
  progress: (done: number, total: number) => void,
): Promise<RestoreReport> {
  const articles = fullArticles(archive);
  return db.transaction('rw', restoreTables(db), async () => {
    const [heads, collections, styles, settings, annotations, sources, images] = await Promise.all([
      db.articles.toArray(),
      db.collections.toArray(),
      db.styles.toArray(),
      db.settings.toArray(),
      db.annotations.bulkGet(archive.annotations.map((a) => a.id)),
      db.sources
        .where('sha256')
        .anyOf(archive.sources.map((s) => s.sha256))
        .primaryKeys(),
      db.images
        .where('key')
        .anyOf(archive.images.map((i) => i.key))
        .primaryKeys(),
    ]);
    const plan = planMerge(
      {
        articles: heads,
        collections,
        styles,
        settings,
        annotations: annotations.filter((a) => a !== undefined),
        sourceHashes: new Set(sources),
        imageKeys: new Set(images),
      },
      archive,
      articles,
      () => crypto.randomUUID(),
    );
    const total = plan.articles.length + plan.updates.length + 1;
    let done = 0;
    await Promise.all([
      plan.collections.length && db.collections.bulkAdd(plan.collections),
      plan.sources.length && db.sources.bulkAdd(plan.sources),
      plan.images.length && db.images.bulkAdd(plan.images),
      plan.annotations.length && db.annotations.bulkAdd(plan.annotations),
      plan.styles.length && db.styles.bulkAdd(plan.styles),
      plan.settings.length && db.settings.bulkAdd(plan.settings),
    ]);
    for (const record of plan.articles) {
      const chunks = bodyChunkRecords(record.id, record.body);
      await Promise.all([
        db.bodies.bulkAdd(chunks),
        db.articles.add(storedHead(record, chunks.length)),
        db.summaries.put(toSummary(record)),
      ]);
      progress(++done, total);
    }
    await indexRestoredArticles(db, plan.articles, plan.annotations);
    for (const update of plan.updates) {
      const record = (await withBody(db, await db.articles.get(update.id)))!;
      if (!update.tags.length && !update.collections.length) {
        // Only annotations came: the article is unchanged, its search entry gains their notes.
        await indexArticle(db, record.id, record);
      } else {
        const changed = {
          ...record,
          tags: changeTags(record.tags, { add: update.tags }),
          collections: [...record.collections, ...update.collections],
          updatedAt: Math.max(Date.now(), record.updatedAt + 1),
        };
        await putHead(db, changed);
        await db.summaries.put(toSummary(changed));
        await indexArticle(db, changed.id, changed);
      }
      progress(++done, total);
    }
    progress(total, total);
    return plan.report;
  });
}
