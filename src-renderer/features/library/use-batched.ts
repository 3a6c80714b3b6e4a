import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { BatchedStore } from './batched-store.ts';

/** One value of a BatchedStore; the component re-renders when it arrives or changes. */
export function useBatched<T>(store: BatchedStore<T>, key: string): T | null | undefined {
  const read = useCallback(() => store.get(key), [store, key]);
  // A row on screen is in use: keep it over rows scrolled past long ago.
  useEffect(() => store.touch(key), [store, key]);
  return useSyncExternalStore(store.subscribe, read);
}
