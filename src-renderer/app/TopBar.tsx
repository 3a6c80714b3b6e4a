import { useEffect, useRef, useState } from 'react';
import { FilePickerButton } from '../features/import/FilePickerButton.tsx';
import { FolderButton } from '../features/import/FolderButton.tsx';

interface Props {
  /** The layout makes the library a drawer: show the button that opens it. */
  libraryDrawer: boolean;
  libraryOpen: boolean;
  onLibrary(): void;
  busy: boolean;
  onFiles(files: File[]): void;
  onFolderFiles(files: File[]): void;
  chooseFolderWithHost: (() => void) | null;
  onPaste(): void;
  onUrls(): void;
  canExport: boolean;
  onExport(): void;
}

/**
 * The window's header. On a narrow window the secondary actions fold into a "More" menu (a
 * disclosure: the same buttons, shown as a list below it), so nothing is clipped; the file
 * inputs behind them stay mounted, so a choice made after the menu closed still arrives.
 */
export function TopBar(props: Props) {
  const { busy, onFiles, onPaste, onUrls, canExport, onExport } = props;
  const [menuOpen, setMenuOpen] = useState(false);
  const more = useRef<HTMLButtonElement>(null);
  const actions = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menuOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (!actions.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    actions.current?.querySelector<HTMLElement>('.top-bar__menu button:not(:disabled)')?.focus();
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [menuOpen]);

  return (
    <header className="top-bar">
      <p className="top-bar__brand">
        <span className="top-bar__mark" aria-hidden="true">
          Q
        </span>
        <span className="top-bar__name">Quire</span>
      </p>
      {props.libraryDrawer && (
        <button
          type="button"
          id="library-toggle"
          className="button top-bar__library"
          aria-expanded={props.libraryOpen}
          aria-controls="library"
          onClick={props.onLibrary}
        >
          Library
        </button>
      )}
      <div
        ref={actions}
        className="top-bar__actions"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && menuOpen) {
            event.preventDefault();
            setMenuOpen(false);
            more.current?.focus();
          }
        }}
      >
        {busy && (
          <span className="top-bar__busy" role="status">
            Adding…
          </span>
        )}
        <button
          ref={more}
          type="button"
          className="button top-bar__more"
          aria-expanded={menuOpen}
          aria-controls="top-bar-menu"
          onClick={() => setMenuOpen((o) => !o)}
        >
          More<span aria-hidden="true"> ▾</span>
        </button>
        <div
          id="top-bar-menu"
          className="top-bar__menu"
          data-open={menuOpen || undefined}
          onClickCapture={(event) => {
            // A choice closes the menu; focus waits on its button (dialogs give it back there).
            if (menuOpen && (event.target as Element).closest('button')) {
              setMenuOpen(false);
              more.current?.focus();
            }
          }}
        >
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
        </div>
        <FilePickerButton disabled={busy} onFiles={onFiles} />
      </div>
    </header>
  );
}
