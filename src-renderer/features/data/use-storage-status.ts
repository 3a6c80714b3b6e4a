import { useCallback, useEffect, useState } from 'react';
import {
  browserStorage,
  readStorageStatus,
  requestPersistence,
  type StorageManagerLike,
  type StorageStatus,
} from './storage-status.ts';

/**
 * The storage status, read on mount, and a way to ask for persistent storage again. `storage`
 * defaults to the browser's; tests hand in a fake one.
 */
export function useStorageStatus(storage: StorageManagerLike | null = browserStorage()) {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [asking, setAsking] = useState(false);
  /** The answer to the user's last request (null: not asked in this view). */
  const [answer, setAnswer] = useState<boolean | null>(null);

  useEffect(() => {
    let current = true;
    void readStorageStatus(storage).then((value) => current && setStatus(value));
    return () => {
      current = false;
    };
  }, [storage]);

  /** Reads again: usage grows with every import, and persistence may be granted meanwhile. */
  const refresh = useCallback(async () => setStatus(await readStorageStatus(storage)), [storage]);

  const ask = useCallback(async () => {
    setAsking(true);
    setAnswer(await requestPersistence(storage));
    setStatus(await readStorageStatus(storage));
    setAsking(false);
  }, [storage]);

  return { status, asking, answer, ask, refresh };
}

/**
 * Asks once per session for persistent storage as soon as the library holds an article: from
 * then on there is something the browser must not clear. Asking on an empty first start would
 * protect nothing (and Firefox shows a prompt for it); Chromium decides without a prompt, from
 * how the site is used, so asking again at each start can succeed later.
 */
export function usePersistOnceLibraryHasArticles(
  hasArticles: boolean | undefined,
  storage: StorageManagerLike | null = browserStorage(),
) {
  useEffect(() => {
    if (!hasArticles) return;
    void (async () => {
      const { persisted, canAsk } = await readStorageStatus(storage);
      if (persisted === false && canAsk) await requestPersistence(storage);
    })();
  }, [hasArticles, storage]);
}
