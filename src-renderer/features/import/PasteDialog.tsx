import { useId, useState } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { clipboardContent, type PastedContent } from './use-importer.ts';

interface Props {
  open: boolean;
  onImport(content: PastedContent): void;
  onClose(): void;
}

/**
 * A modal (native <dialog>: focus trap, Escape, inert page) with one textarea. Rich text pasted
 * from a browser or word processor is kept as HTML (headings, lists, links survive) while the
 * textarea shows its plain text; typing in the textarea turns it back into plain text.
 */
export function PasteDialog({ open, onImport, onClose }: Props) {
  const dialog = useModalDialog(open);
  const [text, setText] = useState('');
  const [html, setHtml] = useState<string | null>(null);
  const titleId = useId();
  const hintId = useId();

  return (
    <dialog
      ref={dialog}
      className="dialog paste-dialog"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      onClose={() => {
        setText('');
        setHtml(null);
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onImport({ html, text });
          dialog.current?.close();
        }}
      >
        <h2 id={titleId} className="dialog__title">
          Paste text
        </h2>
        <p id={hintId} className="dialog__hint">
          Paste the article with its notices: copied from a web page it keeps its headings, lists
          and links; plain text and Markdown work too. Quire saves it exactly as pasted.
        </p>
        <textarea
          className="paste-dialog__text"
          aria-label="Article text"
          value={text}
          spellCheck={false}
          onPaste={(event) => {
            const content = clipboardContent(event.clipboardData);
            if (!content?.html) return; // plain text: the textarea's own paste does it
            event.preventDefault();
            setText(content.text);
            setHtml(content.html);
          }}
          onChange={(event) => {
            setText(event.target.value);
            setHtml(null);
          }}
        />
        {html !== null && (
          <p className="paste-dialog__rich" data-testid="paste-rich-note">
            Formatted text: Quire will save the page as it was copied (HTML), with its headings,
            lists and links.{' '}
            <button type="button" className="link-button" onClick={() => setHtml(null)}>
              Save as plain text instead
            </button>
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={text.length === 0 && html === null}
          >
            Add to library
          </button>
        </div>
      </form>
    </dialog>
  );
}
