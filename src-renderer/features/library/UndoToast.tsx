import type { PendingUndo } from './use-undoable-delete.ts';
import { DismissButton } from '../../ui/DismissButton.tsx';

interface Props {
  pending: PendingUndo | null;
  onUndo(): void;
  onDismiss(): void;
}

/** A polite live region that is always present, so screen readers hear what it says. */
export function UndoToast({ pending, onUndo, onDismiss }: Props) {
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {pending && (
        <div className="toast" data-testid="undo-toast">
          <span className="toast__text">
            Deleted <span className="toast__title">{pending.label}</span>.
          </span>
          <button type="button" className="button button--quiet-inverse" onClick={onUndo}>
            Undo
          </button>
          <DismissButton className="icon-button--inverse" onClick={onDismiss} />
        </div>
      )}
    </div>
  );
}
