import type { LibraryFilters } from '../../search/library-view.ts';
import { NOTICE_LABELS } from './FilterPanel.tsx';

type Chip = { label: string; clear: Partial<LibraryFilters> };

/** The filters in force (the collection is shown by the tree), each removable. */
function chips(filters: LibraryFilters): Chip[] {
  const out: Chip[] = [];
  if (filters.tag) out.push({ label: `Tag: ${filters.tag}`, clear: { tag: null } });
  if (filters.site.trim()) out.push({ label: `Site: ${filters.site}`, clear: { site: '' } });
  if (filters.author.trim())
    out.push({ label: `Author: ${filters.author}`, clear: { author: '' } });
  if (filters.yearFrom !== null || filters.yearTo !== null) {
    out.push({
      label: `Years: ${filters.yearFrom ?? '…'}–${filters.yearTo ?? '…'}`,
      clear: { yearFrom: null, yearTo: null },
    });
  }
  if (filters.notice) {
    const label = NOTICE_LABELS[filters.notice as keyof typeof NOTICE_LABELS] ?? filters.notice;
    out.push({ label, clear: { notice: null } });
  }
  if (filters.hasAnnotations)
    out.push({ label: 'Has annotations', clear: { hasAnnotations: false } });
  return out;
}

export const activeFilterCount = (filters: LibraryFilters) => chips(filters).length;

interface Props {
  filters: LibraryFilters;
  onFilters(filters: LibraryFilters): void;
  onClear(): void;
}

export function FilterChips({ filters, onFilters, onClear }: Props) {
  const list = chips(filters);
  if (!list.length) return null;
  return (
    <ul className="filter-chips" aria-label="Filters in force">
      {list.map(({ label, clear }) => (
        <li key={label} className="tag-chip">
          {label}
          <button
            type="button"
            className="tag-chip__remove"
            aria-label={`Remove filter ${label}`}
            onClick={() => onFilters({ ...filters, ...clear })}
          >
            ×
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="link-button" onClick={onClear}>
          Clear filters
        </button>
      </li>
    </ul>
  );
}
