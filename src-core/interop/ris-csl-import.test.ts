import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCslJson } from './csl-json-import.ts';
import { importRis } from './ris-import.ts';
import { ReferenceImportError } from './types.ts';
import { noteText } from './entry-finish.ts';

const corpus = (file: string) =>
  readFileSync(new URL(`../test-fixtures/ris/${file}`, import.meta.url), 'utf8');

describe('importRis', () => {
  it('reads a Scopus export: journal, authors with accents, DOI, pages, year', () => {
    const [scopus] = importRis(corpus('jabref/RisImporterTestScopus.ris')).entries;
    expect(scopus!.csl).toMatchObject({
      type: 'article-journal',
      title:
        'A transversely isotropic composite with a statistical distribution of spheroidal inclusions: A geometrical approach to overall properties',
      'container-title': 'Journal of the Mechanics and Physics of Solids',
      volume: '52',
      page: '2309-2327',
      DOI: '10.1016/j.jmps.2004.03.010',
      issued: { 'date-parts': [[2004]] },
    });
    expect(scopus!.csl.author).toEqual([
      { family: 'Federico', given: 'S.' },
      { family: 'Grillo', given: 'A.' },
      { family: 'Herzog', given: 'W.' },
    ]);
  });

  it('reads a UTF-8 BOM, KW as tags and N1 as a note (rispy example)', () => {
    const [record] = importRis(corpus('rispy/example_utf_chars.ris')).entries;
    expect(record!.notes).toEqual(['Ä,Ö,Ü,ä,ö,ü,ß']);
    expect(record!.csl.author![0]).toEqual({ family: 'Dobrokhotova', given: 'Yu E.' });
    const [tagged] = importRis(corpus('rispy/example_empty_tag.ris')).entries;
    expect(tagged!.tags).toEqual(['*athlete', 'biomechanics', 'bone remodeling']);
  });

  it('takes a DOI written as a URL or with a doi: prefix as a bare DOI', () => {
    const [science] = importRis(corpus('jabref/RisImporterTestScience.ris')).entries;
    expect(science!.csl.DOI).toMatch(/^10\.\S+$/u);
    const [crc] = importRis(corpus('jabref/RisImporterTest3.ris')).entries;
    expect(crc!.csl.DOI).toMatch(/^10\.\S+$/u);
  });

  it('reads an organisation author, a record without ER, and the ID as the key', () => {
    const text =
      'TY  - RPRT\r\nID  - who2020\r\nTI  - Report\r\nAU  - World Health Organization\r\n';
    const [record] = importRis(text).entries;
    expect(record!.citekey).toBe('who2020');
    expect(record!.csl.author).toEqual([{ literal: 'World Health Organization' }]);
    expect(record!.raw).toBe(text.trimEnd());
  });

  it('reads Zotero HTML notes as text, one note per N1, tags per KW', () => {
    const text = [
      'TY  - JOUR',
      'TI  - A title',
      'KW  - first tag',
      'KW  - second, with comma',
      'N1  - <p>Line one<br/>line two</p><p>Second &amp; last &lt;paragraph&gt;</p>',
      'N1  - A plain note',
      'ER  - ',
    ].join('\n');
    const [record] = importRis(text).entries;
    expect(record!.tags).toEqual(['first tag', 'second, with comma']);
    expect(record!.notes).toEqual([
      'Line one\nline two\n\nSecond & last <paragraph>',
      'A plain note',
    ]);
  });

  it('throws a ReferenceImportError for text without RIS records', () => {
    expect(() => importRis('FN Clarivate\nPT J\nER\n')).toThrow(ReferenceImportError);
  });
});

describe('importCslJson', () => {
  const zotero = JSON.stringify([
    {
      id: 'http://zotero.org/users/local/abc/items/XYZ',
      type: 'article-journal',
      title: 'Zotero item',
      author: [{ family: 'Doe', given: 'Jane' }, { literal: 'ACME Corp.' }],
      issued: { 'date-parts': [['2021', 4, 5]] },
      'container-title': 'Journal',
      DOI: 'https://doi.org/10.5555/ABC',
      URL: 'https://example.org/z',
      note: 'Citation Key: doe2021\nRead twice.',
      keyword: 'one, two; three',
      unknownField: 'dropped',
    },
    { id: 'smith', type: 'book', title: 'A book', categories: ['cat'] },
    { title: 'No type' },
    'not an object',
  ]);

  it('maps a Zotero CSL JSON item: key from Extra, tags from keyword, the rest as a note', () => {
    const result = importCslJson(zotero);
    const [item, book] = result.entries;
    expect(item!.citekey).toBe('doe2021');
    expect(item!.tags).toEqual(['one', 'two', 'three']);
    expect(item!.notes).toEqual(['Read twice.']);
    expect(item!.csl.DOI).toBe('10.5555/ABC');
    expect(item!.csl.issued).toEqual({ 'date-parts': [[2021, 4, 5]] });
    expect(item!.csl.author).toEqual([{ family: 'Doe', given: 'Jane' }, { literal: 'ACME Corp.' }]);
    expect(item!.csl).not.toHaveProperty('unknownField');
    expect(book!.citekey).toBe('smith');
    expect(book!.tags).toEqual(['cat']);
  });

  it('refuses items without a type or not objects, one by one', () => {
    const { problems } = importCslJson(zotero);
    expect(problems).toEqual([
      { entry: 3, citekey: null, message: 'the item has no "type"' },
      { entry: 4, citekey: null, message: 'not a CSL-JSON item (an object)' },
    ]);
  });

  it('throws a ReferenceImportError for invalid JSON and for JSON that is no CSL', () => {
    expect(() => importCslJson('{not json')).toThrow(/not a valid JSON file/);
    expect(() => importCslJson('{"a": 1}')).toThrow(/no CSL-JSON items/);
    expect(() => importCslJson('42')).toThrow(ReferenceImportError);
  });
  it('refuses an item nested 10,000 arrays deep as that entry alone, and reads the others (found by fuzzing: a RangeError)', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const text = `[{"type": "book", "title": "Deep", "custom": ${deep}}, {"type": "book", "title": "Flat"}]`;
    const { entries, problems } = importCslJson(text);
    expect(entries.map((e) => e.csl.title)).toEqual(['Flat']);
    expect(problems).toEqual([
      { entry: 1, citekey: null, message: 'the item is nested more than 64 levels deep' },
    ]);
  });
});

describe('noteText', () => {
  it('keeps plain text as written and reads HTML as text without running anything', () => {
    expect(noteText('  a < b and c > d  ')).toBe('a < b and c > d');
    expect(noteText('<p>x<script>alert(1)</script></p>')).toBe('xalert(1)');
    expect(noteText('<div>a&nbsp;b &#233; &#x263A;</div>')).toBe('a\u00a0b é ☺');
  });
});
