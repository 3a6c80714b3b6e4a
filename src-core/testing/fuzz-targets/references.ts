import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  importReferenceFile,
  ReferenceImportError,
  type ReferenceFileResult,
} from '../../interop/index.ts';
import { TESTING_ARTICLES } from '../data-format-articles.ts';
import { FIXTURES } from '../fixtures.ts';
import { fuzzBytes, pieces, unreadableMessage, type FuzzTarget } from '../fuzz.ts';

// Fuzz targets: the reference-file importers (interop/, ADR 0015) as the app calls them, one
// file's text and its name. Seeds are the real-world BibTeX and RIS files of the fixtures and
// CSL-JSON items; the grammars build entries with crossref chains and cycles, macros, deep
// braces and repeated tags, the inputs citation-js's grammar is guarded against.

const refusal = {
  name: 'ReferenceImportError',
  is: (e: unknown) => e instanceof ReferenceImportError,
};

/** Seed files at most this large: the mutators grow them, and a case stays quick. */
const MAX_SEED_BYTES = 48 * 1024;

/** Every file under a fixture folder whose name ends with `extension`, sorted by path. */
function seedFiles(folder: string, extension: string): Uint8Array[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(extension) && statSync(path).size <= MAX_SEED_BYTES) found.push(path);
    }
  };
  walk(join(FIXTURES, folder));
  return found.map((path) => new Uint8Array(readFileSync(path)));
}

interface ReferenceCase {
  bytes: Uint8Array;
  fileName: string;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/**
 * What the importers promise of a result: the format the name says, every entry something a
 * library can hold (a title, author, DOI, URL or container), tags by the one tag rule (trimmed,
 * none empty, no two equal ignoring case and accents), positions in order and each entry either
 * imported or refused once, with a reason a person can read.
 */
export function checkReferences(
  result: ReferenceFileResult,
  { bytes, fileName }: ReferenceCase,
): void {
  const raw = new TextDecoder().decode(bytes);
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1);
  const expected = { bib: ['bibtex', 'biblatex'], ris: ['ris'], json: ['csl-json'] }[extension] ?? [
    extension,
  ];
  assert.ok(expected.includes(result.format), `format ${result.format} for ${fileName}`);
  const positions = [
    ...result.entries.map((e) => e.position),
    ...result.problems.map((p) => p.entry),
  ].sort((a, b) => a - b);
  positions.forEach((position, i) =>
    assert.equal(position, i + 1, 'each entry is imported or refused exactly once'),
  );
  for (const entry of result.entries) {
    const { csl } = entry;
    const nonBlank = (v: unknown) => typeof v === 'string' && v.trim() !== '';
    assert.ok(
      nonBlank(csl.title) ||
        (Array.isArray(csl.author) && csl.author.length > 0) ||
        nonBlank(csl.DOI) ||
        nonBlank(csl.URL) ||
        nonBlank(csl['container-title']),
      `entry ${entry.position} has no title, author, DOI, URL or container`,
    );
    if (csl.DOI !== undefined) assert.match(String(csl.DOI), /^10\.\d{4,9}\/\S+$/u, 'a bare DOI');
    if (csl.URL !== undefined) assert.match(String(csl.URL), /^https?:\/\//iu, 'a web address');
    assert.ok(typeof csl.type === 'string' && csl.type, 'a type');
    for (const tag of entry.tags) {
      assert.ok(typeof tag === 'string' && tag === tag.trim() && tag, `tag ${JSON.stringify(tag)}`);
      assert.ok(!/\s{2}|[\n\t]/u.test(tag), `tag ${JSON.stringify(tag)} has runs of spaces`);
    }
    const sorted = [...entry.tags].sort(collator.compare);
    sorted.forEach((tag, i) => {
      if (i) assert.notEqual(collator.compare(sorted[i - 1]!, tag), 0, `tag ${tag} twice`);
    });
    for (const note of entry.notes) assert.ok(note.trim(), 'a blank note');
    assert.equal(typeof entry.raw, 'string');
    // Text the file does not hold (a macro name read from Object.prototype) is garbage.
    const text = JSON.stringify(csl);
    for (const leak of ['[native code]', '[object Object]', 'function Object'])
      assert.ok(!text.includes(leak) || raw.includes(leak), `the entry holds ${leak}`);
    // JSON can hold the entry: it is stored in IndexedDB and exported as CSL-JSON.
    assert.doesNotThrow(() => JSON.stringify(entry));
  }
  for (const problem of result.problems) {
    assert.equal(unreadableMessage(problem.message), null, `entry ${problem.entry}'s reason`);
  }
}

const utf8 = new TextEncoder();

/** BibTeX pieces: entries with crossrefs (chains and cycles), macros, TeX, nested braces. */
const BIBTEX_PIECES = [
  '@article{k1,',
  '@book{k2,',
  '@incollection{k3,',
  '@online{k4,',
  '@string{j = {Journal}}',
  '@string{j = j # j}',
  '@string{j = j # j # j # j}\n',
  '@string{__proto__ = "p"}',
  ' title = constructor',
  ' journal = toString # __proto__',
  '@preamble{"x"}',
  '@comment{',
  '@article(',
  '@article{',
  ',',
  ' title = {',
  ' author = {',
  ' crossref = {k1}',
  ' crossref = {k2}',
  ' crossref = {k3}',
  ' crossref = k1',
  ' journal = j',
  ' keywords = {a, b; A',
  ' doi = {10.1000/x',
  ' url = {https://example.org/',
  ' date = {2018-02',
  ' year = 2018',
  ' month = jan',
  ' annote = {<p>note</p>',
  ' = ',
  ' # ',
  '{',
  '}',
  '{{',
  '}}',
  '"',
  '\\',
  '{\\"o}',
  '\\textit{',
  '{\\d}',
  '\\enquote*{',
  ' and ',
  'Smith, J.',
  '{World Health Organization}',
  '%',
  '\n',
  '@',
  'word ',
];

const RIS_PIECES = [
  'TY  - JOUR\n',
  'TY  - ',
  'ER  - \n',
  'ER  -',
  'TI  - ',
  'T1  - ',
  'AU  - ',
  'A1  - ',
  'KW  - ',
  'N1  - ',
  'DO  - ',
  'UR  - ',
  'PY  - ',
  'DA  - ',
  'Y1  - ',
  'JO  - ',
  'T2  - ',
  'ID  - ',
  'SN  - ',
  '2016/12//',
  '99',
  'YEAR/MONTH/DAY/',
  'Smith, John',
  'https://example.org/a ',
  '10.1000/x',
  'doi:10.1000/y',
  '<p>note</p>',
  'a; b, A\n',
  'word ',
  '\n',
  '\r\n',
  '\r',
  '  ',
  '-',
  '\uFEFF',
];

const CSL_PIECES = [
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '"type"',
  '"article-journal"',
  '"title"',
  '"author"',
  '"family"',
  '"literal"',
  '"issued"',
  '"date-parts"',
  '"keyword"',
  '"categories"',
  '"note"',
  '"Citation Key: k1"',
  '"id"',
  '"citation-key"',
  '"DOI"',
  '"10.1000/x"',
  '"URL"',
  '"https://example.org/"',
  '"items"',
  '"__proto__"',
  '"a, b; A"',
  '2018',
  '[[2018, 13, 45]]',
  'null',
  'true',
  '1e999',
  '"',
  '\\u0000',
];

/**
 * Files whose `@string` macros refer to macros: a chain doubles the text at each step (BibTeX's
 * "billion laughs"), and entries use macros, prototype names among them, in their fields.
 */
const macroFiles: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 1, max: 40 }),
    fc.constantFrom(' # ', ' # {-} # '),
    fc.array(fc.constantFrom('m', 'j', 'jan', 'constructor', '__proto__', 'toString', '{x}'), {
      minLength: 1,
      maxLength: 8,
    }),
  )
  .map(([steps, join, uses]) => {
    let text = '@string{m0 = "Harbour "}\n@string{j = {Journal}}\n';
    for (let i = 1; i <= steps; i++) text += `@string{m${i} = m${i - 1}${join}m${i - 1}}\n`;
    const value = uses.map((u) => (u === 'm' ? `m${steps}` : u)).join(' # ');
    return `${text}@article{k, title = ${value}, journal = ${value}, author = {Smith, J.}}\n`;
  });

/** A value of any JSON type, or one an item often holds. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', ' ', 'a, b; A, á', 'Citation Key: k1', 'https://x.example/', '10.1000/x'),
);

/** CSL-JSON files of items whose variables hold values of every JSON type (valid JSON). */
const cslItemFiles: fc.Arbitrary<string> = fc
  .array(
    fc.record(
      {
        type: fc.oneof(fc.constantFrom('article-journal', 'book', 'webpage', ''), anyValue),
        id: anyValue,
        'citation-key': anyValue,
        title: anyValue,
        author: fc.oneof(
          anyValue,
          fc.array(
            fc.record(
              { family: anyValue, given: anyValue, literal: anyValue },
              { requiredKeys: [] },
            ),
          ),
        ),
        issued: fc.oneof(
          anyValue,
          fc.record({ 'date-parts': anyValue, raw: anyValue }, { requiredKeys: [] }),
        ),
        'container-title': anyValue,
        DOI: anyValue,
        URL: anyValue,
        keyword: anyValue,
        categories: fc.oneof(anyValue, fc.array(anyValue)),
        note: anyValue,
      },
      { requiredKeys: [] },
    ),
    { maxLength: 6 },
  )
  .chain((items) =>
    fc.constantFrom(
      JSON.stringify(items),
      JSON.stringify({ items }),
      JSON.stringify(items[0] ?? {}),
    ),
  );

/** An entry or record with up to 20,000 keywords, some equal but for case or accents. */
const manyKeywords = (format: 'bib' | 'ris'): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom(', ', ';', '\n'))
    .map(([count, sep]) => {
      const words = Array.from({ length: count }, (_, i) =>
        i % 7 ? `k${i.toString(36)}` : `K${(i >> 1).toString(36)}`,
      );
      return format === 'bib'
        ? `@article{k, title = {Many keywords}, keywords = {${words.join(sep)}}}\n`
        : `TY  - JOUR\nTI  - Many keywords\n${words.map((w) => `KW  - ${w}`).join('\n')}\nER  - \n`;
    });

/** An item with a variable nested `depth` arrays or objects deep (parsers and writers recurse). */
const deepCslFiles: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 1, max: 20_000 }),
    fc.constantFrom('[]', '{"a":}'),
    fc.constantFrom('title', 'author', 'custom'),
  )
  .map(([depth, pair, variable]) => {
    const [open, close] = pair === '[]' ? ['[', ']'] : ['{"a":', '}'];
    const value = `${open.repeat(depth)}1${close.repeat(depth)}`;
    return `[{"type": "book", "title": "Deep", "${variable}": ${value}}, {"type": "book", "title": "Flat"}]`;
  });

/** CSL-JSON files as reference managers write them (arrays of the test items, edited). */
function cslSeeds(): Uint8Array[] {
  const items = TESTING_ARTICLES.map((a) => ({
    ...a.csl,
    keyword: 'history, archives; History',
    note: 'Citation Key: smith2018\nRead again.',
  }));
  return [
    utf8.encode(JSON.stringify(items, null, 2)),
    utf8.encode(JSON.stringify(items[0])),
    utf8.encode(JSON.stringify({ items: items.slice(0, 3) })),
    ...TESTING_ARTICLES.map((a) => utf8.encode(JSON.stringify([a.csl]))),
  ];
}

/** A case: bytes (decoded as the app does, UTF-8 with replacement) under one of `names`. */
function referenceCases(
  seeds: Uint8Array[],
  grammar: fc.Arbitrary<string>,
  names: readonly string[],
): fc.Arbitrary<ReferenceCase> {
  return fc.record({
    bytes: fuzzBytes(seeds, { grammar, maxBytes: 128 * 1024 }),
    fileName: fc.constantFrom(...names),
  });
}

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

function referenceTarget(
  name: string,
  runs: number,
  input: fc.Arbitrary<ReferenceCase>,
  seedNote: string,
): FuzzTarget<ReferenceCase> {
  return {
    name,
    runs,
    input,
    seedNote,
    size: (c) => c.bytes.length,
    call: ({ bytes, fileName }) => importReferenceFile(decode(bytes), fileName),
    refusal,
    check: (result: ReferenceFileResult, c) => checkReferences(result, c),
  };
}

const bibSeeds = seedFiles('bibtex', '.bib');
const risSeeds = seedFiles('ris', '.ris');
const csl = cslSeeds();

export const bibtexImport = referenceTarget(
  'importReferenceFile BibTeX',
  300,
  referenceCases(
    bibSeeds,
    fc.oneof(
      { weight: 3, arbitrary: pieces(BIBTEX_PIECES, 200) },
      { weight: 2, arbitrary: macroFiles },
      { weight: 1, arbitrary: manyKeywords('bib') },
    ),
    ['refs.bib', 'refs.bibtex', 'x.biblatex'],
  ),
  `${bibSeeds.length} real-world .bib fixtures (≤ ${MAX_SEED_BYTES / 1024} KB; better-bibtex, biblatex, citation-js)`,
);

export const risImport = referenceTarget(
  'importReferenceFile RIS',
  1000,
  referenceCases(
    risSeeds,
    fc.oneof(
      { weight: 3, arbitrary: pieces(RIS_PIECES, 200) },
      { weight: 1, arbitrary: manyKeywords('ris') },
    ),
    ['refs.ris'],
  ),
  `${risSeeds.length} real-world .ris fixtures (citation-js, jabref, rispy)`,
);

export const cslJsonImport = referenceTarget(
  'importReferenceFile CSL-JSON',
  1000,
  referenceCases(csl, fc.oneof(pieces(CSL_PIECES, 200), cslItemFiles, deepCslFiles), ['refs.json']),
  `${csl.length} CSL-JSON files of the ${TESTING_ARTICLES.length} data-format test articles`,
);
