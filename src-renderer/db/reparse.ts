import { metadataGaps } from '../../src-core/article/gaps.ts';
import type { CslDate, ParsedArticle } from '../../src-core/article/model.ts';
import type { ArticleRecord } from './records.ts';

const sameDate = (a: CslDate | undefined, b: CslDate | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Pure: a stored record after its source bytes were read again by newer capture rules. What the
 * rules read from the text is replaced (paragraphs, headings, images, notices, keywords, parser
 * version; the images' offline copies are not: an image new to the record has none yet);
 * what the user may have edited is kept (the CSL item, the original source, tags, dates added).
 * The gaps are those of the kept CSL item; the date is flagged ambiguous only when the kept date
 * is the one the rules found ambiguous.
 */
export function applyReparse(
  record: ArticleRecord,
  parsed: ParsedArticle,
  now: number,
): ArticleRecord {
  if (parsed.source.sha256 !== record.source.sha256) {
    throw new Error('Cannot re-parse: the parsed article comes from different source bytes');
  }
  const ambiguous =
    parsed.gaps.includes('issued-ambiguous') && sameDate(record.csl.issued, parsed.csl.issued);
  return {
    ...record,
    parserVersion: parsed.parserVersion,
    body: parsed.body,
    headings: parsed.headings,
    images: parsed.images,
    rights: parsed.rights,
    keywords: parsed.keywords,
    source: { ...record.source, mediaType: parsed.source.mediaType },
    gaps: metadataGaps(record.csl, ambiguous),
    updatedAt: Math.max(now, record.updatedAt + 1),
  };
}
