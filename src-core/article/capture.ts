import type { MediaType } from './model.ts';
import type { SourceDocument } from './document/types.ts';
import { htmlDocument } from './html/document.ts';
import { markdownDocument } from './document/markdown.ts';
import { textDocument } from './document/text.ts';
import { readArticle, type RuleArticle } from './rules/article.ts';

/** Parses HTML into a Document: DOMParser in the renderer, linkedom in the CLI and tests. */
export type HtmlParser = (html: string) => Document;

export interface CaptureOptions {
  /** The page's address, when known (a URL capture, a saved page's canonical link). */
  url?: string | null;
  /** The CSL item id to give the article. */
  id?: string;
  /** Required for HTML sources. */
  parseHtml?: HtmlParser;
  /**
   * Cleans the parsed page in place before its text is read (DOMPurify in the app, which stores
   * what it captures). Runs after the metadata is read: it removes the `<script>` elements that
   * carry JSON-LD.
   */
  sanitize?: (doc: Document) => void;
}

/**
 * Captures an article from decoded source text: the front end for its format turns it into
 * blocks, then the same rules read the blocks whatever the format.
 */
export function captureSource(
  text: string,
  mediaType: MediaType,
  options: CaptureOptions = {},
): RuleArticle {
  return readArticle(
    frontEnd(text, mediaType, options),
    options.id ?? 'article',
    options.url ?? null,
  );
}

export function frontEnd(
  text: string,
  mediaType: MediaType,
  options: CaptureOptions,
): SourceDocument {
  if (mediaType === 'text/html') {
    if (!options.parseHtml) throw new Error('captureSource needs parseHtml for an HTML source');
    return htmlDocument(text, options.parseHtml(text), {
      url: options.url ?? null,
      ...(options.sanitize ? { sanitize: options.sanitize } : {}),
    });
  }
  if (mediaType === 'text/markdown' || looksLikeMarkdown(text)) return markdownDocument(text);
  return textDocument(text);
}

/**
 * Plain-text copies of web pages often carry a clipper's Markdown (the reference article's
 * `[South Front](#)`): such text is read as Markdown, so its syntax never reaches the reader.
 */
function looksLikeMarkdown(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return /\]\([^)\s]{0,200}\)|^#{1,6} \S|^---\r?\n/m.test(sample);
}
