import './metadata.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ArticleRecord, Library } from '../../db/index.ts';
import { TextField } from '../../ui/TextField.tsx';
import { AuthorsField } from './AuthorsField.tsx';
import { draftFrom, validateDraft, type DraftErrors, type MetadataDraft } from './draft.ts';

interface Props {
  library: Library;
  article: ArticleRecord;
  onDone(): void;
}

/**
 * Edits the citation metadata; Save writes through the repository and the live query does the
 * rest. Escape closes it, but asks first ("Discard your changes?") when something was typed.
 */
export function MetadataEditor({ library, article, onDone }: Props) {
  const [initial] = useState(() => draftFrom(article));
  const [draft, setDraft] = useState<MetadataDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Escape with changes: the inline question, and where focus was when it was asked.
  const [confirming, setConfirming] = useState(false);
  const focusBefore = useRef<HTMLElement | null>(null);
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);

  useEffect(() => {
    if (confirming) form.current?.querySelector<HTMLElement>('[data-keep-editing]')?.focus();
  }, [confirming]);

  const keepEditing = () => {
    setConfirming(false);
    const back = focusBefore.current;
    focusBefore.current = null;
    if (back?.isConnected) back.focus();
  };

  const onEscape = () => {
    if (confirming) keepEditing();
    else if (!changed) onDone();
    else {
      const active = document.activeElement;
      focusBefore.current = active instanceof HTMLElement ? active : null;
      setConfirming(true);
    }
  };

  const set =
    <K extends keyof MetadataDraft>(key: K) =>
    (value: MetadataDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = validateDraft(draft, initial);
    setErrors(result.errors);
    setSaveError(null);
    if (!result.patch) {
      // Let the first message be read where it is: move focus to its field.
      requestAnimationFrame(() =>
        form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSaving(true);
    try {
      await library.articles.updateMetadata(article.id, result.patch);
      onDone();
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form
      ref={form}
      className="metadata-editor"
      aria-labelledby="metadata-heading"
      noValidate
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
        event.preventDefault();
        onEscape();
      }}
    >
      <h1 id="metadata-heading" className="metadata-editor__title">
        Edit details
      </h1>
      <p className="metadata-editor__intro">
        These details go into every citation of this article. The article text and its notices are
        not changed.
      </p>
      <div role="alert" className="form-alert">
        {errorCount > 0 &&
          (errorCount === 1
            ? 'One field needs attention.'
            : `${errorCount} fields need attention.`)}
        {saveError && `Could not save: ${saveError}`}
      </div>
      <TextField
        label="Title"
        value={draft.title}
        onValue={set('title')}
        error={errors.title}
        autoFocus
      />
      <AuthorsField authors={draft.authors} errors={errors} onChange={set('authors')} />
      <TextField
        label="Date published"
        value={draft.date}
        onValue={set('date')}
        hint="YYYY-MM-DD, YYYY-MM or YYYY"
        error={errors.date}
        inputMode="numeric"
        className="field--short"
      />
      <TextField
        label="Site"
        value={draft.site}
        onValue={set('site')}
        hint="The website or publication it appeared on, e.g. Global Research"
      />
      <fieldset className="field-group">
        <legend className="field__label">Original source</legend>
        <p className="field__hint">
          When the page republishes an article first published elsewhere.
        </p>
        <div className="field-row">
          <TextField
            label="Name"
            value={draft.sourceName}
            onValue={set('sourceName')}
            error={errors.sourceName}
          />
          <TextField
            label="Web address"
            value={draft.sourceUrl}
            onValue={set('sourceUrl')}
            error={errors.sourceUrl}
            type="url"
            placeholder="https://"
          />
        </div>
      </fieldset>
      <TextField
        label="Web address (URL)"
        value={draft.url}
        onValue={set('url')}
        error={errors.url}
        type="url"
        placeholder="https://"
      />
      {confirming ? (
        <div className="discard-confirm" role="group" aria-labelledby="discard-question">
          <p id="discard-question" className="discard-confirm__question" role="alert">
            Discard your changes?
          </p>
          <div className="discard-confirm__actions">
            <button type="button" className="button button--danger" onClick={onDone}>
              Discard
            </button>
            <button type="button" className="button" data-keep-editing="" onClick={keepEditing}>
              Keep editing
            </button>
          </div>
        </div>
      ) : (
        <div className="metadata-editor__actions">
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      )}
    </form>
  );
}
