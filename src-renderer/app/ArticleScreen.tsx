import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useArticle } from '../db/index.ts';
import { CitationPanel } from '../features/citations/CitationPanel.tsx';
import { MetadataEditor } from '../features/metadata/MetadataEditor.tsx';
import { GapNotices } from '../features/reader/GapNotices.tsx';
import { ParagraphList, type ReaderBodyHandle } from '../features/reader/ParagraphList.tsx';
import { ReaderHeader } from '../features/reader/ReaderHeader.tsx';
import { RightsNotices } from '../features/reader/RightsNotices.tsx';
import { useNoticeChecks } from '../features/reader/use-notice-checks.ts';
import { useReparse } from '../features/reader/use-reparse.ts';
import { useImageUrls } from '../features/reader/use-image-urls.ts';
import { displayTitle } from '../ui/format.ts';
import { useLibrary } from './LibraryContext.tsx';
import { useCapturer } from '../capture/CapturerContext.tsx';

/** One open article: the reader (or its details editor) and, beside it, the citation panel. */
interface Props {
  id: string;
  /** How it was opened: a search hit names the paragraph to show. */
  opened?: { id: string; paragraph?: number } | null;
  /** The reference style on show, kept by the shell so it stays when another article opens. */
  citationStyle: string;
  defaultStyle: string;
  onCitationStyle(style: string): void;
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
  // Stable, so typing a locator re-renders only the paragraphs whose cited state changes.
  const cite = useCallback((n: number) => setLocator(String(n)), []);
  const title = article ? displayTitle(article.csl.title) : null;

  useEffect(() => {
    if (!title) return;
    document.title = `${title} — Quire`;
    return () => {
      document.title = 'Quire';
    };
  }, [title]);

  // When the control that opened this article went away (the empty state's sample button,
  // a closed dialog), keyboard focus would fall to the page: put it on the title instead.
  const loaded = article != null;
  useEffect(() => {
    if (!loaded) return;
    const active = document.activeElement;
    if (active === null || active === document.body) {
      reader.current?.querySelector<HTMLElement>('#reader-title')?.focus();
    }
  }, [loaded]);

  // A search hit opens the article at its paragraph (once the body is laid out), and marks it.
  useEffect(() => {
    const n = opened?.paragraph;
    if (!loaded || n === undefined || opened?.id !== id) return;
    const frame = requestAnimationFrame(() => {
      if (body.current?.scrollToParagraph(n)) setLocator(String(n));
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

  if (article === undefined) return <p className="screen-note">Opening the article…</p>;
  if (article === null) {
    return <p className="screen-note">This article is no longer in your library.</p>;
  }
  const cited = /^(?:para\.?\s*)?\d+$/.test(locator.trim())
    ? Number(/\d+/.exec(locator)![0])
    : null;
  return (
    <div className="article-screen">
      <div ref={setScroller} className="reader-scroll" data-testid="reader">
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
        </article>
      </div>
      <CitationPanel
        article={article}
        style={citationStyle}
        defaultStyle={defaultStyle}
        onStyle={onCitationStyle}
        locator={locator}
        onLocator={setLocator}
      />
    </div>
  );
});
