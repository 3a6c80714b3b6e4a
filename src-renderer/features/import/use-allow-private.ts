import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { Library } from '../../db/index.ts';

export const ALLOW_PRIVATE_KEY = 'allowPrivateAddresses';

/**
 * The user's choice to let Quire fetch from localhost and private networks: off until turned
 * on, and kept in the library's settings.
 */
export function useAllowPrivate(library: Library): [boolean, (allow: boolean) => void] {
  const stored = useLiveQuery(() => library.settings.get(ALLOW_PRIVATE_KEY), [library]);
  const set = useCallback(
    (allow: boolean) => void library.settings.set(ALLOW_PRIVATE_KEY, allow ? 'yes' : 'no'),
    [library],
  );
  return [stored === 'yes', set];
}
