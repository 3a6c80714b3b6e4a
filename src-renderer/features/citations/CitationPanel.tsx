import './citations.css';
import { useMemo } from 'react';
import type { ArticleRecord } from '../../db/index.ts';
import { ExternalLink } from '../../ui/ExternalLink.tsx';
import { useLibrary } from '../../app/LibraryContext.tsx';
import { CitationEntry, type FormattedCitation } from './CitationEntry.tsx';
import { useCitationEngine, WithCitationEngine } from './CitationEngineContext.tsx';
import { CitekeyField } from './CitekeyField.tsx';
import { InTextCitations } from './InTextCitations.tsx';
import type { CitationEngine } from './load-engine.ts';
import { StylePicker } from './StylePicker.tsx';
import { TitleCasing } from './TitleCasing.tsx';
import { useStyleOptions, type StyleOption } from './use-styles.ts';

interface Props {
  article: ArticleRecord;
  /** The style on show (an id: 'apa', 'bibtex', a custom style's id); kept by the caller. */
  style: string;
  defaultStyle: string;
  onStyle(style: string): void;
  locator: string;
  onLocator(locator: string): void;
}

export function CitationPanel(props: Props) {
  return (
    <section className="cite-panel" aria-labelledby="cite-heading" data-testid="citation-panel">
      <h2 id="cite-heading" className="pane-heading">
        Cite
      </h2>
      <WithCitationEngine unavailable="Citations are unavailable" noteClassName="cite-panel__note">
        <Citations {...props} />
      </WithCitationEngine>
      <p className="cite-panel__credit">
        Citation styles from the{' '}
        <ExternalLink href="https://citationstyles.org/">
          Citation Style Language project
        </ExternalLink>{' '}
        (CC BY-SA 3.0).
      </p>
    </section>
  );
}

function Citations({ article, style, defaultStyle, onStyle, locator, onLocator }: Props) {
  const library = useLibrary();
  const engine = useCitationEngine();
  const { options, broken } = useStyleOptions(library, engine);
  const selected =
    options.find((o) => o.id === style) ??
    options.find((o) => o.id === defaultStyle) ??
    options[0]!;
  const citation = useMemo(
    () =>
      format(engine, article, selected, () => {
        if (selected.kind === 'data' && !article.citekeyFixed)
          void library.articles.fixCitekeys([article.id]);
      }),
    [engine, article, selected, library],
  );
  const computedTitle = useMemo(() => {
    if (selected.kind !== 'csl') return article.csl.title ?? '';
    try {
      const title = engine.prepared({ ...article, titleOverrides: {} }, selected.id).item.title;
      return typeof title === 'string' ? title : '';
    } catch {
      return article.csl.title ?? '';
    }
  }, [engine, article, selected]);
  const casedByStyle =
    selected.kind === 'csl' || selected.id === 'bibtex' || selected.id === 'biblatex';
  return (
    <>
      {article.gaps.length > 0 && (
        <p className="cite-panel__incomplete" data-testid="citation-incomplete">
          Some details are missing, so these citations are incomplete. Add them in Edit details.
        </p>
      )}
      <StylePicker
        engine={engine}
        options={options}
        selected={selected}
        defaultStyle={defaultStyle}
        onSelect={onStyle}
      />
      {broken.length > 0 && (
        <p className="field__error" role="alert">
          These stored styles no longer work and are hidden: {broken.join(', ')}
        </p>
      )}
      <CitationEntry citation={citation} />
      {casedByStyle && article.csl.title && (
        <TitleCasing
          key={`${article.id}-${selected.id}`}
          articleId={article.id}
          styleId={selected.id}
          styleLabel={selected.label}
          computed={computedTitle}
          override={article.titleOverrides[selected.id]}
        />
      )}
      {selected.kind === 'data' ? (
        <CitekeyField
          key={article.id}
          articleId={article.id}
          citekey={article.citekey}
          fixed={article.citekeyFixed}
        />
      ) : (
        <InTextCitations
          engine={engine}
          article={article}
          style={selected.info}
          locator={locator}
          onLocator={onLocator}
        />
      )}
    </>
  );
}

function format(
  engine: CitationEngine,
  article: ArticleRecord,
  option: StyleOption,
  onCopy: () => void,
): FormattedCitation {
  const rich = option.kind === 'csl';
  const base = { label: option.label, name: option.id, code: !rich };
  try {
    const display = engine.reference(article, option.id, rich ? 'markdown' : 'text');
    return {
      ...base,
      display,
      copy: () => {
        onCopy();
        if (!rich) return { text: display };
        return {
          text: engine.reference(article, option.id, 'text'),
          html: engine.reference(article, option.id, 'html'),
        };
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
