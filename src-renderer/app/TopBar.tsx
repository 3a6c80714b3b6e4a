import { FilePickerButton } from '../features/import/FilePickerButton.tsx';

interface Props {
  busy: boolean;
  onFiles(files: File[]): void;
  onPaste(): void;
  canExport: boolean;
  onExport(): void;
}

export function TopBar({ busy, onFiles, onPaste, canExport, onExport }: Props) {
  return (
    <header className="top-bar">
      <p className="top-bar__brand">
        <span className="top-bar__mark" aria-hidden="true">
          Q
        </span>
        Quire
      </p>
      <div className="top-bar__actions">
        {busy && (
          <span className="top-bar__busy" role="status">
            Adding…
          </span>
        )}
        <button type="button" className="button" disabled={!canExport} onClick={onExport}>
          Export…
        </button>
        <button type="button" className="button" disabled={busy} onClick={onPaste}>
          Paste text…
        </button>
        <FilePickerButton disabled={busy} onFiles={onFiles} />
      </div>
    </header>
  );
}
