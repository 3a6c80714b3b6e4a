import { useEffect, useRef } from 'react';

/**
 * A native <dialog> shown as a modal (focus trap, Escape, inert page) while `open` is true: the
 * ref goes on the <dialog> element.
 */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return dialog;
}
