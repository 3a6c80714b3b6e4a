import type { SourceDocument } from '../document/types.ts';
import { resolveContext } from './context.ts';
import { domBlocks } from './dom-blocks.ts';
import { extractArticle } from './extract.ts';
import { readStatedMetadata } from './metadata.ts';
import { usableTitle } from './title.ts';

/**
 * The HTML front end: metadata from the page's head and structured data, every block of the
 * page, then the article container from Readability (which rewrites the document, so it goes
 * last). The rules read the article's blocks and look for notices in the rest.
 */
export function htmlDocument(
  source: string,
  doc: Document,
  options: { url?: string | null; sanitize?: (doc: Document) => void } = {},
): SourceDocument {
  const stated = readStatedMetadata(doc, { url: options.url ?? null });
  options.sanitize?.(doc);
  const { blocks, traces } = domBlocks(doc, source);
  const extraction = extractArticle(doc);
  if (!stated.title && usableTitle(extraction.title)) {
    stated.title = extraction.title;
    (stated.sources ??= {}).title = 'readability';
  }
  if (extraction.keptNodes.size || extraction.keptText) resolveContext(blocks, traces, extraction);
  else for (const block of blocks) if (block.context) block.context.inArticle = true;
  return { format: 'html', source, blocks, stated };
}
