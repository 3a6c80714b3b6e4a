import { useEffect, useState } from 'react';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Accepts files dropped anywhere on the window and shows where they will go while dragging.
 * Listens on window so a drop on any element lands here; non-file drags are left alone.
 */
export function DropZone({ onFiles }: { onFiles(files: File[]): void }) {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; count them to know when we left.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // required for the drop event to fire
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      event.preventDefault(); // never let the window navigate to the dropped file
      onFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);

  if (!dragging) return null;
  return (
    <div className="drop-zone" data-testid="drop-zone" aria-hidden="true">
      <div className="drop-zone__target">
        <p className="drop-zone__title">Drop to add to your library</p>
        <p className="drop-zone__hint">
          Saved web pages (.html), Markdown (.md) and text (.txt) files, or reference files (.bib,
          .ris, CSL-JSON)
        </p>
      </div>
    </div>
  );
}
