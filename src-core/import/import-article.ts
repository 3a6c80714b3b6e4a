import {
  PARSER_VERSION,
  type ParsedArticle,
  type Sha256,
  type SourceInfo,
} from '../article/model.ts';
import { captureSource, type HtmlParser } from '../article/capture.ts';
import { metadataGaps } from '../article/gaps.ts';
import { decodeSource } from './decode.ts';
import { ImportError } from './import-error.ts';

export { ImportError, type ImportErrorCode } from './import-error.ts';
export { MAX_IMPORT_BYTES, assertImportableSize } from './decode.ts';

const utf8 = new TextEncoder();

export interface ImportOptions {
  fileName?: string | null;
  /** The page's address, when the caller knows it (a URL capture). */
  url?: string | null;
  /** The charset of an HTTP Content-Type: after a BOM, it outranks the page's <meta>. */
  charset?: string | null;
  /** The media type of an HTTP Content-Type: a hint like the file name's extension. */
  mediaType?: string | null;
}

export interface ImportDeps {
  sha256: Sha256;
  /** Parses HTML into a Document: DOMParser in the renderer, linkedom in the CLI. */
  parseHtml?: HtmlParser;
  /** Sanitizes a parsed page in place before it is read (DOMPurify where pages are stored). */
  sanitize?: (doc: Document) => void;
}

/** The last segment of an address's path, as a saved copy would be named; null for "/". */
function fileNameOfUrl(url: string): string | null {
  const segment = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment) || null;
  } catch {
    return segment || null; // a malformed %-escape: the name as written is still a hint
  }
}

/**
 * The options for a page fetched from the web (CLI and app alike): its final address, the file
 * name it would be saved under, and what the server declared (charset and media type).
 */
export function fetchedPageOptions(page: {
  url: string;
  charset: string | null;
  mediaType: string;
}): ImportOptions {
  return {
    fileName: fileNameOfUrl(page.url),
    url: page.url,
    charset: page.charset,
    mediaType: page.mediaType || null,
  };
}

/** The options that read a stored source again exactly as its capture did. */
export function reimportOptions(source: SourceInfo): ImportOptions {
  const { fetched } = source;
  return {
    fileName: source.fileName,
    ...(fetched
      ? { url: fetched.url, charset: fetched.charset, mediaType: fetched.mediaType }
      : {}),
  };
}

/**
 * Everything Quire does to a file before it enters the library: refuse bad input with a
 * message, decode, capture (front end for the format, then the rules), and seal each rights
 * notice with the SHA-256 of its exact text.
 */
export async function importArticle(
  bytes: Uint8Array,
  options: ImportOptions,
  deps: ImportDeps,
): Promise<ParsedArticle> {
  const { text, mediaType } = decodeSource(bytes, options.fileName, {
    charset: options.charset ?? null,
    mediaType: options.mediaType ?? null,
  });
  if (mediaType === 'text/html' && !deps.parseHtml)
    throw new ImportError('unsupported-type', 'HTML pages cannot be read here.');
  const sourceHash = await deps.sha256(bytes);
  const cslId = `q${sourceHash.slice(0, 16)}`;
  const captured = captureSource(text, mediaType, {
    id: cslId,
    url: options.url ?? null,
    ...(deps.parseHtml ? { parseHtml: deps.parseHtml } : {}),
    ...(deps.sanitize ? { sanitize: deps.sanitize } : {}),
  });
  if (!captured.body.length && !captured.csl.title)
    throw new ImportError(
      'no-article',
      'Quire found no article text in this file: no title and no paragraphs of prose.',
    );
  const rights = await Promise.all(
    captured.rights.map(async (n) => ({ ...n, sha256: await deps.sha256(utf8.encode(n.text)) })),
  );
  const { csl } = captured;
  return {
    parserVersion: PARSER_VERSION,
    csl,
    originalSource: captured.originalSource,
    keywords: captured.keywords,
    body: captured.body,
    headings: captured.headings,
    images: captured.images,
    rights,
    source: {
      sha256: sourceHash,
      mediaType,
      byteLength: bytes.length,
      fileName: options.fileName ?? null,
      ...(options.url
        ? {
            fetched: {
              url: options.url,
              charset: options.charset ?? null,
              mediaType: options.mediaType ?? null,
            },
          }
        : {}),
    },
    gaps: metadataGaps(csl, captured.ambiguousDate),
  };
}
