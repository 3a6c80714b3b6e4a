import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { Library } from '../../db/index.ts';
import { ViewSuperseded, type SearchClient } from '../../search/search-client.ts';
import type { ViewRequest, ViewResult } from '../../search/library-view.ts';
import { NO_FILTERS } from '../../search/library-view.ts';

export const DEFAULT_VIEW: ViewRequest = {
  query: '',
  filters: NO_FILTERS,
  sort: 'added',
  descending: true,
};

/** While a batch writes, the list is asked again at most this often. */
const REFRESH_MS = 400;
/** Rows read straight from the database before the search worker has the whole order. */
const FIRST_ROWS = 100;

/**
 * A value that changes whenever articles are added, edited, tagged, moved or deleted (each such
 * write advances the index's document counter) or collections change, read from tiny records.
 */
export function useLibraryGeneration(library: Library): string | undefined {
  return useLiveQuery(async () => {
    const [next, collections] = await Promise.all([
      library.db.searchMeta.get('nextDoc'),
      library.db.collections.count(),
    ]);
    return `${next?.value ?? 0}:${collections}`;
  }, [library]);
}

const isDefault = (request: ViewRequest) =>
  !request.query.trim() &&
  JSON.stringify(request.filters) === JSON.stringify(NO_FILTERS) &&
  request.sort === 'added' &&
  request.descending;

export interface LibraryViewState {
  result: ViewResult | null;
  /** A newer answer is on its way. */
  pending: boolean;
  error: string | null;
}

/**
 * The library as `request` asks for it, from the search worker. Opening the app shows the
 * newest articles at once (read here directly, a page of them) while the worker works out
 * the whole order; later requests supersede earlier ones, keystroke by keystroke.
 */
export function useLibraryView(
  library: Library,
  search: SearchClient,
  request: ViewRequest,
  generation: string | undefined,
): LibraryViewState {
  const [state, setState] = useState<LibraryViewState>({
    result: null,
    pending: true,
    error: null,
  });
  const counter = useRef(0);
  const lastAsked = useRef(0);

  // The first page, before the worker answers: constant time whatever the library's size.
  const hasResult = state.result !== null;
  useEffect(() => {
    if (hasResult || !isDefault(request)) return;
    let live = true;
    void (async () => {
      const ids = await library.db.summaries
        .orderBy('addedAt')
        .reverse()
        .limit(FIRST_ROWS)
        .primaryKeys();
      if (!live) return;
      const first: ViewResult = {
        ids,
        total: ids.length,
        libraryTotal: ids.length,
        hints: [],
        highlight: [],
        narrowed: false,
      };
      setState((s) => (s.result ? s : { result: first, pending: true, error: null }));
      // Counting reads every key (IndexedDB has no stored count): the rows do not wait for it.
      if (ids.length < FIRST_ROWS) return;
      const total = await library.db.summaries.count();
      if (!live) return;
      setState((s) =>
        s.result === first ? { ...s, result: { ...first, total, libraryTotal: total } } : s,
      );
    })();
    return () => {
      live = false;
    };
  }, [library, request, hasResult]);

  useEffect(() => {
    if (generation === undefined) return;
    const asked = ++counter.current;
    // A typed change goes at once; a write in the library waits its turn (batches write a lot).
    const wait = Math.max(0, lastAsked.current + REFRESH_MS - performance.now());
    const timer = setTimeout(() => {
      lastAsked.current = performance.now();
      setState((s) => (s.pending ? s : { ...s, pending: true }));
      search.view(request, generation).then(
        (result) => {
          if (asked === counter.current) setState({ result, pending: false, error: null });
        },
        (error: Error) => {
          if (error instanceof ViewSuperseded || asked !== counter.current) return;
          setState((s) => ({ ...s, pending: false, error: error.message }));
        },
      );
    }, wait);
    return () => clearTimeout(timer);
  }, [search, request, generation]);

  return state;
}
