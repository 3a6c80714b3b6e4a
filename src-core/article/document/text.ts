import { isSpace, SpanBuilder } from './spans.ts';
import type { Block, SourceDocument } from './types.ts';

/**
 * The plain-text front end: blocks are runs of non-blank lines, exactly as written. Nothing is
 * interpreted, not even Markdown (a `.txt` copy of a web page keeps its `[label](url)` syntax
 * as text; the Markdown front end is the one that reads it). One pass over the characters, no
 * regular expressions, so any input takes linear time.
 */
export function textDocument(source: string): SourceDocument {
  const blocks: Block[] = [];
  let b: SpanBuilder | null = null;
  let blockStart = 0;
  let blockEnd = 0;
  const flush = (): void => {
    if (!b) return;
    const text = b.text();
    blocks.push({
      kind: isDecoration(text) ? 'separator' : 'paragraph',
      text,
      marks: [],
      start: blockStart,
      end: blockEnd,
      spans: b.spans,
    });
    b = null;
  };
  const n = source.length;
  let lineStart = 0;
  while (lineStart <= n) {
    let lineEnd = lineStart;
    while (lineEnd < n) {
      const c = source.charCodeAt(lineEnd);
      if (c === 10 || c === 13) break;
      lineEnd++;
    }
    let a = lineStart;
    while (a < lineEnd && isSpace(source.charCodeAt(a))) a++;
    let z = lineEnd;
    while (z > a && isSpace(source.charCodeAt(z - 1))) z--;
    if (a === z) {
      flush();
    } else {
      if (!b) {
        b = new SpanBuilder(source);
        blockStart = a;
      } else {
        b.synthetic('\n');
      }
      b.verbatim(a, z);
      blockEnd = z;
    }
    if (lineEnd >= n) break;
    lineStart =
      source.charCodeAt(lineEnd) === 13 && source.charCodeAt(lineEnd + 1) === 10
        ? lineEnd + 2
        : lineEnd + 1;
  }
  flush();
  return { format: 'text', source, blocks, stated: {} };
}

/**
 * Characters that decorate rather than say something: rules, asterisms, bullets, dinkuses.
 * A block made only of these (and spaces) is a section break.
 */
const DECORATION = new Set(Array.from('*-_=~+#.·•◦‣⁃∙⋅●○◆◇■□▪▫★☆✦✧✱✲✳✴❖❧☙⁂⁎∗﹡＊§—–―⸺⸻…'));

/** True when the text holds at least one decoration character and nothing but those and spaces. */
export function isDecoration(text: string): boolean {
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (!DECORATION.has(text[i]!)) return false;
    seen = true;
  }
  return seen;
}
