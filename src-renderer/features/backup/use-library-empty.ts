import { useLiveQuery } from 'dexie-react-hooks';
import type { Library } from '../../db/index.ts';
import { libraryHasContent } from '../../db/backup-restore-empty.ts';

/**
 * Whether the library is empty as a restore "into an empty library" counts it (the same check
 * the restore makes in its transaction). undefined while it is being read.
 */
export function useLibraryEmpty(library: Library): boolean | undefined {
  return useLiveQuery(async () => !(await libraryHasContent(library.db)), [library]);
}
