import type { ImageResult } from '../../src-core/capture/offline-images.ts';
import {
  ImportError,
  importArticle,
  type ImportDeps,
} from '../../src-core/import/import-article.ts';
import { createArticleRepository } from '../db/article-repository.ts';
import { QuireDatabase } from '../db/database.ts';
import type { ArticleRepository } from '../db/records.ts';
import type { CaptureReply, CaptureRequest } from './protocol.ts';
import { saveCaptured } from './save-captured.ts';
import { maintainIndexWhenDue } from '../db/search-maintenance.ts';

/**
 * What the capture worker does with each message, apart from the worker itself so tests can
 * run it: read bytes into an article (and store it in the named library), asking the page for
 * the images it cannot fetch itself. The library is the UI thread's IndexedDB database, opened
 * here too; Dexie tells the UI thread's live queries what changed.
 */
export function createCaptureService(
  post: (reply: CaptureReply) => void,
  deps: Required<ImportDeps>,
): (request: CaptureRequest) => Promise<void> {
  let library: { name: string; db: QuireDatabase; articles: ArticleRepository } | null = null;
  const libraryNamed = (name: string) => {
    if (library?.name !== name) {
      const db = new QuireDatabase(name);
      library = { name, db, articles: createArticleRepository(db, { sha256: deps.sha256 }) };
    }
    return library;
  };

  const fetches = new Map<number, (result: ImageResult) => void>();
  let nextFetch = 1;
  const fetchThroughPage = (id: number) => (url: string) =>
    new Promise<ImageResult>((resolve) => {
      const fetchId = nextFetch++;
      fetches.set(fetchId, resolve);
      post({ type: 'fetch-image', id, fetchId, url });
    });

  return async (request) => {
    if (request.type === 'image') {
      fetches.get(request.fetchId)?.(request.result);
      fetches.delete(request.fetchId);
      return;
    }
    try {
      const parsed = await importArticle(request.bytes, request.options, deps);
      if (request.type === 'capture') {
        post({ type: 'captured', id: request.id, parsed });
        return;
      }
      const { db, articles } = libraryNamed(request.database);
      const saved = await saveCaptured(
        articles,
        parsed,
        request.bytes,
        fetchThroughPage(request.id),
      );
      post({ type: 'stored', id: request.id, saved });
      // A long batch keeps the index's waiting list short (here, off the UI thread). A failure
      // is not this capture's: the article is stored, and the next search flushes again.
      await maintainIndexWhenDue(db).catch((error: unknown) =>
        console.warn('Search index maintenance failed; the next search retries', error),
      );
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      post({
        type: 'failed',
        id: request.id,
        error: {
          name: failure.name,
          message: failure.message,
          code: error instanceof ImportError ? error.code : null,
        },
      });
    }
  };
}
