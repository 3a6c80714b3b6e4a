import type { ParsedArticle, Sha256 } from '../article/model.ts';
import { parseTextArticle } from '../article/parse-text.ts';
import { metadataGaps } from '../article/gaps.ts';
import { decodeSource } from './decode.ts';

export { ImportError, type ImportErrorCode } from './import-error.ts';
export { MAX_IMPORT_BYTES, assertImportableSize } from './decode.ts';

const utf8 = new TextEncoder();

export interface ImportOptions {
  fileName?: string | null;
}

/**
 * Everything Quire does to a file before it enters the library: refuse bad input with a
 * message, decode, parse, and seal each rights notice with the SHA-256 of its exact text.
 */
export async function importArticle(
  bytes: Uint8Array,
  options: ImportOptions,
  deps: { sha256: Sha256 },
): Promise<ParsedArticle> {
  const { text, mediaType } = decodeSource(bytes, options.fileName);
  const sourceHash = await deps.sha256(bytes);
  const cslId = `q${sourceHash.slice(0, 16)}`;
  const parsed = parseTextArticle(text, mediaType, cslId);
  const rights = await Promise.all(
    parsed.rights.map(async (n) => ({ ...n, sha256: await deps.sha256(utf8.encode(n.text)) })),
  );
  const { csl } = parsed;
  return {
    csl,
    originalSource: parsed.originalSource,
    keywords: parsed.keywords,
    body: parsed.body,
    rights,
    source: {
      sha256: sourceHash,
      mediaType,
      byteLength: bytes.length,
      fileName: options.fileName ?? null,
    },
    gaps: metadataGaps(csl),
  };
}
