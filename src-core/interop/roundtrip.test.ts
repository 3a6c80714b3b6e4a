import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCslJson } from '../citation/csl-json.ts';
import { risNote, toRisFile } from '../citation/ris.ts';
import type { CitableArticle } from '../citation/types.ts';
import { importBibtex } from './bibtex-import.ts';
import { importCslJson } from './csl-json-import.ts';
import { importRis } from './ris-import.ts';
import type { ImportedEntry } from './types.ts';

/**
 * Import → export (RIS, CSL-JSON) → import keeps what a reference manager needs: the
 * bibliographic data, the key, the tags and the notes. Real entries: Better BibTeX's export of
 * a Zotero library with 55 entries of many types, with tags and notes added to each.
 */
const bbt = readFileSync(
  new URL(
    '../test-fixtures/bibtex/better-bibtex/export/3430-many-types.biblatex.bib',
    import.meta.url,
  ),
  'utf8',
);

const NOTES = [
  'Read in March.\n\nSecond paragraph: compare <b>with</b> & against "Smith".',
  'Short note',
];

function asArticles(entries: readonly ImportedEntry[]): CitableArticle[] {
  return entries.map((e, i) => ({
    csl: e.csl,
    originalSource: null,
    body: [],
    citekey: e.citekey ?? undefined,
    tags: [...e.tags, `tag ${i}`, 'Zotero; import'],
    notes: [...e.notes, ...NOTES],
  }));
}

/** What both formats carry for every entry, compared as data, not bytes. */
function essentials(csl: ImportedEntry['csl']) {
  return {
    title: csl.title,
    author: csl.author,
    year: csl.issued?.['date-parts']?.[0]?.[0],
    DOI: csl.DOI,
    URL: csl.URL,
  };
}

describe('round trip through the exports', () => {
  const imported = importBibtex(bbt).entries;
  const articles = asArticles(imported);

  it('starts from the 55 entries of the Better BibTeX export', () => {
    expect(imported).toHaveLength(55);
  });

  it('RIS keeps titles, authors, years, DOIs, URLs, keys, tags and notes', () => {
    const back = importRis(toRisFile(articles));
    expect(back.problems).toEqual([]);
    expect(back.entries).toHaveLength(articles.length);
    back.entries.forEach((entry, i) => {
      const before = articles[i]!;
      // RIS has one name string: a single-field name with a comma ("Austin, Claire C", which
      // Better BibTeX braces whole) comes back split at the comma, and a particle comes back
      // as part of the family name ("van den Heuvel"), exactly as Zotero reads the same lines.
      const split = (names: typeof before.csl.author) =>
        names?.map((n) => {
          const [family, given] = n.literal?.split(/,\s*/u) ?? [];
          if (given) return { family, given };
          const particle = n['non-dropping-particle'] ?? n['dropping-particle'];
          if (!particle) return n;
          const { 'non-dropping-particle': _a, 'dropping-particle': _b, ...rest } = n;
          return { ...rest, family: `${particle} ${n.family}` };
        });
      expect(essentials(entry.csl)).toEqual({
        ...essentials(before.csl),
        author: split(before.csl.author),
      });
      expect(entry.citekey).toBe(before.citekey);
      // A semicolon would split the tag in Zotero: it is written as a space.
      expect(entry.tags).toEqual(
        before.tags!.map((t) => t.replace(/;/gu, ' ').replace(/\s+/gu, ' ')),
      );
      expect(entry.notes).toEqual(before.notes!.map((n) => n.trim()));
    });
  });

  it('CSL-JSON keeps the data, keys and tags, and the notes as one note', () => {
    const back = importCslJson(toCslJson(articles));
    expect(back.problems).toEqual([]);
    back.entries.forEach((entry, i) => {
      const before = articles[i]!;
      expect(essentials(entry.csl)).toEqual(essentials(before.csl));
      expect(entry.csl.type).toBe(before.csl.type);
      expect(entry.csl['container-title']).toBe(before.csl['container-title']);
      expect(entry.citekey).toBe(before.citekey);
      expect(entry.tags).toEqual(
        before.tags!.flatMap((t) => t.split(/[;,]/u).map((p) => p.trim())).filter(Boolean),
      );
      // CSL-JSON has one note per item: the notes arrive together, their text intact.
      expect(entry.notes).toEqual([before.notes!.map((n) => n.trim()).join('\n\n')]);
    });
  });
});

describe('RIS notes and tags as Zotero reads them', () => {
  it('writes a note as escaped HTML on one line: paragraphs, line breaks, < and &', () => {
    expect(risNote('a < b & c\nnext line\n\nnew paragraph')).toBe(
      '<p>a &lt; b &amp; c<br/>next line</p><p>new paragraph</p>',
    );
  });

  it('writes one KW line per tag and one N1 line per note', () => {
    const ris = toRisFile([
      {
        csl: { id: 'x', type: 'webpage', title: 'Page' },
        originalSource: null,
        body: [],
        tags: ['alpha', 'beta gamma'],
        notes: ['first', 'second'],
      },
    ]);
    expect(ris.match(/^KW {2}- .*$/gmu)).toEqual(['KW  - alpha', 'KW  - beta gamma']);
    expect(ris.match(/^N1 {2}- .*$/gmu)).toEqual(['N1  - <p>first</p>', 'N1  - <p>second</p>']);
  });

  it('keeps a lone tag with a comma whole: Zotero splits a record’s only KW at commas', () => {
    const ris = toRisFile([
      {
        csl: { id: 'x', type: 'book', title: 'B' },
        originalSource: null,
        body: [],
        tags: ['a, b'],
      },
    ]);
    expect(ris).toContain('KW  - a b\r\n');
  });
});
