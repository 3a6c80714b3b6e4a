import { useState } from 'react';
import { useLibrary } from '../../app/LibraryContext.tsx';
import { TextField } from '../../ui/TextField.tsx';

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
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = (title: string | null) =>
    library.articles.setTitleOverride(articleId, styleId, title).then(
      () => {
        setDraft(null);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );

  if (draft === null) {
    return (
      <div className="title-casing">
        {override && <span className="title-casing__note">Title cased by hand.</span>}
        <button
          type="button"
          className="button button--small"
          onClick={() => setDraft(override ?? computed)}
        >
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
  return (
    <form
      className="title-casing title-casing--editing"
      onSubmit={(event) => {
        event.preventDefault();
        void save(draft);
      }}
    >
      <TextField
        label={`Title in ${styleLabel}`}
        value={draft}
        onValue={setDraft}
        hint="Printed exactly as typed in this style only."
        error={error ?? undefined}
      />
      <div className="title-casing__actions">
        <button type="submit" className="button button--small button--primary">
          Save title
        </button>
        <button type="button" className="button button--small" onClick={() => setDraft(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
