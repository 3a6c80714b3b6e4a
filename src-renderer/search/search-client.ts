import type { QuireDatabase } from '../db/database.ts';
import type { SearchReply, SearchRequest, SearchResults } from './protocol.ts';
import { createSearchService } from './search-service.ts';
import type { ViewRequest } from './library-view.ts';

/** A newer view replaced this one before it was answered. */
export class ViewSuperseded extends Error {
  constructor() {
    super('A newer search replaced this one');
  }
}

export interface SearchClient {
  /** The library as asked; a newer call makes this one reject with ViewSuperseded. */
  view(request: ViewRequest, generation: string): Promise<SearchResults['view']>;
  snippets(ids: string[], highlight: string[]): Promise<SearchResults['snippets']>;
  /** Builds the index if its version is not this app's; reports progress. */
  ensureIndex(progress?: (done: number, total: number) => void): Promise<boolean>;
  check(): Promise<SearchResults['check']>;
  repair(): Promise<SearchResults['repair']>;
  close(): void;
}

interface Port {
  post(message: SearchRequest): void;
  close(): void;
}

type Pending = {
  resolve(value: unknown): void;
  reject(error: Error): void;
  progress?: (done: number, total: number) => void;
};

function client(connect: (onReply: (reply: SearchReply) => void) => Port): SearchClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let newestView = 0;
  const port = connect((reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    if (reply.type === 'progress') return waiting.progress?.(reply.done, reply.total);
    pending.delete(reply.id);
    if (reply.type === 'result') waiting.resolve(reply.value);
    else waiting.reject(reply.cancelled ? new ViewSuperseded() : new Error(reply.message));
  });
  function send<K extends keyof SearchResults>(
    request: Omit<Extract<SearchRequest, { type: K }>, 'id'>,
    progress?: Pending['progress'],
  ): Promise<SearchResults[K]> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      port.post({ ...request, id } as SearchRequest);
    });
  }
  return {
    async view(request, generation) {
      const id = nextId;
      newestView = id;
      const result = await send<'view'>({ type: 'view', generation, request });
      if (newestView !== id) throw new ViewSuperseded();
      return result;
    },
    snippets: (ids, highlight) => send<'snippets'>({ type: 'snippets', ids, highlight }),
    ensureIndex: (progress) => send<'ensure-index'>({ type: 'ensure-index' }, progress),
    check: () => send<'check'>({ type: 'check' }),
    repair: () => send<'repair'>({ type: 'repair' }),
    close() {
      port.close();
      for (const waiting of pending.values()) waiting.reject(new Error('Search was closed'));
      pending.clear();
    },
  };
}

/** Search in a worker of its own (the app). */
export function createWorkerSearchClient(database: string): SearchClient {
  return client((onReply) => {
    const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<SearchReply>) => onReply(data);
    worker.postMessage({ type: 'open', database });
    return { post: (message) => worker.postMessage(message), close: () => worker.terminate() };
  });
}

/** Search on this thread, for tests and places without workers. */
export function createInProcessSearchClient(db: QuireDatabase): SearchClient {
  return client((onReply) => {
    const handle = createSearchService(db, onReply);
    return { post: (message) => void handle(message), close: () => {} };
  });
}

/** The app's search: in a worker where the platform has module workers. */
export function selectSearchClient(db: QuireDatabase): SearchClient {
  return typeof Worker === 'undefined'
    ? createInProcessSearchClient(db)
    : createWorkerSearchClient(db.name);
}
