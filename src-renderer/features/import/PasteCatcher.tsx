import { useEffect } from 'react';
import { clipboardContent, type PastedContent } from './use-importer.ts';

interface Props {
  /** Copied files (from a file manager). */
  onFiles(files: File[]): void;
  /** Copied text: rich (HTML) when the source offered it. */
  onContent(content: PastedContent): void;
}

/** Where a paste has a meaning of its own: text fields, editable content, an open dialog. */
function pasteBelongsElsewhere(target: EventTarget | null): boolean {
  if (document.querySelector('dialog[open]')) return true;
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')
    ? true
    : false;
}

/**
 * A paste anywhere on the window (outside text fields and dialogs) adds what was pasted to the
 * library: copied files as files, copied text as an article, rich text as the web page it came
 * from. Renders nothing.
 */
export function PasteCatcher({ onFiles, onContent }: Props) {
  useEffect(() => {
    const paste = (event: ClipboardEvent) => {
      if (event.defaultPrevented || pasteBelongsElsewhere(event.target)) return;
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length > 0) {
        event.preventDefault();
        onFiles(files);
        return;
      }
      const content = clipboardContent(event.clipboardData);
      if (!content || (!content.html && !content.text.trim())) return;
      event.preventDefault();
      onContent(content);
    };
    window.addEventListener('paste', paste);
    return () => window.removeEventListener('paste', paste);
  }, [onFiles, onContent]);
  return null;
}
