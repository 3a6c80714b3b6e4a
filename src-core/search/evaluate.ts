import type { ParsedQuery, QueryNode } from './query.ts';
import type { SegmentDocs, TermEntry } from './segment.ts';
import {
  EMPTY,
  everything,
  filterSet,
  intersect,
  subtract,
  union,
  type ScoredSet,
} from './sets.ts';
import { readDeltas } from './varint.ts';
import { displayTerm, FIELD_PREFIX } from './fields.ts';

/** One term's postings in one segment, as the index store returns them. */
export interface TermRow {
  segment: number;
  term: string;
  entry: TermEntry;
}

/** What a query reads: the segments (in any order) and their term rows. */
export interface IndexSnapshot {
  segments: readonly { id: number; docs: SegmentDocs }[];
  isDeleted(docNum: number): boolean;
  /** Every row whose term is in [from, to] (inclusive), at most `limit` rows. */
  read(from: string, to: string, withPositions: boolean, limit: number): Promise<TermRow[]>;
}

export interface SearchHit {
  id: string;
  docNum: number;
  score: number;
}

export interface SearchResult {
  /** Every matching article counted, not only the hits returned. */
  total: number;
  /** Best first (BM25), newest first among equals. */
  hits: SearchHit[];
  hints: string[];
}

export interface RunOptions {
  /** How many hits to return (default: all). */
  limit?: number;
  /** Checked after each read: a newer query makes this one stop early. */
  cancelled?: () => boolean;
}

export class QueryCancelled extends Error {
  constructor() {
    super('A newer search replaced this one');
  }
}

const K1 = 1.2;
const B = 0.75;
/** A prefix matching more terms than this is cut (a hint says so). */
export const MAX_EXPANSIONS = 300;
export const MIN_PREFIX = 2;
const LAST = '\uffff';

/** Terms that only filter (tags, years, collections…): they never change the ranking. */
const FILTER_PREFIXES = [
  FIELD_PREFIX.tag,
  FIELD_PREFIX.collection,
  FIELD_PREFIX.notice,
  FIELD_PREFIX.has,
  FIELD_PREFIX.year,
];
const isFilterTerm = (term: string) => FILTER_PREFIXES.some((p) => term.startsWith(p));

interface Leaf {
  from: string;
  to: string;
  positions: boolean;
  limit: number;
  rows: TermRow[];
  bySegment: Map<number, TermRow[]>;
}

/** A prefix of one letter would read most of the index: it is searched as a word. */
const isPrefix = (node: QueryNode & { type: 'term' }) =>
  node.prefix && node.term.replace(/^[a-z]{2}:/, '').length >= MIN_PREFIX;

function leafKey(node: QueryNode & { type: 'term' | 'range' }): string {
  if (node.type === 'range') return `range ${node.from} ${node.to}`;
  return `${isPrefix(node) ? 'prefix' : 'term'} ${node.term}`;
}

/** Reads every term row the query needs, in parallel. */
async function readLeaves(node: QueryNode, index: IndexSnapshot, hints: string[]) {
  const leaves = new Map<string, Leaf>();
  const rowLimit = Math.max(1, index.segments.length) * MAX_EXPANSIONS;
  const want = (key: string, from: string, to: string, positions: boolean, limit: number) => {
    const leaf = leaves.get(key);
    if (leaf) leaf.positions ||= positions;
    else leaves.set(key, { from, to, positions, limit, rows: [], bySegment: new Map() });
  };
  const visit = (n: QueryNode): void => {
    if (n.type === 'term') {
      const prefix = isPrefix(n);
      if (n.prefix && !prefix)
        hints.push(`“${displayTerm(n.term)}*” is too short for a prefix: add a letter.`);
      const to = prefix ? n.term + LAST : n.term;
      want(leafKey(n), n.term, to, false, prefix ? rowLimit : index.segments.length);
    } else if (n.type === 'range') want(leafKey(n), n.from, n.to, false, rowLimit);
    else if (n.type === 'phrase') {
      for (const term of n.terms) want(`term ${term}`, term, term, true, index.segments.length);
    } else if (n.type === 'not') visit(n.child);
    else n.children.forEach(visit);
  };
  visit(node);
  await Promise.all(
    [...leaves.values()].map(async (leaf) => {
      leaf.rows = await index.read(leaf.from, leaf.to, leaf.positions, leaf.limit);
      for (const row of leaf.rows) {
        const rows = leaf.bySegment.get(row.segment);
        if (rows) rows.push(row);
        else leaf.bySegment.set(row.segment, [row]);
      }
      const terms = new Set(leaf.rows.map((r) => r.term));
      if (leaf.rows.length >= leaf.limit && terms.size > 1) {
        hints.push(
          leaf.from.startsWith(FIELD_PREFIX.year)
            ? 'That range of years is too wide: only some of its years were searched.'
            : `“${displayTerm(leaf.from)}*” matches too many words: only some were searched.`,
        );
      }
    }),
  );
  return leaves;
}

class Scorer {
  readonly segmentIndex = new Map<number, number>();
  private readonly df = new Map<string, number>();
  readonly liveCount: number;
  readonly averageLength: number;

  constructor(index: IndexSnapshot, leaves: Map<string, Leaf>) {
    let count = 0;
    let lengths = 0;
    index.segments.forEach(({ id, docs }, i) => {
      this.segmentIndex.set(id, i);
      docs.docNums.forEach((docNum, local) => {
        if (index.isDeleted(docNum)) return;
        count++;
        lengths += docs.lengths[local]!;
      });
    });
    this.liveCount = count;
    this.averageLength = count ? lengths / count : 1;
    for (const leaf of leaves.values()) {
      for (const row of leaf.rows) {
        if (this.df.has(`${row.segment} ${row.term}`)) continue;
        this.df.set(`${row.segment} ${row.term}`, 1);
        this.df.set(row.term, (this.df.get(row.term) ?? 0) + row.entry.postings.docs.length);
      }
    }
  }

  /** BM25 scores of one row's postings. */
  score(row: TermRow, docs: SegmentDocs): ScoredSet {
    const { docs: locals, tfs } = row.entry.postings;
    const scores = new Float64Array(locals.length);
    if (!isFilterTerm(row.term)) {
      const df = this.df.get(row.term) ?? locals.length;
      const idf = Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5));
      for (let i = 0; i < locals.length; i++) {
        const tf = tfs[i]!;
        const norm = 1 - B + (B * docs.lengths[locals[i]!]!) / this.averageLength;
        scores[i] = (idf * tf * (K1 + 1)) / (tf + K1 * norm);
      }
    }
    return { docs: locals, scores };
  }
}

/** Does a document (local index) hold the phrase's words at consecutive positions? */
function hasPhrase(local: number, rows: TermRow[]): boolean {
  // Where the phrase could start, ascending; each next word keeps the starts it follows.
  let starts: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { postings, positions } = rows[i]!.entry;
    if (!positions) return false;
    const at = binarySearch(postings.docs, local);
    if (at < 0) return false;
    const from = at === 0 ? 0 : positions.ends[at - 1]!;
    const found = readDeltas(positions.bytes, from, positions.ends[at]!);
    if (i === 0) {
      starts = found;
      continue;
    }
    // Both lists ascend: one merge pass keeps the starts s with s + i among `found`.
    const kept: number[] = [];
    let j = 0;
    for (const start of starts) {
      const want = start + i;
      while (j < found.length && found[j]! < want) j++;
      if (j === found.length) break;
      if (found[j] === want) kept.push(start);
    }
    if (kept.length === 0) return false;
    starts = kept;
  }
  return starts.length > 0;
}

function binarySearch(array: Uint32Array, value: number): number {
  let low = 0;
  let high = array.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const x = array[mid]!;
    if (x === value) return mid;
    if (x < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function evaluateSegment(
  node: QueryNode,
  segment: { id: number; docs: SegmentDocs },
  leaves: Map<string, Leaf>,
  scorer: Scorer,
): ScoredSet {
  const rowsOf = (key: string) => leaves.get(key)!.bySegment.get(segment.id) ?? [];
  const all = () => everything(segment.docs.docNums.length);
  const evaluate = (n: QueryNode): ScoredSet => {
    switch (n.type) {
      case 'term':
      case 'range': {
        return rowsOf(leafKey(n)).reduce<ScoredSet>(
          (set, row) => union(set, scorer.score(row, segment.docs)),
          EMPTY,
        );
      }
      case 'phrase': {
        const rows = n.terms.map((term) => rowsOf(`term ${term}`)[0]);
        if (rows.some((row) => !row)) return EMPTY;
        const sets = rows.map((row) => scorer.score(row!, segment.docs));
        const candidates = sets.reduce((a, b) => intersect(a, b));
        return filterSet(candidates, (local) => hasPhrase(local, rows as TermRow[]));
      }
      case 'not':
        return subtract(all(), evaluate(n.child));
      case 'or':
        return n.children.reduce<ScoredSet>((set, child) => union(set, evaluate(child)), EMPTY);
      case 'and': {
        const positives = n.children.filter((c) => c.type !== 'not').map(evaluate);
        positives.sort((a, b) => a.docs.length - b.docs.length);
        let set = positives.length ? positives.reduce((a, b) => intersect(a, b)) : all();
        for (const child of n.children) {
          if (child.type === 'not' && set.docs.length) set = subtract(set, evaluate(child.child));
        }
        return set;
      }
    }
  };
  return evaluate(node);
}

/** The k-th largest score (k ≥ 1), for a top-k cut without sorting every hit. */
function kthLargest(scores: Float64Array, k: number): number {
  const sorted = Float64Array.from(scores).sort();
  return sorted[sorted.length - k]!;
}

/** Runs a parsed query against an index snapshot: complete count, ranked hits. */
export async function runQuery(
  query: ParsedQuery,
  index: IndexSnapshot,
  { limit = Infinity, cancelled = () => false }: RunOptions = {},
): Promise<SearchResult> {
  const hints = [...query.hints];
  if (!query.node) return { total: 0, hits: [], hints };
  const leaves = await readLeaves(query.node, index, hints);
  if (cancelled()) throw new QueryCancelled();
  const scorer = new Scorer(index, leaves);
  const parts = index.segments.map((segment) => {
    const set = evaluateSegment(query.node!, segment, leaves, scorer);
    return filterSet(set, (local) => !index.isDeleted(segment.docs.docNums[local]!));
  });
  const total = parts.reduce((sum, set) => sum + set.docs.length, 0);
  const scores = new Float64Array(total);
  let at = 0;
  for (const set of parts) {
    scores.set(set.scores, at);
    at += set.docs.length;
  }
  // A negative, fractional or NaN limit would make an invalid array length below.
  const top = Math.max(0, Math.floor(limit)) || 0;
  const threshold = top === 0 ? Infinity : top < total ? kthLargest(scores, top) : -Infinity;
  const hits: SearchHit[] = [];
  parts.forEach((set, s) => {
    const { docs } = index.segments[s]!;
    for (let i = 0; i < set.docs.length; i++) {
      const score = set.scores[i]!;
      if (score < threshold) continue;
      const local = set.docs[i]!;
      hits.push({ id: docs.ids[local]!, docNum: docs.docNums[local]!, score });
    }
  });
  hits.sort((a, b) => b.score - a.score || b.docNum - a.docNum);
  if (hits.length > top) hits.length = top;
  return { total, hits, hints: [...new Set(hints)] };
}
