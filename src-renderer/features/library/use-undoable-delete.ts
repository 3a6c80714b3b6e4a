import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary, DeletedArticle, Library } from '../../db/index.ts';
import { displayTitle } from '../../ui/format.ts';

/** How long the Undo toast stays up. */
const UNDO_WINDOW_MS = 10_000;

export interface PendingUndo {
  title: string;
  deleted: DeletedArticle;
  wasSelected: boolean;
}

interface Options {
  library: Library;
  selectedId: string | null;
  onSelect(id: string | null): void;
  onError(message: string): void;
}

/** Delete at once, keep what remove() returned for a while, and put it back on Undo. */
export function useUndoableDelete({ library, selectedId, onSelect, onError }: Options) {
  const [pending, setPending] = useState<PendingUndo | null>(null);

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setPending(null), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [pending]);

  const remove = useCallback(
    async (article: ArticleSummary) => {
      const wasSelected = article.id === selectedId;
      try {
        const deleted = await library.articles.remove(article.id);
        if (wasSelected) onSelect(null);
        setPending({ title: displayTitle(article.title), deleted, wasSelected });
      } catch (error) {
        onError(`Could not delete “${displayTitle(article.title)}”: ${(error as Error).message}`);
      }
    },
    [library, selectedId, onSelect, onError],
  );

  const undo = useCallback(async () => {
    if (!pending) return;
    setPending(null);
    try {
      await library.articles.restore(pending.deleted);
      if (pending.wasSelected) onSelect(pending.deleted.article.id);
    } catch (error) {
      onError(`Could not bring back “${pending.title}”: ${(error as Error).message}`);
    }
  }, [library, pending, onSelect, onError]);

  const dismiss = useCallback(() => setPending(null), []);

  return { pending, remove, undo, dismiss };
}
