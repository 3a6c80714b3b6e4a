/**
 * The in-memory baseline: MiniSearch over the same generated articles (built from their text,
 * no hashing, nothing stored but the year), with the query language turned into MiniSearch
 * query trees. MiniSearch has no phrases: a phrase is the AND of its words.
 */
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import type { MiniSearchResult, QueryTiming } from '../api.ts';
import { composeArticle } from '../generate.ts';
import { QUERIES, WARM_UP_QUERIES } from '../queries.ts';
import { parseQuery, type Clause } from './query.ts';
import { heapAfterGcMb, latency, progress, toMb, usedHeap } from './stats.ts';

interface Doc {
  id: number;
  title: string;
  text: string;
  authors: string;
  site: string;
  tags: string;
  year: number;
}

const FIELD_OF: Record<string, string> = {
  title: 'title',
  author: 'authors',
  site: 'site',
  tag: 'tags',
};

function clauseQuery(c: Clause): Query {
  const fields = c.field ? { fields: [FIELD_OF[c.field]!] } : {};
  if (c.kind === 'prefix') return { queries: [c.value], prefix: true, ...fields };
  return { queries: c.value.split(' '), combineWith: 'AND', ...fields };
}

function toMiniSearch(query: string): { query: Query; options: SearchOptions } {
  const groups = parseQuery(query);
  const ranges = groups.flat().filter((c) => c.kind === 'range');
  const terms = groups.filter((g) => g.every((c) => c.kind !== 'range'));
  const positive = terms.filter((g) => !g[0]!.negated);
  const negative = terms.filter((g) => g[0]!.negated).map((g) => clauseQuery(g[0]!));
  const groupQuery = (g: Clause[]): Query =>
    g.length === 1 ? clauseQuery(g[0]!) : { queries: g.map(clauseQuery), combineWith: 'OR' };
  const base: Query =
    positive.length === 0
      ? MiniSearch.wildcard
      : { queries: positive.map(groupQuery), combineWith: 'AND' };
  const options: SearchOptions =
    ranges.length === 0
      ? {}
      : {
          filter: (result) => ranges.every((r) => result.year >= r.from! && result.year <= r.to!),
        };
  const q: Query =
    negative.length === 0 ? base : { queries: [base, ...negative], combineWith: 'AND_NOT' };
  return { query: q, options };
}

export async function miniSearch(
  size: number,
  seed: number,
  heapLimitMb: number,
): Promise<MiniSearchResult> {
  const before = await heapAfterGcMb();
  const index = new MiniSearch<Doc>({
    fields: ['title', 'text', 'authors', 'site', 'tags'],
    storeFields: ['year'],
  });
  const report = progress('MiniSearch build', size);
  const t0 = performance.now();
  for (let i = 0; i < size; i++) {
    const a = composeArticle(seed, i);
    index.add({
      id: i,
      title: a.title,
      text: [...a.paragraphs, ...a.notices.map((n) => [n.start, n.end])]
        .map(([start, end]) => a.text.slice(start, end))
        .join('\n'),
      authors: a.authors.map((n) => n.literal ?? `${n.given} ${n.family}`).join('; '),
      site: `${a.site.title} ${a.site.host}`,
      tags: a.tags.join(' '),
      year: a.year,
    });
    if (i % 250 === 249) {
      const heap = usedHeap();
      if (heap !== null && toMb(heap) > heapLimitMb) {
        const reason = `heap passed ${heapLimitMb} MB after ${i + 1} articles`;
        console.log(`MiniSearch stopped: ${reason}`);
        return { skipped: reason, heapMb: toMb(heap) };
      }
      report(i + 1);
    }
  }
  const buildMs = performance.now() - t0;
  const after = await heapAfterGcMb();
  for (const q of WARM_UP_QUERIES) {
    const { query, options } = toMiniSearch(q);
    index.search(query, options);
  }
  const timings: QueryTiming[] = [];
  for (const { query: q } of QUERIES) {
    const { query, options } = toMiniSearch(q);
    const start = performance.now();
    const total = index.search(query, options).length;
    timings.push({ query: q, ms: performance.now() - start, total });
  }
  const heapMb = before !== null && after !== null ? after - before : NaN;
  return { ...latency(timings), buildMs, heapMb, articles: size };
}
