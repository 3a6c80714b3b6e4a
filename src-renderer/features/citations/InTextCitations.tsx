import { useId } from 'react';
import { CopyButton } from '../../ui/CopyButton.tsx';
import type { CitableArticle, CitationEngine, InTextStyle } from './load-engine.ts';

interface Props {
  engine: CitationEngine;
  article: CitableArticle;
  locator: string;
  onLocator(locator: string): void;
}

const STYLES: { style: InTextStyle; label: string }[] = [
  { style: 'apa', label: 'APA' },
  { style: 'mla', label: 'MLA' },
];

/** Parenthetical citations; the locator is a paragraph number ("para. 5" / "par. 5"). */
export function InTextCitations({ engine, article, locator, onLocator }: Props) {
  const inputId = useId();
  const options = locatorOption(locator);
  return (
    <section className="in-text" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`} className="cite-panel__subheading">
        In-text citation
      </h3>
      <div className="in-text__locator">
        <label htmlFor={inputId}>Paragraph</label>
        <span className="in-text__prefix" aria-hidden="true">
          para.
        </span>
        <input
          id={inputId}
          className="field__input in-text__input"
          value={locator}
          inputMode="numeric"
          placeholder="—"
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => onLocator(event.target.value)}
        />
      </div>
      <p id={`${inputId}-hint`} className="field__hint">
        Or click a paragraph number in the text.
      </p>
      <ul className="in-text__list">
        {STYLES.map(({ style, label }) => {
          let text: string;
          try {
            text = engine.inText(article, style, options, 'text');
          } catch (error) {
            text = `Could not format: ${(error as Error).message}`;
          }
          return (
            <li key={style} className="in-text__item" data-testid={`in-text-${style}`}>
              <span className="in-text__style">{label}</span>
              <code className="in-text__text" data-testid={`in-text-${style}-text`}>
                {text}
              </code>
              <CopyButton label={`Copy ${label} in-text citation`} payload={{ text }} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The field holds paragraph numbers ("5", "3-4"), so a bare number is sent as "para. 5";
 * anything the user labelled ("p. 12", "ch. 2") goes through as typed.
 */
function locatorOption(locator: string): { locator?: string } {
  const text = locator.trim();
  if (!text) return {};
  return { locator: /^\d/.test(text) ? `para. ${text}` : text };
}
