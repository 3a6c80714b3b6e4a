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
}

export interface Paragraph {
  /** 1-based paragraph number, the locator used in citations ("para. 5"). */
  n: number;
  /** Stable id derived from the paragraph's position and text. */
  id: string;
  /** Display text: Markdown link syntax resolved to its label, whitespace kept as in the source. */
  text: string;
  start: number;
  end: number;
  kind: 'prose' | 'blockquote' | 'list';
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
}

/** Metadata the parser could not find; the UI asks the user to fill these in. */
export type MetadataGap = 'title' | 'author' | 'issued' | 'container-title';

export interface ParsedArticle {
  csl: CslItem;
  originalSource: OriginalSource | null;
  keywords: string[];
  body: Paragraph[];
  rights: RightsNotice[];
  source: SourceInfo;
  gaps: MetadataGap[];
}

/** A hash function handed in by the platform (WebCrypto in the renderer, node:crypto in the CLI). */
export type Sha256 = (data: Uint8Array) => Promise<string>;
