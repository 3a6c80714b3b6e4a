import { useState } from 'react';
import { useLibrary } from '../../app/LibraryContext.tsx';
import { InlineEditForm } from '../../ui/InlineEditForm.tsx';

interface Props {
  articleId: string;
  /** The style whose title is cased ('apa', 'bibtex', …) and its name for the user. */
  styleId: string;
  styleLabel: string;
  /** The title as Quire cases it for this style, to start the edit from. */
  computed: string;
  override: string | undefined;
}

/** Lets the user fix a title's casing for one style; the hand-cased title is kept. */
export function TitleCasing({ articleId, styleId, styleLabel, computed, override }: Props) {
  const library = useLibrary();
  const [editing, setEditing] = useState(false);
  const save = (title: string | null) =>
    library.articles.setTitleOverride(articleId, styleId, title);

  if (editing) {
    return (
      <InlineEditForm
        className="title-casing title-casing--editing"
        label={`Title in ${styleLabel}`}
        initial={override ?? computed}
        hint="Printed exactly as typed in this style only."
        saveLabel="Save title"
        onSave={save}
        onDone={() => setEditing(false)}
      />
    );
  }
  return (
    <div className="title-casing">
      {override && <span className="title-casing__note">Title cased by hand.</span>}
      <button type="button" className="button button--small" onClick={() => setEditing(true)}>
        Edit title casing
      </button>
      {override && (
        <button type="button" className="button button--small" onClick={() => void save(null)}>
          Use automatic casing
        </button>
      )}
    </div>
  );
}
