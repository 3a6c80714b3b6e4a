import { useId, useState } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';

interface Props {
  open: boolean;
  /** Where pages are fetched: the desktop app's main process, or this browser (CORS). */
  fetchedBy: 'electron' | 'web';
  allowPrivate: boolean;
  onAllowPrivate(allow: boolean): void;
  onSave(text: string): void;
  onClose(): void;
}

/** A modal for one address or a pasted list of them, one per line. */
export function UrlDialog({
  open,
  fetchedBy,
  allowPrivate,
  onAllowPrivate,
  onSave,
  onClose,
}: Props) {
  const dialog = useModalDialog(open);
  const [text, setText] = useState('');
  const titleId = useId();
  const hintId = useId();

  return (
    <dialog
      ref={dialog}
      className="dialog url-dialog"
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
          onSave(text);
          dialog.current?.close();
        }}
      >
        <h2 id={titleId} className="dialog__title">
          Save from web addresses
        </h2>
        <p id={hintId} className="dialog__hint">
          One address per line (http or https). Quire fetches each page once, keeps its text and
          images offline, and never loads anything remote when you read it later.
          {fetchedBy === 'web' &&
            ' In the browser, only sites that allow other pages to read them (CORS) can be fetched; for the others use the desktop app, or save the page as a file and add that.'}
        </p>
        <textarea
          className="url-dialog__text"
          aria-label="Web addresses"
          placeholder="https://example.org/article"
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
        <label className="url-dialog__setting">
          <input
            type="checkbox"
            checked={allowPrivate}
            onChange={(event) => onAllowPrivate(event.target.checked)}
          />{' '}
          Allow local and private network addresses (this computer, an intranet)
        </label>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!text.trim()}>
            Save pages
          </button>
        </div>
      </form>
    </dialog>
  );
}
