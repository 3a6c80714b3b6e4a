import type { IndexCheck } from '../db/search-check.ts';
import type { HitSnippet } from './library-snippets.ts';
import type { ViewRequest, ViewResult } from './library-view.ts';

/** Messages between the UI and the search worker. */
export type SearchRequest =
  | { type: 'view'; id: number; generation: string; request: ViewRequest }
  | { type: 'snippets'; id: number; ids: string[]; highlight: string[] }
  | { type: 'ensure-index'; id: number }
  | { type: 'rebuild'; id: number }
  | { type: 'check'; id: number }
  | { type: 'repair'; id: number };

export interface SearchResults {
  view: ViewResult;
  snippets: HitSnippet[];
  'ensure-index': boolean;
  rebuild: boolean;
  check: IndexCheck;
  repair: IndexCheck;
}

export type SearchReply =
  | { type: 'result'; id: number; value: SearchResults[keyof SearchResults] }
  | { type: 'error'; id: number; message: string; cancelled: boolean }
  | { type: 'progress'; id: number; done: number; total: number };
