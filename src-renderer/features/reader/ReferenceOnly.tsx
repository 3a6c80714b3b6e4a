import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useCapturer } from '../../capture/CapturerContext.tsx';
import type { ArticleRecord, Library } from '../../db/index.ts';
import { useHost } from '../../host/index.ts';
import { failureMessage } from '../import/batch.ts';
import { useAllowPrivate } from '../import/use-allow-private.ts';
import { savePageForReference } from './save-page.ts';

const FORMAT_NAMES = {
  bibtex: 'BibTeX',
  biblatex: 'BibLaTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
} as const;

interface Props {
  library: Library;
  article: ArticleRecord & { reference: NonNullable<ArticleRecord['reference']> };
}

/**
 * What the reader shows for an imported reference whose page is not saved: where it came from,
 * its abstract and notes, and a button that saves the page from its address into this entry.
 */
export function ReferenceOnly({ library, article }: Props) {
  const host = useHost();
  const capturer = useCapturer();
  const [allowPrivate] = useAllowPrivate(library);
  const [state, setState] = useState<{ saving: boolean; error: string | null }>({
    saving: false,
    error: null,
  });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const notes = useLiveQuery(
    () => library.annotations.forArticle(article.id),
    [library, article.id],
  );
  const wholeNotes = (notes ?? []).filter((n) => n.target === null && n.note);
  const url = article.csl.URL;
  const canSave = typeof url === 'string' && /^https?:\/\//iu.test(url);
  const abstract = typeof article.csl.abstract === 'string' ? article.csl.abstract : null;
  const { format, fileName } = article.reference;

  const save = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ saving: true, error: null });
    try {
      await savePageForReference(
        { host, capturer, references: library.references, allowPrivate },
        article,
        controller.signal,
      );
      if (!controller.signal.aborted) setState({ saving: false, error: null });
    } catch (error) {
      if (!controller.signal.aborted) setState({ saving: false, error: failureMessage(error) });
    }
  };

  return (
    <section className="reference-only" data-testid="reference-only" aria-label="Reference">
      <p className="reference-only__status">
        <strong>No copy of the page saved yet.</strong> This entry was imported from{' '}
        {fileName ? `${fileName} (${FORMAT_NAMES[format]})` : `a ${FORMAT_NAMES[format]} file`}.
      </p>
      {canSave ? (
        <p>
          <button
            type="button"
            className="button button--primary"
            disabled={state.saving}
            onClick={() => void save()}
          >
            {state.saving ? 'Saving the page…' : 'Save the page from its URL'}
          </button>
        </p>
      ) : (
        <p className="reference-only__hint">
          It has no web address to save the page from; add one with Edit details.
        </p>
      )}
      {state.error && (
        <p className="field__error" role="alert">
          Could not save the page. {state.error}
        </p>
      )}
      {abstract && (
        <div className="reference-only__abstract">
          <h2>Abstract</h2>
          <p>{abstract}</p>
        </div>
      )}
      {wholeNotes.length > 0 && (
        <div className="reference-only__notes" data-testid="reference-notes">
          <h2>Notes</h2>
          {wholeNotes.map((n) => (
            <p key={n.id} className="reference-only__note">
              {n.note}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
