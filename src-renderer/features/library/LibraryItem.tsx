import { memo, type Ref } from 'react';
import type { ArticleSummary } from '../../db/index.ts';
import { displayIsoDate, displayTitle } from '../../ui/format.ts';

/** What is missing, by gap; an ambiguous date is there but needs checking (flagged apart). */
const GAP_LABELS: Record<ArticleSummary['gaps'][number], string | null> = {
  title: 'title',
  author: 'author',
  issued: 'date',
  'issued-ambiguous': null,
  'container-title': 'site',
};

interface Props {
  article: ArticleSummary;
  selected: boolean;
  /** Roving tabindex: only one row of the list is in the Tab order. */
  tabbable: boolean;
  onOpen(id: string): void;
  onDelete(article: ArticleSummary): void;
  /** Long lists only: the row's place, its measuring ref and position (see VirtualRows). */
  index?: number;
  measureRef?: Ref<HTMLLIElement>;
  offset?: number;
}

/** Same line of the list: every list query returns new objects for unchanged articles. */
function sameRow(a: Props, b: Props): boolean {
  const [x, y] = [a.article, b.article];
  return (
    a.selected === b.selected &&
    a.tabbable === b.tabbable &&
    a.onOpen === b.onOpen &&
    a.onDelete === b.onDelete &&
    a.index === b.index &&
    a.offset === b.offset &&
    x.id === y.id &&
    x.title === y.title &&
    x.authors === y.authors &&
    x.issued === y.issued &&
    x.containerTitle === y.containerTitle &&
    x.gaps.join() === y.gaps.join()
  );
}

/**
 * One article in the list. Memoised by content: while a batch adds articles one by one, the
 * list re-renders only the new rows, not the thousands already there.
 */
export const LibraryItem = memo(function LibraryItem({
  article,
  selected,
  tabbable,
  onOpen,
  onDelete,
  index,
  measureRef,
  offset,
}: Props) {
  const title = displayTitle(article.title);
  const meta = [article.containerTitle, displayIsoDate(article.issued)].filter(Boolean).join(' · ');
  const missing = article.gaps
    .map((gap) => GAP_LABELS[gap])
    .filter(Boolean)
    .join(', ');
  const checkDate = article.gaps.includes('issued-ambiguous');
  return (
    <li
      ref={measureRef}
      className="library-item"
      data-index={index}
      style={
        offset === undefined
          ? undefined
          : {
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${offset}px)`,
            }
      }
      data-id={article.id}
      data-selected={selected || undefined}
      data-testid="library-item"
    >
      <button
        type="button"
        className="library-item__open"
        data-article-id={article.id}
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => onOpen(article.id)}
      >
        <span className="library-item__title">{title}</span>
        {article.authors && <span className="library-item__authors">{article.authors}</span>}
        {(meta || missing || checkDate) && (
          <span className="library-item__meta">
            {meta}
            {missing && (
              <span className="gap-flag" title={`Missing ${missing}`}>
                <span aria-hidden="true">●</span> Missing {missing}
              </span>
            )}
            {checkDate && (
              <span className="gap-flag" title="The date could be read two ways">
                <span aria-hidden="true">●</span> Check date
              </span>
            )}
          </span>
        )}
      </button>
      <button
        type="button"
        className="library-item__delete icon-button"
        aria-label={`Delete ${title}`}
        title="Delete"
        tabIndex={tabbable ? 0 : -1}
        onClick={() => onDelete(article)}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path
            d="M6 2h4M3 4h10M5 4l.6 9h4.8l.6-9"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
    </li>
  );
}, sameRow);
