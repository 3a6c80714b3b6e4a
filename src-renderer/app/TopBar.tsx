import { FilePickerButton } from '../features/import/FilePickerButton.tsx';
import { FolderButton } from '../features/import/FolderButton.tsx';

interface Props {
  busy: boolean;
  onFiles(files: File[]): void;
  onFolderFiles(files: File[]): void;
  chooseFolderWithHost: (() => void) | null;
  onPaste(): void;
  onUrls(): void;
  canExport: boolean;
  onExport(): void;
}

export function TopBar(props: Props) {
  const { busy, onFiles, onPaste, onUrls, canExport, onExport } = props;
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
        <button type="button" className="button" disabled={busy} onClick={onUrls}>
          Save from URL…
        </button>
        <FolderButton
          disabled={busy}
          chooseWithHost={props.chooseFolderWithHost}
          onFiles={props.onFolderFiles}
        />
        <FilePickerButton disabled={busy} onFiles={onFiles} />
      </div>
    </header>
  );
}
