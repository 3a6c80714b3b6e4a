/**
 * The 50 fixed queries of the library benchmark, in Quire's query language, and a few warm-up
 * queries run before them. The rare words, pseudo-word pairs and prefixes come from the fixed
 * vocabulary (vocabulary.ts does not depend on the run's seed), at ranks where a 1,000-article
 * library still holds them, so every query has hits at every size.
 */
import { vocabulary } from './vocabulary.ts';

export type QueryKind =
  'common' | 'rare' | 'and' | 'or' | 'phrase' | 'field' | 'negation' | 'prefix';

export interface BenchQuery {
  kind: QueryKind;
  query: string;
}

function build(): BenchQuery[] {
  const { words } = vocabulary();
  const at = (rank: number) => words[rank]!;
  const q = (kind: QueryKind, ...queries: string[]) => queries.map((query) => ({ kind, query }));
  return [
    ...q('common', 'the', 'government', 'policy', 'people', 'history', 'market'),
    // Occurrences in 1,000 articles (a million words): about 40, 12, 6, 4, 3 and 8.
    ...q('rare', at(2_500), at(8_000), at(15_000), at(25_000), at(35_000), at(12_000)),
    ...q(
      'and',
      'climate policy',
      'government report',
      'health children',
      'court appeal',
      `${at(600)} ${at(900)}`,
      `${at(4_000)} the`,
    ),
    ...q(
      'or',
      'war OR peace',
      'flood OR drought',
      `${at(5_000)} OR ${at(6_000)}`,
      'vaccine OR virus',
    ),
    ...q(
      'phrase',
      '"climate change"',
      '"public health"',
      '"human rights"',
      '"supreme court"',
      '"of the"',
      '"tax reform"',
    ),
    ...q(
      'field',
      'author:smith',
      'author:garcia',
      'author:nguyen climate',
      'site:tribune',
      'site:globalreview',
      'site:gazette year:2010..2015',
      'tag:history',
      'tag:science',
      'tag:law court',
      'year:2018..2020',
      'year:2001',
      'title:climate',
    ),
    ...q(
      'negation',
      'war -peace',
      'government -election',
      'climate NOT change',
      'history -war',
      'election NOT party',
    ),
    ...q('prefix', 'gov*', 'clim*', 'pol*', 'hist*', `${at(1_500).slice(0, 5)}*`),
  ];
}

export const QUERIES: readonly BenchQuery[] = build();

/** Run once before the measured queries of each system, not measured. */
export const WARM_UP_QUERIES: readonly string[] = [
  'river',
  'energy market',
  '"national security"',
  'author:taylor',
  'bank*',
];

if (QUERIES.length !== 50) throw new Error(`queries.ts: ${QUERIES.length} queries, not 50`);
