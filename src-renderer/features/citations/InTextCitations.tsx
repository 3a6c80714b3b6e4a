import { useId, useMemo } from 'react';
import { CopyButton } from '../../ui/CopyButton.tsx';
import type { StyleInfo } from '../../../src-core/citation/styles.ts';
import type { CitableArticle, CitationEngine } from './load-engine.ts';

interface Props {
  engine: CitationEngine;
  article: CitableArticle;
  style: StyleInfo;
  locator: string;
  onLocator(locator: string): void;
}

type Rendered = { text: string; html: string; error?: undefined } | { error: string };

/**
 * The in-text citation (or the note, for note styles) of the chosen style. The locator is
 * checked against the article: a paragraph that does not exist is an error next to the field.
 */
export function InTextCitations({ engine, article, style, locator, onLocator }: Props) {
  const inputId = useId();
  // citeproc rebuilds its state on every call: only when what is cited changes.
  const rendered = useMemo(
    () => render(engine, article, style.id, locatorOption(locator)),
    [engine, article, style.id, locator],
  );
  const heading = style.kind === 'note' ? 'Note' : 'In-text citation';
  const errorId = `${inputId}-error`;
  return (
    <section className="in-text" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`} className="cite-panel__subheading">
        {heading}
      </h3>
      <div className="in-text__locator" data-invalid={!!rendered.error || undefined}>
        <label htmlFor={inputId}>Locator</label>
        <input
          id={inputId}
          className="field__input in-text__input"
          value={locator}
          placeholder="5, para. 5, p. 12"
          aria-invalid={rendered.error ? true : undefined}
          aria-describedby={rendered.error ? errorId : `${inputId}-hint`}
          onChange={(event) => onLocator(event.target.value)}
        />
      </div>
      {rendered.error ? (
        <p id={errorId} className="field__error" data-testid="locator-error">
          {rendered.error}
        </p>
      ) : (
        <p id={`${inputId}-hint`} className="field__hint">
          A number is a paragraph; click a paragraph number in the text to pick one.
        </p>
      )}
      {rendered.error === undefined && (
        <div className="in-text__item" data-testid="in-text">
          <code className="in-text__text" data-testid="in-text-text">
            {rendered.text}
          </code>
          <CopyButton
            label={`Copy ${style.label} ${heading.toLowerCase()}`}
            payload={{ text: rendered.text, html: rendered.html }}
          />
        </div>
      )}
    </section>
  );
}

function render(
  engine: CitationEngine,
  article: CitableArticle,
  style: string,
  options: { locator?: string },
): Rendered {
  try {
    return {
      text: engine.inText(article, style, options, 'text'),
      html: engine.inText(article, style, options, 'html'),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * Bare numbers and ranges ("5", "3-4") are paragraphs: the reader numbers paragraphs, not
 * pages. Anything the user labelled ("p. 12", "ch. 2") goes through as typed.
 */
function locatorOption(locator: string): { locator?: string } {
  const text = locator.trim();
  if (!text) return {};
  return { locator: /^\d+(?:\s*[-–]\s*\d+)?$/u.test(text) ? `para. ${text}` : text };
}
