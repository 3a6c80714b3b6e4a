import type { ArticleRecord } from './records.ts';

/** Facts about an article that both the library list and the search index use. */

const CREATIVE_COMMONS_RE = /creative\s*commons|\bcc[ -](?:by|0)\b/i;

/** The rights kinds of an article, plus "cc" when a licence is a Creative Commons one. */
export function noticeKinds(record: Pick<ArticleRecord, 'rights' | 'csl'>): string[] {
  const kinds = new Set<string>(record.rights.map((n) => n.kind));
  const licences = [
    ...record.rights.filter((n) => n.kind === 'licence').map((n) => n.text),
    record.csl.license ?? '',
  ];
  if (licences.some((text) => CREATIVE_COMMONS_RE.test(text))) kinds.add('cc');
  return [...kinds].sort();
}

/** The site consulted: its name and the address's host without "www.". */
export function siteNames(record: Pick<ArticleRecord, 'csl' | 'originalSource'>): string[] {
  const names = [record.csl['container-title'], record.csl.publisher, record.originalSource?.name];
  try {
    if (record.csl.URL) names.push(new URL(record.csl.URL).hostname.replace(/^www\./, ''));
  } catch {
    // Not an address: nothing to add.
  }
  return [...new Set(names.filter((n): n is string => !!n))];
}

export function issuedYear(record: Pick<ArticleRecord, 'csl'>): number | null {
  const year = record.csl.issued?.['date-parts']?.[0]?.[0];
  return typeof year === 'number' && Number.isInteger(year) ? year : null;
}
