import type { SourceDocument } from '../document/types.ts';
import { resolveContext } from './context.ts';
import { domBlocks } from './dom-blocks.ts';
import { extractArticle } from './extract.ts';
import { readStatedMetadata } from './metadata.ts';
import { usableTitle } from './title.ts';
import { mostlySymbols } from '../../text/word-share.ts';

/** Real pages nest a few dozen elements deep; Readability's cost grows steeply with depth. */
const MAX_EXTRACTOR_DEPTH = 250;

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
  // Read before sanitizing, which removes <base>.
  const baseUrl = pageBase(doc, options.url ?? null, stated.url ?? null);
  options.sanitize?.(doc);
  const { blocks, traces, depth } = domBlocks(doc, source);
  // A page that is nearly all symbols has no article for Readability to find, and one nested
  // deeper than any real page makes it far worse than linear (2,000 nested divs: 40 s): the
  // rules then read the whole page.
  const extraction =
    mostlySymbols(source) ||
    depth > MAX_EXTRACTOR_DEPTH ||
    nestsDeeperThan(doc, MAX_EXTRACTOR_DEPTH)
      ? null
      : extractArticle(doc);
  if (!stated.title && extraction && usableTitle(extraction.title)) {
    stated.title = extraction.title;
    (stated.sources ??= {}).title = 'readability';
  }
  if (extraction && (extraction.keptNodes.size || extraction.keptText))
    resolveContext(blocks, traces, extraction);
  else for (const block of blocks) if (block.context) block.context.inArticle = true;
  return { format: 'html', source, blocks, stated, baseUrl };
}

/**
 * Whether any element of the whole document (head included) sits more than `limit` elements
 * deep. The blocks' depth alone misses nesting the blocks never enter: 2,700 nested tables that
 * a fuzzed page put where the block reader does not descend cost Readability minutes. One walk
 * over the elements, without recursion.
 */
export function nestsDeeperThan(doc: Document, limit: number): boolean {
  let el: Element | null = doc.documentElement;
  let depth = 0;
  while (el) {
    if (depth > limit) return true;
    const child: Element | null = el.firstElementChild;
    if (child) {
      el = child;
      depth++;
      continue;
    }
    while (el && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el?.nextElementSibling ?? null;
  }
  return false;
}

/**
 * What the page's relative addresses resolve against: `<base href>` (itself resolved against
 * the page's address), else the address it was captured from, else the address it states.
 */
function pageBase(doc: Document, given: string | null, stated: string | null): string | null {
  const address = httpAddress(given) ?? httpAddress(stated);
  let href: string | null;
  try {
    href = doc.querySelector('base[href]')?.getAttribute('href') ?? null;
  } catch {
    href = null;
  }
  if (href) {
    try {
      const base = new URL(href.trim().slice(0, 2048), address ?? undefined);
      if (base.protocol === 'http:' || base.protocol === 'https:') return base.href;
    } catch {
      // An unusable <base> is ignored, as browsers do.
    }
  }
  return address;
}

function httpAddress(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
