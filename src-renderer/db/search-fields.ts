import type { IndexedFields } from '../../src-core/search/index.ts';
import type { ArticleRecord } from './records.ts';
import { formatNames } from './summary.ts';
import { issuedYear, noticeKinds, siteNames } from './article-facts.ts';

/** What the search index reads of an article. */
export function searchFields(record: ArticleRecord): IndexedFields {
  return {
    title: record.csl.title ?? '',
    authors: (record.csl.author ?? []).map((name) => formatNames([name])),
    sites: siteNames(record),
    body: [...record.headings.map((h) => h.text), ...record.body.map((p) => p.text)],
    notices: record.rights.map((n) => n.display),
    notes: record.csl.note ? [record.csl.note] : [],
    tags: record.tags,
    collections: record.collections ?? [],
    year: issuedYear(record),
    noticeKinds: noticeKinds(record),
    has: [],
  };
}
