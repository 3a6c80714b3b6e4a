import { mostlySymbols } from '../../text/word-share.ts';

/**
 * Resource limits for the Markdown parser: micromark is linear on real documents but not on
 * crafted ones (emphasis delimiters resolve in quadratic time within a paragraph, setext
 * headings grow with their count, thousands of link openers slow it to seconds). Past these
 * limits, far beyond any real document, a file is read as plain text instead. One linear pass;
 * a measure of cost, not a parser.
 */
const MAX_DELIMITER_RUNS = 1000;
const MAX_BRACKETS = 2000;
const MAX_UNDERLINES = 1000;
/**
 * Characters micromark may scan for inline HTML that never closes: each `<!--`, `<?` or
 * `<!DOCTYPE`-like opener in a paragraph scans ahead to its closer (`-->`, `?>`, `>`) or to the
 * paragraph's end, so thousands of unclosed openers cost quadratic time (4,000 `<!--` in one
 * line: 4 s; found by fuzzing). A real page's comments close within a few hundred characters.
 */
const MAX_HTML_SCAN = 1_000_000;
/**
 * The longest span of a paragraph from a "[" to its "]" (a link's ")", or the paragraph's end) that GFM's
 * autolink-literal extension reads in reasonable time: it costs the square of the span (40 KB
 * of words after one "[": 5 s; found by fuzzing). Charged as span², summed per file.
 */
const MAX_LABEL_SPAN = 16_000;

/** Inline HTML constructs that scan to a closer: comment, instruction, declaration, CDATA. */
const Scan = { Comment: 0, Instruction: 1, Declaration: 2, Cdata: 3 } as const;
type Scan = (typeof Scan)[keyof typeof Scan];

/**
 * The characters micromark scans for unclosed inline HTML, counted in one pass: every opener
 * waits for its kind's closer; when it comes (or the paragraph ends) each waiting opener is
 * charged the distance from where it opened.
 */
class HtmlScanCost {
  total = 0;
  private readonly waiting = [0, 0, 0, 0];
  private readonly openedAt = [0, 0, 0, 0];

  open(kind: Scan, at: number): void {
    this.waiting[kind]!++;
    this.openedAt[kind]! += at;
  }

  close(kind: Scan, at: number): void {
    this.total += this.waiting[kind]! * at - this.openedAt[kind]!;
    this.waiting[kind] = 0;
    this.openedAt[kind] = 0;
  }

  closeAll(at: number): void {
    for (const kind of [Scan.Comment, Scan.Instruction, Scan.Declaration, Scan.Cdata])
      this.close(kind, at);
  }

  /** Counts the opener or closer at `i` (a "<" or ">"). */
  read(source: string, i: number, c: number): void {
    if (c === 60) {
      const next = source.charCodeAt(i + 1);
      if (next === 63) this.open(Scan.Instruction, i);
      else if (next !== 33) return;
      else if (source.startsWith('<!--', i)) this.open(Scan.Comment, i);
      else if (source.startsWith('<![CDATA[', i)) this.open(Scan.Cdata, i);
      else if (/[A-Za-z]/.test(source.charAt(i + 2))) this.open(Scan.Declaration, i);
    } else if (c === 62) {
      this.close(Scan.Declaration, i);
      const before = source.slice(Math.max(0, i - 2), i);
      if (before === '--') this.close(Scan.Comment, i);
      if (before.endsWith('?')) this.close(Scan.Instruction, i);
      if (before === ']]') this.close(Scan.Cdata, i);
    }
  }
}

export function markdownTooCostly(source: string): boolean {
  const n = source.length;
  let runs = 0;
  let brackets = 0;
  let underlines = 0;
  let lineStart = 0;
  let lineBlank = true;
  let lineOnly = -1; // the one character an underline line repeats, or -2 for "not an underline"
  const html = new HtmlScanCost();
  let labelCost = 0;
  let labelOpen = -1; // where the paragraph's first unclosed "[" is, or -1
  const closeLabel = (at: number): boolean => {
    if (labelOpen >= 0) labelCost += (at - labelOpen) ** 2;
    labelOpen = -1;
    return labelCost > MAX_LABEL_SPAN ** 2;
  };
  for (let i = 0; i <= n; i++) {
    const c = i < n ? source.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      if (lineBlank) {
        // A blank line ends the paragraph: its delimiters no longer interact.
        runs = 0;
        brackets = 0;
        html.closeAll(i);
        if (html.total > MAX_HTML_SCAN || closeLabel(i)) return true;
      } else if (lineOnly === 61 || lineOnly === 45) {
        if (++underlines > MAX_UNDERLINES) return true;
      }
      lineStart = i + 1;
      lineBlank = true;
      lineOnly = -1;
      continue;
    }
    if (c !== 32 && c !== 9) {
      lineBlank = false;
      if (lineOnly === -1) lineOnly = c;
      else if (lineOnly !== c) lineOnly = -2;
    }
    if (c === 42 || c === 95) {
      const previous = i > lineStart ? source.charCodeAt(i - 1) : 0;
      if (previous !== c && ++runs > MAX_DELIMITER_RUNS) return true;
    } else if (c === 91) {
      if (++brackets > MAX_BRACKETS) return true;
      if (labelOpen < 0) labelOpen = i;
    } else if (c === 93 || c === 41) {
      // "](" goes on into a link's destination, which the span includes up to its ")".
      if (!(c === 93 && source.charCodeAt(i + 1) === 40) && closeLabel(i)) return true;
    } else if (c === 60 || c === 62) html.read(source, i, c);
  }
  html.closeAll(n);
  if (html.total > MAX_HTML_SCAN || closeLabel(n)) return true;
  // micromark spends microseconds on each syntax character: a megabyte of `\\`, `&` or blank
  // lines takes seconds and holds no article.
  return mostlySymbols(source);
}
