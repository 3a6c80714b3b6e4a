import type { CslDate, CslName } from '../../src-core/article/model.ts';
import { foldText } from '../../src-core/search/fold.ts';
import { isReferenceOnly, type ArticleRecord, type ArticleSummary } from './records.ts';
import { noticeKinds, siteNames } from './article-facts.ts';

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

/** A sort key: folded (case and accents ignored), leading punctuation and spaces dropped. */
export function sortKey(text: string): string {
  return foldText(text)
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, 200);
}

/** The first date's "YYYY-MM-DD" (as far as it is known): sorts as text. */
function issuedKey(date: CslDate | undefined): string {
  const first = date?.['date-parts']?.[0];
  return first ? formatIssued({ 'date-parts': [first] }) : '';
}

function firstAuthorKey(names: readonly CslName[] | undefined): string {
  const first = names?.[0];
  if (!first) return '';
  return sortKey(first.literal ?? [first.family, first.given].filter(Boolean).join(' '));
}

/** Words in the body: what the list shows as an article's length. */
function countWords(record: ArticleRecord): number {
  let words = 0;
  for (const paragraph of record.body) {
    const matches = paragraph.text.match(/[\p{L}\p{N}][^\s]*/gu);
    words += matches ? matches.length : 0;
  }
  return words;
}

export function toSummary(record: ArticleRecord): ArticleSummary {
  const title = record.csl.title ?? '';
  return {
    id: record.id,
    title,
    authors: formatNames(record.csl.author),
    issued: formatIssued(record.csl.issued),
    containerTitle: record.csl['container-title'] ?? '',
    addedAt: record.addedAt,
    gaps: record.gaps,
    titleKey: sortKey(title),
    authorKey: firstAuthorKey(record.csl.author),
    siteKey: sortKey(siteNames(record)[0] ?? ''),
    issuedKey: issuedKey(record.csl.issued),
    tags: [...record.tags],
    collections: [...(record.collections ?? [])],
    noticeKinds: noticeKinds(record),
    words: countWords(record),
    paragraphs: record.body.length,
    ...(isReferenceOnly(record) ? { referenceOnly: true as const } : {}),
  };
}
