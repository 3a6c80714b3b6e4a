/**
 * The one document model every front end (plain text, Markdown, HTML) produces and every
 * rule reads. Offsets are UTF-16 code-unit indices (JavaScript string indices) into the
 * decoded source text, so `source.slice(start, end)` gives exact characters.
 */

export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'quote'
  | 'list'
  | 'figure'
  | 'caption'
  | 'table'
  | 'preformatted'
  | 'separator'
  | 'meta';

/** An inline mark over `[start, end)` of a block's display text. */
export interface Mark {
  type: 'link' | 'emphasis' | 'strong' | 'code';
  start: number;
  end: number;
  /** For links: the target as written (never followed, only shown). */
  href?: string;
}

/**
 * One piece of the map from display text back to the source: display text
 * `[text, text + textLength)` came from source `[source, source + sourceLength)`.
 * Equal lengths mean a verbatim copy (character i maps to source + i); unequal lengths mean
 * the source characters were rewritten (an entity decoded, whitespace collapsed, syntax
 * dropped) and map as a whole. Display characters outside every span were synthesised
 * (a space or line break between inline pieces) and map to no source character.
 */
export interface Span {
  text: number;
  textLength: number;
  source: number;
  sourceLength: number;
}

/** A list item inside a list block: `[start, end)` of the block's display text, and its depth. */
export interface ListItem {
  start: number;
  end: number;
  depth: number;
}

/**
 * Where an HTML block stood on the page. Text and Markdown blocks carry none. Rules use these
 * as evidence (a block inside `<nav>` is navigation), never as the only evidence of a notice.
 */
export interface BlockContext {
  /** Inside the container the article extractor chose. */
  inArticle: boolean;
  /** Nearest enclosing landmark or widget kind, read from tags, roles, ids and classes. */
  landmark: 'nav' | 'header' | 'footer' | 'aside' | 'comments' | 'share' | 'related' | null;
  /** Share of the display text that sits inside links (0..1). */
  linkDensity: number;
}

export interface Block {
  kind: BlockKind;
  /** Plain display text: no Markdown or HTML syntax; list items joined by "\n". */
  text: string;
  marks: Mark[];
  /** The block's exact range in the decoded source. */
  start: number;
  end: number;
  /** Display text -> source ranges, in display order. */
  spans: Span[];
  /** Heading level 1–6; list nesting depth of a list block's shallowest item (0). */
  level?: number;
  ordered?: boolean;
  items?: ListItem[];
  /** For figures: the image's alternative text is the text; its source is here. */
  src?: string;
  /**
   * For figures: every image the figure shows, in order, as the source wrote them (addresses
   * not yet resolved or checked: the rules do that, the same way for every format).
   */
  images?: BlockImage[];
  /** HTML front end only. */
  context?: BlockContext;
}

/** An image as a front end found it: standing on its own or in a figure, never inline in text. */
export interface BlockImage {
  /** The address as written (an `src` attribute, a Markdown link destination), trimmed. */
  src: string;
  alt: string;
  /** The figure's caption as plain text, when the format has one (`<figcaption>`). */
  caption: string | null;
  /** Declared size (HTML `width` / `height` attributes, in pixels), when stated. */
  width: number | null;
  height: number | null;
}

export type SourceFormat = 'text' | 'markdown' | 'html';

/** What a front end hands to the rules. */
export interface SourceDocument {
  format: SourceFormat;
  /** The decoded source text all offsets refer to. */
  source: string;
  blocks: Block[];
  /**
   * The address relative image sources resolve against (an HTML page's `<base href>` or its
   * address), when the front end knows one; the rules fall back to the stated URL.
   */
  baseUrl?: string | null;
  /** Metadata the format states outright: front matter, HTML meta tags and JSON-LD. */
  stated: StatedMetadata;
}

/** A person or organisation as structured data or front matter names them. */
export interface StatedName {
  name: string;
  /** From `@type` (JSON-LD) or the field it came from; null when the source does not say. */
  type: 'person' | 'organisation' | null;
}

/** A date as the page states it, in the page's own local calendar day. */
export interface StatedDate {
  parts: [number, number?, number?];
  /** True when the text was ambiguous (03/04/2021 on a page of unknown language). */
  ambiguous: boolean;
  /** Where it came from, for the record ("citation_date", "json-ld datePublished", …). */
  from: string;
}

export interface StatedMetadata {
  title?: string;
  authors?: StatedName[];
  published?: StatedDate;
  modified?: StatedDate;
  /** When a clipper saved the page: an access date, never the publication date. */
  accessed?: StatedDate;
  siteName?: string;
  publisher?: StatedName;
  url?: string;
  language?: string;
  keywords?: string[];
  description?: string;
  /** Licence URL or name stated as metadata (`<link rel=license>`, JSON-LD `license`). */
  license?: string;
  /** JSON-LD `isBasedOn` or a stated original: the work this page republishes. */
  basedOn?: { name: string | null; url: string | null };
  /** Where each field came from, for the ADR's precedence tests and for the user. */
  sources?: Partial<Record<keyof Omit<StatedMetadata, 'sources'>, string>>;
}
