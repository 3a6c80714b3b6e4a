import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReferenceFile, ReferenceImportError } from './index.ts';

/**
 * Every file of the real-world corpora (src-core/test-fixtures/bibtex and ris, copied from the
 * shared corpora with their manifests): the entries imported plus the entries refused equal
 * the manifest's count, file by file. Where they differ from a clean import, the table below
 * names each refused entry and why; a file missing from the table imports every entry.
 */
const FIXTURES = new URL('../test-fixtures/', import.meta.url);

interface ManifestFile {
  file: string;
  counts: { entries?: number; TY_lines?: number };
}

function manifest(corpus: 'bibtex' | 'ris'): ManifestFile[] {
  const text = readFileSync(new URL(`${corpus}/manifest.json`, FIXTURES), 'utf8');
  return (JSON.parse(text) as { files: ManifestFile[] }).files;
}

const read = (corpus: string, file: string) =>
  readFileSync(new URL(`${corpus}/${file}`, FIXTURES), 'utf8');

/** Refused entries (their keys, or their position when keyless), with the reason. */
const BIBTEX_REFUSED: Record<string, { keys: string[]; why: string }> = {
  'biblatex/biblatex-examples.bib': {
    keys: ['set', 'stdmodel'],
    why: '@set entries: only an entryset list, no title, author, DOI or URL of their own',
  },
  'better-bibtex/import/873-entries-quietly-discarded.bib': {
    keys: ['Thiebaux:93'],
    why: "its author field has an unbalanced \\{ (Thi\\{'ebaux): the entry never closes",
  },
  'better-bibtex/import/2660-apa-examples-plus-in-field-name.bib': {
    keys: ['11.9:23', '11.9:24', '11.9:25', '11.9:26', '11.9:27', '11.9:28'],
    why: '@CONSTITUTION examples holding only source/type/article/section: nothing to cite',
  },
  'citation-js/mismatched-delimiters.bib': {
    keys: ['b'],
    why: 'opens with { and closes with ): BibTeX never closes it',
  },
};

/** Fields citation-js cannot read (left out of the item, still in the entry's raw text). */
const BIBTEX_UNREAD: Record<string, string[]> = {
  'biblatex/biblatex-examples.bib': ['reese:annotation', 'britannica:annotation', 'cms:annotation'],
  'better-bibtex/import/97-jabref-2.10-library-groups.bib': [
    'Olsen_1980_proc:abstract',
    'Trivich_1978:abstract',
    'Wang_1980_proc:abstract',
  ],
  'better-bibtex/import/1641-jabref-5.1-groups.bib': ['Bogadottir2012:author'],
};

/** RIS files whose outcome is not "one entry per TY line", and why. */
const RIS_EXPECTED: Record<string, { entries: number; refused: number; why: string } | 'not-ris'> =
  {
    'jabref/RisImporterCorrupted.ris': 'not-ris', // no TY line at all
    'rispy/example_wos.ris': 'not-ris', // Web of Science format, not RIS
    'jabref/RisImporterTest1.ris': {
      entries: 2,
      refused: 1,
      why: '11 TY lines: the 9 leading ones are one record (the first type counts), later TY lines open records, one of which holds no title, author, DOI or URL',
    },
    'rispy/example_multiline.ris': {
      entries: 0,
      refused: 3,
      why: 'records holding only an abstract (N2) and a note: nothing to cite',
    },
    'citation-js/issn-isbn-issn.ris': { entries: 0, refused: 1, why: 'only an ISSN' },
    'citation-js/issn-isbn-isbn.ris': { entries: 0, refused: 1, why: 'only an ISBN' },
  };

const RIS_UNREAD: Record<string, string[]> = {
  // Dates citation-js refuses ("99", "YEAR/MONTH/DAY/", "2013/02/15/received"): the first
  // date that makes sense is taken instead.
  'jabref/RisImporterTest1.ris': ['PY/Y1'],
  'jabref/RisImporterTest6.ris': ['PY/Y1'],
};

const NAMES =
  /^(author|editor|translator|container-author|collection-editor|director|interviewer|recipient|reviewed-author|composer|original-author)$/u;
const DATES = /^(issued|accessed|original-date|event-date|submitted)$/u;

/** Fields whose value is not what the library stores: text, numbers, names, dates. */
function cslShapeErrors(csl: Record<string, unknown>): string[] {
  return Object.entries(csl).flatMap(([field, value]) => {
    if (NAMES.test(field)) return Array.isArray(value) ? [] : [field];
    if (DATES.test(field)) return typeof value === 'object' && value !== null ? [] : [field];
    return typeof value === 'string' || typeof value === 'number' ? [] : [field];
  });
}

describe('BibTeX / BibLaTeX corpus', () => {
  const files = manifest('bibtex');

  it('lists 38 files holding 3,606 entries, as the README says', () => {
    expect(files).toHaveLength(38);
    expect(files.reduce((n, f) => n + f.counts.entries!, 0)).toBe(3606);
  });

  for (const { file, counts } of files) {
    it(`${file}: imports ${counts.entries} entries, less the refused ones named`, () => {
      const text = read('bibtex', file);
      const result = importReferenceFile(text, file);
      const refused = BIBTEX_REFUSED[file]?.keys ?? [];
      expect(result.problems.map((p) => p.citekey ?? `#${p.entry}`)).toEqual(refused);
      expect(result.entries.length + result.problems.length).toBe(counts.entries);
      const unread = result.entries
        .filter((e) => e.unread.length)
        .map((e) => `${e.citekey}:${e.unread.join('/')}`);
      expect(unread).toEqual(BIBTEX_UNREAD[file] ?? []);
      for (const entry of result.entries) {
        expect(cslShapeErrors(entry.csl)).toEqual([]);
        expect(entry.raw.startsWith('@')).toBe(true);
        expect(text.includes(entry.raw)).toBe(true);
      }
    });
  }
});

describe('RIS corpus', () => {
  const files = manifest('ris');

  it('lists 49 files', () => {
    expect(files).toHaveLength(49);
  });

  for (const { file, counts } of files) {
    const expected = RIS_EXPECTED[file];
    if (expected === 'not-ris') {
      it(`${file}: is refused as a whole with a clear message`, () => {
        expect(() => importReferenceFile(read('ris', file), file)).toThrow(ReferenceImportError);
        expect(() => importReferenceFile(read('ris', file), file)).toThrow(/No RIS records found/);
      });
      continue;
    }
    it(`${file}: imports ${expected ? expected.entries : counts.TY_lines} entries`, () => {
      const text = read('ris', file);
      const result = importReferenceFile(text, file);
      expect(result.entries).toHaveLength(expected ? expected.entries : counts.TY_lines!);
      expect(result.problems).toHaveLength(expected ? expected.refused : 0);
      const unread = result.entries.filter((e) => e.unread.length).map((e) => e.unread.join('/'));
      expect(unread).toEqual(RIS_UNREAD[file] ?? []);
      for (const entry of result.entries) {
        expect(cslShapeErrors(entry.csl)).toEqual([]);
        expect(text.includes(entry.raw)).toBe(true);
      }
    });
  }
});
