import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import type { CslItem } from '../../article/model.ts';
import { toCslJsonItem } from '../../citation/csl-json.ts';
import type { CitableArticle } from '../../citation/types.ts';
import { CSL_DATA_SCHEMA } from '../csl-data-schema.ts';
import { TESTING_ARTICLES } from '../data-format-articles.ts';
import { mutatedBytes, type FuzzTarget } from '../fuzz.ts';

// Fuzz target: CSL-JSON validation (csl-json.ts): whatever an item holds (parsed from a file,
// edited by hand, written by an older version), the exported item is valid CSL-JSON.

const validate = new Ajv({ allErrors: true, strict: false }).compile(CSL_DATA_SCHEMA);

/** Values of every JSON type, and the awkward ones: blank, huge, NaN, nested, prototype keys. */
const awkward: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('', ' ', '\u0000', '2018', '2018-02-31', '-0', 'NaN', '__proto__', '😀'),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e21, 2 ** 53 + 1, -1),
  fc.constantFrom(null, undefined, true, [], {}, [[]], [[2018, 13, 45]], [['2018', '2', '30']]),
  fc.record(
    { 'date-parts': fc.jsonValue({ maxDepth: 3 }), raw: fc.jsonValue({ maxDepth: 1 }) },
    { requiredKeys: [] },
  ),
  fc.array(
    fc.record(
      {
        family: fc.jsonValue({ maxDepth: 1 }),
        given: fc.string(),
        literal: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    ),
  ),
);

const KEYS = [
  'id',
  'type',
  'title',
  'author',
  'editor',
  'issued',
  'accessed',
  'original-date',
  'container-title',
  'publisher',
  'URL',
  'DOI',
  'page',
  'volume',
  'issue',
  'note',
  'categories',
  'license',
  'original-publisher',
  'citation-key',
  'language',
  'keyword',
  'abstract',
  '__proto__',
  'constructor',
  'toString',
  'unknown-field',
];

/** A real item with some variables replaced by awkward values. */
const editedItem: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom(...TESTING_ARTICLES.map((a) => a.csl)),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), awkward), { maxLength: 6 }),
  )
  .map(([csl, edits]) => {
    const item: Record<string, unknown> = JSON.parse(JSON.stringify(csl));
    for (const [key, value] of edits)
      Object.defineProperty(item, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return item;
  });

/** A real item's JSON with byte-level edits, when it still parses. */
const mutatedJson: fc.Arbitrary<unknown> = mutatedBytes(
  TESTING_ARTICLES.map((a) => new TextEncoder().encode(JSON.stringify(a.csl))),
  { maxBytes: 8192, text: true },
).map((bytes) => {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return null;
  }
});

interface CslCase {
  csl: unknown;
  originalSource: unknown;
}

/** The path of a value JSON cannot hold (undefined, NaN, ±Infinity, a function…), or null. */
function jsonUnsafe(value: unknown, path: string): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (typeof value !== 'object') return path;
  for (const [key, v] of Object.entries(value)) {
    const found = jsonUnsafe(v, `${path}/${key}`);
    if (found) return found;
  }
  return null;
}

/**
 * The exported item validates against the CSL-JSON schema, holds only what JSON can hold (no NaN,
 * Infinity or undefined inside, which a JSON round trip would change), and has a key.
 */
export function checkCslItem(item: CslItem): void {
  assert.ok(validate([item]), JSON.stringify(validate.errors));
  const unsafe = jsonUnsafe(item, '');
  assert.equal(unsafe, null, `${unsafe} would change in a JSON round trip`);
  assert.ok(typeof item.id === 'string' && item.id.trim(), 'no key');
}

export const cslJson: FuzzTarget<CslCase> = {
  name: 'toCslJsonItem',
  runs: 3000,
  input: fc.record({
    csl: fc.oneof(
      { weight: 3, arbitrary: editedItem },
      { weight: 2, arbitrary: mutatedJson },
      { weight: 1, arbitrary: awkward },
    ),
    originalSource: fc.oneof(
      fc.constant(null),
      fc.record({ name: awkward, url: fc.constant(null) }),
    ),
  }),
  seedNote: `the ${TESTING_ARTICLES.length} data-format test articles, edited; random JSON`,
  size: (c) => JSON.stringify(c)?.length ?? 0,
  call: ({ csl, originalSource }) =>
    toCslJsonItem({
      csl: (typeof csl === 'object' && csl !== null ? csl : { title: csl }) as CslItem,
      originalSource,
      body: [],
    } as CitableArticle),
  check: (item: CslItem) => checkCslItem(item),
};
