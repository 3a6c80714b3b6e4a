import type { CslItem, MetadataGap } from './model.ts';

/** The metadata a citation needs that this item lacks, so the UI can ask for it. */
export function metadataGaps(csl: CslItem, dateAmbiguous = false): MetadataGap[] {
  const gaps: MetadataGap[] = [];
  if (!csl.title?.trim()) gaps.push('title');
  const names = csl.author ?? [];
  if (!names.some((n) => (n.literal ?? n.family ?? '').trim())) gaps.push('author');
  if (!csl.issued?.['date-parts']?.[0]?.[0] && !csl.issued?.raw?.trim()) gaps.push('issued');
  else if (dateAmbiguous) gaps.push('issued-ambiguous');
  if (!csl['container-title']?.trim()) gaps.push('container-title');
  return gaps;
}
