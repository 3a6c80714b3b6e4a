import type { ListItem, Mark, Span } from './document/types.ts';

/**
 * The Article model shared by the CLI, the renderer and the database.
 * Offsets are UTF-16 code-unit indices into the decoded source text (JavaScript string indices),
 * so `sourceText.slice(start, end)` gives the exact characters.
 */

/** A CSL-JSON name: a person ({family, given}) or an organisation ({literal}). */
export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts'?: [number, number?, number?][];
  raw?: string;
}

/** The subset of CSL-JSON that Quire writes; citation processors accept any CSL-JSON item. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  'container-title'?: string;
  license?: string;
  publisher?: string;
  URL?: string;
  keyword?: string;
  language?: string;
  note?: string;
  [field: string]: unknown;
}

export type RightsKind =
  'copyright' | 'licence' | 'disclaimer' | 'fair-use' | 'republication' | 'permission';

export interface RightsNotice {
  kind: RightsKind;
  /** Exactly the characters of the source, never trimmed inside or reflowed. */
  text: string;
  start: number;
  end: number;
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
  sha256: string;
  /** What a reader sees: link labels instead of link syntax, entities decoded. Never hashed. */
  display: string;
}

export interface Paragraph {
  /** 1-based paragraph number, the locator used in citations ("para. 5"). */
  n: number;
  /** Stable id from the paragraph's text alone: renumbering never changes it. */
  id: string;
  /** Display text: no Markdown or HTML syntax. */
  text: string;
  /** The paragraph's range in the decoded source. */
  start: number;
  end: number;
  kind: 'prose' | 'blockquote' | 'list' | 'preformatted' | 'table';
  /** Display text -> source ranges (see document/types.ts). */
  spans: Span[];
  marks?: Mark[];
  /** List items: ranges of `text` and nesting depth. */
  items?: ListItem[];
  /** A numbered list. */
  ordered?: boolean;
}

/** A section heading between body paragraphs: shown by the reader, never numbered. */
export interface Heading {
  text: string;
  level: number;
  /** How many body paragraphs come before it. */
  before: number;
  start: number;
  end: number;
}

/**
 * An image of the article body, in reading order: what an offline copy stores and the reader
 * places between the paragraphs. Only addresses Quire may fetch or decode: http(s) URLs and
 * raster `data:` images (PNG, JPEG, GIF, WebP, AVIF); never SVG, which can carry script.
 */
export interface CapturedImage {
  /** Stable id from the resolved address (`img-` + 16 hex digits), unique within the article. */
  id: string;
  /** Absolute http(s) URL resolved against the page's base address, or a `data:image/…` URI. */
  src: string;
  alt: string;
  caption: string | null;
  /** How many body paragraphs come before it (like Heading.before). */
  before: number;
}

export interface OriginalSource {
  name: string;
  url: string | null;
}

export type MediaType = 'text/plain' | 'text/markdown' | 'text/html';

export interface SourceInfo {
  sha256: string;
  mediaType: MediaType;
  byteLength: number;
  fileName: string | null;
  /**
   * For a page fetched from the web: where from, and what the server declared about the bytes.
   * Kept so that reading the stored bytes again (notice checks, re-parsing) decodes and
   * resolves them exactly as the capture did. Absent for files.
   */
  fetched?: FetchedFrom;
}

export interface FetchedFrom {
  url: string;
  charset: string | null;
  mediaType: string | null;
}

/** Metadata the parser could not find; the UI asks the user to fill these in. */
export type MetadataGap = 'title' | 'author' | 'issued' | 'issued-ambiguous' | 'container-title';

/** Bumped whenever capture rules change what they read, so old records can be told apart. */
export const PARSER_VERSION = 3;

export interface ParsedArticle {
  /** The capture rules that produced this record (PARSER_VERSION when it was made). */
  parserVersion: number;
  csl: CslItem;
  originalSource: OriginalSource | null;
  keywords: string[];
  body: Paragraph[];
  headings: Heading[];
  /** The body's images in reading order (parser version 3; older records have none). */
  images: CapturedImage[];
  rights: RightsNotice[];
  source: SourceInfo;
  gaps: MetadataGap[];
}

/** A hash function handed in by the platform (WebCrypto in the renderer, node:crypto in the CLI). */
export type Sha256 = (data: Uint8Array) => Promise<string>;
