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
 * micromark spends several microseconds on each syntax character, so a large file that is
 * nearly all syntax (a megabyte of `\`, `&`, `<` or blank lines) takes seconds and holds no
 * article: past this size, a file with fewer letters and digits than this share is read as text.
 */
const LARGE = 100_000;
const MIN_WORD_SHARE = 0.2;

export function markdownTooCostly(source: string): boolean {
  const n = source.length;
  let runs = 0;
  let brackets = 0;
  let underlines = 0;
  let lineStart = 0;
  let lineBlank = true;
  let lineOnly = -1; // the one character an underline line repeats, or -2 for "not an underline"
  let wordChars = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? source.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      if (lineBlank) {
        // A blank line ends the paragraph: its delimiters no longer interact.
        runs = 0;
        brackets = 0;
      } else if (lineOnly === 61 || lineOnly === 45) {
        if (++underlines > MAX_UNDERLINES) return true;
      }
      lineStart = i + 1;
      lineBlank = true;
      lineOnly = -1;
      continue;
    }
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127)
      wordChars++;
    if (c !== 32 && c !== 9) {
      lineBlank = false;
      if (lineOnly === -1) lineOnly = c;
      else if (lineOnly !== c) lineOnly = -2;
    }
    if (c === 42 || c === 95) {
      const previous = i > lineStart ? source.charCodeAt(i - 1) : 0;
      if (previous !== c && ++runs > MAX_DELIMITER_RUNS) return true;
    } else if (c === 91 && ++brackets > MAX_BRACKETS) return true;
  }
  return n > LARGE && wordChars < n * MIN_WORD_SHARE;
}
