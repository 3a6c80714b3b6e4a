import { createContext, useContext, type ReactNode } from 'react';
import type { SearchClient } from './search-client.ts';

const SearchContext = createContext<SearchClient | null>(null);

export function SearchProvider({
  client,
  children,
}: {
  client: SearchClient;
  children: ReactNode;
}) {
  return <SearchContext value={client}>{children}</SearchContext>;
}

/** The library's search (a worker in the app), chosen at startup. */
export function useSearch(): SearchClient {
  const client = useContext(SearchContext);
  if (!client) throw new Error('useSearch() needs a <SearchProvider> above it');
  return client;
}
