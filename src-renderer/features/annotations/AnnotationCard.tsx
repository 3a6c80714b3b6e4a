import { memo, useEffect, useId, useRef, useState } from 'react';
import { HIGHLIGHT_COLORS, type AnnotationChange } from '../../../src-core/excerpt/annotation.ts';
import { parseTagList } from '../../../src-core/library/tags.ts';
import type { AnchoredAnnotation } from './use-article-annotations.ts';
import { COLOR_LABELS } from './colors.ts';

interface Props {
  item: AnchoredAnnotation;
  active: boolean;
  chosen: boolean;
  /** Put keyboard focus in the note (a highlight just made with "Add note"). */
  focusNote: boolean;
  onChoose(id: string, chosen: boolean): void;
  onActivate(id: string): void;
  onJump(n: number): void;
  onChange(id: string, change: AnnotationChange): Promise<void>;
  onDelete(id: string): void;
}

const QUOTE_PREVIEW = 400;

const where = ({ anchor, record }: AnchoredAnnotation) => {
  const p = anchor.status === 'anchored' ? anchor.paragraphs : record.target?.paragraphs;
  if (!p) return 'Whole article';
  return p.firstN === p.lastN ? `¶${p.firstN}` : `¶${p.firstN}–${p.lastN}`;
};

/** One highlight in the notes panel: its quote, paragraph, colour, note and tags, all editable. */
export const AnnotationCard = memo(function AnnotationCard({
  item,
  active,
  chosen,
  focusNote,
  onChoose,
  onActivate,
  onJump,
  onChange,
  onDelete,
}: Props) {
  const { record, anchor } = item;
  const ids = { note: useId(), tags: useId() };
  const [note, setNote] = useState(record.note);
  const [tags, setTags] = useState(record.tags.join(', '));
  const [whole, setWhole] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  // Drafts follow the stored values when those change, not when another field's save brings
  // a new record object (which would wipe what is being typed here).
  const savedTags = record.tags.join(', ');
  useEffect(() => setNote(record.note), [record.note]);
  useEffect(() => setTags(savedTags), [savedTags]);
  useEffect(() => {
    if (focusNote) noteField.current?.focus();
  }, [focusNote]);

  const save = (change: AnnotationChange) =>
    onChange(record.id, change).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  const saveNote = () => {
    if (note.trimEnd() !== record.note) void save({ note });
  };
  const saveTags = () => {
    const next = parseTagList(tags);
    if (next.join('\n') !== record.tags.join('\n')) void save({ tags: next });
  };
  const orphaned = anchor.status === 'orphaned';
  const quote = anchor.status === 'anchored' ? anchor.text : (record.target?.quote.exact ?? '');
  const shown =
    whole || quote.length <= QUOTE_PREVIEW ? quote : `${quote.slice(0, QUOTE_PREVIEW)}…`;
  const n = anchor.status === 'anchored' ? anchor.paragraphs.firstN : null;

  return (
    <li
      className="note-card"
      data-color={record.color}
      data-active={active || undefined}
      data-testid="annotation"
      data-annotation-id={record.id}
      onFocus={() => onActivate(record.id)}
    >
      <div className="note-card__head">
        <input
          type="checkbox"
          checked={chosen}
          aria-label="Include in the excerpt export"
          onChange={(event) => onChoose(record.id, event.target.checked)}
        />
        <button
          type="button"
          className="note-card__where"
          disabled={n === null}
          title="Show in the article"
          onClick={() => n !== null && onJump(n)}
        >
          {where(item)}
        </button>
        {anchor.status === 'anchored' && anchor.how === 'fuzzy' && (
          <span
            className="note-card__badge"
            title="The article's words here changed since you highlighted them"
          >
            text changed
          </span>
        )}
        {orphaned && (
          <span className="note-card__badge note-card__badge--orphan" title={anchor.reason}>
            not found in the article
          </span>
        )}
        <span className="note-card__colors" role="radiogroup" aria-label="Highlight colour">
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              role="radio"
              aria-checked={record.color === color}
              aria-label={COLOR_LABELS[color]}
              className="note-card__color"
              data-color={color}
              onClick={() => void save({ color })}
            />
          ))}
        </span>
      </div>
      {record.target && (
        <blockquote className="note-card__quote" data-orphaned={orphaned || undefined}>
          {shown}
          {quote.length > QUOTE_PREVIEW && (
            <button type="button" className="link-button" onClick={() => setWhole(!whole)}>
              {whole ? 'Show less' : 'Show all'}
            </button>
          )}
        </blockquote>
      )}
      {orphaned && (
        <p className="note-card__orphan">
          {anchor.reason}. The quote above is the text you highlighted.
        </p>
      )}
      <label className="visually-hidden" htmlFor={ids.note}>
        Note
      </label>
      <textarea
        id={ids.note}
        ref={noteField}
        className="note-card__note"
        placeholder="Add a note"
        rows={note ? 3 : 1}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onBlur={saveNote}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) saveNote();
          // Escape leaves the note, saving it (never a silent discard); the drawer stays open.
          if (event.key === 'Escape') {
            event.stopPropagation();
            event.currentTarget.blur();
          }
        }}
      />
      <label className="visually-hidden" htmlFor={ids.tags}>
        Tags of this note
      </label>
      <input
        id={ids.tags}
        className="note-card__tags"
        placeholder="Tags, separated by commas"
        value={tags}
        onChange={(event) => setTags(event.target.value)}
        onBlur={saveTags}
        onKeyDown={(event) => event.key === 'Enter' && saveTags()}
      />
      <div className="note-card__actions">
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => onDelete(record.id)}
        >
          Delete
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
});
