import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { WithCitationEngine } from './CitationEngineContext.tsx';

interface Props {
  title: string;
  className: string;
  testId?: string;
  /** What to say if the citation engine cannot load ("Export is unavailable"). */
  unavailable: string;
  onClose(): void;
  /** The form, given a way to close the dialog (its onClose then runs). */
  children(close: () => void): ReactNode;
}

/**
 * A modal <dialog> opened on mount, whose form needs the citation engine: a note while it
 * loads, the reason if it fails. Used by the citation export and the excerpt export.
 */
export function CitationDialog({
  title,
  className,
  testId,
  unavailable,
  onClose,
  children,
}: Props) {
  // State, not a ref: the form's close callback is handed out while rendering.
  const [element, setElement] = useState<HTMLDialogElement | null>(null);
  const titleId = useId();
  const close = useCallback(() => element?.close(), [element]);
  useEffect(() => {
    if (element && !element.open) element.showModal();
  }, [element]);
  return (
    <dialog
      ref={setElement}
      className={`dialog ${className}`}
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid={testId}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <WithCitationEngine
        unavailable={unavailable}
        noteClassName="dialog__hint"
        errorClassName="field__error"
      >
        {children(close)}
      </WithCitationEngine>
    </dialog>
  );
}
