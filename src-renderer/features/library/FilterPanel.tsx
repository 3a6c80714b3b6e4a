import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { NOTICE_KINDS } from '../../../src-core/search/index.ts';
import type { Library } from '../../db/index.ts';
import type { LibraryFilters } from '../../search/library-view.ts';

export const NOTICE_LABELS: Record<(typeof NOTICE_KINDS)[number], string> = {
  copyright: 'Copyright notice',
  licence: 'Licence',
  cc: 'Creative Commons licence',
  disclaimer: 'Disclaimer',
  'fair-use': 'Fair-use notice',
  republication: 'Republished (original source named)',
  permission: 'Permission notice',
};

interface Props {
  library: Library;
  filters: LibraryFilters;
  onFilters(filters: LibraryFilters): void;
}

const year = (text: string) => (/^\d{4}$/.test(text.trim()) ? Number(text) : null);

/** Narrow the library by tag, site, author, years, notices and annotations. */
export function FilterPanel({ library, filters, onFilters }: Props) {
  const id = useId();
  const tags = useLiveQuery(async () => {
    const keys = (await library.db.summaries.orderBy('tags').uniqueKeys()) as string[];
    return Promise.all(
      keys.map(async (tag) => ({
        tag,
        count: await library.db.summaries.where('tags').equals(tag).count(),
      })),
    );
  }, [library]);
  const set = (patch: Partial<LibraryFilters>) => onFilters({ ...filters, ...patch });
  return (
    <fieldset className="filter-panel" data-testid="filter-panel">
      <legend className="visually-hidden">Filters</legend>
      <label className="filter-panel__field" htmlFor={`${id}-tag`}>
        <span>Tag</span>
        <select
          id={`${id}-tag`}
          value={filters.tag ?? ''}
          data-testid="filter-tag"
          onChange={(event) => set({ tag: event.target.value || null })}
        >
          <option value="">Any tag</option>
          {(tags ?? []).map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {tag} ({count})
            </option>
          ))}
        </select>
      </label>
      <label className="filter-panel__field" htmlFor={`${id}-site`}>
        <span>Site</span>
        <input
          id={`${id}-site`}
          type="text"
          value={filters.site}
          placeholder="e.g. nytimes"
          onChange={(event) => set({ site: event.target.value })}
        />
      </label>
      <label className="filter-panel__field" htmlFor={`${id}-author`}>
        <span>Author</span>
        <input
          id={`${id}-author`}
          type="text"
          value={filters.author}
          placeholder="e.g. Carrington"
          onChange={(event) => set({ author: event.target.value })}
        />
      </label>
      <div className="filter-panel__years">
        <label htmlFor={`${id}-from`}>
          <span>From</span>
          <input
            id={`${id}-from`}
            type="number"
            inputMode="numeric"
            min={1000}
            max={9999}
            placeholder="year"
            defaultValue={filters.yearFrom ?? ''}
            onChange={(event) => set({ yearFrom: year(event.target.value) })}
          />
        </label>
        <label htmlFor={`${id}-to`}>
          <span>to</span>
          <input
            id={`${id}-to`}
            type="number"
            inputMode="numeric"
            min={1000}
            max={9999}
            placeholder="year"
            defaultValue={filters.yearTo ?? ''}
            onChange={(event) => set({ yearTo: year(event.target.value) })}
          />
        </label>
      </div>
      <label className="filter-panel__field" htmlFor={`${id}-notice`}>
        <span>Notice</span>
        <select
          id={`${id}-notice`}
          value={filters.notice ?? ''}
          onChange={(event) => set({ notice: event.target.value || null })}
        >
          <option value="">Any or none</option>
          {NOTICE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {NOTICE_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-panel__check">
        <input
          type="checkbox"
          checked={filters.hasAnnotations}
          onChange={(event) => set({ hasAnnotations: event.target.checked })}
        />{' '}
        Has annotations
      </label>
    </fieldset>
  );
}
