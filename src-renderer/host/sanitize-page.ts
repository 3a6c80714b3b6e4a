import DOMPurify from 'dompurify';
import { PURIFY_CONFIG } from '../../src-core/article/html/sanitize-config.ts';

/**
 * Sanitizes a parsed page in place (DOMPurify with the core's one configuration) after its
 * metadata was read and before its text is: the importer's `sanitize` dependency.
 */
export function sanitizePage(doc: Document): void {
  if (!doc.body) return;
  DOMPurify.sanitize(doc.body, {
    ...PURIFY_CONFIG,
    FORBID_TAGS: [...PURIFY_CONFIG.FORBID_TAGS],
    FORBID_ATTR: [...PURIFY_CONFIG.FORBID_ATTR],
    ADD_FORBID_CONTENTS: [...PURIFY_CONFIG.ADD_FORBID_CONTENTS],
    IN_PLACE: true,
  });
}
