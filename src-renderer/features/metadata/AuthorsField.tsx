import { emptyAuthor, type AuthorDraft, type AuthorKind, type DraftErrors } from './draft.ts';
import { TextField } from '../../ui/TextField.tsx';

interface Props {
  authors: AuthorDraft[];
  errors: DraftErrors;
  onChange(authors: AuthorDraft[]): void;
}

/** Each author is a person (family + given name) or an organisation (one name, never inverted). */
export function AuthorsField({ authors, errors, onChange }: Props) {
  const update = (key: number, change: Partial<AuthorDraft>) =>
    onChange(authors.map((a) => (a.key === key ? { ...a, ...change } : a)));

  return (
    <fieldset className="authors">
      <legend className="field__label">Authors</legend>
      {authors.length === 0 && <p className="field__hint">No authors. Add one below.</p>}
      <ol className="authors__list">
        {authors.map((author, i) => (
          <li key={author.key} className="author-row" data-testid="author-row">
            <div className="author-row__head">
              <KindToggle
                index={i + 1}
                group={`author-kind-${author.key}`}
                kind={author.kind}
                onKind={(kind) => update(author.key, switchKind(author, kind))}
              />
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`Remove author ${i + 1}`}
                onClick={() => onChange(authors.filter((a) => a.key !== author.key))}
              >
                Remove
              </button>
            </div>
            {author.kind === 'organisation' ? (
              <TextField
                label="Organisation name"
                value={author.literal}
                onValue={(literal) => update(author.key, { literal })}
                error={errors[`author-${author.key}`]}
              />
            ) : (
              <div className="author-row__names">
                <TextField
                  label="Family name"
                  value={author.family}
                  onValue={(family) => update(author.key, { family })}
                  error={errors[`author-${author.key}`]}
                />
                <TextField
                  label="Given names"
                  value={author.given}
                  onValue={(given) => update(author.key, { given })}
                />
              </div>
            )}
          </li>
        ))}
      </ol>
      <div className="authors__add">
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange([...authors, emptyAuthor('person')])}
        >
          Add person
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange([...authors, emptyAuthor('organisation')])}
        >
          Add organisation
        </button>
      </div>
    </fieldset>
  );
}

/** Moving between kinds carries the typed name across instead of losing it. */
function switchKind(author: AuthorDraft, kind: AuthorKind): Partial<AuthorDraft> {
  if (kind === author.kind) return {};
  if (kind === 'organisation') {
    const literal = author.literal || [author.given, author.family].filter(Boolean).join(' ');
    return { kind, literal };
  }
  return { kind, family: author.family || author.literal, literal: '' };
}

function KindToggle({
  index,
  group,
  kind,
  onKind,
}: {
  index: number;
  group: string;
  kind: AuthorKind;
  onKind(kind: AuthorKind): void;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={`Author ${index} is a`}>
      {(['person', 'organisation'] as const).map((option) => (
        <label
          key={option}
          className="segmented__option"
          data-checked={kind === option || undefined}
        >
          <input
            type="radio"
            name={group}
            value={option}
            checked={kind === option}
            onChange={() => onKind(option)}
          />
          {option === 'person' ? 'Person' : 'Organisation'}
        </label>
      ))}
    </div>
  );
}
