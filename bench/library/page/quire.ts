/**
 * Quire's side: the real library (openLibrary('quire') with WebCrypto SHA-256, as the app opens
 * it) and its search index (src-renderer/search/index.ts; see renderer.ts).
 */
import type { ImportResult, Latency, QueryTiming, UpdateResult } from '../api.ts';
import { generateArticle, type GeneratedArticle } from '../generate.ts';
import { QUERIES, WARM_UP_QUERIES } from '../queries.ts';
import {
  loadSearchModule,
  openQuireLibrary,
  type BenchLibrary,
  type LibrarySearch,
} from './renderer.ts';
import { inBatches, latency, median, toMb } from './stats.ts';

export const hasQuireSearch = () => loadSearchModule !== null;

const IMPORT_BATCH = 100;
/** Adds in flight at once: the import pipeline of a batch, not one article after another. */
const IN_FLIGHT = 4;
const LIMIT = 20;

let library: BenchLibrary | null = null;
let search: LibrarySearch | null = null;

async function open(): Promise<{ library: BenchLibrary; search: LibrarySearch | null }> {
  library ??= openQuireLibrary();
  if (!search && loadSearchModule) {
    search = (await loadSearchModule()).createLibrarySearch(library.db);
  }
  return { library, search };
}

function requireSearch(): LibrarySearch {
  if (!search) throw new Error('No Quire search: src-renderer/search/index.ts was not built in');
  return search;
}

interface Tagging {
  id: string;
  tags: string[];
}

/** Adds `items`, IN_FLIGHT at a time; notes each new article's id with its tags. */
async function addAll(
  lib: BenchLibrary,
  index: LibrarySearch | null,
  items: GeneratedArticle[],
  toTag: Tagging[],
): Promise<number> {
  let duplicates = 0;
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      // Tagged as they arrive, and the index maintained after each, as the app's capture
      // worker does (a flush once FLUSH_AT articles wait).
      const result = await lib.articles.add(item.parsed, item.bytes, { tags: item.tags });
      await index?.maintain?.();
      if (result.status !== 'added') {
        duplicates++;
        continue;
      }
      toTag.push({ id: result.article.id, tags: item.tags });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return duplicates;
}

/**
 * Adds every article, IMPORT_BATCH made at a time (untimed) then added IN_FLIGHT at a time;
 * flush() after every `flushEvery` articles (0: only at the end) and at the end, all timed.
 */
export async function importQuire(
  size: number,
  seed: number,
  flushEvery: number,
): Promise<ImportResult> {
  const { library: lib, search: index } = await open();
  let duplicates = 0;
  const toTag: Tagging[] = [];
  const { writeMs, makeMs } = await inBatches(
    size,
    IMPORT_BATCH,
    (i) => generateArticle(seed, i),
    async (items, first) => {
      duplicates += await addAll(lib, index, items, toTag);
      const done = first + items.length;
      if (flushEvery > 0 && Math.floor(done / flushEvery) > Math.floor(first / flushEvery)) {
        await index?.flush();
      }
    },
    'Quire import',
  );
  const t0 = performance.now();
  await index?.flush();
  const flushMs = performance.now() - t0;
  if (duplicates > 0) console.log(`Quire import: ${duplicates} articles were duplicates`);
  const seconds = (writeMs + flushMs) / 1000;

  const indexNeedsRebuild = (await index?.needsRebuild?.()) ?? null;
  return {
    articles: size,
    seconds,
    perSec: size / seconds,
    generateSeconds: makeMs / 1000,
    // Tagged as they were added (add's `tags` option): their time is in the import's.
    tagSeconds: 0,
    tagged: toTag.length,
    indexNeedsRebuild,
  };
}

async function runQueries(index: LibrarySearch): Promise<QueryTiming[]> {
  for (const query of WARM_UP_QUERIES) await index.search(query, { limit: LIMIT });
  const timings: QueryTiming[] = [];
  for (const { query } of QUERIES) {
    const t0 = performance.now();
    const result = await index.search(query, { limit: LIMIT });
    timings.push({ query, ms: performance.now() - t0, total: result.total });
  }
  return timings;
}

export async function quireSearch(): Promise<Latency> {
  await open();
  return latency(await runQueries(requireSearch()));
}

/** A title word no generated article holds: "benchedit" and a letter per edit. */
const editWord = (k: number) => `benchedit${String.fromCharCode(97 + k)}`;

/**
 * 20 updates, each timed until flush() resolved: 10 new articles added (made beforehand) and
 * 10 title edits of stored ones, alternately. Each edited title is then searched for.
 */
export async function updateOne(size: number, seed: number): Promise<UpdateResult> {
  const { library: lib } = await open();
  const index = requireSearch();
  const ids = (await lib.db.articles.limit(10).primaryKeys()) as string[];
  const adds: number[] = [];
  const edits: number[] = [];
  for (let k = 0; k < 20; k++) {
    if (k % 2 === 0) {
      const item = await generateArticle(seed, size + 1_000_000 + k);
      const t0 = performance.now();
      await lib.articles.add(item.parsed, item.bytes);
      await index.flush();
      adds.push(performance.now() - t0);
    } else {
      const id = ids[(k >> 1) % ids.length]!;
      const t0 = performance.now();
      await lib.articles.updateMetadata(id, { title: `Edited ${editWord(k)} article ${k}` });
      await index.flush();
      edits.push(performance.now() - t0);
    }
  }
  let found = true;
  for (let k = 1; k < 20; k += 2) {
    const result = await index.search(`title:${editWord(k)}`, { limit: LIMIT });
    if (result.total < 1) found = false;
  }
  return {
    medianMs: median([...adds, ...edits]),
    addMedianMs: median(adds),
    editMedianMs: median(edits),
    editsFound: found,
  };
}

export async function indexMb(): Promise<number> {
  await open();
  return toMb(await requireSearch().indexBytes());
}

export async function check(): Promise<{ dangling: number; missing: number }> {
  await open();
  return requireSearch().check();
}

export function closeQuire() {
  library?.close();
  library = null;
  search = null;
}
