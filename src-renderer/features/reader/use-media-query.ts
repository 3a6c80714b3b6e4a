import { useCallback, useSyncExternalStore } from 'react';

/**
 * The layouts, as the style sheets (app/layout.css, reader-layout.css) define them:
 * - wide (≥ 1200 px): library | reader | aside;
 * - medium (860–1199 px): library | reader, the aside a drawer;
 * - narrow (< 860 px): the reader alone, the library and the aside drawers.
 */
export const ASIDE_DRAWER_QUERY = '(max-width: 1199.98px)';
export const LIBRARY_DRAWER_QUERY = '(max-width: 859.98px)';

/** Whether a media query matches, kept current as the window changes. */
export function useMediaQuery(query: string): boolean {
  // Stable per query, or React would unsubscribe and subscribe again on every render.
  const subscribe = useCallback(
    (changed: () => void) => {
      if (typeof matchMedia === 'undefined') return () => {};
      const list = matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => (typeof matchMedia === 'undefined' ? false : matchMedia(query).matches),
    () => false,
  );
}
