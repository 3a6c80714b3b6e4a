import { useEffect, useState } from 'react';
import { useHost, type ClipboardPayload } from '../host/index.ts';

interface Props {
  /** What to copy; a function so it is computed only when clicked. */
  payload: ClipboardPayload | (() => ClipboardPayload);
  /** Accessible name, e.g. "Copy APA reference". */
  label: string;
  /** The visible word, "Copy" unless told otherwise ("Markdown"). */
  text?: string;
  disabled?: boolean;
}

type State = 'idle' | 'copied' | 'failed';

/** Copies through the host and says so for a moment; the label stays the accessible name. */
export function CopyButton({ payload, label, text = 'Copy', disabled }: Props) {
  const host = useHost();
  const [state, setState] = useState<State>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <>
      <button
        type="button"
        className="button button--small copy-button"
        data-state={state}
        aria-label={label}
        disabled={disabled}
        onClick={() => {
          const content = typeof payload === 'function' ? payload() : payload;
          host.writeClipboard(content).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        <span aria-hidden="true">
          {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : text}
        </span>
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied'
          ? 'Copied to the clipboard'
          : state === 'failed'
            ? 'Could not copy'
            : ''}
      </span>
    </>
  );
}
