import { useState } from 'react';
import { useLibrary } from '../../app/LibraryContext.tsx';
import { TextField } from '../../ui/TextField.tsx';

interface Props {
  articleId: string;
  citekey: string;
  fixed: boolean;
}

/** The article's citation key: shown with the data formats, editable, fixed once exported. */
export function CitekeyField({ articleId, citekey, fixed }: Props) {
  const library = useLibrary();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (draft === null) {
    return (
      <div className="citekey">
        <span className="citekey__label">Citation key</span>
        <code className="citekey__value" data-testid="citekey">
          {citekey}
        </code>
        <button type="button" className="button button--small" onClick={() => setDraft(citekey)}>
          Edit key
        </button>
        <p className="field__hint">
          {fixed
            ? 'Kept as it is: it has been exported or set by hand.'
            : 'Follows the details until it is copied or exported; then it stays.'}
        </p>
      </div>
    );
  }
  return (
    <form
      className="citekey citekey--editing"
      onSubmit={(event) => {
        event.preventDefault();
        library.articles.setCitekey(articleId, draft).then(
          () => {
            setDraft(null);
            setError(null);
          },
          (e: Error) => setError(e.message),
        );
      }}
    >
      <TextField
        label="Citation key"
        value={draft}
        onValue={setDraft}
        error={error ?? undefined}
        spellCheck={false}
      />
      <div className="title-casing__actions">
        <button type="submit" className="button button--small button--primary">
          Save key
        </button>
        <button type="button" className="button button--small" onClick={() => setDraft(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
