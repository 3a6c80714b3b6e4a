import { useLiveQuery } from 'dexie-react-hooks';
import type { Library } from '../../db/index.ts';

/**
 * Whether the library holds no articles, highlights, collections or styles: the condition a
 * restore "into an empty library" checks (settings are preferences and do not count).
 * undefined while it is being read.
 */
export function useLibraryEmpty(library: Library): boolean | undefined {
  return useLiveQuery(async () => {
    const { db } = library;
    const firsts = await Promise.all(
      [db.articles, db.annotations, db.collections, db.styles].map((table) =>
        table.limit(1).primaryKeys(),
      ),
    );
    return firsts.every((keys) => keys.length === 0);
  }, [library]);
}
