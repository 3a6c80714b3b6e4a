import {
  useCallback,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { CapturedImage, Heading, Paragraph } from '../../../src-core/article/model.ts';
import { bodyEntries, isLongBody, paragraphIndexes, type BodyEntry } from './body-layout.ts';
import { BodyItem } from './BodyItem.tsx';
import { VirtualBody } from './VirtualBody.tsx';

/** What the reader's body lets others do (the citation panel, search results, later features). */
export interface ReaderBodyHandle {
  /**
   * Scrolls paragraph `n` (its citation number) to the top of the reader, rendering it first
   * when the body is virtualized. False when the article has no such paragraph.
   */
  scrollToParagraph(n: number): boolean;
}

/** What each body (whole or virtualized) does for the list. */
export interface BodyHandle extends ReaderBodyHandle {
  /** Makes sure paragraph `n` is rendered and in view (no scrolling when it already is). */
  revealParagraph(n: number): void;
}

/** The paragraph numbers' roving Tab stop, shared by both bodies. */
export interface NumberNavigation {
  /** The number that is in the Tab order (null: the first). */
  tabStop: number | null;
  onNumberKey(n: number, event: KeyboardEvent<HTMLButtonElement>): void;
  onNumberFocus(n: number): void;
}

/** Where a key moves the focus among the paragraph numbers, or null for a key it ignores. */
export function numberTarget(numbers: readonly number[], n: number, key: string): number | null {
  if (numbers.length === 0) return null;
  const at = numbers.indexOf(n);
  switch (key) {
    case 'ArrowDown':
      return numbers[Math.min(at + 1, numbers.length - 1)] ?? null;
    case 'ArrowUp':
      return numbers[Math.max(at - 1, 0)] ?? null;
    case 'Home':
      return numbers[0]!;
    case 'End':
      return numbers[numbers.length - 1]!;
    default:
      return null;
  }
}

/** Focuses a paragraph's number once it is rendered (a virtualized body renders it soon). */
function focusNumber(n: number, frames = 20) {
  const button = document.getElementById(`para-${n}`)?.querySelector<HTMLElement>('.para__number');
  if (button) button.focus();
  else if (frames > 0) requestAnimationFrame(() => focusNumber(n, frames - 1));
}

interface Props {
  paragraphs: Paragraph[];
  /** Section headings between the paragraphs (none in records made before parser version 2). */
  headings: Heading[] | undefined;
  /** The body's images in reading order (none in records made before parser version 3). */
  images: CapturedImage[] | undefined;
  /** Object URLs of the stored offline copies, by image id. */
  imageUrls: ReadonlyMap<string, string>;
  /** The article's address, against which relative links in its text are read. */
  baseUrl: string | undefined;
  /** The paragraph whose number is in the citation panel's locator, if any. */
  citedParagraph: number | null;
  onCite(n: number): void;
  /** The reader's scrolling element: a long body renders only what is in view of it. */
  scrollElement: HTMLElement | null;
  ref?: Ref<ReaderBodyHandle>;
}

/**
 * The article's own paragraphs, numbered in the margin, with its section headings (never
 * numbered) between them. The number is the citation locator ("para. 5"); clicking it puts
 * that paragraph into the in-text citation. A long body (see FULL_RENDER_LIMIT) is virtualized
 * so that opening and leaving it never holds up the window.
 */
export function ParagraphList({
  paragraphs,
  headings,
  images,
  imageUrls,
  baseUrl,
  citedParagraph,
  onCite,
  scrollElement,
  ref,
}: Props) {
  const entries = useMemo(
    () => bodyEntries(paragraphs, headings, images),
    [paragraphs, headings, images],
  );
  const paragraphIndex = useMemo(() => paragraphIndexes(entries), [entries]);
  const long = useMemo(() => isLongBody(entries), [entries]);
  const numbers = useMemo(
    () => entries.flatMap((e) => (e.type === 'paragraph' ? [e.paragraph.n] : [])),
    [entries],
  );
  const inner = useRef<BodyHandle>(null);
  useImperativeHandle(
    ref,
    () => ({ scrollToParagraph: (n) => inner.current?.scrollToParagraph(n) ?? false }),
    [],
  );
  // The paragraph numbers are one Tab stop (so Tab goes from the text to the aside quickly):
  // ArrowUp/ArrowDown, Home and End move between them.
  const [stop, setStop] = useState<number | null>(null);
  const onNumberKey = useCallback(
    (n: number, event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = numberTarget(numbers, n, event.key);
      if (target === null) return;
      event.preventDefault();
      setStop(target);
      inner.current?.revealParagraph(target);
      focusNumber(target);
    },
    [numbers],
  );
  const navigation: NumberNavigation = {
    tabStop: stop !== null && numbers.includes(stop) ? stop : (numbers[0] ?? null),
    onNumberKey,
    onNumberFocus: setStop,
  };
  if (entries.length === 0) {
    return <p className="reader-body__empty">No article text was found in this file.</p>;
  }
  const props = { entries, imageUrls, baseUrl, citedParagraph, onCite, navigation, ref: inner };
  return long ? (
    <VirtualBody {...props} paragraphIndex={paragraphIndex} scrollElement={scrollElement} />
  ) : (
    <FullBody {...props} />
  );
}

/** A body short enough to render whole: every item in the DOM, in order. */
function FullBody({
  entries,
  imageUrls,
  baseUrl,
  citedParagraph,
  onCite,
  navigation,
  ref,
}: {
  entries: BodyEntry[];
  imageUrls: ReadonlyMap<string, string>;
  baseUrl: string | undefined;
  citedParagraph: number | null;
  onCite(n: number): void;
  navigation: NumberNavigation;
  ref?: Ref<BodyHandle>;
}) {
  const section = useRef<HTMLElement>(null);
  useImperativeHandle(
    ref,
    () => ({
      scrollToParagraph(n) {
        const target = section.current?.querySelector(`[data-testid="paragraph"][data-n="${n}"]`);
        const scroller = target?.closest<HTMLElement>('.reader-scroll');
        // Only the reader scrolls: scrollIntoView would also move the window under the top bar.
        if (target && scroller) {
          const top = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
          scroller.scrollTop += top - 16;
        }
        return target != null;
      },
      // Every paragraph is rendered; focusing its number scrolls it into view.
      revealParagraph() {},
    }),
    [],
  );
  return (
    <section
      ref={section}
      className="reader-body"
      aria-label="Article text"
      data-testid="reader-body"
    >
      {entries.map((entry) => (
        <BodyItem
          key={entry.key}
          entry={entry}
          imageUrls={imageUrls}
          baseUrl={baseUrl}
          cited={entry.type === 'paragraph' && entry.paragraph.n === citedParagraph}
          onCite={onCite}
          tabStop={entry.type === 'paragraph' && entry.paragraph.n === navigation.tabStop}
          onNumberKey={navigation.onNumberKey}
          onNumberFocus={navigation.onNumberFocus}
        />
      ))}
    </section>
  );
}
