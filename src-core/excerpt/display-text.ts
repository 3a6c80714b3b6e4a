/**
 * The article's display text, as annotation selectors see it: the body paragraphs' display
 * text joined by PARAGRAPH_BREAK. Headings, figures and notices are not part of it: only
 * numbered paragraphs can be quoted with a locator.
 */
export const PARAGRAPH_BREAK = '\n\n';

export interface DisplayText {
  text: string;
  /** Where each paragraph (by index into the body) starts in `text`. */
  starts: number[];
  /** Each paragraph's number (Paragraph.n) and stable id, by index. */
  numbers: number[];
  ids: string[];
}

export interface BodyParagraph {
  n: number;
  id: string;
  text: string;
}

export function displayText(body: readonly BodyParagraph[]): DisplayText {
  const starts: number[] = [];
  let at = 0;
  for (const p of body) {
    starts.push(at);
    at += p.text.length + PARAGRAPH_BREAK.length;
  }
  return {
    text: body.map((p) => p.text).join(PARAGRAPH_BREAK),
    starts,
    numbers: body.map((p) => p.n),
    ids: body.map((p) => p.id),
  };
}

/**
 * The index of the paragraph holding display offset `offset` (binary search). An offset in the
 * break after a paragraph belongs to that paragraph; past the end, to the last one.
 */
export function paragraphIndexAt(display: DisplayText, offset: number): number {
  const { starts } = display;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The display offset of character `offset` of paragraph `index`. */
export function displayOffset(display: DisplayText, index: number, offset: number): number {
  return (display.starts[index] ?? 0) + offset;
}
