import { useCallback, useEffect, useState } from 'react';
import type { DeletedArticle, Library } from '../../db/index.ts';
import { displayTitle } from '../../ui/format.ts';

/** How long the Undo toast stays up. */
const UNDO_WINDOW_MS = 10_000;

export interface PendingUndo {
  /** What the toast says was deleted: a title, or "12 articles". */
  label: string;
  deleted: DeletedArticle[];
  wasSelected: string | null;
}

interface Options {
  library: Library;
  selectedId: string | null;
  onSelect(id: string | null): void;
  onError(message: string): void;
}

/** Delete at once, keep what remove() returned for a while, and put it all back on Undo. */
export function useUndoableDelete({ library, selectedId, onSelect, onError }: Options) {
  const [pending, setPending] = useState<PendingUndo | null>(null);

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setPending(null), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [pending]);

  const remove = useCallback(
    async (ids: readonly string[]) => {
      const wasSelected = selectedId !== null && ids.includes(selectedId) ? selectedId : null;
      const deleted: DeletedArticle[] = [];
      // One article per transaction: a failure part-way keeps what is done undoable.
      for (const id of ids) {
        try {
          deleted.push(await library.articles.remove(id));
        } catch (error) {
          onError(`Could not delete an article: ${(error as Error).message}`);
          break;
        }
      }
      if (wasSelected) onSelect(null);
      if (!deleted.length) return;
      const label =
        deleted.length === 1
          ? `“${displayTitle(deleted[0]!.article.csl.title)}”`
          : `${deleted.length.toLocaleString()} articles`;
      setPending({ label, deleted, wasSelected });
    },
    [library, selectedId, onSelect, onError],
  );

  const undo = useCallback(async () => {
    if (!pending) return;
    setPending(null);
    try {
      for (const deleted of pending.deleted) await library.articles.restore(deleted);
      if (pending.wasSelected) onSelect(pending.wasSelected);
    } catch (error) {
      onError(`Could not bring back ${pending.label}: ${(error as Error).message}`);
    }
  }, [library, pending, onSelect, onError]);

  const dismiss = useCallback(() => setPending(null), []);

  return { pending, remove, undo, dismiss };
}
