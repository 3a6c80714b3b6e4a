import { useState } from 'react';
import { useLibrary } from '../../app/LibraryContext.tsx';
import { InlineEditForm } from '../../ui/InlineEditForm.tsx';

interface Props {
  articleId: string;
  citekey: string;
  fixed: boolean;
}

/** The article's citation key: shown with the data formats, editable, fixed once exported. */
export function CitekeyField({ articleId, citekey, fixed }: Props) {
  const library = useLibrary();
  const [editing, setEditing] = useState(false);

  if (editing) {
    return (
      <InlineEditForm
        className="citekey citekey--editing"
        label="Citation key"
        initial={citekey}
        saveLabel="Save key"
        onSave={(key) => library.articles.setCitekey(articleId, key)}
        onDone={() => setEditing(false)}
      />
    );
  }
  return (
    <div className="citekey">
      <span className="citekey__label">Citation key</span>
      <code className="citekey__value" data-testid="citekey">
        {citekey}
      </code>
      <button type="button" className="button button--small" onClick={() => setEditing(true)}>
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
