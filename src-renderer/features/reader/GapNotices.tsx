import type { MetadataGap } from '../../../src-core/article/model.ts';

const GAP_TEXT: Record<MetadataGap, string> = {
  title: 'No title found',
  author: 'No author found',
  issued: 'No date found',
  'issued-ambiguous': 'The page wrote its date ambiguously (day and month could be swapped)',
  'container-title': 'No site name found',
};

/** What a citation of this article will be missing, and where to fix it. */
export function GapNotices({ gaps }: { gaps: MetadataGap[] }) {
  if (gaps.length === 0) return null;
  return (
    <aside className="gaps" aria-label="Missing details" data-testid="gaps">
      <ul className="gaps__list">
        {gaps.map((gap) => (
          <li key={gap} className="gaps__item" data-testid="gap-notice" data-gap={gap}>
            {GAP_TEXT[gap]} — {gap === 'issued-ambiguous' ? 'check it' : 'add it'} in Edit details
          </li>
        ))}
      </ul>
    </aside>
  );
}
