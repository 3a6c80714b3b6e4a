/**
 * Cuts a BibTeX / BibLaTeX file into its top-level pieces in one pass, before any entry is
 * parsed: a broken entry then costs only itself, each entry keeps its exact text (its source
 * in the library), and no parser ever sees more than one entry at a time.
 *
 * Rules, as BibTeX reads a file: text outside `@type{…}` / `@type(…)` is a comment; an entry
 * ends at its matching delimiter, braces counted (quotes do not protect braces in BibTeX
 * either); `@comment` without a delimiter runs to the end of its line, and so does a `%` line
 * between entries. One rule BibTeX does not
 * have, for recovery: a line that starts (column 1) with `@type{` inside an entry means the
 * entry was never closed; it is cut there and reported, and reading goes on.
 */
import { MAX_BRACE_DEPTH, MAX_ENTRY_CHARS } from './types.ts';

export type BibPieceKind = 'entry' | 'string' | 'preamble';

export interface BibPiece {
  kind: BibPieceKind;
  /** Lower-case entry type ('article', 'online', …; 'string' and 'preamble' for those). */
  type: string;
  /** The piece's exact text, from `@` to its closing delimiter. */
  raw: string;
  /** Why it cannot be read, when the cut already shows it. */
  problem: string | null;
}

const TYPE = /[A-Za-z_][A-Za-z0-9_:+-]*/y;
const SPACE = /\s*/y;
/** `@type{` or `@type(` at the very start of a line. */
const LINE_ENTRY = /@[A-Za-z_][A-Za-z0-9_:+-]*[ \t]*[{(]/y;

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

export function splitBibtex(text: string): BibPiece[] {
  const pieces: BibPiece[] = [];
  let at = 0;
  const next = /[%@]/gu;
  while (at < text.length) {
    next.lastIndex = at;
    const found = next.exec(text);
    if (!found) break;
    if (found[0] === '%') {
      // A `%` line between entries is a comment (biber, JabRef and citation-js read it so):
      // an entry commented out with `%@article{…` stays out.
      const eol = text.indexOf('\n', found.index);
      at = eol < 0 ? text.length : eol + 1;
      continue;
    }
    const start = found.index;
    const typeMatch = matchAt(TYPE, text, start + 1 + matchAt(SPACE, text, start + 1)![0].length);
    if (!typeMatch) {
      at = start + 1;
      continue;
    }
    const type = typeMatch[0].toLowerCase();
    const afterType = typeMatch.index + typeMatch[0].length;
    const open = afterType + matchAt(SPACE, text, afterType)![0].length;
    const delimiter = text[open];
    if (delimiter !== '{' && delimiter !== '(') {
      // `@comment rest of line` (BibTeX's brace-less comment) or a stray @: skip the line.
      const eol = text.indexOf('\n', start);
      at = type === 'comment' ? (eol < 0 ? text.length : eol + 1) : afterType;
      continue;
    }
    const closer = delimiter === '{' ? '}' : ')';
    let depth = 0;
    let deepest = 0;
    let end = -1;
    let cut = -1;
    // In a `( )` entry a quoted value may hold a `)`: "Lexical access: (re)…".
    let quoted = false;
    for (let i = open + 1; i < text.length; i++) {
      const c = text[i];
      if (c === '"' && depth === 0 && closer === ')') {
        quoted = !quoted;
      } else if (c === '{') {
        depth++;
        if (depth > deepest) deepest = depth;
      } else if (c === '}') {
        if (depth === 0 && closer === '}') {
          end = i + 1;
          break;
        }
        if (depth > 0) depth--;
      } else if (c === ')' && closer === ')' && depth === 0 && !quoted) {
        end = i + 1;
        break;
      } else if (c === '\n' && text[i + 1] === '@' && matchAt(LINE_ENTRY, text, i + 1)) {
        cut = i + 1;
        break;
      }
    }
    const stop = end >= 0 ? end : cut >= 0 ? cut : text.length;
    at = stop;
    if (type === 'comment') continue;
    const raw = text.slice(start, stop);
    const kind: BibPieceKind =
      type === 'string' ? 'string' : type === 'preamble' ? 'preamble' : 'entry';
    let problem: string | null = null;
    if (end < 0) problem = `the entry is not closed (no matching “${closer}”)`;
    else if (deepest > MAX_BRACE_DEPTH) problem = `braces nested more than ${MAX_BRACE_DEPTH} deep`;
    else if (raw.length > MAX_ENTRY_CHARS)
      problem = `the entry is longer than ${MAX_ENTRY_CHARS / 1024} KB`;
    pieces.push({ kind, type, raw, problem });
  }
  return pieces;
}

/** The key of an entry as written (`@article{key,`), or null when it has none. */
export function bibtexKeyOf(raw: string): string | null {
  const match = /^@\s*[A-Za-z_][\w:+-]*\s*[{(]\s*([^,\s{}()"=]+)\s*,/u.exec(raw.slice(0, 400));
  return match ? match[1]! : null;
}
