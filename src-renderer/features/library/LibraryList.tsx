import { useRef, useState, type KeyboardEvent } from 'react';
import { LibraryItem, type RowStores } from './LibraryItem.tsx';
import { VirtualRows, type VirtualRowsHandle } from './VirtualRows.tsx';

/** Lists longer than this render only the rows in view (a batch can add thousands). */
export const LONG_LIST = 200;

interface Props {
  ids: readonly string[];
  stores: RowStores;
  /** Says the order, for screen readers ("Articles, newest first"). */
  label: string;
  selectedId: string | null;
  /** Bulk selection; null: no checkboxes. */
  checked: ReadonlySet<string> | null;
  onCheck(id: string, checked: boolean, range: boolean): void;
  onOpen(id: string, paragraph?: number): void;
  onDelete(id: string): void;
}

/**
 * Arrow keys, Home and End move between articles, Enter or Space opens one, Delete removes it
 * (with Undo). One row is in the Tab order (roving tabindex). A long list is virtualized; the
 * row in the Tab order always stays rendered.
 */
export function LibraryList(props: Props) {
  const { ids, stores, selectedId, checked, onCheck, onOpen, onDelete } = props;
  const listRef = useRef<HTMLUListElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const has = (id: string | null): id is string => id !== null && ids.includes(id);
  const activeId = has(focusedId) ? focusedId : has(selectedId) ? selectedId : (ids[0] ?? null);

  const virtual = ids.length > LONG_LIST;
  const virtualRows = useRef<VirtualRowsHandle>(null);

  function focusRow(index: number) {
    const id = ids[index];
    if (id === undefined) return;
    setFocusedId(id);
    const focus = () =>
      listRef.current
        ?.querySelector<HTMLButtonElement>(`button[data-article-id="${CSS.escape(id)}"]`)
        ?.focus();
    // A long list renders only the rows in view: bring the row in first, then focus it.
    if (virtual) virtualRows.current?.reveal(index, focus);
    else focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const id = (event.target as HTMLElement).closest('li')?.dataset.id;
    const current = id === undefined ? -1 : ids.indexOf(id);
    if (current < 0) return;
    const last = ids.length - 1;
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
      onDelete(ids[current]!);
    }
  }

  const row = (id: string) => ({
    id,
    stores,
    selected: id === selectedId,
    tabbable: id === activeId,
    checked: checked ? checked.has(id) : undefined,
    onCheck,
    onOpen,
    onDelete,
  });
  return (
    <ul
      ref={listRef}
      className="library-list"
      aria-label={props.label}
      data-testid="library-list"
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const id = (event.target as HTMLElement).closest('li')?.dataset.id;
        if (id) setFocusedId(id);
      }}
    >
      {virtual ? (
        <VirtualRows
          ref={virtualRows}
          count={ids.length}
          keep={activeId === null ? -1 : ids.indexOf(activeId)}
          list={listRef}
          row={(index) => row(ids[index]!)}
          keyOf={(index) => ids[index]!}
        />
      ) : (
        ids.map((id) => <LibraryItem key={id} {...row(id)} />)
      )}
    </ul>
  );
}
