import { useId, useState } from 'react';
import { describeSelection } from '../../../src-core/excerpt/anchor.ts';
import type { DisplayText } from '../../../src-core/excerpt/display-text.ts';
import { findQuote } from '../../../src-core/excerpt/find-quote.ts';
import type { AnnotationTarget } from '../../../src-core/excerpt/types.ts';

interface Props {
  body: readonly { n: number; id: string; text: string }[];
  display: DisplayText | null;
  onHighlight(target: AnnotationTarget): Promise<void>;
}

/**
 * Highlights words typed or pasted, found in the article as `quire excerpt --quote` finds them
 * (spacing, quote marks and dashes may differ): the keyboard's way to highlight part of a
 * paragraph, where selecting text needs a mouse or caret browsing.
 */
export function HighlightByQuote({ body, display, onHighlight }: Props) {
  const id = useId();
  const [quote, setQuote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const submit = async () => {
    if (!display || !quote.trim()) return;
    const match = findQuote(body, quote);
    if (!match.found) {
      setMessage(
        match.closest
          ? `Not in the article. Closest, in paragraph ${match.closest.n}: “${match.closest.text}”`
          : 'Not in the article.',
      );
      return;
    }
    try {
      await onHighlight(describeSelection(body, match.start, match.end, display));
      setQuote('');
      setMessage(null);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  return (
    <form
      className="quote-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="quote-form__label" htmlFor={id}>
        Highlight words you type or paste
      </label>
      <div className="quote-form__row">
        <input
          id={id}
          type="text"
          className="field__input"
          value={quote}
          onChange={(event) => setQuote(event.target.value)}
        />
        <button type="submit" className="button button--small" disabled={!quote.trim()}>
          Highlight
        </button>
      </div>
      {message && (
        <p className="field__error" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
