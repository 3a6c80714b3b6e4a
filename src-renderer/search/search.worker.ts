import { QuireDatabase } from '../db/database.ts';
import type { SearchRequest } from './protocol.ts';
import { createSearchService } from './search-service.ts';

/**
 * The search worker: queries, snippets and index maintenance run here, so typing in the search
 * box never waits for them. The first message names the library to open.
 */
let handle: ((request: SearchRequest) => Promise<void>) | null = null;

self.onmessage = ({ data }: MessageEvent<SearchRequest | { type: 'open'; database: string }>) => {
  if (data.type === 'open') {
    handle = createSearchService(new QuireDatabase(data.database), (reply) =>
      self.postMessage(reply),
    );
  } else if (handle) void handle(data);
};
