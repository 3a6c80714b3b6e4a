import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type Ref,
} from 'react';
import { estimateHeight, type BodyEntry, type TextMetrics } from './body-layout.ts';
import { BodyItem } from './BodyItem.tsx';
import type { BodyHandle, NumberNavigation } from './ParagraphList.tsx';

interface Props {
  entries: BodyEntry[];
  paragraphIndex: Map<number, number>;
  imageUrls: ReadonlyMap<string, string>;
  baseUrl: string | undefined;
  citedParagraph: number | null;
  onCite(n: number): void;
  navigation: NumberNavigation;
  /** The element that scrolls the reader (the header and the notices scroll with the body). */
  scrollElement: HTMLElement | null;
  ref?: Ref<BodyHandle>;
}

interface Layout {
  /** Where the body starts in the scroll element's content (the header is above it). */
  scrollMargin: number;
  /** The space between items (the body's CSS `row-gap`). */
  gap: number;
  metrics: TextMetrics;
}

const INITIAL: Layout = {
  scrollMargin: 0,
  gap: 18,
  metrics: { charsPerLine: 80, lineHeight: 29 },
};

/** Items rendered beyond each edge of the viewport, so a short scroll shows text at once. */
const OVERSCAN = 6;

/**
 * A long body, virtualized: only the items in and near the viewport are in the DOM, each
 * positioned at its measured offset (or its estimated one until it has been rendered once).
 * The item that holds keyboard focus stays rendered while it is scrolled away.
 */
export function VirtualBody({
  entries,
  paragraphIndex,
  imageUrls,
  baseUrl,
  citedParagraph,
  onCite,
  navigation,
  scrollElement,
  ref,
}: Props) {
  const section = useRef<HTMLElement>(null);
  const [layout, setLayout] = useState<Layout>(INITIAL);
  const focused = useRef<number | null>(null);

  const getItemKey = useCallback((i: number) => entries[i]!.key, [entries]);
  const { metrics } = layout;
  const estimateSize = useCallback(
    (i: number) => estimateHeight(entries[i]!, metrics),
    [entries, metrics],
  );
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const keep = focused.current;
    if (keep === null || keep >= range.count || indexes.includes(keep)) return indexes;
    return [...indexes, keep].sort((a, b) => a - b);
  }, []);

  // The rule guards React Compiler memoisation, which this project does not use; the virtualizer
  // re-renders this component itself whenever its range or measurements change.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollElement,
    estimateSize,
    getItemKey,
    rangeExtractor,
    overscan: OVERSCAN,
    scrollMargin: layout.scrollMargin,
    gap: layout.gap,
  });

  // Read where the body starts and how its text is set; again whenever the column or the
  // header above the body changes size (window resized, details edited, notices checked).
  useLayoutEffect(() => {
    const body = section.current;
    const scroller = scrollElement;
    if (!body || !scroller) return;
    const read = () => {
      const style = getComputedStyle(body);
      const fontSize = parseFloat(style.fontSize) || 17;
      const lineHeight = parseFloat(style.lineHeight) || fontSize * 1.7;
      const next: Layout = {
        scrollMargin: Math.round(
          body.getBoundingClientRect().top -
            scroller.getBoundingClientRect().top +
            scroller.scrollTop,
        ),
        gap: parseFloat(style.rowGap) || 0,
        // An average character of running text is a little under half the font size wide.
        metrics: {
          charsPerLine: Math.max(20, Math.floor(body.clientWidth / (fontSize * 0.46))),
          lineHeight,
        },
      };
      setLayout((old) =>
        old.scrollMargin === next.scrollMargin &&
        old.gap === next.gap &&
        old.metrics.charsPerLine === next.metrics.charsPerLine &&
        old.metrics.lineHeight === next.metrics.lineHeight
          ? old
          : next,
      );
    };
    read();
    const observer = new ResizeObserver(read);
    // The body's width, and everything above it in the scrolled content.
    observer.observe(body);
    for (let e = body.previousElementSibling; e; e = e.previousElementSibling) observer.observe(e);
    return () => observer.disconnect();
  }, [scrollElement]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToParagraph(n) {
        const index = paragraphIndex.get(n);
        if (index === undefined) return false;
        virtualizer.scrollToIndex(index, { align: 'start' });
        return true;
      },
      revealParagraph(n) {
        const index = paragraphIndex.get(n);
        if (index === undefined) return;
        const element = section.current?.querySelector(`[data-index="${index}"]`);
        const scroller = scrollElement?.getBoundingClientRect();
        const box = element?.getBoundingClientRect();
        const inView = box && scroller && box.bottom > scroller.top && box.top < scroller.bottom;
        if (!inView) virtualizer.scrollToIndex(index, { align: 'auto' });
      },
    }),
    [paragraphIndex, virtualizer, scrollElement],
  );

  const onFocus = (event: FocusEvent) => {
    const item = (event.target as Element).closest<HTMLElement>('[data-index]');
    focused.current = item ? Number(item.dataset.index) : null;
  };
  const onBlur = (event: FocusEvent) => {
    if (!section.current?.contains(event.relatedTarget as Node | null)) focused.current = null;
  };

  // The roving Tab stop stays on a rendered number: the chosen one, else the first in view.
  const items = virtualizer.getVirtualItems();
  const renderedNumbers = items.flatMap(({ index }) => {
    const entry = entries[index]!;
    return entry.type === 'paragraph' ? [entry.paragraph.n] : [];
  });
  const tabStop =
    navigation.tabStop !== null && renderedNumbers.includes(navigation.tabStop)
      ? navigation.tabStop
      : (renderedNumbers[0] ?? null);

  return (
    <section
      ref={section}
      className="reader-body reader-body--virtual"
      aria-label="Article text"
      data-testid="reader-body"
      data-virtual=""
      style={{ height: virtualizer.getTotalSize() }}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {items.map((item) => {
        const entry = entries[item.index]!;
        return (
          <BodyItem
            key={item.key}
            entry={entry}
            imageUrls={imageUrls}
            baseUrl={baseUrl}
            cited={entry.type === 'paragraph' && entry.paragraph.n === citedParagraph}
            onCite={onCite}
            tabStop={entry.type === 'paragraph' && entry.paragraph.n === tabStop}
            onNumberKey={navigation.onNumberKey}
            onNumberFocus={navigation.onNumberFocus}
            index={item.index}
            measureRef={virtualizer.measureElement}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${item.start - layout.scrollMargin}px)`,
            }}
          />
        );
      })}
    </section>
  );
}
