import { createContext, useContext, type ReactNode } from 'react';
import type { Library } from '../db/index.ts';

const LibraryContext = createContext<Library | null>(null);

export function LibraryProvider({ library, children }: { library: Library; children: ReactNode }) {
  return <LibraryContext value={library}>{children}</LibraryContext>;
}

/** The library opened at startup; features reach IndexedDB only through its repositories. */
export function useLibrary(): Library {
  const library = useContext(LibraryContext);
  if (!library) throw new Error('useLibrary() needs a <LibraryProvider> above it');
  return library;
}
