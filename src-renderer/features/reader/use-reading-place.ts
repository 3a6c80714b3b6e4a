import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { ReaderBodyHandle } from './ParagraphList.tsx';
import { readingPlace } from './reading-place.ts';
import { useReaderSettings } from './use-reader-settings.ts';

/**
 * Follows the reader's place (the paragraph at the top of its viewport) as the user scrolls,
 * reporting it once per frame when it changes, and keeps it when the text reflows: after the
 * column's width or the text size or line width changes, the same paragraph goes back to the
 * top. Returns the scroll handler for the reader's scrolling element.
 */
export function useReadingPlace(
  scroller: HTMLElement | null,
  body: RefObject<ReaderBodyHandle | null>,
  onReadingPlace: ((paragraph: number | null) => void) | undefined,
): () => void {
  const frame = useRef(0);
  const place = useRef<number | null | undefined>(undefined);
  // While the text reflows, scroll events say nothing about where the reader is.
  const reflowing = useRef(0);
  const report = useRef(onReadingPlace);
  useEffect(() => {
    report.current = onReadingPlace;
  });

  const onScroll = useCallback(() => {
    if (frame.current || reflowing.current || !scroller) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (reflowing.current) return;
      const next = readingPlace(scroller);
      if (next === place.current) return;
      place.current = next;
      report.current?.(next);
    });
  }, [scroller]);

  const reanchor = useCallback(() => {
    const n = place.current;
    if (typeof n !== 'number') return;
    cancelAnimationFrame(reflowing.current);
    reflowing.current = requestAnimationFrame(() => {
      body.current?.scrollToParagraph(n);
      // The scroll that puts it back is not a move of the reader's.
      reflowing.current = requestAnimationFrame(() => {
        reflowing.current = 0;
      });
    });
  }, [body]);

  useEffect(() => {
    if (!scroller) return;
    let width = scroller.clientWidth;
    const observer = new ResizeObserver(() => {
      if (scroller.clientWidth === width) return;
      width = scroller.clientWidth;
      reanchor();
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller, reanchor]);

  const [{ textSize, lineWidth }] = useReaderSettings();
  const settled = useRef(false);
  useEffect(() => {
    if (settled.current) reanchor();
    settled.current = true;
  }, [textSize, lineWidth, reanchor]);

  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      cancelAnimationFrame(reflowing.current);
    },
    [],
  );
  return onScroll;
}
