/**
 * Test support only (never imported by the app, so never shipped): e2e/library-probe.ts
 * bundles it and evaluates it in the page. Reads the app's IndexedDB
 * library with the app's own code, through a second connection, so a spec can check it.
 */
import { QuireDatabase } from './database.ts';
import { checkLibraryConsistency } from './library-consistency.ts';
import { sha256 } from '../host/sha256.ts';

async function withDb<T>(name: string, read: (db: QuireDatabase) => Promise<T>): Promise<T> {
  const db = new QuireDatabase(name);
  try {
    return await read(db);
  } finally {
    db.close();
  }
}

/** The consistency check, source and image bytes hashed too. */
export const check = (name = 'quire') =>
  withDb(name, (db) => checkLibraryConsistency(db, { sha256 }));

/**
 * Everything stored for each article, as JSON text: its record, summary, body chunks, search
 * entry, and its source's and images' hashes of the bytes actually stored. Equal text before
 * and after means the article is unchanged.
 */
export const dump = (name = 'quire') =>
  withDb(name, async (db) => {
    const out: Record<string, unknown> = {};
    for (const head of await db.articles.orderBy('addedAt').toArray()) {
      const source = await db.sources.get(head.source.sha256);
      const images = await db.images.where('articleId').equals(head.id).toArray();
      out[head.id] = {
        head,
        summary: await db.summaries.get(head.id),
        bodies: await db.bodies.where('articleId').equals(head.id).toArray(),
        search: await db.searchDocs.get(head.id),
        source: source && { ...source, bytes: await sha256(source.bytes) },
        images: await Promise.all(
          images.map(async (i) => ({ ...i, bytes: await sha256(i.bytes) })),
        ),
      };
    }
    return JSON.stringify(out);
  });

/** The titles in the library, oldest first. */
export const titles = (name = 'quire') =>
  withDb(name, async (db) =>
    (await db.articles.orderBy('addedAt').toArray()).map((a) => a.csl.title ?? ''),
  );
