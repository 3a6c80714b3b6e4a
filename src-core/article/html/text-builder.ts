import type { Mark, Span } from '../document/types.ts';
import type { NodePiece } from './source-text.ts';

const NEWLINE = 10;
const TAB = 9;

const isSpace = (code: number): boolean =>
  code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0;

/**
 * Builds one block's display text from DOM text nodes the way a browser lays it out:
 * whitespace runs collapse to one space (except in preformatted text), `<br>` is a line break,
 * and the text is trimmed at the block's edges. Each piece of output keeps a span back to the
 * source characters it came from.
 */
export class TextBuilder {
  private text = '';
  private readonly spans: Span[] = [];
  readonly marks: Mark[] = [];
  private pendingSpace = false;
  /**
   * The last character written, kept aside: asking the growing string (`endsWith`) would
   * flatten it at every word, which makes a long block quadratic.
   */
  private last = -1;

  private add(char: string): void {
    this.text += char;
    this.last = char.charCodeAt(0);
  }

  get length(): number {
    return this.text.length;
  }

  /** Where the next visible character will stand (after a pending collapsed space). */
  get cursor(): number {
    return this.text.length + (this.pendingSpace && this.text.length > 0 ? 1 : 0);
  }

  append(data: string, pieces: readonly NodePiece[], preformatted: boolean): void {
    let p = 0;
    let i = 0;
    while (i < data.length) {
      const code = data.charCodeAt(i);
      if (!preformatted && isSpace(code)) {
        this.pendingSpace = true;
        i++;
        continue;
      }
      let j = i + 1;
      if (!preformatted) while (j < data.length && !isSpace(data.charCodeAt(j))) j++;
      else j = data.length;
      this.flushSpace();
      const at = this.text.length;
      this.text += data.slice(i, j);
      this.last = data.charCodeAt(j - 1);
      while (p < pieces.length && pieces[p]!.offset + pieces[p]!.length <= i) p++;
      for (let q = p; q < pieces.length && pieces[q]!.offset < j; q++) {
        this.mapRange(pieces[q]!, i, j, at);
      }
      i = j;
    }
  }

  lineBreak(): void {
    this.pendingSpace = false;
    if (this.text.length > 0 && this.last !== NEWLINE) this.add('\n');
  }

  /** A new table cell: a tab after the row's earlier cells. */
  cell(): void {
    this.pendingSpace = false;
    if (this.text.length > 0 && this.last !== NEWLINE && this.last !== TAB) this.add('\t');
  }

  mark(type: Mark['type'], start: number, href?: string): void {
    const end = this.text.length;
    if (end <= start) return;
    this.marks.push(href === undefined ? { type, start, end } : { type, start, end, href });
  }

  /** The finished text with trailing line breaks trimmed. */
  finish(): { text: string; spans: Span[]; marks: Mark[] } {
    let end = this.text.length;
    while (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    const text = this.text.slice(0, end);
    const spans = this.spans
      .filter((s) => s.text < end)
      .map((s) => {
        const over = s.text + s.textLength - end;
        if (over <= 0) return s;
        // A trimmed line break at the end: a verbatim span loses it on both sides.
        const verbatim = s.textLength === s.sourceLength;
        return {
          ...s,
          textLength: s.textLength - over,
          sourceLength: verbatim ? s.sourceLength - over : s.sourceLength,
        };
      });
    const marks = this.marks
      .map((m) => ({ ...m, end: Math.min(m.end, end) }))
      .filter((m) => m.end > m.start);
    return { text, spans, marks };
  }

  private flushSpace(): void {
    if (this.pendingSpace && this.text.length > 0 && this.last !== NEWLINE) this.add(' ');
    this.pendingSpace = false;
  }

  /** Adds the span for the part of `piece` that falls inside data[i, j), copied to `at`. */
  private mapRange(piece: NodePiece, i: number, j: number, at: number): void {
    const from = Math.max(piece.offset, i);
    const to = Math.min(piece.offset + piece.length, j);
    if (to <= from) return;
    const textStart = at + (from - i);
    if (piece.length === piece.sourceLength) {
      this.pushSpan({
        text: textStart,
        textLength: to - from,
        source: piece.source + (from - piece.offset),
        sourceLength: to - from,
      });
    } else {
      this.pushSpan({
        text: textStart,
        textLength: to - from,
        source: piece.source,
        sourceLength: piece.sourceLength,
      });
    }
  }

  private pushSpan(span: Span): void {
    const last = this.spans[this.spans.length - 1];
    const verbatim = span.textLength === span.sourceLength;
    // Adjacent verbatim pieces that are adjacent in the source too are one span.
    if (
      last &&
      verbatim &&
      last.textLength === last.sourceLength &&
      last.text + last.textLength === span.text &&
      last.source + last.sourceLength === span.source
    ) {
      last.textLength += span.textLength;
      last.sourceLength += span.sourceLength;
      return;
    }
    this.spans.push(span);
  }
}
