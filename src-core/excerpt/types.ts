/**
 * Annotations and annotated excerpts. Selectors follow the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/#selectors) over the article's display text
 * (display-text.ts): the body paragraphs' display text joined by a blank line.
 */

/** The quoted text with up to PREFIX_LENGTH characters of context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** `[start, end)` in UTF-16 code units of the display text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The paragraphs a quote touches, by stable id (Paragraph.id) and by number (Paragraph.n). */
export interface ParagraphSpan {
  firstId: string;
  firstN: number;
  lastId: string;
  lastN: number;
}

/** Where an annotation points; enough to find the text again after a re-parse. */
export interface AnnotationTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  paragraphs: ParagraphSpan;
}

/**
 * Where a target is in the article's current text.
 * - `position`: the position selector still holds the exact quote;
 * - `quote`: the exact quote was found elsewhere (context and the old position break ties);
 * - `fuzzy`: only an approximate match was found (whitespace, punctuation or a few words
 *   changed): `text` says what the article now holds there.
 * An orphan is a target whose text is gone: shown as such, never pinned to other text.
 */
export type Anchor =
  | {
      status: 'anchored';
      how: 'position' | 'quote' | 'fuzzy';
      start: number;
      end: number;
      /** The article's current text at `[start, end)`. */
      text: string;
      paragraphs: ParagraphSpan;
    }
  | { status: 'orphaned'; reason: string }
  /** A note on the whole article (no target): nothing to anchor, no quote. */
  | { status: 'article' };

/** Text in the three output formats the citation engine writes. */
export interface Formatted {
  text: string;
  markdown: string;
  html: string;
}

/** A rights notice as an excerpt carries it: both forms, the exact one hashed. */
export interface ExcerptNotice {
  kind: string;
  /** What the reader shows (link labels, entities decoded). */
  display: string;
  /** Exactly the characters of the source, never altered. */
  text: string;
  /** SHA-256 of the UTF-8 bytes of `text`. */
  sha256: string;
}

/** The article an excerpt comes from: shared by every excerpt of that article. */
export interface ExcerptSource {
  /** The library's article id, or the file name in the CLI. */
  id: string;
  title: string;
  /** The full reference in the chosen style. */
  reference: Formatted;
  notices: ExcerptNotice[];
  /** SHA-256 of the article's original bytes (SourceInfo.sha256). */
  sourceSha256: string;
}

export interface Excerpt {
  /** The article's own display text, verbatim (checked before the excerpt is made). */
  quote: string;
  /** SHA-256 of the UTF-8 bytes of `quote`. */
  quoteSha256: string;
  paragraphs: ParagraphSpan;
  /** The locator as the style prints it within the citation, e.g. "para. 5", "paras. 4–5". */
  locator: string;
  /** The in-text citation (or note, for note styles) with the locator. */
  inText: Formatted;
  /** The researcher's note: plain text, never read as markup. Empty when none. */
  note: string;
  tags: string[];
  source: ExcerptSource;
}

/** One export: excerpts of one or more articles in one style, in the order given. */
export interface ExcerptDocument {
  /** The style's id and its display title ("APA 7th edition"). */
  style: { id: string; title: string };
  excerpts: Excerpt[];
  /** When the document was made (ISO 8601), printed in the header. */
  created: string;
}

export type ExcerptFormat = 'markdown' | 'html' | 'text';

/**
 * APA 7 §8.28: a quote under a heading may be located as "Heading section, para. N" with N
 * counted within that section. 'paragraph' numbers through the whole article.
 */
export type LocatorScheme = 'paragraph' | 'section';
