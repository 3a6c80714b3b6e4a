/**
 * The plain-Dexie baselines: the same records bulkPut into a database of one table (no
 * repository, no index), and a search that scans every record for each query.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { ParsedArticle } from '../../../src-core/article/model.ts';
import type { FullScanResult, ImportResult, QueryTiming } from '../api.ts';
import { generateArticle } from '../generate.ts';
import { QUERIES, WARM_UP_QUERIES } from '../queries.ts';
import { parseQuery, scanMatches, type ScanDoc } from './query.ts';
import { inBatches, latency } from './stats.ts';

/** An ArticleRecord-like object: the parsed article, an id, tags and timestamps. */
interface BaselineRecord extends ParsedArticle {
  id: string;
  tags: string[];
  addedAt: number;
  updatedAt: number;
  citekey: string;
  citekeyFixed: boolean;
  titleOverrides: Record<string, string>;
  canonicalUrl: string | null;
}

class BaselineDatabase extends Dexie {
  declare records: EntityTable<BaselineRecord, 'id'>;
  constructor() {
    super('bench-baseline');
    this.version(1).stores({ records: 'id' });
  }
}

export const BULK_PUT_BATCH = 500;
const SCAN_CHUNK = 500;

let baseline: BaselineDatabase | null = null;
const database = () => (baseline ??= new BaselineDatabase());

export async function importBulkPutBaseline(size: number, seed: number): Promise<ImportResult> {
  const db = database();
  await db.records.clear();
  const time = Date.UTC(2025, 0, 1);
  const { writeMs, makeMs } = await inBatches(
    size,
    BULK_PUT_BATCH,
    async (i): Promise<BaselineRecord> => {
      const { parsed, tags } = await generateArticle(seed, i);
      const id = `bench-${String(i).padStart(6, '0')}`;
      return {
        ...parsed,
        id,
        tags,
        addedAt: time + i,
        updatedAt: time + i,
        citekey: `bench${i}`,
        citekeyFixed: false,
        titleOverrides: {},
        canonicalUrl: parsed.csl.URL ?? null,
      };
    },
    async (records) => {
      await db.records.bulkPut(records);
    },
    'bulkPut baseline',
  );
  return {
    articles: size,
    seconds: writeMs / 1000,
    perSec: size / (writeMs / 1000),
    generateSeconds: makeMs / 1000,
  };
}

function scanDoc(r: BaselineRecord): ScanDoc {
  const authors = (r.csl.author ?? [])
    .map((a) => a.literal ?? `${a.given ?? ''} ${a.family ?? ''}`)
    .join('; ')
    .toLowerCase();
  const title = (r.csl.title ?? '').toLowerCase();
  const site = `${r.csl['container-title'] ?? ''} ${r.csl.URL ?? ''}`.toLowerCase();
  const text = [...r.body.map((p) => p.text), ...r.rights.map((n) => n.text)].join('\n');
  return {
    all: `${title}\n${authors}\n${site}\n${text.toLowerCase()}`,
    title,
    authors,
    site,
    tags: r.tags.map((t) => t.toLowerCase()),
    year: r.csl.issued?.['date-parts']?.[0]?.[0] ?? null,
  };
}

/** One query: every record read (in key order, chunk by chunk) and tested. */
async function scan(query: string): Promise<number> {
  const parsed = parseQuery(query);
  const table = database().records;
  let matched = 0;
  let last: string | null = null;
  for (;;) {
    const chunk: BaselineRecord[] = await (last === null
      ? table.orderBy(':id').limit(SCAN_CHUNK).toArray()
      : table.where(':id').above(last).limit(SCAN_CHUNK).toArray());
    for (const record of chunk) if (scanMatches(scanDoc(record), parsed)) matched++;
    if (chunk.length < SCAN_CHUNK) return matched;
    last = chunk[chunk.length - 1]!.id;
  }
}

/** The 50 queries, each a full scan, until `budgetMs` is spent (the rest are left out). */
export async function fullScanSearch(budgetMs: number): Promise<FullScanResult> {
  await scan(WARM_UP_QUERIES[0]!);
  const timings: QueryTiming[] = [];
  const started = performance.now();
  for (const { query } of QUERIES) {
    if (timings.length > 0 && performance.now() - started > budgetMs) break;
    const t0 = performance.now();
    const total = await scan(query);
    timings.push({ query, ms: performance.now() - t0, total });
  }
  if (timings.length < QUERIES.length) {
    console.log(`full scan: time budget spent after ${timings.length} queries`);
  }
  return { ...latency(timings), scanned: timings.length };
}

export function closeBaseline() {
  baseline?.close();
  baseline = null;
}
