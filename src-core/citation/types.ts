import type { CslItem, OriginalSource } from '../article/model.ts';
import type { StyleInfo } from './styles.ts';

/** A CSL style id (built-in or custom), or one of the bibliographic data formats. */
export type ReferenceStyle = string;
/** Any CSL style id: 'apa', 'mla', 'chicago-notes', …, or a custom style's id. */
export type InTextStyle = string;
/** `markdown` marks italics as *…*; `html` gives inline markup (<i>…</i>) without a wrapper. */
export type OutputFormat = 'text' | 'html' | 'markdown';
/** Bibliographic data formats, written by Quire's own serializers. */
export type DataFormat = 'bibtex' | 'biblatex' | 'ris' | 'csl-json';

export const DATA_FORMATS: readonly DataFormat[] = ['bibtex', 'biblatex', 'ris', 'csl-json'];

export function isDataFormat(style: string): style is DataFormat {
  return (DATA_FORMATS as readonly string[]).includes(style);
}

/** What a citation needs from an Article; the body is where proper nouns are learned. */
export interface CitableArticle {
  csl: CslItem;
  originalSource: OriginalSource | null;
  body: readonly { text: string }[];
  /** The library's citation key (unique, persisted); derived from the data when absent. */
  citekey?: string;
  /** Titles the user cased by hand, by style id ('apa', 'mla', 'bibtex', …): used verbatim. */
  titleOverrides?: Readonly<Record<string, string>>;
  /**
   * The library's tags and the user's notes (plain text), written by the RIS and CSL-JSON exports
   * when present, as Zotero imports them (ADR 0015). Absent: neither is written.
   */
  tags?: readonly string[];
  notes?: readonly string[];
}

/** Raw CSL XML: the CLI reads the files, the renderer imports them with Vite `?raw`. */
export interface CslResources {
  /** Keyed by built-in style id ('apa', 'mla', …); styles missing here are not offered. */
  styles: Readonly<Record<string, string>>;
  /** Keyed by language tag, e.g. 'en-US'. */
  locales: Readonly<Record<string, string>>;
}

export interface InTextOptions {
  /** "para. 5", "p. 12", "5" (a paragraph)…; checked against the article (LocatorError). */
  locator?: string;
}

export interface CitationEngine {
  /** Every style the engine can render: the built-in ones it has resources for, then custom. */
  styles(): StyleInfo[];
  /** Checks a custom style as addStyle does (CslStyleError), without listing it. */
  checkStyle(xml: string): StyleInfo;
  /** Registers a custom style (checked with checkCslStyle first); returns how it is listed. */
  addStyle(style: { id: string; xml: string }): StyleInfo;
  /** Unlists a custom style (the shipped ones stay); false when there was none by that id. */
  removeStyle(id: string): boolean;
  /** The reference-list entry (a CSL style) or the entry in a data format (bibtex, ris, …). */
  reference(article: CitableArticle, style: ReferenceStyle, format?: OutputFormat): string;
  /** The in-text citation, or the note for note styles; a bad locator throws LocatorError. */
  inText(
    article: CitableArticle,
    style: InTextStyle,
    options?: InTextOptions,
    format?: OutputFormat,
  ): string;
  /** Several entries in the style's own order (sorted, or numbered in the order given). */
  bibliography(articles: readonly CitableArticle[], style: string, format?: OutputFormat): string[];
  /** A whole file in a data format, one entry per article. */
  exportData(articles: readonly CitableArticle[], format: DataFormat): string;
  /** The CSL item and style exactly as citeproc sees them (for independent checks). */
  prepared(
    article: CitableArticle,
    style: string,
  ): { item: CslItem; styleXml: string; locale: string; localeXml: string };
}
