import {
  parseQuery,
  wholeValueTerm,
  type QueryNode,
  type SearchHit,
} from '../../src-core/search/index.ts';
import { withDescendants } from '../../src-core/library/collections.ts';
import type { QuireDatabase } from '../db/database.ts';
import type { LibrarySearch } from './library-search.ts';

/** What the library shows: a search, filters and an order. */
export type SortKey = 'relevance' | 'added' | 'published' | 'title' | 'author' | 'site';

export interface LibraryFilters {
  tag: string | null;
  /** A collection and every collection nested in it. */
  collection: string | null;
  site: string;
  author: string;
  yearFrom: number | null;
  yearTo: number | null;
  hasAnnotations: boolean;
  /** A rights notice kind (NOTICE_KINDS). */
  notice: string | null;
}

export const NO_FILTERS: LibraryFilters = {
  tag: null,
  collection: null,
  site: '',
  author: '',
  yearFrom: null,
  yearTo: null,
  hasAnnotations: false,
  notice: null,
};

export interface ViewRequest {
  query: string;
  filters: LibraryFilters;
  sort: SortKey;
  descending: boolean;
}

export interface ViewResult {
  /** Every matching article, in order. */
  ids: string[];
  total: number;
  /** Articles in the library, for "12 of 5,000". */
  libraryTotal: number;
  hints: string[];
  /** Folded query words to mark in snippets (a trailing * marks a prefix). */
  highlight: string[];
  /** A search or a filter is active (else this is the whole library). */
  narrowed: boolean;
}

const SORT_INDEX: Record<Exclude<SortKey, 'relevance'>, string> = {
  added: 'addedAt',
  published: 'issuedKey',
  title: 'titleKey',
  author: 'authorKey',
  site: 'siteKey',
};

/** A whole-value filter (tag, collection, notice, has) as its exact term: no parsing. */
const exact = (field: 'tag' | 'collection' | 'notice' | 'has', value: string): QueryNode => ({
  type: 'term',
  term: wholeValueTerm(field, value),
  prefix: false,
});

/** The filters as one query node (null: none), and hints for what could not be used. */
async function filterNode(
  db: QuireDatabase,
  filters: LibraryFilters,
): Promise<{ node: QueryNode | null; hints: string[] }> {
  const nodes: QueryNode[] = [];
  const hints: string[] = [];
  // Typed words (site, author, years) go through the query parser's own rules.
  const parsed = (text: string) => {
    const result = parseQuery(text);
    hints.push(...result.hints);
    if (result.node) nodes.push(result.node);
  };
  if (filters.tag) nodes.push(exact('tag', filters.tag));
  if (filters.collection) {
    const ids = withDescendants(await db.collections.toArray(), filters.collection);
    nodes.push({ type: 'or', children: ids.map((id) => exact('collection', id)) });
  }
  if (filters.site.trim()) parsed(`site:"${filters.site.replace(/"/g, ' ')}"`);
  if (filters.author.trim()) parsed(`author:"${filters.author.replace(/"/g, ' ')}"`);
  if (filters.yearFrom !== null || filters.yearTo !== null) {
    parsed(`year:${filters.yearFrom ?? ''}..${filters.yearTo ?? ''}`);
  }
  if (filters.hasAnnotations) nodes.push(exact('has', 'annotations'));
  if (filters.notice) nodes.push(exact('notice', filters.notice));
  const node = nodes.length > 1 ? { type: 'and' as const, children: nodes } : (nodes[0] ?? null);
  return { node, hints };
}

/**
 * Answers view requests: the whole library in an order straight from an IndexedDB index (keys
 * only, no record read), or the matches of a search and filters, ranked or in that order.
 */
export function createLibraryView(db: QuireDatabase, search: LibrarySearch) {
  const orders = new Map<string, string[]>();
  let generation = '';

  async function ordered(sort: Exclude<SortKey, 'relevance'>, descending: boolean) {
    const key = `${sort} ${descending}`;
    let ids = orders.get(key);
    if (!ids) {
      const collection = db.summaries.orderBy(SORT_INDEX[sort]);
      ids = (await (descending ? collection.reverse() : collection).primaryKeys()) as string[];
      orders.set(key, ids);
    }
    return ids;
  }

  return {
    /** Any write to the library makes cached orders stale: the caller says which version it saw. */
    setGeneration(next: string) {
      if (next !== generation) orders.clear();
      generation = next;
    },

    async view(request: ViewRequest, cancelled: () => boolean = () => false): Promise<ViewResult> {
      const parsed = parseQuery(request.query);
      const filter = await filterNode(db, request.filters);
      const hints = [...parsed.hints, ...filter.hints];
      const narrowed = !!(parsed.node || filter.node);
      const sort = request.sort === 'relevance' && !parsed.node ? 'added' : request.sort;
      const descending = request.sort === 'relevance' && !parsed.node ? true : request.descending;
      if (!narrowed) {
        const ids = sort === 'relevance' ? [] : await ordered(sort, descending);
        return { ids, total: ids.length, libraryTotal: ids.length, hints, highlight: [], narrowed };
      }
      const result = await search.search(parsed, { filter: filter.node, cancelled });
      let ids: string[];
      if (sort === 'relevance') ids = result.hits.map((hit: SearchHit) => hit.id);
      else {
        const matching = new Set(result.hits.map((hit) => hit.id));
        ids = (await ordered(sort, descending)).filter((id) => matching.has(id));
        // A hit missing from the cached order is newer than it: read the order again.
        if (ids.length < matching.size) {
          orders.clear();
          ids = (await ordered(sort, descending)).filter((id) => matching.has(id));
        }
      }
      return {
        ids,
        total: result.total,
        // The cached order (a keys-only read once per change of the library) says how many.
        libraryTotal: (await ordered('added', true)).length,
        hints: [...new Set([...hints, ...result.hints])],
        highlight: parsed.highlight,
        narrowed,
      };
    },
  };
}

export type LibraryView = ReturnType<typeof createLibraryView>;
