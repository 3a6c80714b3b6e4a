import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Focus for a panel that is a drawer in some layouts: when it opens as a drawer, focus moves
 * into it (to `initial`, or the panel itself); when it closes, focus goes back to where it was
 * (or to `fallback` when that element has gone or was inside the drawer).
 */
export function useDrawerFocus(
  panel: RefObject<HTMLElement | null>,
  open: boolean,
  options: { initial?: () => HTMLElement | null; fallback?: () => HTMLElement | null },
) {
  const returnTo = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(open);
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  useLayoutEffect(() => {
    if (open === wasOpen.current) return;
    wasOpen.current = open;
    const element = panel.current;
    if (!element) return;
    if (open) {
      const active = document.activeElement;
      returnTo.current = active instanceof HTMLElement && !element.contains(active) ? active : null;
      // Unless something inside (a skip link's target) already has focus.
      if (!element.contains(document.activeElement)) {
        (latest.current.initial?.() ?? element).focus();
      }
    } else {
      const active = document.activeElement;
      const lost = active === null || active === document.body || element.contains(active);
      const back = returnTo.current?.isConnected
        ? returnTo.current
        : (latest.current.fallback?.() ?? null);
      returnTo.current = null;
      if (lost) back?.focus();
    }
  }, [open, panel]);
}
