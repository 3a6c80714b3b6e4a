import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { Library } from '../../db/index.ts';

export const ALLOW_PRIVATE_KEY = 'allowPrivateAddresses';

/**
 * The user's choice to let Quire fetch from localhost and private networks: off until turned
 * on, and kept in the library's settings. A change shows at once; the stored value follows.
 */
export function useAllowPrivate(library: Library): [boolean, (allow: boolean) => void] {
  const stored = useLiveQuery(() => library.settings.get(ALLOW_PRIVATE_KEY), [library]);
  const [chosen, setChosen] = useState<boolean | null>(null);
  const set = useCallback(
    (allow: boolean) => {
      setChosen(allow);
      void library.settings.set(ALLOW_PRIVATE_KEY, allow ? 'yes' : 'no');
    },
    [library],
  );
  return [chosen ?? stored === 'yes', set];
}
