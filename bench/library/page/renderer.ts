/// <reference types="vite/client" />
/**
 * The renderer modules the bench page runs, brought in by Vite's import.meta.glob rather than
 * by import statements: bench/ is type-checked with tsconfig.node.json, which cannot take
 * src-renderer files in, so this file names the little the harness calls. The library and the
 * hash are bundled (eager); the search index is a lazy chunk, absent (null) while
 * src-renderer/search/index.ts does not exist, so the page still builds for the baselines.
 */
import type { ParsedArticle, Sha256 } from '../../../src-core/article/model.ts';

/** The part of src-renderer/db's QuireDatabase the harness reads. */
export interface BenchDatabase {
  articles: { limit(n: number): { primaryKeys(): Promise<unknown[]> } };
}

/** The part of src-renderer/db's Library (openLibrary) the harness calls. */
export interface BenchLibrary {
  db: BenchDatabase;
  articles: {
    add(
      parsed: ParsedArticle,
      bytes: Uint8Array,
      options?: { tags?: readonly string[] },
    ): Promise<{ status: 'added' | 'duplicate'; article: { id: string } }>;
    updateMetadata(id: string, patch: { title?: string }): Promise<unknown>;
    /** Absent from libraries without tags: then `tag:` queries find nothing. */
    setTags?(ids: readonly string[], change: { add?: readonly string[] }): Promise<number>;
  };
  close(): void;
}

/** src-renderer/search/index.ts, as agreed for the harness. */
export interface LibrarySearch {
  search(
    query: string,
    options?: { limit?: number },
  ): Promise<{ total: number; hits: { id: string; score: number }[]; hints: string[] }>;
  /** Writes pending documents into index segments. */
  flush(): Promise<void>;
  /** After each add of an import: flushes once enough documents wait. */
  maintain?(): Promise<void>;
  /** Bytes the search index occupies in IndexedDB. */
  indexBytes(): Promise<number>;
  /** Index entries without an article, articles not indexed. */
  check(): Promise<{ dangling: number; missing: number }>;
  /** Whether the app would rebuild the stored index on opening (optional). */
  needsRebuild?(): Promise<boolean>;
}

interface DbModule {
  openLibrary(name: string, options: { sha256: Sha256 }): BenchLibrary;
}
interface HashModule {
  sha256: Sha256;
}
interface SearchModule {
  createLibrarySearch(db: BenchDatabase): LibrarySearch;
}

function only<T>(modules: Record<string, T>, path: string): T {
  const found = Object.values(modules)[0];
  if (!found) throw new Error(`The bench page was built without ${path}`);
  return found;
}

const db = only(
  import.meta.glob<DbModule>('../../../src-renderer/db/index.ts', { eager: true }),
  'src-renderer/db/index.ts',
);
const hash = only(
  import.meta.glob<HashModule>('../../../src-renderer/host/sha256.ts', { eager: true }),
  'src-renderer/host/sha256.ts',
);
const searchLoaders = import.meta.glob<SearchModule>('../../../src-renderer/search/index.ts');

export const openQuireLibrary = (): BenchLibrary =>
  db.openLibrary('quire', { sha256: hash.sha256 });

/** The search module's loader, or null when the page was built without it. */
export const loadSearchModule: (() => Promise<SearchModule>) | null =
  Object.values(searchLoaders)[0] ?? null;
