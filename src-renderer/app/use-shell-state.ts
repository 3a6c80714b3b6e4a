import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Library } from '../db/index.ts';
import {
  browserStorage,
  loadSession,
  saveSession,
  type ReaderSession,
} from '../features/reader/persisted-state.ts';
import { useDrawerFocus } from '../features/reader/use-drawer.ts';
import {
  ASIDE_DRAWER_QUERY,
  LIBRARY_DRAWER_QUERY,
  useMediaQuery,
} from '../features/reader/use-media-query.ts';
import type { AsideState, Opened } from './ArticleScreen.tsx';
import type { SkipTarget } from './SkipLinks.tsx';

/**
 * The shell's view state: the open article (and the paragraph to show), the aside's tab and
 * drawer, the library drawer, and the skip links that reach them. What a reload keeps (see
 * persisted-state.ts) is read once here and written back as it changes.
 */
export function useShellState(library: Library) {
  // What a reload keeps: the open article and its place, the aside's tab, the drawers.
  const [initialSession] = useState(() => loadSession(browserStorage()));
  const session = useRef(initialSession);
  const persist = useCallback((patch: Partial<ReaderSession>) => {
    session.current = { ...session.current, ...patch };
    saveSession(browserStorage(), session.current);
  }, []);
  // The open article, and the paragraph a search hit asked for (a new object per click, so
  // the same hit clicked again scrolls again), or where a reload left the reader.
  const [opened, setOpened] = useState<Opened | null>(() =>
    initialSession.articleId === null
      ? null
      : {
          id: initialSession.articleId,
          paragraph: initialSession.paragraph ?? undefined,
          restore: true,
        },
  );
  const selectedId = opened?.id ?? null;
  // Below the medium layout the library is a drawer; choosing an article closes it.
  const libraryDrawer = useMediaQuery(LIBRARY_DRAWER_QUERY);
  const [libraryOpen, setLibraryOpen] = useState(initialSession.libraryOpen);
  const setSelectedId = useCallback(
    (id: string | null) => setOpened(id === null ? null : { id }),
    [],
  );
  const openAt = useCallback((id: string, paragraph?: number) => {
    setOpened({ id, paragraph });
    setLibraryOpen(false);
  }, []);
  /** Opens an article at one of its highlights (wherever its text now is), its note shown. */
  const openAnnotation = useCallback((id: string, annotation: string) => {
    setOpened({ id, annotation });
    setLibraryOpen(false);
  }, []);
  const [aside, setAside] = useState<AsideState>({
    tab: initialSession.asideTab,
    open: initialSession.asideOpen,
  });
  const onAside = useCallback(
    (next: Partial<AsideState>) => setAside((a) => ({ ...a, ...next })),
    [],
  );
  const onReadingPlace = useCallback(
    (paragraph: number | null) => persist({ paragraph }),
    [persist],
  );
  useEffect(() => {
    if (session.current.articleId !== selectedId)
      persist({ articleId: selectedId, paragraph: null });
  }, [selectedId, persist]);
  useEffect(() => {
    persist({ asideTab: aside.tab, asideOpen: aside.open, libraryOpen });
  }, [aside, libraryOpen, persist]);
  // An article kept from the last session that has since been deleted opens nothing.
  useEffect(() => {
    const id = initialSession.articleId;
    if (id === null) return;
    let live = true;
    void library.db.summaries
      .where(':id')
      .equals(id)
      .primaryKeys()
      .then((keys) => {
        if (live && keys.length === 0) setOpened((o) => (o?.id === id && o.restore ? null : o));
      });
    return () => {
      live = false;
    };
  }, [library, initialSession]);
  const sidebar = useRef<HTMLDivElement>(null);
  useDrawerFocus(sidebar, libraryDrawer && libraryOpen, {
    initial: () =>
      sidebar.current?.querySelector<HTMLElement>('[data-testid="search-input"]') ?? null,
    fallback: () => document.getElementById('library-toggle'),
  });
  // A drawer left open when the window grows past its layout is closed, not kept for later.
  const asideDrawer = useMediaQuery(ASIDE_DRAWER_QUERY);
  const layout = useRef({ libraryDrawer, asideDrawer });
  useEffect(() => {
    const before = layout.current;
    layout.current = { libraryDrawer, asideDrawer };
    if (before.libraryDrawer && !libraryDrawer) setLibraryOpen(false);
    if (before.asideDrawer && !asideDrawer) setAside((a) => ({ ...a, open: false }));
  }, [libraryDrawer, asideDrawer]);

  const skipTo = useCallback((target: SkipTarget) => {
    let element: HTMLElement | null;
    const drawers = layout.current;
    if (target === 'library') {
      flushSync(() => setLibraryOpen(drawers.libraryDrawer));
      element =
        document.querySelector<HTMLElement>('#library [data-testid="search-input"]') ??
        document.getElementById('library');
    } else if (target === 'article') {
      flushSync(() => {
        setLibraryOpen(false);
        setAside((a) => ({ ...a, open: false }));
      });
      element = document.getElementById('reader-title') ?? document.getElementById('reader-main');
    } else {
      const tab = target === 'notes' ? 'notes' : 'cite';
      flushSync(() => {
        setLibraryOpen(false);
        setAside({ tab, open: drawers.asideDrawer });
      });
      element = document.getElementById(`aside-${tab}`);
    }
    element?.focus();
  }, []);
  return {
    opened,
    selectedId,
    setSelectedId,
    openAt,
    openAnnotation,
    aside,
    onAside,
    onReadingPlace,
    libraryDrawer,
    libraryOpen,
    setLibraryOpen,
    sidebar,
    skipTo,
  };
}
