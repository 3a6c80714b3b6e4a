import '../features/reader/reader-layout.css';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { isReferenceOnly, useArticle } from '../db/index.ts';
import { ReferenceOnly } from '../features/reader/ReferenceOnly.tsx';
import { CitationPanel } from '../features/citations/CitationPanel.tsx';
import { MetadataEditor } from '../features/metadata/MetadataEditor.tsx';
import { GapNotices } from '../features/reader/GapNotices.tsx';
import { ParagraphList, type ReaderBodyHandle } from '../features/reader/ParagraphList.tsx';
import { ReaderAside, type AsideTab } from '../features/reader/ReaderAside.tsx';
import { ReaderToolbar } from '../features/reader/ReaderToolbar.tsx';
import { useReadingPlace } from '../features/reader/use-reading-place.ts';
import { ASIDE_DRAWER_QUERY, useMediaQuery } from '../features/reader/use-media-query.ts';
import { ReaderHeader } from '../features/reader/ReaderHeader.tsx';
import { RightsNotices } from '../features/reader/RightsNotices.tsx';
import { useNoticeChecks } from '../features/reader/use-notice-checks.ts';
import { useReparse } from '../features/reader/use-reparse.ts';
import { useImageUrls } from '../features/reader/use-image-urls.ts';
import { displayTitle } from '../ui/format.ts';
import { useLibrary } from './LibraryContext.tsx';
import { useCapturer } from '../capture/CapturerContext.tsx';
import { useReaderAnnotations } from '../features/annotations/use-reader-annotations.tsx';
import { SourceIntegrity } from '../features/reader/SourceIntegrity.tsx';

/** The aside's state, kept (and persisted) by the shell so skip links and reloads reach it. */
export interface AsideState {
  tab: AsideTab;
  /** Below the wide layout the aside is a drawer: whether it is open. */
  open: boolean;
}

/** How an article was opened. */
export interface Opened {
  id: string;
  /** A search hit names the paragraph to show (and cites it); a reload, where the user was. */
  paragraph?: number;
  /** The paragraph is where a reload left the reader: scroll there without citing it. */
  restore?: boolean;
  /** A highlight to show: the reader scrolls to it and the notes panel opens on it. */
  annotation?: string;
}

/**
 * One open article: the reader (or its details editor) in the page's `main`, and beside it the
 * aside with the citation panel and the notes (a column on wide windows, a drawer otherwise).
 */
interface Props {
  id: string;
  opened?: Opened | null;
  /** The reference style on show, kept by the shell so it stays when another article opens. */
  citationStyle: string;
  defaultStyle: string;
  onCitationStyle(style: string): void;
  aside: AsideState;
  onAside(next: Partial<AsideState>): void;
  /** The paragraph now at the top of the reader (null: its top), as the user scrolls. */
  onReadingPlace?(paragraph: number | null): void;
  /** Opens the excerpt export for these annotations. */
  onExportExcerpts(ids: string[]): void;
}

/**
 * Memoised: the shell re-renders on every frame of a running import (its progress), and the
 * open article has nothing to redo then.
 */
export const ArticleScreen = memo(function ArticleScreen({
  id,
  opened,
  citationStyle,
  defaultStyle,
  onCitationStyle,
  aside,
  onAside,
  onReadingPlace,
  onExportExcerpts,
}: Props) {
  const library = useLibrary();
  const capturer = useCapturer();
  const article = useArticle(library, id);
  useReparse(library, capturer, article);
  const imageUrls = useImageUrls(library, id);
  const checks = useNoticeChecks(library, id, article);
  const [editing, setEditing] = useState(false);
  const [locator, setLocator] = useState('');
  const reader = useRef<HTMLElement>(null);
  // State, not a ref: a long body needs the element once it exists (a child's effects run
  // before its parent's refs are set).
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  /** Jumps to a paragraph by number (`scrollToParagraph(n)`), virtualized body or not. */
  const body = useRef<ReaderBodyHandle>(null);
  const title = article ? displayTitle(article.csl.title) : null;
  const asideDrawer = useMediaQuery(ASIDE_DRAWER_QUERY);
  /** Shows a tab of the aside, opening its drawer when the layout makes it one. */
  const showAside = useCallback((tab: AsideTab) => onAside({ tab, open: true }), [onAside]);
  const notes = useReaderAnnotations({
    library,
    article,
    container: scroller,
    onShowNotes: () => showAside('notes'),
    onJump: (n) => body.current?.scrollToParagraph(n),
    onExport: onExportExcerpts,
    focus: opened?.id === id && opened.annotation ? opened : null,
  });
  // Stable (but for a change of layout), so typing a locator re-renders only the paragraphs
  // whose cited state changes. When the aside is a drawer, citing opens it on the citation.
  const cite = useCallback(
    (n: number) => {
      setLocator(String(n));
      if (asideDrawer) showAside('cite');
    },
    [asideDrawer, showAside],
  );
  // The paragraph at the top of the reader, kept as the user scrolls and as the text reflows.
  const onScroll = useReadingPlace(scroller, body, onReadingPlace);

  useEffect(() => {
    if (!title) return;
    document.title = `${title} — Quire`;
    return () => {
      document.title = 'Quire';
    };
  }, [title]);

  // When the control that opened this article went away (the empty state's sample button,
  // a closed dialog), keyboard focus would fall to the page: put it on the title instead.
  // Not when a reload reopened it: then the page's first Tab stops (the skip links) come first.
  const loaded = article != null;
  const reopened = opened?.restore === true;
  useEffect(() => {
    if (!loaded || reopened) return;
    const active = document.activeElement;
    if (active === null || active === document.body) {
      reader.current?.querySelector<HTMLElement>('#reader-title')?.focus();
    }
  }, [loaded, reopened]);

  // A search hit opens the article at its paragraph (once the body is laid out), and marks it.
  useEffect(() => {
    const n = opened?.paragraph;
    if (!loaded || n === undefined || opened?.id !== id) return;
    const restore = opened?.restore === true;
    const frame = requestAnimationFrame(() => {
      if (body.current?.scrollToParagraph(n) && !restore) setLocator(String(n));
    });
    return () => cancelAnimationFrame(frame);
  }, [loaded, opened, id]);

  // Back where the user started once the editor closes: on the Edit details button.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    reader.current?.querySelector<HTMLElement>('[data-edit-details]')?.focus();
  }, [editing]);
  const closeEditor = () => {
    returnFocus.current = true;
    setEditing(false);
  };

  if (article === undefined) {
    return (
      <main id="reader-main" className="screen-main" tabIndex={-1}>
        <p className="screen-note">Opening the article…</p>
      </main>
    );
  }
  if (article === null) {
    return (
      <main id="reader-main" className="screen-main" tabIndex={-1}>
        <p className="screen-note">This article is no longer in your library.</p>
      </main>
    );
  }
  const cited = /^(?:para\.?\s*)?\d+$/.test(locator.trim())
    ? Number(/\d+/.exec(locator)![0])
    : null;
  return (
    <div className="article-screen" data-aside={asideDrawer ? 'drawer' : 'column'}>
      <main id="reader-main" className="reader-pane" aria-label="Reader" tabIndex={-1}>
        <ReaderToolbar
          asideDrawer={asideDrawer}
          asideOpen={aside.open}
          notesCount={notes.count}
          onOpenAside={() => onAside({ open: !aside.open })}
        />
        <div
          ref={setScroller}
          className="reader-scroll"
          data-testid="reader"
          onScroll={onScroll}
          onClick={notes.onReaderClick}
          onKeyDown={notes.onReaderKey}
        >
          <article
            ref={reader}
            className="reader"
            aria-labelledby={editing ? undefined : 'reader-title'}
          >
            {editing ? (
              <MetadataEditor library={library} article={article} onDone={closeEditor} />
            ) : (
              <>
                <ReaderHeader article={article} onEdit={() => setEditing(true)} />
                {isReferenceOnly(article) ? (
                  <>
                    <GapNotices gaps={article.gaps} />
                    <ReferenceOnly library={library} article={article} />
                  </>
                ) : (
                  <>
                    <SourceIntegrity checks={checks} sourceSha256={article.source.sha256} />
                    <GapNotices gaps={article.gaps} />
                    <ParagraphList
                      paragraphs={article.body}
                      headings={article.headings}
                      images={article.images}
                      imageUrls={imageUrls}
                      baseUrl={article.csl.URL}
                      citedParagraph={cited}
                      onCite={cite}
                      scrollElement={scroller}
                      ref={body}
                    />
                    <RightsNotices notices={article.rights} checks={checks} />
                  </>
                )}
              </>
            )}
          </article>
          {notes.toolbar}
        </div>
      </main>
      <ReaderAside
        tab={aside.tab}
        onTab={(tab) => onAside({ tab })}
        drawer={asideDrawer}
        open={aside.open}
        onClose={() => onAside({ open: false })}
        notesCount={notes.count}
        notes={notes.panel}
        cite={
          <CitationPanel
            article={article}
            style={citationStyle}
            defaultStyle={defaultStyle}
            onStyle={onCitationStyle}
            locator={locator}
            onLocator={setLocator}
          />
        }
      />
    </div>
  );
});
