// Test support only: an article's indexed fields, empty unless given.
import type { IndexedFields } from './document.ts';

export const indexedFields = (over: Partial<IndexedFields> = {}): IndexedFields => ({
  title: '',
  authors: [],
  sites: [],
  body: [],
  notices: [],
  notes: [],
  tags: [],
  collections: [],
  year: null,
  noticeKinds: [],
  has: [],
  ...over,
});
