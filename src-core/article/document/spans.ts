import type { Block, Mark, SourceDocument, Span } from './types.ts';

/**
 * Building and reading the map from a block's display text back to its source (`Block.spans`).
 * Every front end appends display text through a `SpanBuilder`, which keeps the promise the
 * model makes: a span of equal lengths is a verbatim copy, character for character.
 */

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const AMP = 38;
const GT = 62;
const BACKSLASH = 92;

/** The characters `String.prototype.trim` removes: ASCII and Unicode spaces, the BOM, line ends. */
export function isSpace(code: number): boolean {
  if (code <= SPACE) return code === SPACE || (code >= TAB && code <= CR);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const isLineEnding = (code: number): boolean => code === LF || code === CR;

/** HTML's collapsible whitespace: space, tab, line feed, form feed, carriage return. */
const isAsciiSpace = (code: number): boolean =>
  code === SPACE || code === TAB || code === LF || code === 12 || code === CR;

/** `!"#$%&'()*+,-./:;<=>?@[\]^_\`{|}~`: what a Markdown backslash can escape. */
function isAsciiPunctuation(code: number): boolean {
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  );
}

/** A position in a `SpanBuilder` to trim from or roll back to. */
export interface Checkpoint {
  readonly length: number;
  readonly parts: number;
  readonly spans: number;
  readonly marks: number;
}

/**
 * Accumulates one block's display text with its spans and marks. Appending is amortised
 * constant time per call plus the characters appended; the text is joined once in `text()`.
 */
export class SpanBuilder {
  readonly spans: Span[] = [];
  readonly marks: Mark[] = [];
  private readonly parts: string[] = [];
  private size = 0;

  constructor(readonly source: string) {}

  /** Length of the display text so far. */
  get length(): number {
    return this.size;
  }

  /** The last display character, or '' when there is none. */
  lastChar(): string {
    const last = this.parts[this.parts.length - 1];
    return last ? last[last.length - 1]! : '';
  }

  /** Appends `source[start, end)` as display text, mapped character for character. */
  verbatim(start: number, end: number): void {
    if (end <= start) return;
    const n = end - start;
    this.parts.push(this.source.slice(start, end));
    const prev = this.spans[this.spans.length - 1];
    if (
      prev &&
      prev.textLength === prev.sourceLength &&
      prev.text + prev.textLength === this.size &&
      prev.source + prev.sourceLength === start
    ) {
      prev.textLength += n;
      prev.sourceLength += n;
    } else {
      this.spans.push({ text: this.size, textLength: n, source: start, sourceLength: n });
    }
    this.size += n;
  }

  /**
   * Appends display text that stands for `source[start, end)` as a whole (an entity decoded,
   * an escape resolved, whitespace collapsed). Equal lengths would read as a verbatim copy, so
   * such a piece is recorded as verbatim when it is one and as unmapped text when it is not.
   */
  rewritten(text: string, start: number, end: number): void {
    if (!text) return;
    const n = end - start;
    if (text.length === n) {
      if (this.source.startsWith(text, start)) this.verbatim(start, end);
      else this.synthetic(text);
      return;
    }
    if (n <= 0) {
      this.synthetic(text);
      return;
    }
    this.parts.push(text);
    this.spans.push({ text: this.size, textLength: text.length, source: start, sourceLength: n });
    this.size += text.length;
  }

  /** Appends display text that comes from no source character (a separator, a line break). */
  synthetic(text: string): void {
    if (!text) return;
    this.parts.push(text);
    this.size += text.length;
  }

  /** Records an inline mark over `[start, end)` of the display text; empty marks are dropped. */
  mark(type: Mark['type'], start: number, end: number, href?: string): void {
    if (end <= start) return;
    this.marks.push(href === undefined ? { type, start, end } : { type, start, end, href });
  }

  checkpoint(): Checkpoint {
    return {
      length: this.size,
      parts: this.parts.length,
      spans: this.spans.length,
      marks: this.marks.length,
    };
  }

  /** Drops everything appended since the checkpoint. */
  truncate(cp: Checkpoint): void {
    this.parts.length = cp.parts;
    this.spans.length = cp.spans;
    this.marks.length = cp.marks;
    this.size = cp.length;
  }

  /**
   * Removes leading and trailing whitespace from the text appended since the checkpoint,
   * cutting spans and marks to match. Returns the length of what remains.
   */
  trimSince(cp: Checkpoint): number {
    if (this.size === cp.length) return 0;
    const segment = this.parts.splice(cp.parts).join('');
    let lead = 0;
    while (lead < segment.length && isSpace(segment.charCodeAt(lead))) lead++;
    let trail = segment.length;
    while (trail > lead && isSpace(segment.charCodeAt(trail - 1))) trail--;
    const kept = lead === 0 && trail === segment.length ? segment : segment.slice(lead, trail);
    if (kept) this.parts.push(kept);
    if (kept.length === segment.length) return kept.length;
    const lo = cp.length + lead;
    const hi = cp.length + trail;
    const spans = this.spans.splice(cp.spans);
    for (const s of spans) {
      const a = Math.max(s.text, lo);
      const b = Math.min(s.text + s.textLength, hi);
      if (b <= a) continue;
      if (s.textLength === s.sourceLength) {
        const source = s.source + (a - s.text);
        this.spans.push({ text: a - lead, textLength: b - a, source, sourceLength: b - a });
      } else if (b - a !== s.sourceLength) {
        // Part of a rewritten piece still maps to the whole piece.
        this.spans.push({
          text: a - lead,
          textLength: b - a,
          source: s.source,
          sourceLength: s.sourceLength,
        });
      }
    }
    const marks = this.marks.splice(cp.marks);
    for (const m of marks) {
      const a = Math.max(m.start, lo) - lead;
      const b = Math.min(m.end, hi) - lead;
      if (b > a) this.marks.push({ ...m, start: a, end: b });
    }
    this.size = cp.length + kept.length;
    return kept.length;
  }

  /** The display text, joined once. */
  text(): string {
    if (this.parts.length > 1) {
      const joined = this.parts.join('');
      this.parts.length = 0;
      this.parts.push(joined);
    }
    return this.parts[0] ?? '';
  }
}

/** How `appendAligned` may explain a difference between a parsed value and its source. */
export interface AlignOptions {
  /** Markdown backslash escapes: `\*` shows as `*`. */
  escapes?: boolean;
  /** Character references: `&amp;`, `&#169;`, `&#xA9;` show decoded. */
  references?: boolean;
  /** After a source line ending, spaces, tabs and `>` are container syntax the value dropped. */
  linePrefixes?: boolean;
  /** A source line ending may show as one space. */
  lineEndingAsSpace?: boolean;
  /** A run of ASCII whitespace may show as one whitespace character (HTML text; not U+00A0). */
  collapseWhitespace?: boolean;
}

/**
 * Appends `value`, which a parser produced from `source[start, end)`, mapping each display
 * character back to the source: verbatim wherever the characters agree, a rewritten piece for
 * each escape, reference or line ending the options allow, and otherwise the rest of the line
 * as one rewritten piece with its common tail kept verbatim. Source characters the value does
 * not show (syntax, indentation, trailing spaces) are simply left out. Linear in the lengths.
 */
export function appendAligned(
  b: SpanBuilder,
  value: string,
  start: number,
  end: number,
  options: AlignOptions = {},
): void {
  const src = b.source;
  const vEnd = value.length;
  const prefixes = options.linePrefixes === true;
  let i = 0;
  let j = start;
  let atLineStart = prefixes && (j === 0 || isLineEnding(src.charCodeAt(j - 1)));
  let run = -1; // source start of the pending verbatim run
  let runLength = 0;
  const flush = (): void => {
    if (runLength > 0) b.verbatim(run, run + runLength);
    runLength = 0;
  };
  const lineEndingLength = (text: string, at: number): number =>
    text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;

  while (i < vEnd) {
    if (j >= end) {
      flush();
      b.synthetic(value.slice(i));
      return;
    }
    const c = value.charCodeAt(i);
    const d = src.charCodeAt(j);
    if (atLineStart) {
      if (d === SPACE || d === TAB || d === GT) {
        flush();
        j++;
        continue;
      }
      atLineStart = false;
    }
    if (
      options.escapes &&
      d === BACKSLASH &&
      j + 1 < end &&
      isAsciiPunctuation(src.charCodeAt(j + 1)) &&
      c === src.charCodeAt(j + 1)
    ) {
      flush();
      b.rewritten(value[i]!, j, j + 2);
      i++;
      j += 2;
      continue;
    }
    if (options.references && d === AMP) {
      const n = referenceLength(src, j, end);
      if (n > 0 && !value.startsWith(src.slice(j, j + n), i)) {
        const length = decodedLength(value, i, src, j + n, end);
        flush();
        b.rewritten(value.slice(i, i + length), j, j + n);
        i += length;
        j += n;
        continue;
      }
    }
    if (options.collapseWhitespace && isAsciiSpace(c) && isAsciiSpace(d) && !isLineEnding(c)) {
      let k = j + 1;
      while (k < end && isAsciiSpace(src.charCodeAt(k))) k++;
      if (k - j > 1 || c !== d) {
        flush();
        b.rewritten(value[i]!, j, k);
        i++;
        j = k;
        continue;
      }
    }
    if (c === d) {
      if (runLength === 0) run = j;
      runLength++;
      i++;
      j++;
      if (prefixes && (d === LF || (d === CR && src.charCodeAt(j) !== LF))) atLineStart = true;
      continue;
    }
    if (isLineEnding(c)) {
      if (d === SPACE || d === TAB) {
        // Trailing whitespace the parser dropped before a line ending.
        flush();
        j++;
        continue;
      }
      if (isLineEnding(d)) {
        const vl = lineEndingLength(value, i);
        const sl = lineEndingLength(src, j);
        flush();
        b.rewritten(value.slice(i, i + vl), j, j + sl);
        i += vl;
        j += sl;
        atLineStart = prefixes;
        continue;
      }
    }
    if (options.lineEndingAsSpace && c === SPACE && isLineEnding(d)) {
      const sl = lineEndingLength(src, j);
      flush();
      b.rewritten(' ', j, j + sl);
      i++;
      j += sl;
      atLineStart = prefixes;
      continue;
    }
    // An unexplained difference: the rest of this display line stands for the rest of this
    // source line, and their common tail is still a verbatim copy.
    flush();
    let ve = i;
    while (ve < vEnd && !isLineEnding(value.charCodeAt(ve))) ve++;
    let se = j;
    while (se < end && !isLineEnding(src.charCodeAt(se))) se++;
    let k = 0;
    while (
      k < ve - i &&
      k < se - j &&
      value.charCodeAt(ve - 1 - k) === src.charCodeAt(se - 1 - k)
    ) {
      k++;
    }
    if (ve - k > i) b.rewritten(value.slice(i, ve - k), j, se - k);
    b.verbatim(se - k, se);
    i = ve;
    j = se;
  }
  flush();
}

/**
 * Appends a value whose lines are suffixes of its source lines (a code block without its
 * indentation or container prefixes): each line verbatim when it is one, rewritten when not.
 */
export function appendLines(b: SpanBuilder, value: string, start: number, end: number): void {
  const src = b.source;
  let i = 0;
  let j = start;
  while (i <= value.length) {
    let ve = i;
    while (ve < value.length && !isLineEnding(value.charCodeAt(ve))) ve++;
    let se = j;
    while (se < end && !isLineEnding(src.charCodeAt(se))) se++;
    const n = ve - i;
    if (n > 0) {
      if (se - j >= n && src.startsWith(value.slice(i, ve), se - n)) b.verbatim(se - n, se);
      else if (j < se) b.rewritten(value.slice(i, ve), j, se);
      else b.synthetic(value.slice(i, ve));
    }
    if (ve >= value.length) return;
    const vl = value.charCodeAt(ve) === CR && value.charCodeAt(ve + 1) === LF ? 2 : 1;
    const sl = src.charCodeAt(se) === CR && src.charCodeAt(se + 1) === LF ? 2 : 1;
    if (se < end) b.rewritten(value.slice(ve, ve + vl), se, se + sl);
    else b.synthetic(value.slice(ve, ve + vl));
    i = ve + vl;
    j = Math.min(se + sl, end);
  }
}

/** Length of the character reference (`&name;`, `&#123;`, `&#x1F;`) at `at`, or 0. */
function referenceLength(src: string, at: number, end: number): number {
  let k = at + 1;
  if (k >= end) return 0;
  const isDigit = (code: number): boolean => code >= 48 && code <= 57;
  const isHex = (code: number): boolean =>
    isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
  const isAlpha = (code: number): boolean =>
    (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let max: number;
  let ok: (code: number) => boolean;
  if (src.charCodeAt(k) === 35 /* # */) {
    k++;
    if ((src.charCodeAt(k) | 0x20) === 120 /* x */) {
      k++;
      max = 6;
      ok = isHex;
    } else {
      max = 7;
      ok = isDigit;
    }
  } else {
    if (!isAlpha(src.charCodeAt(k))) return 0;
    max = 32;
    ok = (code) => isAlpha(code) || isDigit(code);
  }
  const first = k;
  while (k < end && k - first < max && ok(src.charCodeAt(k))) k++;
  if (k === first || k >= end || src.charCodeAt(k) !== 59 /* ; */) return 0;
  return k + 1 - at;
}

/**
 * How many display characters a decoded reference took: two for an astral character and for
 * the few named references that stand for two characters (`&fjlig;` is "fj"), else one.
 */
function decodedLength(value: string, i: number, src: string, after: number, end: number): number {
  const c = value.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) return 2;
  if (i + 2 > value.length) return 1;
  const next = after < end ? src.charCodeAt(after) : -1;
  const v1 = value.charCodeAt(i + 1);
  const v2 = i + 2 < value.length ? value.charCodeAt(i + 2) : -1;
  return v1 !== next && v2 === next ? 2 : 1;
}

/**
 * The source range that display text `[textStart, textEnd)` of a block came from: exact inside
 * verbatim spans, widened to the whole piece inside rewritten ones. A range that touches no
 * span (synthesised text only) maps to an empty range where the next mapped text begins.
 */
export function sourceRangeOf(
  block: Pick<Block, 'spans' | 'start' | 'end'>,
  textStart: number,
  textEnd: number,
): { start: number; end: number } {
  const spans = block.spans;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = spans[mid]!;
    if (s.text + s.textLength <= textStart) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.text < textEnd) lo = mid + 1;
    else hi = mid;
  }
  const last = lo - 1;
  if (last < first || textEnd <= textStart) {
    const at = spans[first];
    if (at && at.text <= textStart && at.textLength === at.sourceLength) {
      const pos = at.source + (textStart - at.text);
      return { start: pos, end: pos };
    }
    const prev = spans[first - 1];
    const pos = at ? at.source : prev ? prev.source + prev.sourceLength : block.end;
    return { start: pos, end: pos };
  }
  const a = spans[first]!;
  const z = spans[last]!;
  const start =
    a.textLength === a.sourceLength ? a.source + Math.max(0, textStart - a.text) : a.source;
  const end =
    z.textLength === z.sourceLength
      ? z.source + Math.min(z.textLength, textEnd - z.text)
      : z.source + z.sourceLength;
  return { start, end };
}

/**
 * Everything wrong with a document's offsets, for tests and assertions: blocks outside the
 * source or out of order, spans out of order or outside their block, verbatim spans whose
 * characters differ, marks and list items outside the text. Empty when all is well.
 */
export function documentProblems(doc: SourceDocument): string[] {
  const problems: string[] = [];
  const { source } = doc;
  let previousEnd = 0;
  doc.blocks.forEach((block, n) => {
    const where = `block ${n} (${block.kind})`;
    if (!(block.start >= 0 && block.start <= block.end && block.end <= source.length)) {
      problems.push(`${where}: range [${block.start}, ${block.end}) outside the source`);
    }
    if (block.start < previousEnd) problems.push(`${where}: starts before the previous block ends`);
    previousEnd = Math.max(previousEnd, block.end);
    let textAt = 0;
    for (const s of block.spans) {
      if (s.text < textAt || s.textLength <= 0 || s.text + s.textLength > block.text.length) {
        problems.push(`${where}: span at text ${s.text} out of order or outside the text`);
      }
      textAt = s.text + s.textLength;
      if (s.source < block.start || s.source + s.sourceLength > block.end) {
        problems.push(`${where}: span at source ${s.source} outside the block`);
      }
      if (
        s.textLength === s.sourceLength &&
        block.text.slice(s.text, s.text + s.textLength) !==
          source.slice(s.source, s.source + s.sourceLength)
      ) {
        problems.push(`${where}: verbatim span at text ${s.text} differs from its source`);
      }
    }
    for (const m of block.marks) {
      if (!(m.start >= 0 && m.start < m.end && m.end <= block.text.length)) {
        problems.push(`${where}: ${m.type} mark [${m.start}, ${m.end}) outside the text`);
      }
    }
    for (const item of block.items ?? []) {
      if (!(item.start >= 0 && item.start <= item.end && item.end <= block.text.length)) {
        problems.push(`${where}: list item [${item.start}, ${item.end}) outside the text`);
      }
    }
  });
  return problems;
}
