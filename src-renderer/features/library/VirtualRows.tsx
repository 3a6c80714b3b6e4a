import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useState,
  type ComponentProps,
  type Ref,
  type RefObject,
} from 'react';
import { LibraryItem } from './LibraryItem.tsx';

export interface VirtualRowsHandle {
  /** Scrolls row `index` into view, then calls `then` once it is rendered. */
  reveal(index: number, then: () => void): void;
}

interface Props {
  count: number;
  /** The row in the Tab order: always rendered, so Tab and the arrow keys can reach it. */
  keep: number;
  /** The list element; the rows are placed inside it, the library pane scrolls it. */
  list: RefObject<HTMLUListElement | null>;
  row(index: number): Omit<ComponentProps<typeof LibraryItem>, 'index' | 'measureRef' | 'offset'>;
  keyOf(index: number): string;
  ref?: Ref<VirtualRowsHandle>;
}

/** A row's height before it is measured: a title line, an author line and a meta line. */
const ESTIMATED_ROW = 66;

/**
 * The rows of a long library list, virtualized: only those in and near the view are in the
 * DOM, placed at their measured offsets inside the list, which keeps the full height.
 */
export function VirtualRows({ count, keep, list, row, keyOf, ref }: Props) {
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);

  // The library pane scrolls; the list starts below its heading.
  useLayoutEffect(() => {
    const element = list.current;
    const pane = element?.closest<HTMLElement>('.library-pane') ?? null;
    setScroller(pane);
    if (element && pane) {
      setMargin(
        element.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop,
      );
    }
  }, [list]);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (keep < 0 || keep >= range.count || indexes.includes(keep)) return indexes;
      return [...indexes, keep].sort((a, b) => a - b);
    },
    [keep],
  );

  // The rule guards React Compiler memoisation, which this project does not use.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATED_ROW,
    getItemKey: keyOf,
    rangeExtractor,
    overscan: 8,
    scrollMargin: margin,
    gap: 2,
  });

  useImperativeHandle(
    ref,
    () => ({
      reveal(index, then) {
        virtualizer.scrollToIndex(index, { align: 'auto' });
        requestAnimationFrame(() => requestAnimationFrame(then));
      },
    }),
    [virtualizer],
  );

  useLayoutEffect(() => {
    const element = list.current;
    if (element) element.style.height = `${virtualizer.getTotalSize()}px`;
  });
  // A list that becomes short again is laid out by its rows.
  useLayoutEffect(() => {
    const element = list.current;
    return () => {
      if (element) element.style.height = '';
    };
  }, [list]);

  return virtualizer
    .getVirtualItems()
    .map((item) => (
      <LibraryItem
        key={item.key}
        {...row(item.index)}
        index={item.index}
        measureRef={virtualizer.measureElement}
        offset={item.start - margin}
      />
    ));
}
