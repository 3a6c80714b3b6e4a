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

export function markdownTooCostly(source: string): boolean {
  const n = source.length;
  let runs = 0;
  let brackets = 0;
  let underlines = 0;
  let lineStart = 0;
  let lineBlank = true;
  let lineOnly = -1; // the one character an underline line repeats, or -2 for "not an underline"
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
  // micromark spends microseconds on each syntax character: a megabyte of `\\`, `&` or blank
  // lines takes seconds and holds no article.
  return mostlySymbols(source);
}
