import { useRef } from 'react';

interface Props {
  disabled?: boolean;
  /** The desktop app lists folders through its main process; null: the page does it. */
  chooseWithHost: (() => void) | null;
  onFiles(files: File[]): void;
}

/** "Add folder…": every page, Markdown and text file under a folder, subfolders included. */
export function FolderButton({ disabled, chooseWithHost, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={disabled}
        onClick={() => (chooseWithHost ? chooseWithHost() : input.current?.click())}
      >
        Add folder…
      </button>
      {!chooseWithHost && (
        <input
          ref={(element) => {
            input.current = element;
            // React does not know the non-standard attribute; set it on the element itself.
            element?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          multiple
          hidden
          aria-label="Choose a folder of web pages, Markdown or text files"
          data-testid="import-folder-input"
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      )}
    </>
  );
}
