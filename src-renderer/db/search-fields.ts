import type { IndexedFields } from '../../src-core/search/index.ts';
import { isReferenceOnly, type AnnotationRecord, type ArticleRecord } from './records.ts';
import { formatNames } from './summary.ts';
import { issuedYear, noticeKinds, siteNames } from './article-facts.ts';

/**
 * What the search index reads of an article and its annotations: their notes and tags are
 * found as words, like the article's own note, and `has:annotations` / `has:notes` filter on them.
 */
export function searchFields(
  record: ArticleRecord,
  annotations: readonly Pick<AnnotationRecord, 'note' | 'tags'>[] = [],
): IndexedFields {
  const notes = annotations.map((a) => a.note).filter((note) => note.trim() !== '');
  return {
    title: record.csl.title ?? '',
    authors: (record.csl.author ?? []).map((name) => formatNames([name])),
    sites: siteNames(record),
    body: [
      ...record.headings.map((h) => h.text),
      ...record.body.map((p) => p.text),
      // A reference without its page is found by its abstract, the nearest thing to a body.
      ...(isReferenceOnly(record) && typeof record.csl.abstract === 'string'
        ? [record.csl.abstract]
        : []),
    ],
    notices: record.rights.map((n) => n.display),
    // Annotation tags are words of the notes: `tag:` filters stay the article's own tags.
    notes: [
      ...(record.csl.note ? [record.csl.note] : []),
      ...notes,
      ...annotations.flatMap((a) => a.tags),
    ],
    tags: record.tags,
    collections: record.collections ?? [],
    year: issuedYear(record),
    noticeKinds: noticeKinds(record),
    has: [...(annotations.length ? ['annotations'] : []), ...(notes.length ? ['notes'] : [])],
  };
}
