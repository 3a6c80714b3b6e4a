import { Tokenizer } from 'htmlparser2';

/**
 * A run of decoded text and the source characters it came from. htmlparser2 reports each
 * character reference as a chunk of its own, so a chunk is either a verbatim copy of its source
 * (equal lengths) or one decoded entity.
 */
export interface TextChunk {
  text: string;
  start: number;
  end: number;
}

export interface SourceText {
  chunks: TextChunk[];
  /** The first chunk after the `<body>` tag (0 when the page has none). */
  bodyChunk: number;
}

/**
 * Every text run of an HTML source, in source order, with its exact source range. The bare
 * tokenizer is enough (and about twice as fast as the parser): offsets are all that is needed.
 */
export function sourceTextChunks(html: string): SourceText {
  const chunks: TextChunk[] = [];
  let bodyChunk = -1;
  const none = (): void => undefined;
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext(start, end) {
        chunks.push({ text: html.slice(start, end), start, end });
      },
      ontextentity(codepoint, end) {
        // A character reference is at most a few dozen characters long and opens with '&'.
        const start = html.lastIndexOf('&', end - 1);
        chunks.push({ text: String.fromCodePoint(codepoint), start, end });
      },
      onopentagname(start, end) {
        if (bodyChunk < 0 && end - start === 4 && html.slice(start, end).toLowerCase() === 'body')
          bodyChunk = chunks.length;
      },
      onattribdata: none,
      onattribentity: none,
      onattribend: none,
      onattribname: none,
      oncdata: none,
      onclosetag: none,
      oncomment: none,
      ondeclaration: none,
      onend: none,
      onopentagend: none,
      onprocessinginstruction: none,
      onselfclosingtag: none,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return { chunks, bodyChunk: Math.max(0, bodyChunk) };
}

/** One piece of a DOM text node's data and where it came from in the source. */
export interface NodePiece {
  /** Offset in the text node's data. */
  offset: number;
  length: number;
  source: number;
  sourceLength: number;
}

const SEARCH_CHUNKS = 400;
const PROBE = 8;
/** Failed match attempts allowed per text node, so hostile text cannot make alignment quadratic. */
const ATTEMPTS = 64;

/**
 * Aligns DOM text nodes with the source's text runs. A DOM keeps text in source order, so a
 * cursor walks both; where the DOM parser moved or rewrote text (CR LF → LF, foster-parented
 * table text), the cursor resynchronises by looking a bounded distance ahead, so the whole
 * alignment stays linear. A node that cannot be found maps to nothing rather than to the
 * wrong characters.
 */
export class SourceAligner {
  private chunk: number;
  private within = 0;
  private readonly chunks: readonly TextChunk[];

  constructor(text: SourceText) {
    this.chunks = text.chunks;
    this.chunk = text.bodyChunk;
  }

  /** The pieces of `data` (a text node's content, visited in document order) in the source. */
  align(data: string): NodePiece[] {
    if (!data) return [];
    const direct = this.matchAt(this.chunk, this.within, data);
    if (direct) return direct;
    // Too little text to be told apart from text further on: a search could only mislead.
    if (data.trim().length < 4) return [];
    const probe = data.slice(0, PROBE);
    const limit = Math.min(this.chunks.length, this.chunk + SEARCH_CHUNKS);
    let attempts = 0;
    for (let c = this.chunk; c < limit && attempts < ATTEMPTS; c++) {
      const text = this.chunks[c]!.text;
      const from = c === this.chunk ? this.within : 0;
      // A node whose text straddles chunks (an entity inside) is found by its first chunk.
      for (
        let i = text.indexOf(probe, from);
        i >= 0 && attempts < ATTEMPTS;
        i = text.indexOf(probe, i + 1)
      ) {
        attempts++;
        const pieces = this.matchAt(c, i, data);
        if (pieces) return pieces;
      }
    }
    return [];
  }

  /** Matches `data` from chunk `c`, offset `i`; on success moves the cursor past it. */
  private matchAt(c: number, i: number, data: string): NodePiece[] | null {
    const pieces: NodePiece[] = [];
    let d = 0;
    while (d < data.length) {
      const chunk = this.chunks[c];
      if (!chunk) return null;
      if (i >= chunk.text.length) {
        c++;
        i = 0;
        continue;
      }
      if (chunk.text.length !== chunk.end - chunk.start) {
        // A decoded character reference: it matches as a whole or not at all.
        if (i !== 0 || !data.startsWith(chunk.text, d)) return null;
        pieces.push({
          offset: d,
          length: chunk.text.length,
          source: chunk.start,
          sourceLength: chunk.end - chunk.start,
        });
        d += chunk.text.length;
        c++;
        i = 0;
        continue;
      }
      let runD = d;
      let runI = i;
      // Most text is copied verbatim: compare it in one native call before going character
      // by character (which handles CR LF and NUL).
      const n = Math.min(data.length - d, chunk.text.length - i);
      if (n > 8 && data.startsWith(chunk.text.substring(i, i + n), d)) {
        d += n;
        i += n;
      }
      while (d < data.length && i < chunk.text.length) {
        const want = data.charCodeAt(d);
        const have = chunk.text.charCodeAt(i);
        if (want === have || (want === 0xfffd && have === 0)) {
          d++;
          i++;
        } else if (have === 13 && want === 10) {
          // The DOM normalises CR LF and a lone CR to LF: one rewritten piece.
          const crlf = chunk.text.charCodeAt(i + 1) === 10;
          pushVerbatim(pieces, runD, d - runD, chunk.start + runI);
          pieces.push({
            offset: d,
            length: 1,
            source: chunk.start + i,
            sourceLength: crlf ? 2 : 1,
          });
          d++;
          i += crlf ? 2 : 1;
          runD = d;
          runI = i;
        } else {
          return null;
        }
      }
      pushVerbatim(pieces, runD, d - runD, chunk.start + runI);
    }
    this.chunk = c;
    this.within = i;
    return pieces;
  }
}

function pushVerbatim(pieces: NodePiece[], offset: number, length: number, source: number): void {
  if (length > 0) pieces.push({ offset, length, source, sourceLength: length });
}
