import type { ImportDeps } from '../../src-core/import/import-article.ts';
import { sanitizeParsedPage } from '../../src-core/article/html/sanitize-dom.ts';
import { parseHtml } from './parse-html.ts';
import { sha256 } from './sha256.ts';

/**
 * What the core's importer needs from the platform on the UI thread (the fallback when there
 * are no module workers, and `?capture=main-thread`): WebCrypto's SHA-256, and the same parser
 * and sanitizer as the capture worker (linkedom and the one configuration, ADR 0016).
 */
export const importDeps: ImportDeps = { sha256, parseHtml, sanitize: sanitizeParsedPage };
