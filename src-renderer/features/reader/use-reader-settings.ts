import { useCallback, useSyncExternalStore } from 'react';
import { browserStorage } from './persisted-state.ts';
import {
  applySettings,
  loadSettings,
  saveSettings,
  type ReaderSettings,
} from './reader-settings.ts';

/**
 * The reader settings of this window: read once from localStorage, applied to the document
 * root, written back on each change. Every component reading them (the settings popover, the
 * shell) sees the same value.
 */
let current: ReaderSettings | null = null;
const listeners = new Set<() => void>();

function read(): ReaderSettings {
  if (current === null) {
    current = loadSettings(browserStorage());
    if (typeof document !== 'undefined') applySettings(document.documentElement, current);
  }
  return current;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function updateReaderSettings(patch: Partial<ReaderSettings>) {
  current = { ...read(), ...patch };
  saveSettings(browserStorage(), current);
  if (typeof document !== 'undefined') applySettings(document.documentElement, current);
  for (const listener of listeners) listener();
}

/** The reader settings and a function to change some of them. */
export function useReaderSettings(): [ReaderSettings, (patch: Partial<ReaderSettings>) => void] {
  const settings = useSyncExternalStore(subscribe, read, read);
  const update = useCallback((patch: Partial<ReaderSettings>) => updateReaderSettings(patch), []);
  return [settings, update];
}
