import { parseQuery, type QueryNode, type SearchHit } from '../../src-core/search/index.ts';
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

/** A filter value as one quoted field value (quotes inside cannot end it). */
const quoted = (field: string, value: string) => `${field}:"${value.replace(/"/g, ' ')}"`;

/** The filters as query clauses, parsed with the same rules as typed ones. */
async function filterNode(db: QuireDatabase, filters: LibraryFilters): Promise<QueryNode | null> {
  const clauses: string[] = [];
  if (filters.tag) clauses.push(quoted('tag', filters.tag));
  if (filters.collection) {
    const ids = await withDescendants(db, filters.collection);
    clauses.push(`(${ids.map((id) => quoted('collection', id)).join(' OR ')})`);
  }
  if (filters.site.trim()) clauses.push(quoted('site', filters.site));
  if (filters.author.trim()) clauses.push(quoted('author', filters.author));
  if (filters.yearFrom !== null || filters.yearTo !== null) {
    clauses.push(`year:${filters.yearFrom ?? ''}..${filters.yearTo ?? ''}`);
  }
  if (filters.hasAnnotations) clauses.push('has:annotations');
  if (filters.notice) clauses.push(quoted('notice', filters.notice));
  return clauses.length ? parseQuery(clauses.join(' ')).node : null;
}

/** A collection's id and the ids of every collection under it. */
async function withDescendants(db: QuireDatabase, id: string): Promise<string[]> {
  const all = await db.collections.toArray();
  const ids = [id];
  for (let i = 0; i < ids.length; i++) {
    for (const c of all) if (c.parentId === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  }
  return ids;
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
      const narrowed = !!(parsed.node || filter);
      const sort = request.sort === 'relevance' && !parsed.node ? 'added' : request.sort;
      const descending = request.sort === 'relevance' && !parsed.node ? true : request.descending;
      if (!narrowed) {
        const ids = sort === 'relevance' ? [] : await ordered(sort, descending);
        return { ids, total: ids.length, hints: parsed.hints, highlight: [], narrowed };
      }
      const result = await search.search(parsed, { filter, cancelled });
      let ids: string[];
      if (sort === 'relevance') ids = result.hits.map((hit: SearchHit) => hit.id);
      else {
        const matching = new Set(result.hits.map((hit) => hit.id));
        ids = (await ordered(sort, descending)).filter((id) => matching.has(id));
      }
      return {
        ids,
        total: result.total,
        hints: result.hints,
        highlight: parsed.highlight,
        narrowed,
      };
    },
  };
}

export type LibraryView = ReturnType<typeof createLibraryView>;
