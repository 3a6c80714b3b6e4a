export { FIELDS, NOTICE_KINDS, HAS_VALUES, type Field } from './fields.ts';
export { foldText, forEachToken, tokenize } from './fold.ts';
export { indexDocument, wholeValueTerm, type ForwardDoc, type IndexedFields } from './document.ts';
export { parseQuery, type ParsedQuery, type QueryNode } from './query.ts';
export {
  buildSegment,
  mergeSegments,
  type BuiltSegment,
  type SegmentDocs,
  type SegmentInput,
  type TermEntry,
} from './segment.ts';
export {
  runQuery,
  QueryCancelled,
  type IndexSnapshot,
  type SearchHit,
  type SearchResult,
  type TermRow,
} from './evaluate.ts';
export { makeSnippet, type Snippet, type SnippetPart } from './snippet.ts';
export { memoryIndex } from './memory-index.ts';
export {
  blockRange,
  packSegment,
  termsInBlock,
  unpackBlocks,
  type PackedSegment,
  type PositionBlock,
  type TermBlock,
} from './blocks.ts';
