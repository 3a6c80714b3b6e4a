import { useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../db/index.ts';
import { LibraryItem } from './LibraryItem.tsx';
import { VirtualRows, type VirtualRowsHandle } from './VirtualRows.tsx';

/** Lists longer than this render only the rows in view (a batch can add thousands). */
export const LONG_LIST = 200;

interface Props {
  articles: ArticleSummary[];
  selectedId: string | null;
  onOpen(id: string): void;
  onDelete(article: ArticleSummary): void;
}

const has = (articles: ArticleSummary[], id: string | null): id is string =>
  id !== null && articles.some((a) => a.id === id);

/**
 * Newest first. Arrow keys, Home and End move between articles, Enter or Space opens one,
 * Delete removes it (with Undo). One row is in the Tab order (roving tabindex). A long list is
 * virtualized; the row in the Tab order always stays rendered.
 */
export function LibraryList({ articles, selectedId, onOpen, onDelete }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const activeId = has(articles, focusedId)
    ? focusedId
    : has(articles, selectedId)
      ? selectedId
      : (articles[0]?.id ?? null);

  const virtual = articles.length > LONG_LIST;
  const virtualRows = useRef<VirtualRowsHandle>(null);

  function focusRow(index: number) {
    const article = articles[index];
    if (!article) return;
    setFocusedId(article.id);
    const focus = () =>
      listRef.current
        ?.querySelector<HTMLButtonElement>(`button[data-article-id="${CSS.escape(article.id)}"]`)
        ?.focus();
    // A long list renders only the rows in view: bring the row in first, then focus it.
    if (virtual) virtualRows.current?.reveal(index, focus);
    else focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const id = (event.target as HTMLElement).closest('li')?.dataset.id;
    const current = articles.findIndex((a) => a.id === id);
    if (current < 0) return;
    const last = articles.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(current + 1, last),
      ArrowUp: Math.max(current - 1, 0),
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      focusRow(next);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      // Keep the keyboard in the list: the neighbour takes this row's place.
      focusRow(current < last ? current + 1 : current - 1);
      onDelete(articles[current]!);
    }
  }

  const row = (article: ArticleSummary) => ({
    article,
    selected: article.id === selectedId,
    tabbable: article.id === activeId,
    onOpen,
    onDelete,
  });
  return (
    <ul
      ref={listRef}
      className="library-list"
      aria-label="Articles, newest first"
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const id = (event.target as HTMLElement).closest('li')?.dataset.id;
        if (id) setFocusedId(id);
      }}
    >
      {virtual ? (
        <VirtualRows
          ref={virtualRows}
          count={articles.length}
          keep={articles.findIndex((a) => a.id === activeId)}
          list={listRef}
          row={(index) => row(articles[index]!)}
          keyOf={(index) => articles[index]!.id}
        />
      ) : (
        articles.map((article) => <LibraryItem key={article.id} {...row(article)} />)
      )}
    </ul>
  );
}
