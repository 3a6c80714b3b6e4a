import type { CitableArticle, CitationEngine } from '../citation/index.ts';
import {
  displayText,
  MAX_QUOTE_LENGTH,
  paragraphSpan,
  trimRange,
  type BodyParagraph,
  type DisplayText,
} from './display-text.ts';
import { findQuote } from './find-quote.ts';
import { citeQuote, type SectionHeading } from './locator.ts';
import type { Excerpt, ExcerptSource, LocatorScheme } from './types.ts';

/** What an excerpt needs of an article: a ParsedArticle (or a stored Article) fits. */
export interface ExcerptArticle extends CitableArticle {
  body: readonly BodyParagraph[];
  headings: readonly SectionHeading[];
  rights: readonly { kind: string; text: string; display: string; sha256: string }[];
  source: { sha256: string };
}

/** A quote by its place in the display text, or by its words (found with findQuote). */
export type ExcerptRequest = { start: number; end: number } | { quote: string };

export interface ExcerptOptions {
  /** A CSL style id the engine knows ('apa', 'mla', a custom style's id). */
  style: string;
  note?: string;
  tags?: readonly string[];
  scheme?: LocatorScheme;
  /** SHA-256 as lowercase hex (WebCrypto in the renderer, node:crypto in the CLI). */
  sha256: (bytes: Uint8Array) => Promise<string>;
  /** The library's article id, or the file name in the CLI. */
  sourceId: string;
  /** The article's ExcerptSource in this style, to share between its excerpts. */
  source?: ExcerptSource;
}

/** An excerpt that cannot be made: the message is for the user. */
export class ExcerptError extends Error {
  override name = 'ExcerptError';
}

/** The article's reference and notices in one style, shared by all its excerpts. */
export function buildExcerptSource(
  article: ExcerptArticle,
  engine: CitationEngine,
  style: string,
  sourceId: string,
): ExcerptSource {
  return {
    id: sourceId,
    title: article.csl.title ?? '',
    reference: {
      text: engine.reference(article, style, 'text'),
      markdown: engine.reference(article, style, 'markdown'),
      html: engine.reference(article, style, 'html'),
    },
    // Copied field by field, never trimmed: the excerpt carries exactly what the source said.
    notices: article.rights.map(({ kind, display, text, sha256 }) => ({
      kind,
      display,
      text,
      sha256,
    })),
    sourceSha256: article.source.sha256,
  };
}

const shorten = (text: string, max = 160): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * Finds a typed quote with findQuote, which forgives only typographic differences (quotes,
 * dashes, spacing) and then gives the article's own characters. Too long a quote is refused
 * before any search: it cannot be in the article, and approximate search grows with it.
 */
function locateQuote(display: DisplayText, body: readonly BodyParagraph[], typed: string) {
  const quote = typed.slice(...trimRange(typed, 0, typed.length));
  if (!quote) throw new ExcerptError('The quote is empty.');
  const limit = Math.min(MAX_QUOTE_LENGTH, display.text.length);
  if (quote.length > limit) {
    const what =
      limit === MAX_QUOTE_LENGTH
        ? 'the longest quote an excerpt takes'
        : "the article's whole text";
    throw new ExcerptError(
      `The quote has ${quote.length.toLocaleString('en')} characters, more than ${what} ` +
        `(${limit.toLocaleString('en')}): it cannot be in the article.`,
    );
  }
  const match = findQuote(body, quote);
  if (match.found) return match;
  throw new ExcerptError(
    match.closest
      ? `Quote not found in the article. Closest match, in paragraph ${match.closest.n}: "${shorten(match.closest.text)}"`
      : 'Quote not found in the article, nor anything close to it.',
  );
}

function checkRange(display: DisplayText, start: number, end: number): void {
  const fits = Number.isInteger(start) && Number.isInteger(end) && start >= 0;
  if (!fits || end <= start || end > display.text.length) {
    throw new ExcerptError(
      `The range ${start}–${end} is not a quote of this article's text (0–${display.text.length}).`,
    );
  }
}

/**
 * An annotated excerpt: the quote exactly as the article has it (checked against the display
 * text before anything is made), its hash, the in-text citation with its locator in the style,
 * the note and tags, and the article's reference and notices.
 */
export async function buildExcerpt(
  article: ExcerptArticle,
  engine: CitationEngine,
  request: ExcerptRequest,
  options: ExcerptOptions,
): Promise<Excerpt> {
  const display = displayText(article.body);
  if (display.text.length === 0) throw new ExcerptError('This article has no text to quote.');
  let start: number;
  let end: number;
  let quote: string;
  if ('quote' in request) {
    ({ start, end, text: quote } = locateQuote(display, article.body, request.quote));
  } else {
    ({ start, end } = request);
    checkRange(display, start, end);
    // A selection often takes in the blank line after a paragraph: the quote is its words.
    [start, end] = trimRange(display.text, start, end);
    if (start === end) throw new ExcerptError('The quote is empty.');
    if (end - start > MAX_QUOTE_LENGTH)
      throw new ExcerptError(
        `The selection has ${(end - start).toLocaleString('en')} characters, more than the ` +
          `longest quote an excerpt takes (${MAX_QUOTE_LENGTH.toLocaleString('en')}).`,
      );
    quote = display.text.slice(start, end);
  }
  if (display.text.slice(start, end) !== quote) {
    throw new ExcerptError("The quote is not the article's text at that place: nothing was made.");
  }
  const paragraphs = paragraphSpan(display, start, end);
  const { inText, locator } = citeQuote(
    engine,
    article,
    options.style,
    paragraphs,
    article.headings,
    options.scheme,
  );
  return {
    quote,
    quoteSha256: await options.sha256(new TextEncoder().encode(quote)),
    paragraphs,
    locator,
    inText,
    note: options.note?.trim() ? options.note : '',
    tags: [...(options.tags ?? [])],
    source: options.source ?? buildExcerptSource(article, engine, options.style, options.sourceId),
  };
}
