import assert from 'node:assert/strict';
import fc from 'fast-check';
import { indexDocument, type IndexedFields } from '../../search/document.ts';
import { runQuery, type SearchResult } from '../../search/evaluate.ts';
import { memoryIndex } from '../../search/memory-index.ts';
import { MAX_QUERY_CHARS, parseQuery, type ParsedQuery } from '../../search/query.ts';
import { buildSegment } from '../../search/segment.ts';
import { indexedFields } from '../../search/test-fields.ts';
import { pieces, unreadableMessage, type FuzzTarget } from '../fuzz.ts';

// Fuzz target: the search language, parsed and run against a small library in memory. The
// parser promises to read any string (what it cannot read becomes a hint), so any exception is
// a failure; the search must return consistent, ranked hits.

const LIBRARY: Record<string, Partial<IndexedFields>> = {
  reference: {
    title: 'Taliban Pushes Back Against ISIS Expansion in Afghanistan',
    authors: ['South Front'],
    sites: ['Global Research', 'globalresearch.ca'],
    body: ['ISIS has increased its efforts to expand in Afghanistan.', 'US troops deployed.'],
    notices: ['Copyright © South Front, Global Research, 2018'],
    tags: ['Afghanistan', 'Military and WMD'],
    year: 2018,
    noticeKinds: ['copyright', 'disclaimer', 'fair-use'],
  },
  elysee: {
    title: 'Le président reçoit à l’Élysée',
    authors: ['Marie Dupont'],
    body: ['Le président a reçu les ministres à l’Élysée pour parler du climat.'],
    tags: ['France', 'Climate Change'],
    year: 2019,
  },
  climate: {
    title: 'Climate change and the Kabul water crisis',
    authors: ['John Smith'],
    body: ['Drought has emptied the wells of Kabul.'],
    notes: ['Check the figures against the UN report.'],
    tags: ['climate change'],
    collections: ['c1'],
    year: 2020,
    has: ['notes'],
  },
  cjk: { title: '東京の気候変動', body: ['東京都は気候変動対策を発表した。😀'], year: 2021 },
};

const INDEX = memoryIndex([
  buildSegment(
    Object.entries(LIBRARY).map(([id, f], i) => ({
      docNum: i + 1,
      id,
      doc: indexDocument(indexedFields(f)),
    })),
  ),
]);
const IDS = new Set(Object.keys(LIBRARY));

const QUERY_PIECES = [
  'isis', 'kabul', 'climate', 'change', 'président', 'élysée', '東京', '気候', 'taliban', 'ka',
  'k', 'a', 'the', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '(', ')', '((', '))', '"', '"',
  '*', '**', '-', '--', '+', 'OR', 'AND', 'NOT', 'or', ' OR ', ' AND ', ' NOT ', 'author:',
  'title:', 'site:', 'tag:', 'collection:', 'notice:', 'has:', 'year:', 'year:2018',
  'year:2018..2020', 'year:..2010', 'year:2020..', 'year:..', 'year:abc', 'year:99999',
  'tag:"climate change"', 'has:notes', 'notice:copyright', 'foo:', 'http://x.example/a',
  ':', '::', '\\', '\u0000', '\ufeff', '\ud800', '😀', 'é', '\u0301', '\u202e',
]; // prettier-ignore

interface QueryOutcome {
  parsed: ParsedQuery;
  result: SearchResult;
}

/**
 * A search never fails: each hint reads as a sentence, each hit is an article of the library
 * once, best first, with a finite score, and `total` counts at least the hits. Blank space at
 * the end changes nothing.
 */
export async function checkQuery({ parsed, result }: QueryOutcome, query: string): Promise<void> {
  for (const hint of [...parsed.hints, ...result.hints]) {
    assert.equal(unreadableMessage(hint), null, `hint: ${hint}`);
  }
  for (const word of parsed.highlight) assert.ok(word.length > 0, 'an empty highlight');
  assert.ok(result.total >= result.hits.length, 'total counts fewer than the hits');
  const seen = new Set<string>();
  result.hits.forEach((hit, i) => {
    assert.ok(IDS.has(hit.id) && !seen.has(hit.id), `hit ${hit.id}`);
    seen.add(hit.id);
    assert.ok(Number.isFinite(hit.score), `score ${hit.score}`);
    if (i > 0) assert.ok(result.hits[i - 1]!.score >= hit.score, 'hits out of order');
  });
  if (query.length < MAX_QUERY_CHARS) {
    assert.deepEqual(parseQuery(`${query} `).node, parsed.node, 'a trailing space changed it');
  }
}

export const searchQuery: FuzzTarget<string> = {
  name: 'parseQuery + runQuery',
  runs: 5000,
  input: fc.oneof(
    { weight: 6, arbitrary: pieces(QUERY_PIECES, 40) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
    { weight: 1, arbitrary: pieces(QUERY_PIECES, 600) },
  ),
  seedNote: 'a grammar of the query language, random Unicode strings; a 4-article index',
  size: (query) => query.length,
  call: async (query) => {
    const parsed = parseQuery(query);
    return { parsed, result: await runQuery(parsed, INDEX, { limit: 3 }) };
  },
  check: (outcome: QueryOutcome, query) => checkQuery(outcome, query),
};
