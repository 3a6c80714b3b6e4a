import './annotations.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { renderExcerpts } from '../../../src-core/excerpt/render.ts';
import type { LocatorScheme } from '../../../src-core/excerpt/types.ts';
import { useLibrary } from '../../app/LibraryContext.tsx';
import { useHost } from '../../host/index.ts';
import { CitationDialog } from '../citations/CitationDialog.tsx';
import { useCitationEngine } from '../citations/CitationEngineContext.tsx';
import { useStyleOptions } from '../citations/use-styles.ts';
import { downloadFile } from '../../ui/download.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import {
  EXCERPT_FORMATS,
  excerptDocument,
  excerptFileName,
  type ExcerptFileFormat,
  type ExcerptOutcome,
} from './excerpt-export.ts';

interface Props {
  annotationIds: readonly string[];
  /** The style on show in the citation panel: the excerpts start in it. */
  defaultStyle: string;
  onClose(): void;
}

const SCHEME_KEY = 'excerpt.locatorScheme';
const PREVIEW_CHARS = 8000;

/** Excerpt export (a modal <dialog>): style, locator, format, a preview, then copy or save. */
export function ExcerptDialog(props: Props) {
  return (
    <CitationDialog
      title={`Export ${props.annotationIds.length === 1 ? 'an excerpt' : 'excerpts'}`}
      className="excerpt-dialog"
      testId="excerpt-dialog"
      unavailable="Excerpts are unavailable"
      onClose={props.onClose}
    >
      {(close) => <ExcerptForm {...props} onClose={close} />}
    </CitationDialog>
  );
}

type Built =
  | { state: 'building' }
  | ({ state: 'ready' } & ExcerptOutcome)
  | { state: 'failed'; message: string };

function ExcerptForm({ annotationIds, defaultStyle, onClose }: Props) {
  const library = useLibrary();
  const host = useHost();
  const engine = useCitationEngine();
  const ids = { preview: useId(), scheme: useId() };
  const styles = useStyleOptions(library, engine).options.filter((o) => o.kind === 'csl');
  // The user's choice once made; until then the citation panel's style, once the custom
  // styles it may name have loaded.
  const [chosenStyle, setStyle] = useState<string | null>(null);
  const style = chosenStyle ?? (styles.some((s) => s.id === defaultStyle) ? defaultStyle : 'apa');
  const [format, setFormat] = useState<ExcerptFileFormat>('markdown');
  const [chosenScheme, setScheme] = useState<LocatorScheme | null>(null);
  const storedScheme = useLiveQuery(() => library.settings.get(SCHEME_KEY), [library]);
  const scheme: LocatorScheme =
    chosenScheme ?? (storedScheme === 'section' ? 'section' : 'paragraph');
  // Keyed by what it was built from: a stale result reads as still building.
  const [result, setResult] = useState<{ key: string; built: Built } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const styleTitle = styles.find((s) => s.id === style)?.label ?? style;

  const key = JSON.stringify([annotationIds, style, styleTitle, scheme]);
  useEffect(() => {
    let current = true;
    excerptDocument(library, engine, annotationIds, {
      style: { id: style, title: styleTitle },
      scheme,
    }).then(
      (outcome) => current && setResult({ key, built: { state: 'ready', ...outcome } }),
      (error: Error) =>
        current && setResult({ key, built: { state: 'failed', message: error.message } }),
    );
    return () => {
      current = false;
    };
  }, [library, engine, annotationIds, style, styleTitle, scheme, key]);
  const built: Built = result?.key === key ? result.built : { state: 'building' };

  const spec = EXCERPT_FORMATS.find((f) => f.id === format)!;
  const ready = built.state === 'ready' && built.doc.excerpts.length > 0 ? built : null;

  /** Runs an action, saying what went wrong if it fails (a full disk, a refused clipboard). */
  const attempt = (action: () => Promise<void>, what: string) =>
    action().catch((error: Error) => setStatus(`Could not ${what}: ${error.message}`));

  async function save() {
    if (!ready) return;
    // The Word writer is large and rarely needed: loaded on first use.
    const data =
      format === 'docx'
        ? await (await import('../../../src-core/excerpt/docx.ts')).excerptsToDocx(ready.doc)
        : renderExcerpts(ready.doc, format);
    const fileName = excerptFileName(ready.doc, ready.citekeys, spec.extension);
    downloadFile(
      data as BlobPart,
      fileName,
      spec.mime + (format === 'docx' ? '' : ';charset=utf-8'),
    );
    setStatus(`Saved ${fileName}.`);
  }

  async function copy() {
    if (!ready || format === 'docx') return;
    const text = renderExcerpts(ready.doc, format === 'html' ? 'text' : format);
    await host.writeClipboard(
      format === 'html' ? { text, html: renderExcerpts(ready.doc, 'html') } : { text },
    );
    setStatus(
      format === 'html'
        ? 'Copied: paste into a word processor for formatted text.'
        : 'Copied to the clipboard.',
    );
  }

  const changeScheme = (next: LocatorScheme) => {
    setScheme(next);
    void library.settings.set(SCHEME_KEY, next);
  };
  // Markdown shows as written; rich text and Word documents as their plain-text reading.
  const shown =
    built.state === 'ready'
      ? renderExcerpts(built.doc, format === 'markdown' ? 'markdown' : 'text')
      : '';
  const preview = shown.length > PREVIEW_CHARS ? `${shown.slice(0, PREVIEW_CHARS)}\n…` : shown;
  return (
    <form
      className="excerpt-form"
      onSubmit={(event) => {
        event.preventDefault();
        void attempt(save, 'save the file');
      }}
    >
      <div className="excerpt-form__row">
        <SelectField label="Citation style" value={style} options={styles} onChange={setStyle} />
        <SelectField<ExcerptFileFormat>
          label="Format"
          value={format}
          options={EXCERPT_FORMATS}
          onChange={setFormat}
        />
      </div>
      <label className="excerpt-form__check" htmlFor={ids.scheme}>
        <input
          id={ids.scheme}
          type="checkbox"
          checked={scheme === 'section'}
          onChange={(event) => changeScheme(event.target.checked ? 'section' : 'paragraph')}
        />{' '}
        Under a heading, locate by section: &ldquo;Heading section, para. 2&rdquo; (APA 7 §8.28)
      </label>
      {built.state === 'building' && <p className="dialog__hint">Checking the quotes…</p>}
      {built.state === 'failed' && (
        <p className="field__error" role="alert">
          {built.message}
        </p>
      )}
      {built.state === 'ready' && built.changed.length > 0 && (
        <div className="excerpt-form__skipped" role="status">
          <p>
            {built.changed.length === 1 ? 'One highlight' : `${built.changed.length} highlights`}{' '}
            changed since you made {built.changed.length === 1 ? 'it' : 'them'}: the excerpt quotes
            the article as it now reads.
          </p>
          <ul>
            {built.changed.map((s) => (
              <li key={s.id}>
                You highlighted &ldquo;{s.quote.slice(0, 80)}
                {s.quote.length > 80 ? '…' : ''}&rdquo;
              </li>
            ))}
          </ul>
        </div>
      )}
      {built.state === 'ready' && built.skipped.length > 0 && (
        <div className="excerpt-form__skipped" role="alert">
          <p>
            Left out: {built.skipped.length} highlight{built.skipped.length === 1 ? '' : 's'}.
          </p>
          <ul>
            {built.skipped.map((s) => (
              <li key={s.id}>
                &ldquo;{s.quote.slice(0, 80)}
                {s.quote.length > 80 ? '…' : ''}&rdquo; — {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <label className="field__label" htmlFor={ids.preview}>
        Preview
      </label>
      <pre
        id={ids.preview}
        className="excerpt-form__preview"
        tabIndex={0}
        data-testid="excerpt-preview"
      >
        {preview}
      </pre>
      <p className="dialog__hint">
        Each article is checked against its original file, and each quote word for word against the
        article as stored; every excerpt carries its SHA-256 and the original&rsquo;s.
      </p>
      {status && (
        <p className="excerpt-form__status" role="status">
          {status}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className="button"
          disabled={!ready || format === 'docx'}
          title={format === 'docx' ? 'A Word document is saved as a file' : undefined}
          onClick={() => void attempt(copy, 'copy')}
        >
          Copy
        </button>
        <button type="submit" className="button button--primary" disabled={!ready}>
          Save file
        </button>
      </div>
    </form>
  );
}
