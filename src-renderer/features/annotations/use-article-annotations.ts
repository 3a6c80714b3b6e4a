import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { anchorTarget } from '../../../src-core/excerpt/anchor.ts';
import { displayText, type DisplayText } from '../../../src-core/excerpt/display-text.ts';
import type { Anchor } from '../../../src-core/excerpt/types.ts';
import type { AnnotationRecord, ArticleRecord, Library } from '../../db/index.ts';

export interface AnchoredAnnotation {
  record: AnnotationRecord;
  /** Where it is in the article's current text, or why it is orphaned. */
  anchor: Anchor;
}

/**
 * The open article's annotations, each anchored in its current text (a re-parse may have moved
 * or changed the words: fuzzy anchors and orphans say so), in reading order.
 */
export function useArticleAnnotations(
  library: Library,
  article: ArticleRecord | null | undefined,
): { display: DisplayText | null; items: AnchoredAnnotation[] | undefined } {
  const articleId = article?.id;
  const records = useLiveQuery(
    () => (articleId ? library.annotations.forArticle(articleId) : []),
    [library, articleId],
  );
  const body = article?.body;
  const display = useMemo(() => (body ? displayText(body) : null), [body]);
  const items = useMemo(() => {
    if (!records || !body || !display) return undefined;
    const anchored = records.map((record) => ({
      record,
      anchor: anchorTarget(body, record.target, display),
    }));
    const at = (a: AnchoredAnnotation) =>
      a.anchor.status === 'anchored' ? a.anchor.start : Number.MAX_SAFE_INTEGER;
    return anchored.sort((a, b) => at(a) - at(b));
  }, [records, body, display]);
  return { display, items };
}
