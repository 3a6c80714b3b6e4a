import { useId, useState } from 'react';
import { parseTagList } from '../../../src-core/library/tags.ts';
import { useLibrary } from '../../app/LibraryContext.tsx';

interface Props {
  articleId: string;
  tags: readonly string[];
}

/** The open article's tags: remove one with its ×, add some by typing (commas separate). */
export function TagEditor({ articleId, tags }: Props) {
  const library = useLibrary();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const change = (patch: { add?: string[]; remove?: string[] }) =>
    library.articles.setTags([articleId], patch).then(
      () => setError(null),
      (e: Error) => setError(`Could not change the tags: ${e.message}`),
    );
  return (
    <div className="tag-editor" data-testid="tag-editor">
      <ul className="tag-editor__list" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            {tag}
            <button
              type="button"
              className="tag-chip__remove"
              aria-label={`Remove tag ${tag}`}
              onClick={() => void change({ remove: [tag] })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="tag-editor__form"
        onSubmit={(event) => {
          event.preventDefault();
          const add = parseTagList(draft);
          if (!add.length) return;
          setDraft('');
          void change({ add });
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          Add tags
        </label>
        <input
          id={id}
          type="text"
          className="tag-editor__input"
          placeholder="Add tags"
          title="Separate tags with commas; Enter adds them"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      </form>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
