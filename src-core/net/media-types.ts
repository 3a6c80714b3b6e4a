/**
 * What Quire asks a server for and accepts from it: one list for the desktop app's main
 * process and the web build's own fetch.
 */

/** Media types a page capture can read; a missing type ('') is sniffed from the content. */
export const PAGE_MEDIA_TYPES: ReadonlySet<string> = new Set([
  '',
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'text/x-markdown',
]);

/** The Accept header of each kind of request. */
export const ACCEPT_HEADERS = {
  page: 'text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.7,*/*;q=0.1',
  image: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8',
} as const;
