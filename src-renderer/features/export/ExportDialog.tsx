import './export.css';
import { useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLibrary } from '../../app/LibraryContext.tsx';
import { useHost } from '../../host/index.ts';
import { CitationDialog } from '../citations/CitationDialog.tsx';
import { useCitationEngine } from '../citations/CitationEngineContext.tsx';
import { useStyleOptions } from '../citations/use-styles.ts';
import { downloadFile } from '../../ui/download.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { ArticleChooser } from './ArticleChooser.tsx';
import {
  carriesTagsAndNotes,
  EXPORT_FORMATS,
  exportText,
  notesByArticle,
  isReferenceList,
  type ExportFormat,
} from './export-formats.ts';

interface Props {
  /** The open article, offered as the "This article" scope. */
  currentId: string | null;
  /** Articles chosen in the library (bulk export): they start as the chosen scope. */
  chosenIds?: readonly string[];
  /** The style the reference list starts with (the one on show in the citation panel). */
  defaultStyle: string;
  onClose(): void;
}

type Scope = 'library' | 'article' | 'chosen';

/** How much of the file the preview shows; the file itself is always whole. */
const PREVIEW_CHARS = 6000;

/** Bulk export (a modal <dialog>): scope, format or style, a preview, then save or copy. */
export function ExportDialog(props: Props) {
  return (
    <CitationDialog
      title="Export citations"
      className="export-dialog"
      unavailable="Export is unavailable"
      onClose={props.onClose}
    >
      {(close) => <ExportForm {...props} onClose={close} />}
    </CitationDialog>
  );
}

function ExportForm({ currentId, chosenIds = [], defaultStyle, onClose }: Props) {
  const library = useLibrary();
  const host = useHost();
  const engine = useCitationEngine();
  const ids = { scope: useId(), preview: useId() };
  const { options } = useStyleOptions(library, engine);
  const styles = options.filter((o) => o.kind === 'csl');
  const [scope, setScope] = useState<Scope>(
    chosenIds.length ? 'chosen' : currentId ? 'article' : 'library',
  );
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(chosenIds.length ? chosenIds : currentId ? [currentId] : []),
  );
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [style, setStyle] = useState(
    styles.some((s) => s.id === defaultStyle) ? defaultStyle : 'apa',
  );
  const [status, setStatus] = useState<string | null>(null);
  const [withNotes, setWithNotes] = useState(true);
  const all = useLiveQuery(() => library.articles.all(), [library]);
  const annotations = useLiveQuery(() => library.annotations.list(), [library]);
  const notes = useMemo(() => notesByArticle(annotations ?? []), [annotations]);
  const tagsAndNotes = withNotes && carriesTagsAndNotes(format);
  const articles = useMemo(() => {
    const list = all ?? [];
    const picked =
      scope === 'article'
        ? list.filter((a) => a.id === currentId)
        : scope === 'chosen'
          ? list.filter((a) => chosen.has(a.id))
          : list;
    // Tags and notes only where asked for and where the format carries them.
    return picked.map((a) =>
      tagsAndNotes ? { ...a, notes: notes.get(a.id) ?? [] } : { ...a, tags: undefined },
    );
  }, [all, scope, currentId, chosen, notes, tagsAndNotes]);
  const result = useMemo(() => {
    try {
      return { text: exportText(engine, articles, format, style) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [engine, articles, format, style]);
  const spec = EXPORT_FORMATS.find((f) => f.id === format)!;

  /** Keys that left the app are cited in papers: from now on they never change on their own. */
  const fixKeys = () =>
    isReferenceList(format)
      ? Promise.resolve()
      : library.articles.fixCitekeys(articles.map((a) => a.id));

  async function save() {
    if (result.text === undefined) return;
    await fixKeys();
    downloadFile(
      result.text,
      `quire-${scope === 'library' ? 'library' : 'articles'}.${spec.extension}`,
      `${spec.mime};charset=utf-8`,
    );
    setStatus(`Saved ${articles.length} ${articles.length === 1 ? 'entry' : 'entries'}.`);
  }

  async function copy() {
    if (result.text === undefined) return;
    await fixKeys();
    await host.writeClipboard({ text: result.text });
    setStatus('Copied to the clipboard.');
  }

  const preview =
    result.text !== undefined && result.text.length > PREVIEW_CHARS
      ? `${result.text.slice(0, PREVIEW_CHARS)}\n…`
      : result.text;
  return (
    <form
      className="export-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset className="export-form__scope">
        <legend className="field__label">Articles</legend>
        <label>
          <input
            type="radio"
            name={ids.scope}
            checked={scope === 'library'}
            onChange={() => setScope('library')}
          />{' '}
          Whole library ({all?.length ?? '…'})
        </label>
        <label>
          <input
            type="radio"
            name={ids.scope}
            disabled={!currentId}
            checked={scope === 'article'}
            onChange={() => setScope('article')}
          />{' '}
          The open article
        </label>
        <label>
          <input
            type="radio"
            name={ids.scope}
            checked={scope === 'chosen'}
            onChange={() => setScope('chosen')}
          />{' '}
          Articles I choose ({chosen.size})
        </label>
      </fieldset>
      {scope === 'chosen' && (
        <ArticleChooser articles={all ?? []} chosen={chosen} onChange={setChosen} />
      )}
      <SelectField<ExportFormat>
        label="Format"
        value={format}
        options={EXPORT_FORMATS}
        onChange={setFormat}
      />
      {isReferenceList(format) && (
        <SelectField label="Style" value={style} options={styles} onChange={setStyle} />
      )}
      {carriesTagsAndNotes(format) && (
        <label className="export-form__option">
          <input
            type="checkbox"
            checked={withNotes}
            onChange={(event) => setWithNotes(event.target.checked)}
          />{' '}
          Include tags and notes (as Zotero imports them)
        </label>
      )}
      <div className="field">
        <span className="field__label" id={ids.preview}>
          Preview ({articles.length} {articles.length === 1 ? 'entry' : 'entries'})
        </span>
        {result.error !== undefined ? (
          <p className="field__error" role="alert">
            Could not export: {result.error}
          </p>
        ) : (
          <pre
            className="export-form__preview"
            aria-labelledby={ids.preview}
            data-testid="export-preview"
            tabIndex={0}
          >
            {preview}
          </pre>
        )}
      </div>
      <p className="dialog__hint" role="status">
        {status}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className="button"
          disabled={!result.text}
          onClick={() => void copy()}
        >
          Copy
        </button>
        <button type="submit" className="button button--primary" disabled={!result.text}>
          Save file…
        </button>
      </div>
    </form>
  );
}
