import {
  parseQuery,
  runQuery,
  type ParsedQuery,
  type QueryNode,
  type SearchResult,
} from '../../src-core/search/index.ts';
import type { QuireDatabase } from '../db/database.ts';
import { checkIndex, repairIndex, type IndexCheck } from '../db/search-check.ts';
import { INDEX_VERSION, storedIndexVersion } from '../db/search-index.ts';
import {
  flushPending,
  maintainIndexWhenDue,
  mergeSegmentsAsNeeded,
  rebuildIndex,
} from '../db/search-maintenance.ts';
import { SegmentCache, searchReadTables } from '../db/search-snapshot.ts';

export interface SearchOptions {
  limit?: number;
  /** A newer query replaced this one: stop at the next read. */
  cancelled?: () => boolean;
  /** Clauses every hit must also match (the library's filters). */
  filter?: QueryNode | null;
}

/** Full-text search over one library's persistent index (see db/search-*.ts). */
export interface LibrarySearch {
  search(query: string | ParsedQuery, options?: SearchOptions): Promise<SearchResult>;
  /** Writes pending documents into segments and merges segments as needed. */
  flush(): Promise<void>;
  /** What a long import calls after each article: flushes once enough are pending. */
  maintain(): Promise<void>;
  /** Bytes the index occupies: postings, positions, document tables, pending documents. */
  indexBytes(): Promise<number>;
  check(): Promise<IndexCheck>;
  repair(): Promise<IndexCheck>;
  /** True when the stored index was built by another INDEX_VERSION (or never built). */
  needsRebuild(): Promise<boolean>;
  rebuild(progress?: (done: number, total: number) => void): Promise<void>;
}

const bytesOf = (...arrays: ArrayBufferView[]) => arrays.reduce((n, a) => n + a.byteLength, 0);

export function createLibrarySearch(db: QuireDatabase): LibrarySearch {
  const cache = new SegmentCache();
  let merging: Promise<unknown> = Promise.resolve();

  /** New documents are searchable at once: written into a segment before the query reads. */
  async function flushIfPending() {
    if ((await db.searchPending.count()) === 0) return;
    await flushPending(db);
    // Merging can take a while at 100,000 articles: it runs after this query, not before it.
    merging = merging.then(() => mergeSegmentsAsNeeded(db)).catch(() => {});
  }

  return {
    async search(query, { limit, cancelled, filter = null } = {}) {
      const parsed = typeof query === 'string' ? parseQuery(query) : query;
      const node =
        parsed.node && filter
          ? ({ type: 'and', children: [parsed.node, filter] } as QueryNode)
          : (parsed.node ?? filter);
      await flushIfPending();
      return db.transaction('r', searchReadTables(db), async () =>
        runQuery({ ...parsed, node }, await cache.snapshot(db), { limit, cancelled }),
      );
    },

    async flush() {
      await flushPending(db);
      await (merging = merging.then(() => mergeSegmentsAsNeeded(db)));
    },

    maintain: () => maintainIndexWhenDue(db),

    async indexBytes() {
      let bytes = 0;
      const termBytes = (terms: string[]) => terms.reduce((n, t) => n + t.length * 2, 0);
      await db.searchBlocks.each(
        (b) => (bytes += termBytes(b.terms) + bytesOf(b.starts, b.docs, b.tfs)),
      );
      await db.searchPositionBlocks.each((b) => (bytes += bytesOf(b.ends, b.bytes)));
      await db.searchSegments.each(({ docs, firstTerms }) => {
        bytes += bytesOf(docs.docNums, docs.lengths) + termBytes(docs.ids) + termBytes(firstTerms);
      });
      await db.searchPending.each(({ doc }) => {
        bytes += bytesOf(doc.tfs, doc.positions, doc.posEnd) + termBytes(doc.terms);
      });
      bytes += (await db.searchDocs.count()) * 48 + (await db.searchDeleted.count()) * 8;
      return bytes;
    },

    check: () => checkIndex(db),
    repair: () => repairIndex(db),
    needsRebuild: async () => (await storedIndexVersion(db)) !== INDEX_VERSION,
    rebuild: (progress) => rebuildIndex(db, progress),
  };
}
