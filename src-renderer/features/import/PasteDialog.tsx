import { useEffect, useId, useRef, useState } from 'react';

interface Props {
  open: boolean;
  onImport(text: string): void;
  onClose(): void;
}

/** A modal (native <dialog>: focus trap, Escape, inert page) with one textarea. */
export function PasteDialog({ open, onImport, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const titleId = useId();
  const hintId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="dialog paste-dialog"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      onClose={() => {
        setText('');
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onImport(text);
          dialog.current?.close();
        }}
      >
        <h2 id={titleId} className="dialog__title">
          Paste text
        </h2>
        <p id={hintId} className="dialog__hint">
          Paste the article as plain text or Markdown, with its notices. Quire saves it exactly as
          pasted.
        </p>
        <textarea
          className="paste-dialog__text"
          aria-label="Article text"
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={text.length === 0}>
            Add to library
          </button>
        </div>
      </form>
    </dialog>
  );
}
