import { useCallback, useEffect, useState } from 'react';
import {
  annotationMatches,
  filterWords,
  type AnnotationChange,
  type HighlightColor,
} from '../../../src-core/excerpt/annotation.ts';
import { ColorSelect } from './ColorSelect.tsx';
import type { AnnotationRecord, Library } from '../../db/index.ts';
import { AnnotationCard } from './AnnotationCard.tsx';
import type { AnchoredAnnotation } from './use-article-annotations.ts';

interface Props {
  library: Library;
  items: AnchoredAnnotation[] | undefined;
  activeId: string | null;
  /** The highlight whose note should take focus (just made with "Add note"). */
  noteFocusId: string | null;
  onActivate(id: string | null): void;
  onJump(n: number): void;
  /** Opens the excerpt export for these annotations. */
  onExport(ids: string[]): void;
}

/** How long a deleted highlight can be brought back. */
const UNDO_MS = 10_000;

/**
 * The open article's highlights and notes, in reading order: edit in place, delete with undo,
 * choose some (or none: all) for an excerpt export.
 */
export function AnnotationsPanel({
  library,
  items,
  activeId,
  noteFocusId,
  onActivate,
  onJump,
  onExport,
}: Props) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [removed, setRemoved] = useState<AnnotationRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filterText, setFilterText] = useState('');
  const [filterColor, setFilterColor] = useState<HighlightColor | ''>('');

  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(() => setRemoved(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);

  // Scrolls the active card into view when a highlight in the text is clicked.
  useEffect(() => {
    if (!activeId) return;
    document
      .querySelector(`[data-annotation-id="${CSS.escape(activeId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const choose = useCallback((id: string, on: boolean) => {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const change = useCallback(
    async (id: string, patch: AnnotationChange) => {
      await library.annotations.update(id, patch);
    },
    [library],
  );
  const remove = useCallback(
    (id: string) => {
      library.annotations.remove(id).then(
        (record) => {
          setRemoved(record);
          setError(null);
        },
        (e: Error) => setError(`Could not delete: ${e.message}`),
      );
    },
    [library],
  );
  const undo = () => {
    if (!removed) return;
    setRemoved(null); // one click, one restore
    library.annotations.restore(removed).then(
      () => {},
      (e: Error) => setError(`Could not bring it back: ${e.message}`),
    );
  };

  if (!items) return <p className="notes-panel__empty">Loading notes…</p>;
  const words = filterWords(filterText);
  const shown = items.filter(
    ({ record }) =>
      (!filterColor || record.color === filterColor) && annotationMatches(record, words),
  );
  const present = shown.filter((item) => chosen.has(item.record.id));
  const exportIds = (present.length ? present : shown).map((item) => item.record.id);
  return (
    <section className="notes-panel" aria-label="Highlights and notes" data-testid="notes-panel">
      <div className="notes-panel__bar">
        <p className="notes-panel__count">
          {items.length === 0
            ? 'No highlights yet'
            : shown.length < items.length
              ? `${shown.length} of ${items.length} highlights`
              : `${items.length} ${items.length === 1 ? 'highlight' : 'highlights'}`}
        </p>
        <button
          type="button"
          className="button button--small"
          disabled={shown.length === 0}
          onClick={() => onExport(exportIds)}
        >
          {present.length ? `Export ${present.length} as excerpts…` : 'Export excerpts…'}
        </button>
      </div>
      {items.length > 1 && (
        <div className="notes-panel__filters" role="search">
          <input
            type="search"
            className="field__input"
            aria-label="Find in these notes"
            placeholder="Find in these notes"
            value={filterText}
            onChange={(event) => setFilterText(event.target.value)}
          />
          <ColorSelect label="Show colour" value={filterColor} onChange={setFilterColor} />
        </div>
      )}
      {removed && (
        <p className="notes-panel__undo" role="status">
          Highlight deleted.{' '}
          <button type="button" className="link-button" onClick={undo}>
            Undo
          </button>
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="notes-panel__empty">
          Select words in the article, then choose a colour (or press H) to highlight them, or Add
          note (N). Each highlight becomes an excerpt with its quote, paragraph, citation and the
          article&rsquo;s rights notices.
        </p>
      ) : (
        <ul className="notes-panel__list">
          {shown.map((item) => (
            <AnnotationCard
              key={item.record.id}
              item={item}
              active={item.record.id === activeId}
              chosen={chosen.has(item.record.id)}
              focusNote={item.record.id === noteFocusId}
              onChoose={choose}
              onActivate={onActivate}
              onJump={onJump}
              onChange={change}
              onDelete={remove}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
