import './citations.css';
import { Suspense, useMemo } from 'react';
import { ErrorBoundary } from '../../ui/ErrorBoundary.tsx';
import { ExternalLink } from '../../ui/ExternalLink.tsx';
import type { FormattedCitation } from './CitationEntry.tsx';
import { useCitationEngine } from './CitationEngineContext.tsx';
import { CitationTabs } from './CitationTabs.tsx';
import { InTextCitations } from './InTextCitations.tsx';
import type { CitableArticle, CitationEngine, ReferenceStyle } from './load-engine.ts';

interface Props {
  article: CitableArticle & { gaps?: readonly string[] };
  /** The reference style shown ('APA', 'MLA', 'BibTeX'); kept by the caller across articles. */
  style: string;
  onStyle(style: string): void;
  locator: string;
  onLocator(locator: string): void;
}

const REFERENCES: { style: ReferenceStyle; label: string; name: string; rich: boolean }[] = [
  { style: 'apa', label: 'APA 7', name: 'APA', rich: true },
  { style: 'mla', label: 'MLA 9', name: 'MLA', rich: true },
  { style: 'bibtex', label: 'BibTeX', name: 'BibTeX', rich: false },
];

export function CitationPanel(props: Props) {
  return (
    <aside className="cite-panel" aria-labelledby="cite-heading" data-testid="citation-panel">
      <h2 id="cite-heading" className="pane-heading">
        Cite
      </h2>
      <ErrorBoundary
        fallback={(message) => (
          <p className="cite-panel__note" role="alert">
            Citations are unavailable: {message}
          </p>
        )}
      >
        <Suspense fallback={<p className="cite-panel__note">Preparing citation styles…</p>}>
          <Citations {...props} />
        </Suspense>
      </ErrorBoundary>
      <p className="cite-panel__credit">
        Citation styles from the{' '}
        <ExternalLink href="https://citationstyles.org/">
          Citation Style Language project
        </ExternalLink>{' '}
        (CC BY-SA 3.0).
      </p>
    </aside>
  );
}

function Citations({ article, style, onStyle, locator, onLocator }: Props) {
  const engine = useCitationEngine();
  const citations = useMemo(
    () => REFERENCES.map((r) => format(engine, article, r)),
    [engine, article],
  );
  return (
    <>
      {(article.gaps ?? []).length > 0 && (
        <p className="cite-panel__incomplete" data-testid="citation-incomplete">
          Some details are missing, so these citations are incomplete. Add them in Edit details.
        </p>
      )}
      <CitationTabs citations={citations} selected={style} onSelect={onStyle} />
      <InTextCitations engine={engine} article={article} locator={locator} onLocator={onLocator} />
    </>
  );
}

function format(
  engine: CitationEngine,
  article: CitableArticle,
  { style, label, name, rich }: (typeof REFERENCES)[number],
): FormattedCitation {
  const base = { label, name, code: !rich };
  try {
    const display = engine.reference(article, style, rich ? 'markdown' : 'text');
    return {
      ...base,
      display,
      copy: () => {
        const text = rich ? engine.reference(article, style, 'text') : display;
        return rich ? { text, html: engine.reference(article, style, 'html') } : { text };
      },
    };
  } catch (error) {
    return {
      ...base,
      display: '',
      copy: () => ({ text: '' }),
      error: `Could not format this citation: ${(error as Error).message}`,
    };
  }
}
