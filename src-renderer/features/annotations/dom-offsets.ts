/**
 * Maps between DOM positions in the reader and offsets in a paragraph's display text. The
 * reader renders every piece of display text in a span whose `data-o` says where it starts
 * (InlineText, ParagraphText); text outside those spans (paragraph numbers, spaces the layout
 * adds between list items) belongs to no offset.
 */

export const PARAGRAPH_SELECTOR = '[data-testid="paragraph"]';

/** A point in one paragraph: its number (Paragraph.n) and an offset in its display text. */
export interface ParagraphPoint {
  n: number;
  offset: number;
}

const spansOf = (paragraph: Element) =>
  Array.from(paragraph.querySelectorAll<HTMLElement>('[data-o]')).filter(
    (span) => span.dataset.o !== undefined && span.dataset.o !== '',
  );

const spanStart = (span: HTMLElement) => Number(span.dataset.o);
const spanLength = (span: HTMLElement) => span.textContent?.length ?? 0;

function contentsRange(node: Node): Range {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range;
}

/** The display offset of DOM point (node, offset) inside `paragraph`. */
export function offsetInParagraph(paragraph: Element, node: Node, offset: number): number {
  let after = 0;
  for (const span of spansOf(paragraph)) {
    const where = contentsRange(span).comparePoint(node, offset);
    if (where < 0) return after === 0 ? spanStart(span) : after;
    if (where === 0) {
      const head = document.createRange();
      head.setStart(span, 0);
      head.setEnd(node, offset);
      return spanStart(span) + head.toString().length;
    }
    after = spanStart(span) + spanLength(span);
  }
  return after;
}

const numberOf = (paragraph: Element) => Number((paragraph as HTMLElement).dataset.n);

/**
 * A DOM selection range as paragraph points, clipped to the numbered paragraphs inside
 * `container`: a selection that starts in the header or ends in the notices keeps only its
 * body part. Null when no paragraph text is selected.
 */
export function selectionPoints(
  container: Element,
  range: Range,
): { start: ParagraphPoint; end: ParagraphPoint } | null {
  const paragraphs = Array.from(container.querySelectorAll(PARAGRAPH_SELECTOR));
  const inside = paragraphs.filter((p) => range.intersectsNode(p));
  const first = inside[0];
  const last = inside.at(-1);
  if (!first || !last) return null;
  const startIn = first.contains(range.startContainer);
  const endIn = last.contains(range.endContainer);
  const start = {
    n: numberOf(first),
    offset: startIn ? offsetInParagraph(first, range.startContainer, range.startOffset) : 0,
  };
  const end = {
    n: numberOf(last),
    offset: endIn
      ? offsetInParagraph(last, range.endContainer, range.endOffset)
      : offsetInParagraph(last, last, last.childNodes.length),
  };
  if (start.n === end.n && end.offset <= start.offset) return null;
  return { start, end };
}

/** A DOM range over `[start, end)` of a paragraph's display text, or null if it shows none. */
export function paragraphRange(paragraph: Element, start: number, end: number): Range | null {
  let from: [Node, number] | null = null;
  let to: [Node, number] | null = null;
  for (const span of spansOf(paragraph)) {
    const text = span.firstChild;
    if (!text) continue;
    const s = spanStart(span);
    const e = s + spanLength(span);
    if (!from && start < e) from = [text, Math.max(0, start - s)];
    if (s < end) to = [text, Math.min(e, end) - s];
  }
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  return range.collapsed ? null : range;
}

/** The paragraph point under a click, if it fell on paragraph text. */
export function pointAt(x: number, y: number): ParagraphPoint | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const caret = doc.caretPositionFromPoint?.(x, y);
  const node = caret?.offsetNode ?? document.caretRangeFromPoint?.(x, y)?.startContainer;
  const offset = caret?.offset ?? document.caretRangeFromPoint?.(x, y)?.startOffset ?? 0;
  const paragraph = node && (node instanceof Element ? node : node.parentElement);
  const element = paragraph?.closest(PARAGRAPH_SELECTOR);
  if (!node || !element) return null;
  return { n: numberOf(element), offset: offsetInParagraph(element, node, offset) };
}
