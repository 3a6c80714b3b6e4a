import { useId } from 'react';
import type { SortKey } from '../../search/library-view.ts';

export const SORT_LABELS: Record<SortKey, string> = {
  relevance: 'Best match',
  added: 'Added',
  published: 'Published',
  title: 'Title',
  author: 'Author',
  site: 'Site',
};

/** How the order reads aloud: "newest first", "A to Z". */
export function orderLabel(sort: SortKey, descending: boolean): string {
  if (sort === 'relevance') return 'best match first';
  const age = descending ? 'newest first' : 'oldest first';
  if (sort === 'added') return age;
  if (sort === 'published') return `by date published, ${age}`;
  return `by ${SORT_LABELS[sort].toLowerCase()}, ${descending ? 'Z to A' : 'A to Z'}`;
}

interface Props {
  sort: SortKey;
  descending: boolean;
  /** Best match is offered while there is a search. */
  searching: boolean;
  onSort(sort: SortKey, descending: boolean): void;
}

export function SortControl({ sort, descending, searching, onSort }: Props) {
  const id = useId();
  const keys = (Object.keys(SORT_LABELS) as SortKey[]).filter(
    (key) => key !== 'relevance' || searching,
  );
  const shown = sort === 'relevance' && !searching ? 'added' : sort;
  return (
    <div className="sort-control">
      <label htmlFor={id} className="visually-hidden">
        Sort by
      </label>
      <select
        id={id}
        className="sort-control__select"
        value={shown}
        data-testid="sort-select"
        onChange={(event) => {
          const next = event.target.value as SortKey;
          // Dates read best newest first, names A to Z.
          onSort(next, next === 'added' || next === 'published');
        }}
      >
        {keys.map((key) => (
          <option key={key} value={key}>
            {SORT_LABELS[key]}
          </option>
        ))}
      </select>
      {shown !== 'relevance' && (
        <button
          type="button"
          className="icon-button sort-control__direction"
          aria-label={`Order: ${orderLabel(shown, descending)}. Reverse it`}
          title="Reverse the order"
          onClick={() => onSort(shown, !descending)}
        >
          <span aria-hidden="true">{descending ? '↓' : '↑'}</span>
        </button>
      )}
    </div>
  );
}
