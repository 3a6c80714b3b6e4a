import { QueryCancelled } from '../../src-core/search/index.ts';
import type { QuireDatabase } from '../db/database.ts';
import { createLibrarySearch } from './library-search.ts';
import { hitSnippets } from './library-snippets.ts';
import { createLibraryView } from './library-view.ts';
import type { SearchReply, SearchRequest } from './protocol.ts';

/**
 * The search worker's message handler (also run in-process where there is no Worker). Views
 * are cancelled by newer ones: each keystroke sends one, and only the newest is answered.
 */
export function createSearchService(db: QuireDatabase, reply: (message: SearchReply) => void) {
  const search = createLibrarySearch(db);
  const view = createLibraryView(db, search);
  let newestView = 0;
  let rebuilding: Promise<boolean> | null = null;

  const rebuild = (id: number) =>
    (rebuilding ??= search
      .rebuild((done, total) => reply({ type: 'progress', id, done, total }))
      .then(() => true)
      .finally(() => (rebuilding = null)));

  async function answer(request: SearchRequest) {
    switch (request.type) {
      case 'view': {
        newestView = request.id;
        view.setGeneration(request.generation);
        return view.view(request.request, () => newestView !== request.id);
      }
      case 'snippets':
        return hitSnippets(db, request.ids, request.highlight);
      case 'ensure-index':
        // Built once per index version (an upgrade, a new format), never at every start.
        return (await search.needsRebuild()) ? rebuild(request.id) : false;
      case 'rebuild':
        return rebuild(request.id);
      case 'check':
        return search.check();
      case 'repair':
        return search.repair();
    }
  }

  return async (request: SearchRequest) => {
    try {
      reply({ type: 'result', id: request.id, value: await answer(request) });
    } catch (error) {
      const cancelled = error instanceof QueryCancelled;
      const message = error instanceof Error ? error.message : String(error);
      reply({ type: 'error', id: request.id, message, cancelled });
    }
  };
}
