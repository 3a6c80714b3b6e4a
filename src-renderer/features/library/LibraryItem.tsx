import { memo, type Ref } from 'react';
import type { ArticleSummary } from '../../db/index.ts';
import type { HitSnippet } from '../../search/library-snippets.ts';
import { displayIsoDate, displayTitle } from '../../ui/format.ts';
import type { BatchedStore } from './batched-store.ts';
import { HitSnippetButton } from './HitSnippetButton.tsx';
import { useBatched } from './use-batched.ts';

/** What is missing, by gap; an ambiguous date is there but needs checking (flagged apart). */
const GAP_LABELS: Record<ArticleSummary['gaps'][number], string | null> = {
  title: 'title',
  author: 'author',
  issued: 'date',
  'issued-ambiguous': null,
  'container-title': 'site',
};

export interface RowStores {
  summaries: BatchedStore<ArticleSummary>;
  /** Where the search words are, when the list shows search results. */
  snippets: BatchedStore<HitSnippet> | null;
}

interface Props {
  id: string;
  stores: RowStores;
  selected: boolean;
  /** Roving tabindex: only one row of the list is in the Tab order. */
  tabbable: boolean;
  /** Bulk selection: the row's checkbox state (undefined: no checkboxes shown). */
  checked?: boolean;
  onCheck?(id: string, checked: boolean, range: boolean): void;
  onOpen(id: string, paragraph?: number): void;
  onDelete(id: string): void;
  /** Long lists only: the row's place, its measuring ref and position (see VirtualRows). */
  index?: number;
  measureRef?: Ref<HTMLLIElement>;
  offset?: number;
}

/**
 * One article in the list: it reads its own summary (and snippet) as it comes into view, so
 * a list of 100,000 ids renders only what is on screen. Memoised by its props.
 */
export const LibraryItem = memo(function LibraryItem(props: Props) {
  const { id, stores, selected, tabbable, checked, onCheck, onOpen, onDelete } = props;
  const { index, measureRef, offset } = props;
  const article = useBatched(stores.summaries, id);
  const title = article ? displayTitle(article.title) : article === null ? '(deleted)' : '…';
  const style =
    offset === undefined
      ? undefined
      : ({
          position: 'absolute',
          top: 0,
          left: 0,
          right: 0,
          transform: `translateY(${offset}px)`,
        } as const);
  return (
    <li
      ref={measureRef}
      className="library-item"
      data-index={index}
      style={style}
      data-id={id}
      data-selected={selected || undefined}
      data-checked={checked || undefined}
      data-testid="library-item"
    >
      {checked !== undefined && (
        <input
          type="checkbox"
          className="library-item__check"
          aria-label={`Select ${title}`}
          checked={checked}
          tabIndex={tabbable ? 0 : -1}
          onChange={(event) =>
            onCheck?.(id, event.target.checked, (event.nativeEvent as MouseEvent).shiftKey)
          }
        />
      )}
      <button
        type="button"
        className="library-item__open"
        data-article-id={id}
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => onOpen(id)}
      >
        <span className="library-item__title">{title}</span>
        {article && <ArticleLines article={article} />}
      </button>
      {stores.snippets && (
        <HitSnippetButton
          store={stores.snippets}
          id={id}
          title={title}
          tabbable={tabbable}
          onOpen={onOpen}
        />
      )}
      <button
        type="button"
        className="library-item__delete icon-button"
        aria-label={`Delete ${title}`}
        title="Delete"
        tabIndex={tabbable ? 0 : -1}
        onClick={() => onDelete(id)}
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
});

function ArticleLines({ article }: { article: ArticleSummary }) {
  const words = article.words ? `${article.words.toLocaleString('en')} words` : '';
  const meta = [article.containerTitle, displayIsoDate(article.issued), words]
    .filter(Boolean)
    .join(' · ');
  const missing = article.gaps
    .map((gap) => GAP_LABELS[gap])
    .filter(Boolean)
    .join(', ');
  const checkDate = article.gaps.includes('issued-ambiguous');
  return (
    <>
      {article.authors && <span className="library-item__authors">{article.authors}</span>}
      {(meta || missing || checkDate || article.referenceOnly) && (
        <span className="library-item__meta">
          {meta}
          {article.referenceOnly && (
            <span className="gap-flag" title="Imported from a reference file; no page saved yet">
              Reference only
            </span>
          )}
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
      {article.tags.length > 0 && (
        <span className="library-item__tags">
          {article.tags.map((tag) => (
            <span key={tag} className="tag-chip tag-chip--small">
              {tag}
            </span>
          ))}
        </span>
      )}
    </>
  );
}
