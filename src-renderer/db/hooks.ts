import { useLiveQuery } from 'dexie-react-hooks';
import type { Library } from './index.ts';
import type { ArticleRecord, ArticleSummary } from './records.ts';

/** The library list, newest first; `undefined` while loading. Re-renders after any write. */
export function useArticleSummaries(library: Library): ArticleSummary[] | undefined {
  return useLiveQuery(() => library.articles.list(), [library]);
}

/**
 * One article: `undefined` while loading, `null` when there is no such article
 * (or no id), so the UI can tell "still loading" from "deleted".
 */
export function useArticle(
  library: Library,
  id: string | null | undefined,
): ArticleRecord | null | undefined {
  return useLiveQuery(
    async () => (id ? ((await library.articles.get(id)) ?? null) : null),
    [library, id],
  );
}
