import { useId, useRef, useState, type FormEvent } from 'react';
import type { RestoreMode } from '../../db/backup.ts';
import { formatBytes } from './backup-text.ts';

interface Props {
  /** The library holds nothing: "into an empty library" is offered. */
  empty: boolean;
  busy: boolean;
  /** A file was chosen: the outcome of the last backup or restore no longer applies. */
  onChoose(): void;
  onRestore(file: File, mode: RestoreMode): void;
}

/** Choose a backup file, then how to restore it. */
export function RestoreFromFile({ empty, busy, onChoose, onRestore }: Props) {
  const ids = { heading: useId(), hint: useId() };
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [chosenMode, setMode] = useState<RestoreMode | null>(null);
  // "Into an empty library" stops being offered the moment the library gains anything.
  const mode: RestoreMode = empty ? (chosenMode ?? 'empty') : 'merge';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    onRestore(file, mode);
    setFile(null);
    setMode(null);
  };

  return (
    <section className="backups__section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="backups__heading">
        Restore from a file
      </h2>
      <p id={ids.hint} className="backups__hint">
        A <code>.quire-backup</code> file saved with “Back up now”, here or on another computer.
      </p>
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-describedby={ids.hint}
        onClick={() => input.current?.click()}
      >
        Choose a backup file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".quire-backup,.zip,application/zip"
        hidden
        aria-label="Choose a Quire backup file to restore"
        data-testid="restore-file-input"
        onChange={(event) => {
          const chosen = event.currentTarget.files?.[0] ?? null;
          event.currentTarget.value = '';
          if (chosen) {
            setFile(chosen);
            onChoose();
          }
        }}
      />
      {file && (
        <form className="backups__restore-form" onSubmit={submit} aria-label="Restore options">
          <fieldset className="backups__modes">
            <legend>
              Restore “{file.name}” ({formatBytes(file.size)})
            </legend>
            {empty && (
              <label className="backups__mode">
                <input
                  type="radio"
                  name="restore-mode"
                  value="empty"
                  checked={mode === 'empty'}
                  // The choice comes next: keyboard users land on it once a file is chosen.
                  autoFocus={mode === 'empty'}
                  onChange={() => setMode('empty')}
                />
                <span>
                  <strong>Into this empty library</strong>: everything exactly as it was saved,
                  settings included.
                </span>
              </label>
            )}
            <label className="backups__mode">
              <input
                type="radio"
                name="restore-mode"
                value="merge"
                checked={mode === 'merge'}
                autoFocus={mode === 'merge'}
                onChange={() => setMode('merge')}
              />
              <span>
                <strong>Merge into this library</strong>: adds what the library lacks; nothing
                already here is overwritten.
              </span>
            </label>
          </fieldset>
          <div className="backups__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Restore
            </button>
            <button type="button" className="button" onClick={() => setFile(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
