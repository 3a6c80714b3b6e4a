import { useCallback, useEffect, useMemo, useState } from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../src-core/excerpt/annotation.ts';
import { describeSelection } from '../../../src-core/excerpt/anchor.ts';
import {
  MAX_QUOTE_LENGTH,
  displayOffset,
  type DisplayText,
} from '../../../src-core/excerpt/display-text.ts';
import type { AnnotationTarget } from '../../../src-core/excerpt/types.ts';
import { selectionPoints } from './dom-offsets.ts';
import { COLOR_LABELS } from './colors.ts';

interface Props {
  /** The element holding the article body (the reader's text, headings and notices). */
  container: HTMLElement | null;
  display: DisplayText | null;
  body: readonly { n: number; id: string; text: string }[];
  onHighlight(target: AnnotationTarget, color: HighlightColor, withNote: boolean): Promise<void>;
}

/** What is selected: display offsets, made into selectors only when the user acts on them. */
type Found =
  | { kind: 'none' }
  | { kind: 'range'; start: number; end: number; rect: DOMRect; display: DisplayText }
  | { kind: 'refused'; message: string; rect: DOMRect };

const tooLong = (length: number) =>
  `A highlight can hold up to ${MAX_QUOTE_LENGTH.toLocaleString('en')} characters and this selection has about ${length.toLocaleString('en')}. Select less text.`;

const OUTSIDE_BODY =
  'Only the numbered paragraphs can be highlighted. The rights notices go whole into every excerpt.';

/**
 * Appears over a selection in the article: a colour to highlight it, or a note. The keyboard
 * has the same: H highlights the selection, N highlights it and opens its note. A selection
 * reaching into the header or the notices keeps only its part in the body; one entirely
 * outside the body, or too long, gets a message instead of buttons.
 */
export function SelectionToolbar({ container, display, body, onHighlight }: Props) {
  const [found, setFound] = useState<Found>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const indexByN = useMemo(() => new Map(body.map((p, i) => [p.n, i] as const)), [body]);

  const read = useCallback((): Found => {
    const selection = document.getSelection();
    if (!container || !display || !selection || selection.isCollapsed || !selection.rangeCount) {
      return { kind: 'none' };
    }
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(container)) return { kind: 'none' };
    const rect = range.getBoundingClientRect();
    const points = selectionPoints(container, range);
    if (!points) return { kind: 'refused', message: OUTSIDE_BODY, rect };
    const first = indexByN.get(points.start.n);
    const last = indexByN.get(points.end.n);
    if (first === undefined || last === undefined) return { kind: 'none' };
    const start = displayOffset(display, first, points.start.offset);
    const end = displayOffset(display, last, points.end.offset);
    // The precise refusal (after trimming) comes from describeSelection when the user acts.
    if (end - start > MAX_QUOTE_LENGTH * 2) {
      return { kind: 'refused', message: tooLong(end - start), rect };
    }
    return { kind: 'range', start, end, rect, display };
  }, [container, display, indexByN]);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setFound(read()));
    };
    document.addEventListener('selectionchange', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      cancelAnimationFrame(frame);
    };
  }, [read]);

  const highlight = useCallback(
    async (color: HighlightColor, withNote: boolean) => {
      if (found.kind !== 'range' || busy || !display) return;
      let target: AnnotationTarget;
      try {
        // The article was re-read since the selection was measured: its offsets mean nothing.
        if (found.display !== display)
          throw new Error('The article changed: select the text again.');
        target = describeSelection(body, found.start, found.end, display);
      } catch (error) {
        setFound({ kind: 'refused', message: (error as Error).message, rect: found.rect });
        return;
      }
      setBusy(true);
      try {
        await onHighlight(target, color, withNote);
        document.getSelection()?.removeAllRanges();
      } finally {
        setBusy(false);
      }
    },
    [found, busy, body, display, onHighlight],
  );

  useEffect(() => {
    if (found.kind !== 'range') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      if (key !== 'h' && key !== 'n') return;
      event.preventDefault();
      void highlight('yellow', key === 'n');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [found, highlight]);

  if (found.kind === 'none') return null;
  const style = {
    top: Math.max(8, found.rect.top - 48),
    left: Math.min(Math.max(8, found.rect.left), window.innerWidth - 320),
  };
  if (found.kind === 'refused') {
    return (
      <div className="selection-bar selection-bar--note" style={style} role="status">
        {found.message}
      </div>
    );
  }
  return (
    <div
      className="selection-bar"
      style={style}
      role="toolbar"
      aria-label="Highlight the selection"
      data-testid="selection-toolbar"
      // Pressing a button must not clear the selection it acts on.
      onMouseDown={(event) => event.preventDefault()}
    >
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className="selection-bar__color"
          data-color={color}
          aria-label={`Highlight ${COLOR_LABELS[color]}`}
          title={`Highlight ${COLOR_LABELS[color]}${color === 'yellow' ? ' (H)' : ''}`}
          disabled={busy}
          onClick={() => void highlight(color, false)}
        />
      ))}
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        title="Highlight and add a note (N)"
        onClick={() => void highlight('yellow', true)}
      >
        Add note
      </button>
    </div>
  );
}
