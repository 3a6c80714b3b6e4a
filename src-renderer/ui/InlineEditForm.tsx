import { useState } from 'react';
import { TextField } from './TextField.tsx';

interface Props {
  label: string;
  initial: string;
  hint?: string;
  saveLabel: string;
  className?: string;
  /** Rejects with the message to show under the field; the form stays open. */
  onSave(value: string): Promise<unknown>;
  onDone(): void;
}

/** One field edited in place, with Save and Cancel; a refused value keeps the form open. */
export function InlineEditForm({
  label,
  initial,
  hint,
  saveLabel,
  className,
  onSave,
  onDone,
}: Props) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft).then(onDone, (e: Error) => setError(e.message));
      }}
    >
      <TextField
        label={label}
        value={draft}
        onValue={setDraft}
        hint={hint}
        error={error ?? undefined}
        spellCheck={false}
      />
      <div className="inline-edit__actions">
        <button type="submit" className="button button--small button--primary">
          {saveLabel}
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
