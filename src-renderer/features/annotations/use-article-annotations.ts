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
 * Anchors by article text, then by annotation. A highlight's target never changes once made,
 * so its anchor holds as long as the text does: saving a note re-anchors nothing (an orphan's
 * search runs over the whole article). A new text (a re-parse) is a new key.
 */
const ANCHORS = new WeakMap<DisplayText, Map<string, Anchor>>();

function cachedAnchor(
  body: readonly { n: number; id: string; text: string }[],
  display: DisplayText,
  record: AnnotationRecord,
): Anchor {
  let anchors = ANCHORS.get(display);
  if (!anchors) ANCHORS.set(display, (anchors = new Map()));
  let anchor = anchors.get(record.id);
  if (!anchor) {
    anchor = record.target ? anchorTarget(body, record.target, display) : { status: 'article' };
    anchors.set(record.id, anchor);
  }
  return anchor;
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
      anchor: cachedAnchor(body, display, record),
    }));
    // Notes on the whole article first, then highlights in reading order, orphans last.
    const at = (a: AnchoredAnnotation) =>
      a.anchor.status === 'anchored'
        ? a.anchor.start
        : a.anchor.status === 'article'
          ? -1
          : Number.MAX_SAFE_INTEGER;
    return anchored.sort((a, b) => at(a) - at(b));
  }, [records, body, display]);
  return { display, items };
}
