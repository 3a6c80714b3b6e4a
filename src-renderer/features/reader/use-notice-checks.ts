import { useEffect, useRef, useState } from 'react';
import type { ArticleRecord, Library, NoticeCheck, SourceCheck } from '../../db/index.ts';
import { sha256 } from '../../host/index.ts';

export type NoticeChecks =
  | { state: 'checking' }
  | { state: 'done'; checks: NoticeCheck[]; source: SourceCheck }
  | { state: 'failed'; message: string };

/**
 * Re-proves the stored notices and body text against the stored original bytes, and those
 * bytes against their SHA-256, each time an article opens,
 * and again when its notices are replaced (`revision`: the parser version that found them).
 * Nothing starts while the record is still loading; then the check reuses it and reads only the
 * original bytes, which for a 10 MB article is worth doing once, not twice.
 */
export function useNoticeChecks(
  library: Library,
  articleId: string,
  article:
    Pick<ArticleRecord, 'id' | 'rights' | 'source' | 'parserVersion' | 'body'> | null | undefined,
): NoticeChecks {
  const revision = article?.parserVersion;
  const key = `${articleId}@${revision ?? ''}`;
  // The record the reader loaded, for this revision: the check need not read it again.
  const loaded = useRef(article);
  // Declared before the check's effect, so it runs first and the check sees this render's record.
  useEffect(() => {
    loaded.current = article;
  });
  const [result, setResult] = useState<{ key: string; checks: NoticeChecks } | null>(null);

  useEffect(() => {
    if (revision === undefined) return;
    let current = true;
    library.articles.verifyArticle(articleId, sha256, loaded.current ?? undefined).then(
      ({ notices, source }) =>
        current && setResult({ key, checks: { state: 'done', checks: notices, source } }),
      (error: unknown) =>
        current &&
        setResult({
          key,
          checks: {
            state: 'failed',
            message: error instanceof Error ? error.message : String(error),
          },
        }),
    );
    return () => {
      current = false;
    };
  }, [library, articleId, revision, key]);

  return result?.key === key ? result.checks : { state: 'checking' };
}
