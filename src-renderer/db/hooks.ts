import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Library } from './index.ts';
import type { ArticleRecord } from './records.ts';

/**
 * One article: `undefined` while loading, `null` when there is no such article
 * (or no id), so the UI can tell "still loading" from "deleted".
 */
export function useArticle(
  library: Library,
  id: string | null | undefined,
): ArticleRecord | null | undefined {
  const record = useLiveQuery(
    async () => (id ? ((await library.articles.get(id)) ?? null) : null),
    [library, id],
  );
  // The query runs again after writes elsewhere in the library (a batch adds articles while
  // this one is open): the same version of the record keeps its identity, so nothing that
  // depends on it (citations, the reader's layout) is computed again.
  const [kept, setKept] = useState(record);
  if (kept !== record && !sameVersion(kept, record)) setKept(record);
  return sameVersion(kept, record) ? kept : record;
}

/** Every write to an article sets its `updatedAt`; a re-read one is the same version. */
function sameVersion(
  a: ArticleRecord | null | undefined,
  b: ArticleRecord | null | undefined,
): boolean {
  return !!a && !!b && a.id === b.id && a.updatedAt === b.updatedAt;
}
