import type { MediaType } from '../article/model.ts';
import { ImportError } from './import-error.ts';

/** Articles are text; anything bigger than this is not an article but a mistake (or an attack). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const TEXT_EXTENSIONS: Record<string, MediaType> = {
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  mdown: 'text/markdown',
};
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml']);

/** How many leading bytes the sniffers look at (binary, UTF-16 and HTML). */
const SNIFF_BYTES = 8192;
/** Browsers look for `<meta charset>` in the first 1024 bytes (HTML "prescan a byte stream"). */
const PRESCAN_BYTES = 1024;

export interface DecodedSource {
  /** The decoded source, without byte-order mark: every offset in the Article refers to it. */
  text: string;
  mediaType: MediaType;
  /**
   * The encoding the bytes were decoded with, as the WHATWG Encoding Standard names it:
   * 'utf-8', 'utf-16le', 'utf-16be', or the legacy charset an HTML page declares
   * ('windows-1252', 'shift_jis'…).
   */
  encoding: string;
}

function extensionOf(fileName: string | null | undefined): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '');
  return match?.[1]?.toLowerCase() ?? '';
}

const BINARY_MESSAGE =
  'This looks like a binary file (an image, a PDF, an archive or a program), not text. Quire saves web pages (HTML), Markdown and plain-text articles.';
const binary = (): ImportError => new ImportError('binary', BINARY_MESSAGE);
const NOT_UTF8_MESSAGE =
  'This file is not valid UTF-8 text. Save it as UTF-8 (most editors offer "Save with encoding") and import it again.';

/** Control characters other than tab, line feed, form feed, carriage return and escape. */
function isOddControl(c: number): boolean {
  return c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27;
}

/** NUL bytes or a high share of control characters mean a binary file, whatever its name says. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (isOddControl(b)) control++;
  }
  return control / Math.max(sample.length, 1) > 0.1;
}

/** The same test on decoded text (UTF-16 sources, whose bytes are full of NULs by nature). */
function looksBinaryText(text: string): boolean {
  const length = Math.min(text.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (isOddControl(c)) control++;
  }
  return control / Math.max(length, 1) > 0.1;
}

/**
 * UTF-16 without byte-order mark, told by its NUL bytes: in mostly-ASCII text every other byte
 * is NUL, the high byte of each code unit (odd positions for little-endian, even for big-endian),
 * and the other byte almost never is. Text that is not mostly ASCII (CJK, Cyrillic) has no such
 * pattern; it needs a byte-order mark, as it always has.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  const units = length / 2;
  if (units === 0) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd >= units * 0.5 && zeroEven <= units * 0.02) return 'utf-16le';
  if (zeroEven >= units * 0.5 && zeroOdd <= units * 0.02) return 'utf-16be';
  return null;
}

function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Decodes strictly (`fatal`): a malformed file is refused rather than silently filled with
 * U+FFFD, which would corrupt the notices we promise to keep verbatim. A leading byte-order mark
 * of the decoder's own encoding is dropped.
 */
function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Refuses a file by its size alone, so a caller can check before reading it into memory. */
export function assertImportableSize(byteLength: number): void {
  if (byteLength > MAX_IMPORT_BYTES) throw tooLargeError(byteLength);
}

/**
 * The 'too-large' refusal. `byteLength` null: the size is unknown (a file read until it passed
 * the limit, whose stat size said less).
 */
export function tooLargeError(
  byteLength: number | null,
  limitBytes = MAX_IMPORT_BYTES,
): ImportError {
  const mb = limitBytes / (1024 * 1024);
  const limit = Number.isInteger(mb) ? `${mb} MB` : `${limitBytes} bytes`;
  const size =
    byteLength === null ? `over ${limit}` : `${(byteLength / (1024 * 1024)).toFixed(1)} MB`;
  return new ImportError(
    'too-large',
    `This file is ${size}; Quire saves articles up to ${limit}. Is it really an article?`,
  );
}

/** What a file starts with, once a BOM, blank space, comments and an XML declaration are skipped. */
function leadingMarkup(text: string): string {
  let rest = text.slice(0, SNIFF_BYTES).replace(/^\uFEFF/, '');
  for (;;) {
    const skipped = rest.replace(/^\s+/, '').replace(/^<!--[\s\S]*?-->/, '');
    const withoutXml = skipped.replace(/^<\?xml[^>]*>/i, '');
    if (withoutXml === rest) return rest;
    rest = withoutXml;
  }
}

/** A page's first element: the doctype, or html, head or body. */
const PAGE_START = /^<(?:!doctype\s+html|html|head|body)[\s/>]/i;
/** Elements of a page; Markdown may hold a few of them, a page is made of them. */
const PAGE_TAGS =
  /<\/?(p|div|span|meta|title|link|script|style|a|br|hr|img|h[1-6]|ul|ol|li|table|tr|td|article|section|header|footer|nav|main|aside|figure|blockquote|em|strong|b|i|form|input|button)[\s/>]/gi;
const MARKDOWN_SYNTAX = /^#{1,6} \S|\[[^\]\n]+\]\([^)\s]*\)/m;
const ANY_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|<!--|<!doctype/i;

/**
 * Whether text that came without an HTML extension is an HTML page: it opens like one
 * (`<!doctype html>`, `<html>`, `<head>`, `<body>`), or it opens with a tag and its first few KB
 * are markup (six or more tags of at least three kinds) with no Markdown heading or link.
 */
function contentIsHtml(text: string): boolean {
  const head = leadingMarkup(text);
  if (PAGE_START.test(head)) return true;
  if (!/^<[A-Za-z]/.test(head)) return false;
  const sample = head.slice(0, 4096);
  if (MARKDOWN_SYNTAX.test(sample)) return false;
  const names = new Set<string>();
  let count = 0;
  for (const match of sample.matchAll(PAGE_TAGS)) {
    names.add(match[1]!.toLowerCase());
    count++;
  }
  return count >= 6 && names.size >= 3;
}

/** Linear on any input: a failed match from one "[" or "(" never rescans past the next one. */
function looksLikeMarkdown(text: string): boolean {
  return /^#{1,6} \S/m.test(text) || /\[[^[\]\n]+\]\([^()\s]*\)/.test(text);
}

/**
 * What the transport declared about the bytes, when they came over HTTP: the media type and
 * the charset of the Content-Type header. A saved file has neither (its header is lost).
 */
export interface SourceHints {
  /** The Content-Type's charset parameter ('iso-8859-1'…), or null. */
  charset?: string | null;
  /** The Content-Type's media type without parameters ('text/html'…), or null. */
  mediaType?: string | null;
}

/** Declared media types that name one of Quire's formats. */
const DECLARED_TYPES: Record<string, MediaType> = {
  'text/html': 'text/html',
  'application/xhtml+xml': 'text/html',
  'text/markdown': 'text/markdown',
  'text/x-markdown': 'text/markdown',
  'text/plain': 'text/plain',
};

/**
 * The format the name or the server says the text is in, before the content is looked at.
 * A server's text/html or text/markdown is deliberate and wins over the URL's extension;
 * text/plain is what servers send for anything they do not know (a .md file on many hosts),
 * so the extension wins over it.
 */
function namedType(
  fileName: string | null | undefined,
  declared?: string | null,
): MediaType | null {
  const byServer = declared ? DECLARED_TYPES[declared.trim().toLowerCase()] : undefined;
  if (byServer === 'text/html' || byServer === 'text/markdown') return byServer;
  const ext = extensionOf(fileName);
  const byName = HTML_EXTENSIONS.has(ext) ? 'text/html' : TEXT_EXTENSIONS[ext];
  return byName ?? byServer ?? null;
}

/**
 * The media type of decoded text. The content wins over the name when they disagree: an HTML page
 * saved as `.txt`, `.md` or without extension is HTML; a `.html` file without a single tag is the
 * Markdown or plain text it holds. Otherwise the extension decides, then the content. A media
 * type declared by a server (`declaredType`) counts like an extension (see {@link namedType}).
 */
export function sniffMediaType(
  text: string,
  fileName?: string | null,
  declaredType?: string | null,
): MediaType {
  const named = namedType(fileName, declaredType);
  if (named === 'text/html') {
    if (ANY_TAG.test(text)) return 'text/html';
  } else if (contentIsHtml(text)) {
    return 'text/html';
  }
  if (named !== null && named !== 'text/html') return named;
  return looksLikeMarkdown(text) ? 'text/markdown' : 'text/plain';
}

/** The attributes of one start tag, names lowercased (first occurrence wins, as in HTML). */
function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (const m of source.matchAll(pattern)) {
    const name = m[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}

/**
 * The charset a page declares in a `<meta charset>` or `<meta http-equiv="Content-Type"
 * content="…; charset=…">` that starts within its first 1024 bytes, as browsers prescan it.
 * Returns the label as written, or null.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  // windows-1252 maps every byte to one character, so string offsets are byte offsets.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES * 2));
  const metas = /<!--[\s\S]*?(?:-->|$)|<meta[\s/]([^>]*)/gi;
  for (const m of head.matchAll(metas)) {
    if (m.index >= PRESCAN_BYTES) break;
    if (m[1] === undefined) continue; // a comment
    const attributes = attributesOf(m[1]);
    const charset = attributes.get('charset');
    if (charset !== undefined && charset.trim()) return charset.trim();
    const content = attributes.get('content');
    if (attributes.get('http-equiv')?.trim().toLowerCase() === 'content-type' && content) {
      const declared = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(content);
      const label = (declared?.[1] ?? declared?.[2] ?? declared?.[3])?.trim();
      if (label) return label;
    }
  }
  return null;
}

/** A label fit to quote in a message: printable, and short. */
function quoteLabel(label: string): string {
  const printable = label.replace(/[^\x20-\x7e]/g, '?');
  return `"${printable.length > 40 ? `${printable.slice(0, 40)}…` : printable}"`;
}

/** windows-1252 bytes 0x80–0x9F (WHATWG index); every other byte is its own code point. */
// prettier-ignore
const WINDOWS_1252_C1 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * windows-1252, the encoding behind the labels latin1, iso-8859-1, ascii… Decoded here rather
 * than by TextDecoder: Node since 20.18.3 / 22.13.0 decodes it as ISO-8859-1 (0x93 → U+0093
 * instead of “; nodejs/node#60888), so the CLI and the app would read different text.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const codes = new Uint16Array(Math.min(bytes.length, 8192));
  for (let start = 0; start < bytes.length; start += codes.length) {
    const chunk = bytes.subarray(start, start + codes.length);
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      codes[i] = b >= 0x80 && b < 0xa0 ? WINDOWS_1252_C1[b - 0x80]! : b;
    }
    chunks.push(String.fromCharCode(...codes.subarray(0, chunk.length)));
  }
  return chunks.join('');
}

/** Decodes an HTML page that is not UTF-8 with the legacy charset it declares. */
function decodeDeclared(bytes: Uint8Array, label: string): { text: string; encoding: string } {
  // As browsers do: x-user-defined is read as windows-1252.
  const name = label.toLowerCase() === 'x-user-defined' ? 'windows-1252' : label;
  const decoder = (() => {
    try {
      return new TextDecoder(name, { fatal: true });
    } catch {
      return null;
    }
  })();
  if (!decoder) {
    throw new ImportError(
      'invalid-encoding',
      `This page declares the character encoding ${quoteLabel(label)}, which Quire does not know. Save it as UTF-8 and import it again.`,
    );
  }
  const encoding = decoder.encoding;
  // As browsers do: a page whose <meta> is readable as ASCII is not UTF-16, whatever it says.
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    throw new ImportError('invalid-encoding', NOT_UTF8_MESSAGE);
  }
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
  try {
    return { text: decoder.decode(bytes), encoding };
  } catch {
    throw new ImportError(
      'invalid-encoding',
      `This page declares the character encoding ${quoteLabel(label)} but is not valid ${encoding}. Save it as UTF-8 and import it again.`,
    );
  }
}

/**
 * Decodes with the charset an HTTP header declared, as browsers do (it outranks a `<meta>`).
 * Returns null when the header cannot be used, so the content decides as for a saved file: a
 * label nobody knows (servers send "none", "utf8mb4"…), or bytes that are not valid in the
 * declared encoding (Quire decodes strictly, where a browser would show U+FFFD).
 */
function decodeWithHeaderCharset(
  bytes: Uint8Array,
  label: string,
): { text: string; encoding: string } | null {
  let encoding: string;
  try {
    const name = label.trim().toLowerCase() === 'x-user-defined' ? 'windows-1252' : label.trim();
    encoding = new TextDecoder(name).encoding;
  } catch {
    return null;
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const text = decodeStrict(bytes, encoding);
    if (text !== null && looksBinaryText(text)) throw binary();
    return text === null ? null : { text, encoding };
  }
  if (looksBinary(bytes)) throw binary();
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
  const text = decodeStrict(bytes, encoding);
  return text === null ? null : { text, encoding };
}

/**
 * The decoding half of {@link decodeSource}, without its judgement of the content (size, blank
 * text, a page without text): what re-reading a stored source needs to find the same text, its
 * offsets and notices, whatever later versions think of the content. Still refuses bytes that
 * do not decode (binary, invalid UTF-8…), with the same errors.
 */
export function decodeSourceText(
  bytes: Uint8Array,
  fileName?: string | null,
  hints?: SourceHints,
): { text: string; encoding: string } {
  const bom = byteOrderMark(bytes);
  // Precedence, as in browsers: byte-order mark, then the HTTP charset, then <meta>, then UTF-8.
  if (!bom && hints?.charset) {
    const decoded = decodeWithHeaderCharset(bytes, hints.charset);
    if (decoded) return decoded;
  }
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    const text = decodeStrict(bytes, bom);
    if (text === null) {
      throw new ImportError(
        'invalid-encoding',
        'This file is marked as UTF-16 text but is not valid UTF-16 (it may be cut off). Save it as UTF-8 and import it again.',
      );
    }
    if (looksBinaryText(text)) throw binary();
    return { text, encoding: bom };
  }
  const utf16 = bom ? null : sniffUtf16(bytes);
  if (utf16) {
    const text = decodeStrict(bytes, utf16);
    if (text === null || looksBinaryText(text)) throw binary();
    return { text, encoding: utf16 };
  }
  if (looksBinary(bytes)) throw binary();
  const text = decodeStrict(bytes, 'utf-8');
  if (text !== null) return { text, encoding: 'utf-8' };
  // Not UTF-8. A saved page's charset lived in the HTTP header, now lost, or in its <meta>: the
  // declaration is trusted only when the bytes are not UTF-8 (a UTF-8 page labelled Latin-1 is
  // a page re-saved by a tool; decoding it as Latin-1 would turn every "é" into "Ã©").
  const label = declaredCharset(bytes);
  if (label !== null) {
    const ascii = new TextDecoder('windows-1252').decode(bytes.subarray(0, SNIFF_BYTES));
    if (namedType(fileName, hints?.mediaType) === 'text/html' || contentIsHtml(ascii)) {
      return decodeDeclared(bytes, label);
    }
  }
  throw new ImportError('invalid-encoding', NOT_UTF8_MESSAGE);
}

/** Text between tags that shows on the page; entities for blank space do not count. */
function isVisible(segment: string): boolean {
  return /\S/.test(
    segment.replace(/&(?:nbsp|ensp|emsp|thinsp|zwsp|#0*160|#x0*a0|#0*8203|#x0*200b);?/gi, ''),
  );
}

/** Elements whose content is not page text, skipped whole. */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'title', 'template']);

/**
 * Whether an HTML page has any text outside its tags, comments, head, scripts and styles: a
 * single linear scan (no backtracking regex), so pathological markup costs no more than its size.
 */
export function htmlHasText(html: string): boolean {
  const lower = html.toLowerCase();
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (isVisible(html.slice(pos, lt === -1 ? html.length : lt))) return true;
    if (lt === -1) return false;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      pos = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][^\s/>]*)|^<[!?/]/.exec(html.slice(lt, lt + 64));
    if (!tag) return true; // a "<" that opens no tag is text ("a < b")
    const gt = html.indexOf('>', lt);
    if (gt === -1) return false; // a tag cut off at the end of the file
    pos = gt + 1;
    const name = tag[2]?.toLowerCase();
    if (tag[1] === '' && name !== undefined && HIDDEN_ELEMENTS.has(name)) {
      const close = lower.indexOf(`</${name}`, pos);
      if (close === -1) return false;
      const closeEnd = html.indexOf('>', close);
      pos = closeEnd === -1 ? html.length : closeEnd + 1;
    }
  }
  return false;
}

/**
 * Decodes the bytes of a file the researcher wants to save, or explains why it cannot be an
 * article. The decoded text is the "source" every offset in the Article refers to; the same
 * bytes and name always give the same text (the library decodes them again to verify notices).
 *
 * Encodings: UTF-8 (a BOM is dropped); UTF-16 LE/BE with a BOM, or without one when the text is
 * mostly ASCII (told by its NUL bytes); for an HTML page that is not valid UTF-8, the charset its
 * `<meta>` declares; for bytes fetched over HTTP, the charset of its Content-Type first (after
 * a BOM). Media type: see {@link sniffMediaType}.
 */
export function decodeSource(
  bytes: Uint8Array,
  fileName?: string | null,
  hints?: SourceHints,
): DecodedSource {
  if (bytes.length === 0)
    throw new ImportError('empty', 'This file is empty: there is nothing to save.');
  assertImportableSize(bytes.length);
  const { text, encoding } = decodeSourceText(bytes, fileName, hints);
  if (!text.trim())
    throw new ImportError('empty', 'This file holds only blank space: there is nothing to save.');
  const mediaType = sniffMediaType(text, fileName, hints?.mediaType);
  if (mediaType === 'text/html' && !htmlHasText(text)) {
    throw new ImportError(
      'empty',
      'This page has no text, only markup (no body, or an empty one): there is nothing to save.',
    );
  }
  return { text, mediaType, encoding };
}
