import type { ImportDeps } from '../../src-core/import/import-article.ts';
import { parseHtml } from './parse-html.ts';
import { sanitizePage } from './sanitize-page.ts';
import { sha256 } from './sha256.ts';

/**
 * What the core's importer needs from the platform: WebCrypto's SHA-256, the browser's inert
 * DOMParser, and DOMPurify to sanitize a page before its text is read.
 */
export const importDeps: ImportDeps = { sha256, parseHtml, sanitize: sanitizePage };
