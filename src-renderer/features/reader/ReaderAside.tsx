import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { AsideTab } from './persisted-state.ts';
import { useDrawerFocus } from './use-drawer.ts';

export type { AsideTab } from './persisted-state.ts';

interface Props {
  /** The citation panel. */
  cite: ReactNode;
  /** The annotations panel. */
  notes: ReactNode;
  /** Shown on the Notes tab. */
  notesCount: number;
  tab: AsideTab;
  onTab(tab: AsideTab): void;
  /** The layout makes the aside a drawer (below the wide breakpoint). */
  drawer: boolean;
  /** As a drawer: whether it is open. */
  open: boolean;
  onClose(): void;
}

const TABS: { id: AsideTab; label: string }[] = [
  { id: 'cite', label: 'Cite' },
  { id: 'notes', label: 'Notes' },
];

/**
 * Beside the reader: the citation panel and the notes, as two tabs (an ARIA tablist: the arrow
 * keys, Home and End move between them). On a wide window it is a column; narrower, a drawer
 * that slides over the reader from the right, closed by Escape or its close button.
 * Both panels stay mounted, so what is typed in one survives a look at the other.
 */
export function ReaderAside({ cite, notes, notesCount, tab, onTab, drawer, open, onClose }: Props) {
  const element = useRef<HTMLElement>(null);
  useDrawerFocus(element, drawer && open, {
    initial: () =>
      element.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') ?? null,
    fallback: () => document.getElementById('reader-aside-toggle'),
  });

  const onTabKey = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const id = TABS[next]!.id;
    onTab(id);
    element.current?.querySelector<HTMLElement>(`#aside-tab-${id}`)?.focus();
  };

  return (
    <aside
      ref={element}
      id="reader-aside"
      className="reader-aside"
      aria-label="Citation and notes"
      data-drawer={drawer || undefined}
      data-open={(drawer && open) || undefined}
      data-testid="reader-aside"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && drawer && open && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="reader-aside__bar">
        <div role="tablist" aria-label="Citation and notes" className="aside-tabs">
          {TABS.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`aside-tab-${id}`}
              className="aside-tabs__tab"
              aria-selected={tab === id}
              aria-controls={`aside-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => onTab(id)}
              onKeyDown={onTabKey}
            >
              {label}
              {id === 'notes' && (
                <span className="aside-tabs__count" data-testid="notes-count">
                  {notesCount}
                </span>
              )}
            </button>
          ))}
        </div>
        {drawer && (
          <button
            type="button"
            className="icon-button reader-aside__close"
            aria-label="Close citation and notes"
            title="Close (Esc)"
            onClick={onClose}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      {TABS.map(({ id }) => (
        <div
          key={id}
          role="tabpanel"
          id={`aside-${id}`}
          className="reader-aside__panel"
          aria-labelledby={`aside-tab-${id}`}
          tabIndex={-1}
          hidden={tab !== id}
        >
          {id === 'cite' ? cite : notes}
        </div>
      ))}
    </aside>
  );
}
