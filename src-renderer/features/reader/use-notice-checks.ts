import { useEffect, useState } from 'react';
import type { Library, NoticeCheck } from '../../db/index.ts';
import { sha256 } from '../../host/index.ts';

export type NoticeChecks =
  | { state: 'checking' }
  | { state: 'done'; checks: NoticeCheck[] }
  | { state: 'failed'; message: string };

/** Re-proves the stored notices against the stored original bytes each time an article opens. */
export function useNoticeChecks(library: Library, articleId: string): NoticeChecks {
  const [result, setResult] = useState<{ id: string; checks: NoticeChecks } | null>(null);

  useEffect(() => {
    let current = true;
    library.articles.verifyNotices(articleId, sha256).then(
      (checks) => current && setResult({ id: articleId, checks: { state: 'done', checks } }),
      (error: unknown) =>
        current &&
        setResult({
          id: articleId,
          checks: {
            state: 'failed',
            message: error instanceof Error ? error.message : String(error),
          },
        }),
    );
    return () => {
      current = false;
    };
  }, [library, articleId]);

  return result?.id === articleId ? result.checks : { state: 'checking' };
}
