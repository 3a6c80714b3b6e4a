export { createLibrarySearch, type LibrarySearch, type SearchOptions } from './library-search.ts';
