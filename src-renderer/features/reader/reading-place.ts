/**
 * The reader's place, kept across reloads as the number of the paragraph at the top of its
 * viewport (not a pixel offset, which a new window width or text size would make wrong).
 */

/** Scrolled less than this, the reader is at its top: the header shows, no paragraph is kept. */
export const TOP_SLACK = 40;

export interface PlacedParagraph {
  n: number;
  /** Its top and bottom edges, relative to the top of the viewport. */
  top: number;
  bottom: number;
}

/**
 * The paragraph at the top of the viewport: the first (in reading order) whose bottom edge is
 * below the viewport's top. Null at the very top of the reader or when none is laid out.
 */
export function paragraphAtTop(
  paragraphs: readonly PlacedParagraph[],
  scrollTop: number,
): number | null {
  if (scrollTop < TOP_SLACK) return null;
  let best: PlacedParagraph | null = null;
  for (const p of paragraphs) {
    if (p.bottom <= 1) continue;
    if (best === null || p.top < best.top) best = p;
  }
  return best?.n ?? null;
}

/** Reads the paragraphs rendered in a reader's scrolling element (all, or a virtual window). */
export function readingPlace(scroller: HTMLElement): number | null {
  const view = scroller.getBoundingClientRect();
  const placed: PlacedParagraph[] = [];
  for (const element of scroller.querySelectorAll<HTMLElement>('[data-testid="paragraph"]')) {
    const box = element.getBoundingClientRect();
    if (box.bottom < view.top - view.height || box.top > view.bottom) continue;
    const n = Number(element.dataset.n);
    if (Number.isInteger(n))
      placed.push({ n, top: box.top - view.top, bottom: box.bottom - view.top });
  }
  return paragraphAtTop(placed, scroller.scrollTop);
}
