import type { CslItem, OriginalSource } from '../article/model.ts';

export type ReferenceStyle = 'apa' | 'mla' | 'bibtex' | 'biblatex';
export type InTextStyle = 'apa' | 'mla';
/** `markdown` marks italics as *…*; `html` gives inline markup (<i>…</i>) without a wrapper. */
export type OutputFormat = 'text' | 'html' | 'markdown';

/** What a citation needs from an Article; the body is where proper nouns are learned. */
export interface CitableArticle {
  csl: CslItem;
  originalSource: OriginalSource | null;
  body: readonly { text: string }[];
}

/** Raw CSL XML: the CLI reads the files, the renderer imports them with Vite `?raw`. */
export interface CslResources {
  styles: { apa: string; mla: string };
  /** Keyed by language tag, e.g. 'en-US'. */
  locales: Record<string, string>;
}

export interface CitationEngine {
  reference(article: CitableArticle, style: ReferenceStyle, format?: OutputFormat): string;
  inText(
    article: CitableArticle,
    style: InTextStyle,
    options?: { locator?: string },
    format?: OutputFormat,
  ): string;
}
