import type { CslDate, CslName } from '../../src-core/article/model.ts';
import type { ArticleRecord, ArticleSummary } from './records.ts';

/** "South Front" for organisations, "Jane van Doe Jr." for people, joined with commas. */
export function formatNames(names: readonly CslName[] | undefined): string {
  return (names ?? [])
    .map(
      (n) =>
        n.literal ??
        [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family, n.suffix]
          .filter(Boolean)
          .join(' '),
    )
    .filter(Boolean)
    .join(', ');
}

/** ISO-like "2018-08-15", "2018-08" or "2018"; a range as "start/end" (ISO 8601 interval). */
export function formatIssued(date: CslDate | undefined): string {
  const parts = date?.['date-parts'];
  if (parts && parts.length > 0) {
    return parts
      .map((ymd) =>
        ymd
          .filter((n): n is number => n !== undefined)
          .map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0')))
          .join('-'),
      )
      .join('/');
  }
  return date?.raw ?? '';
}

export function toSummary(record: ArticleRecord): ArticleSummary {
  return {
    id: record.id,
    title: record.csl.title ?? '',
    authors: formatNames(record.csl.author),
    issued: formatIssued(record.csl.issued),
    containerTitle: record.csl['container-title'] ?? '',
    addedAt: record.addedAt,
    gaps: record.gaps,
  };
}
