import DOMPurify from 'dompurify';
import { purifyOptions } from '../../src-core/article/html/sanitize-config.ts';

/**
 * Sanitizes a parsed page in place (DOMPurify with the core's one configuration) after its
 * metadata was read and before its text is: the importer's `sanitize` dependency.
 */
export function sanitizePage(doc: Document): void {
  if (!doc.body) return;
  DOMPurify.sanitize(doc.body, purifyOptions());
}
