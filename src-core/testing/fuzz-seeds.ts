import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, REFERENCE_PATH, xssPayloads } from './fixtures.ts';

// Test-only: the fuzzers' seed corpora, read from the project's fixtures. `npm run fuzz`
// (bench/fuzz.ts) adds real pages of the shared corpora by setting QUIRE_SHARED_CORPORA when this
// machine has them; npm test never reads outside the project, so every clone fuzzes the same seeds.

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const utf8 = new TextEncoder();

/** The folder of shared corpora, when a fuzz run outside npm test names one. */
export const SHARED_CORPORA = process.env.QUIRE_SHARED_CORPORA ?? null;

/** The reference article (the Global Research republication), as bytes. */
export const referenceSeed = (): Uint8Array => read(REFERENCE_PATH);

/** Every file of a fixture folder whose name ends with one of `extensions`, sorted by name. */
export function fixtureSeeds(folder: string, extensions: readonly string[]): Uint8Array[] {
  const dir = join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort()
    .map((name) => read(join(dir, name)));
}

/** The XSS payloads of the fixtures, each inside a small article page. */
export function xssPageSeeds(limit = 40): Uint8Array[] {
  return xssPayloads()
    .slice(0, limit)
    .map(({ html }) =>
      utf8.encode(
        `<!doctype html><html><head><title>Hostile page</title></head><body><article><h1>Hostile page</h1><p>The harbour board met on Tuesday.</p>${html}<p>© 2024 Harbour Times. All rights reserved.</p></article></body></html>`,
      ),
    );
}

export interface SharedPages {
  pages: Uint8Array[];
  /** Where they came from, or why there are none: for the test output and the report. */
  note: string;
}

/**
 * Up to `limit` real pages of the shared corpora (readability-pages, article-extraction), each
 * at most `maxBytes`, chosen evenly over the sorted file list so that runs are reproducible.
 */
export function sharedCorpusPages({ limit = 12, maxBytes = 160 * 1024 } = {}): SharedPages {
  if (SHARED_CORPORA === null) {
    return { pages: [], note: 'fixture seeds only (npm run fuzz adds shared corpus pages)' };
  }
  const candidates: string[] = [];
  const readability = join(SHARED_CORPORA, 'readability-pages');
  if (existsSync(readability)) {
    for (const name of readdirSync(readability).sort()) {
      const page = join(readability, name, 'source.html');
      if (existsSync(page)) candidates.push(page);
    }
  }
  const extraction = join(SHARED_CORPORA, 'article-extraction/html');
  if (existsSync(extraction)) {
    for (const name of readdirSync(extraction).sort())
      if (name.endsWith('.html')) candidates.push(join(extraction, name));
  }
  const small = candidates.filter((path) => statSync(path).size <= maxBytes);
  if (!small.length) {
    return { pages: [], note: `shared corpora absent (${SHARED_CORPORA}): fixture seeds only` };
  }
  const step = Math.max(1, Math.floor(small.length / limit));
  const chosen = small.filter((_, i) => i % step === 0).slice(0, limit);
  return {
    pages: chosen.map(read),
    note: `${chosen.length} of ${candidates.length} shared corpus pages (${SHARED_CORPORA}, each ≤ ${Math.round(maxBytes / 1024)} KB)`,
  };
}
