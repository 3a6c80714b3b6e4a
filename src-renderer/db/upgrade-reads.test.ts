import 'fake-indexeddb/auto';
import { Dexie, type DBCoreQueryRequest } from 'dexie';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { QuireDatabase } from './database.ts';
import { sampleArticles } from './legacy-articles.ts';
import { buildLegacyLibrary, PAST_SCHEMAS, type PastVersion } from './legacy-libraries.ts';
import { freshDbName } from './test-article.ts';

/**
 * This Quire, recording every read of whole article records by a query (a `toArray()`): the
 * upgrade steps read articles one at a time, so that a library's bodies are never in memory at
 * once (a 10 MB body is already 160 ms of deserializing; a library of them would not fit).
 */
class ReadLoggingDatabase extends QuireDatabase {
  readonly wholeReads: DBCoreQueryRequest[] = [];
  constructor(name: string) {
    super(name);
    this.use({
      stack: 'dbcore',
      name: 'log-whole-reads',
      create: (down) => ({
        ...down,
        table: (table) => {
          const inner = down.table(table);
          return {
            ...inner,
            query: (request) => {
              if (
                table === 'articles' &&
                request.values &&
                (request.limit ?? Infinity) === Infinity
              ) {
                this.wholeReads.push(request);
              }
              return inner.query(request);
            },
          };
        },
      }),
    });
  }
}

let name: string;
beforeAll(() => sampleArticles(), 60_000);
afterEach(() => Dexie.delete(name));

it.each(Object.keys(PAST_SCHEMAS).map(Number) as PastVersion[])(
  'the upgrade from version %i reads no whole table of articles at once',
  async (version) => {
    name = freshDbName();
    await buildLegacyLibrary(version, name);
    const db = new ReadLoggingDatabase(name);
    try {
      await db.open();
      expect(await db.articles.count()).toBe(7);
      expect(db.wholeReads).toEqual([]);
      // The log works: a toArray() of the articles is recorded.
      await db.articles.toArray();
      expect(db.wholeReads).toHaveLength(1);
    } finally {
      db.close();
    }
  },
);
