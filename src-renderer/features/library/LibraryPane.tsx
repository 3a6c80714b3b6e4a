import './library.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ArticleSummary, Library } from '../../db/index.ts';
import type { HitSnippet } from '../../search/library-snippets.ts';
import { NO_FILTERS, type LibraryFilters, type ViewRequest } from '../../search/library-view.ts';
import { useSearch } from '../../search/SearchContext.tsx';
import { BatchedStore } from './batched-store.ts';
import { BulkBar } from './BulkBar.tsx';
import { CollectionTree } from './CollectionTree.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { LibraryList } from './LibraryList.tsx';
import { SearchBox } from './SearchBox.tsx';
import { orderLabel, SortControl } from './SortControl.tsx';
import { activeFilterCount, FilterChips } from './FilterChips.tsx';
import { DEFAULT_VIEW, useLibraryGeneration, useLibraryView } from './use-library-view.ts';

interface Props {
  library: Library;
  selectedId: string | null;
  onOpen(id: string, paragraph?: number): void;
  onDelete(ids: string[]): void;
  onExport(ids: string[]): void;
  onError(message: string): void;
}

/** The library: search, filters, collections, the list and bulk actions on it. */
export function LibraryPane({ library, selectedId, onOpen, onDelete, onExport, onError }: Props) {
  const search = useSearch();
  const [request, setRequest] = useState<ViewRequest>(DEFAULT_VIEW);
  const [showFilters, setShowFilters] = useState(false);
  const [filterPanelKey, setFilterPanelKey] = useState(0);
  const [checked, setChecked] = useState<Set<string> | null>(null);
  const [lastChecked, setLastChecked] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const generation = useLibraryGeneration(library);
  const { result, pending, error } = useLibraryView(library, search, request, generation);

  const summaries = useMemo(
    () =>
      new BatchedStore<ArticleSummary>(async (ids) => {
        const rows = await library.db.summaries.bulkGet(ids);
        return new Map(rows.filter((r) => r !== undefined).map((r) => [r.id, r]));
      }),
    [library],
  );
  useEffect(() => summaries.invalidate(), [summaries, generation]);
  const highlight = result?.highlight.join('\n') ?? '';
  const snippets = useMemo(
    () =>
      highlight
        ? new BatchedStore<HitSnippet>(async (ids) => {
            const found = await search.snippets(ids, highlight.split('\n'));
            return new Map(found.map((s) => [s.id, s]));
          }, 500)
        : null,
    [search, highlight],
  );
  const stores = useMemo(() => ({ summaries, snippets }), [summaries, snippets]);

  const setFilters = useCallback(
    (filters: LibraryFilters) => setRequest((r) => ({ ...r, filters })),
    [],
  );
  const ids = useMemo(() => result?.ids ?? [], [result]);
  const onCheck = useCallback(
    (id: string, on: boolean, range: boolean) => {
      setChecked((current) => {
        const next = new Set(current ?? []);
        // Shift-click checks everything between the last box and this one.
        const from = range && lastChecked ? ids.indexOf(lastChecked) : -1;
        const to = ids.indexOf(id);
        const span =
          from >= 0 && to >= 0 ? ids.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
        for (const each of span) {
          if (on) next.add(each);
          else next.delete(each);
        }
        return next;
      });
      setLastChecked(id);
    },
    [ids, lastChecked],
  );

  const total = result?.total ?? 0;
  const filterCount = activeFilterCount(request.filters);
  const searching = request.query.trim() !== '';
  const indexing = useIndexBuild();
  return (
    <nav className="library-pane" aria-labelledby="library-heading">
      <div className="library-pane__tools">
        <SearchBox
          query={request.query}
          pending={pending}
          onQuery={(query) =>
            setRequest((r) => ({
              ...r,
              query,
              // A new search ranks by best match; clearing it goes back to the chosen order.
              sort:
                query.trim() && !r.query.trim()
                  ? 'relevance'
                  : !query.trim() && r.sort === 'relevance'
                    ? 'added'
                    : r.sort,
              descending: query.trim() && !r.query.trim() ? true : r.descending,
            }))
          }
        />
        <div className="library-pane__row">
          <SortControl
            sort={request.sort}
            descending={request.descending}
            searching={searching}
            onSort={(sort, descending) => setRequest((r) => ({ ...r, sort, descending }))}
          />
          <button
            type="button"
            className="button button--small"
            aria-expanded={showFilters}
            data-testid="filters-toggle"
            onClick={() => setShowFilters((v) => !v)}
          >
            Filters{filterCount ? ` (${filterCount})` : ''}
          </button>
          <button
            type="button"
            className="button button--small"
            aria-pressed={checked !== null}
            onClick={() => setChecked((c) => (c ? null : new Set()))}
          >
            Select
          </button>
        </div>
        {showFilters && (
          <FilterPanel
            key={filterPanelKey}
            library={library}
            filters={request.filters}
            onFilters={setFilters}
          />
        )}
        <FilterChips
          filters={request.filters}
          onFilters={setFilters}
          onClear={() => {
            setFilters(NO_FILTERS);
            setFilterPanelKey((k) => k + 1);
          }}
        />
      </div>
      <CollectionTree
        library={library}
        current={request.filters.collection}
        onCurrent={(collection) => setFilters({ ...request.filters, collection })}
        onError={onError}
      />
      <h2 id="library-heading" className="pane-heading">
        Library
        {result && (
          <span className="pane-heading__count" data-testid="library-count">
            {result.narrowed
              ? `${total.toLocaleString()} of ${result.libraryTotal.toLocaleString()}`
              : total.toLocaleString()}
          </span>
        )}
      </h2>
      {indexing && (
        <p className="library-pane__hint" role="status" data-testid="index-progress">
          Building the search index: {indexing.done.toLocaleString()} of{' '}
          {indexing.total.toLocaleString()} articles. Search finds them as they are done.
        </p>
      )}
      {result?.hints.map((hint) => (
        <p key={hint} className="library-pane__hint" data-testid="search-hint">
          {hint}
        </p>
      ))}
      {error && (
        <p className="library-pane__hint" role="alert">
          Search failed: {error}
        </p>
      )}
      {checked && (
        <BulkBar
          library={library}
          checked={checked}
          total={ids.length}
          collection={request.filters.collection}
          onSelectAll={() => setChecked(new Set(ids))}
          onClear={() => setChecked(new Set())}
          onExport={onExport}
          onDelete={(chosen) => {
            onDelete(chosen);
            setChecked(new Set());
          }}
          onStatus={setStatus}
        />
      )}
      <p className="library-pane__status" role="status">
        {status}
      </p>
      {!result ? (
        <p className="library-pane__note">Opening your library…</p>
      ) : ids.length === 0 ? (
        <p className="library-pane__note" data-testid="library-empty">
          {!result.narrowed
            ? 'No articles yet.'
            : request.filters.collection && !searching && filterCount === 0
              ? 'This collection is empty. Select articles and use Move… to add them.'
              : 'No articles match.'}
        </p>
      ) : (
        <LibraryList
          ids={ids}
          stores={stores}
          label={`Articles, ${orderLabel(searching ? request.sort : request.sort === 'relevance' ? 'added' : request.sort, request.descending)}`}
          selectedId={selectedId}
          checked={checked}
          onCheck={onCheck}
          onOpen={onOpen}
          onDelete={(id) => onDelete([id])}
        />
      )}
    </nav>
  );
}

/**
 * Builds the search index when it was made by another version of Quire (or never made): once
 * after an upgrade, in the search worker, with progress. Never at a normal start-up.
 */
function useIndexBuild() {
  const search = useSearch();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    let live = true;
    search
      .ensureIndex((done, total) => live && setProgress({ done, total }))
      .catch(() => {})
      .finally(() => live && setProgress(null));
    return () => {
      live = false;
    };
  }, [search]);
  return progress;
}
