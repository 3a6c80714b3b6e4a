import { useEffect } from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../src-core/excerpt/annotation.ts';
import {
  PARAGRAPH_BREAK,
  paragraphIndexAt,
  type DisplayText,
} from '../../../src-core/excerpt/display-text.ts';
import { PARAGRAPH_SELECTOR, paragraphRange } from './dom-offsets.ts';

/** A highlight to paint: display offsets of the article's current text. */
export interface PaintedHighlight {
  id: string;
  color: HighlightColor;
  start: number;
  end: number;
}

interface Piece {
  id: string;
  color: HighlightColor;
  start: number;
  end: number;
}

/** Each highlight cut at paragraph boundaries, by paragraph number. */
function piecesByParagraph(display: DisplayText, highlights: readonly PaintedHighlight[]) {
  const byN = new Map<number, Piece[]>();
  for (const h of highlights) {
    if (h.end <= h.start) continue;
    const last = paragraphIndexAt(display, h.end - 1);
    for (let i = paragraphIndexAt(display, h.start); i <= last; i++) {
      const from = display.starts[i]!;
      const next = display.starts[i + 1] ?? display.text.length + PARAGRAPH_BREAK.length;
      const length = next - PARAGRAPH_BREAK.length - from;
      const start = Math.max(h.start, from) - from;
      const end = Math.min(h.end, from + length) - from;
      if (end <= start) continue;
      const n = display.numbers[i]!;
      const list = byN.get(n) ?? [];
      list.push({ id: h.id, color: h.color, start, end });
      byN.set(n, list);
    }
  }
  return byN;
}

export const highlightName = (color: HighlightColor | 'active') => `quire-${color}`;

/** The CSS Custom Highlight API, where the engine has it (Chromium 105+, so Electron). */
const registry = (): HighlightRegistry | null =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined'
    ? CSS.highlights
    : null;

/**
 * Paints highlights with the CSS Custom Highlight API: ranges over the rendered text, no change
 * to the DOM React owns. A long body mounts paragraphs as they scroll into view, so the ranges
 * are rebuilt whenever the reader's DOM changes (once per frame at most).
 */
export function useHighlightPainter(
  container: HTMLElement | null,
  display: DisplayText | null,
  highlights: readonly PaintedHighlight[],
  activeId: string | null,
): void {
  useEffect(() => {
    const highlightsApi = registry();
    if (!container || !display || !highlightsApi) return;
    const byN = piecesByParagraph(display, highlights);
    const paint = () => {
      const sets = new Map<string, Range[]>();
      for (const paragraph of container.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR)) {
        for (const piece of byN.get(Number(paragraph.dataset.n)) ?? []) {
          const range = paragraphRange(paragraph, piece.start, piece.end);
          if (!range) continue;
          const names = [highlightName(piece.color)];
          if (piece.id === activeId) names.push(highlightName('active'));
          for (const name of names) {
            const list = sets.get(name);
            if (list) list.push(range);
            else sets.set(name, [range]);
          }
        }
      }
      for (const color of [...HIGHLIGHT_COLORS, 'active' as const]) {
        const name = highlightName(color);
        const ranges = sets.get(name);
        if (ranges) highlightsApi.set(name, new Highlight(...ranges));
        else highlightsApi.delete(name);
      }
    };
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), paint()));
    };
    paint();
    const observer = new MutationObserver(schedule);
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      for (const color of [...HIGHLIGHT_COLORS, 'active' as const]) {
        highlightsApi.delete(highlightName(color));
      }
    };
  }, [container, display, highlights, activeId]);
}
