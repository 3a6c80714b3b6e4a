import './annotations.css';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { HighlightColor } from '../../../src-core/excerpt/annotation.ts';
import { describeSelection } from '../../../src-core/excerpt/anchor.ts';
import { displayOffset } from '../../../src-core/excerpt/display-text.ts';
import type { AnnotationTarget } from '../../../src-core/excerpt/types.ts';
import type { ArticleRecord, Library } from '../../db/index.ts';
import { AnnotationsPanel } from './AnnotationsPanel.tsx';
import { HighlightByQuote } from './HighlightByQuote.tsx';
import { pointAt } from './dom-offsets.ts';
import { SelectionToolbar } from './SelectionToolbar.tsx';
import { useArticleAnnotations } from './use-article-annotations.ts';
import { useHighlightPainter, type PaintedHighlight } from './use-highlight-painter.ts';

interface Options {
  library: Library;
  article: ArticleRecord | null | undefined;
  /** The reader's scrolling element: highlights are painted and selections read inside it. */
  container: HTMLElement | null;
  onShowNotes(): void;
  onJump(n: number): void;
  onExport(ids: string[]): void;
  /** A request to show one highlight (a new object per request). */
  focus?: { annotation?: string } | null;
}

export interface ReaderAnnotations {
  count: number;
  /** The notes panel, for the aside's Notes tab. */
  panel: ReactNode;
  /** The bar over a selection, rendered inside the reader. */
  toolbar: ReactNode;
  /** A click on highlighted text opens its note. */
  onReaderClick(event: MouseEvent): void;
  /** H on a focused paragraph number highlights the whole paragraph (N: with a note). */
  onReaderKey(event: KeyboardEvent): void;
}

/** Highlights in the open article: painting, making them, and the panel that lists them. */
export function useReaderAnnotations({
  library,
  article,
  container,
  onShowNotes,
  onJump,
  onExport,
  focus = null,
}: Options): ReaderAnnotations {
  const { display, items } = useArticleAnnotations(library, article);
  // The highlight in focus: the user's last pick, unless a newer request (`focus`) names one.
  const [picked, setPicked] = useState<{ id: string | null; during: object | null }>({
    id: null,
    during: null,
  });
  const activeId = picked.during === focus || !focus?.annotation ? picked.id : focus.annotation;
  const setActiveId = useCallback((id: string | null) => setPicked({ id, during: focus }), [focus]);
  const [noteFocusId, setNoteFocusId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const articleId = article?.id;
  const body = useMemo(() => article?.body ?? [], [article?.body]);

  const painted = useMemo<PaintedHighlight[]>(
    () =>
      (items ?? []).flatMap(({ record, anchor }) =>
        anchor.status === 'anchored'
          ? [{ id: record.id, color: record.color, start: anchor.start, end: anchor.end }]
          : [],
      ),
    [items],
  );
  useHighlightPainter(container, display, painted, activeId);

  // The latest callback, for handlers that must stay stable across renders.
  const showNotesRef = useRef(onShowNotes);
  useEffect(() => {
    showNotesRef.current = onShowNotes;
  });
  const highlight = useCallback(
    async (target: AnnotationTarget, color: HighlightColor, withNote: boolean) => {
      if (!articleId) return;
      try {
        const record = await library.annotations.add(articleId, target, { color });
        setError(null);
        setActiveId(record.id);
        if (withNote) {
          setNoteFocusId(record.id);
          showNotesRef.current();
        }
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [library, articleId, setActiveId],
  );

  // Shows a requested highlight once its article's annotations are anchored: where its text is
  // now, which after a re-parse may not be the paragraph it was made in.
  const handledFocus = useRef<object | null>(null);
  const jumpRef = useRef(onJump);
  useEffect(() => {
    jumpRef.current = onJump;
  });
  useEffect(() => {
    if (!focus?.annotation || !items || handledFocus.current === focus) return;
    handledFocus.current = focus;
    const item = items.find((i) => i.record.id === focus.annotation);
    if (!item) return;
    showNotesRef.current();
    if (item.anchor.status === 'anchored') jumpRef.current(item.anchor.paragraphs.firstN);
  }, [focus, items]);

  const onReaderClick = useCallback(
    (event: MouseEvent) => {
      // Only a click on the text itself: not on a paragraph number (which cites) or a margin.
      if (!(event.target as Element).closest?.('[data-o]')) return;
      if (!display || !document.getSelection()?.isCollapsed) return;
      const point = pointAt(event.clientX, event.clientY);
      if (!point) return;
      const index = display.numbers.indexOf(point.n);
      if (index < 0) return;
      const at = displayOffset(display, index, point.offset);
      const hit = painted.find((h) => h.start <= at && at < h.end);
      if (!hit) return;
      setActiveId(hit.id);
      showNotesRef.current();
    },
    [display, painted, setActiveId],
  );

  const onReaderKey = useCallback(
    (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if ((key !== 'h' && key !== 'n') || event.ctrlKey || event.metaKey || event.altKey) return;
      const button = (event.target as HTMLElement).closest('.para__number');
      const n = Number(button?.closest<HTMLElement>('[data-n]')?.dataset.n);
      const index = display?.numbers.indexOf(n) ?? -1;
      if (!button || !display || index < 0 || !document.getSelection()?.isCollapsed) return;
      event.preventDefault();
      const start = display.starts[index]!;
      try {
        const target = describeSelection(body, start, start + body[index]!.text.length, display);
        void highlight(target, 'yellow', key === 'n');
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [display, body, highlight],
  );

  const panel = (
    <>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <AnnotationsPanel
        library={library}
        items={items}
        activeId={activeId}
        noteFocusId={noteFocusId}
        onActivate={setActiveId}
        onJump={onJump}
        onExport={onExport}
      />
      <HighlightByQuote
        body={body}
        display={display}
        onHighlight={(target) => highlight(target, 'yellow', false)}
      />
    </>
  );
  const toolbar = (
    <SelectionToolbar container={container} display={display} body={body} onHighlight={highlight} />
  );
  return { count: items?.length ?? 0, panel, toolbar, onReaderClick, onReaderKey };
}
