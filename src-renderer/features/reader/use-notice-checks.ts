import { useEffect, useState } from 'react';
import type { Library, NoticeCheck } from '../../db/index.ts';
import { sha256 } from '../../host/index.ts';

export type NoticeChecks =
  | { state: 'checking' }
  | { state: 'done'; checks: NoticeCheck[] }
  | { state: 'failed'; message: string };

/**
 * Re-proves the stored notices against the stored original bytes each time an article opens,
 * and again when its notices are replaced (`revision`: the parser version that found them).
 */
export function useNoticeChecks(
  library: Library,
  articleId: string,
  revision?: number,
): NoticeChecks {
  const key = `${articleId}@${revision ?? ''}`;
  const [result, setResult] = useState<{ key: string; checks: NoticeChecks } | null>(null);

  useEffect(() => {
    let current = true;
    library.articles.verifyNotices(articleId, sha256).then(
      (checks) => current && setResult({ key, checks: { state: 'done', checks } }),
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
  }, [library, articleId, key]);

  return result?.key === key ? result.checks : { state: 'checking' };
}
