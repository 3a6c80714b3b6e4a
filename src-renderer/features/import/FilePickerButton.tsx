import { useRef } from 'react';
import { ACCEPTED_EXTENSIONS } from './sources.ts';

interface Props {
  disabled?: boolean;
  onFiles(files: File[]): void;
  className?: string;
  children?: string;
}

export function FilePickerButton({ disabled, onFiles, className, children = 'Add files…' }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={className ?? 'button button--primary'}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_EXTENSIONS}
        multiple
        hidden
        aria-label="Choose web pages, Markdown or text files, or reference files (BibTeX, RIS, CSL-JSON) to add"
        data-testid="import-file-input"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Reset so choosing the same file again still fires a change.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
