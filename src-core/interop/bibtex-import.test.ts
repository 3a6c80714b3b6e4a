import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBibtex, MAX_MACRO_CHARS } from './bibtex-import.ts';
import { ReferenceImportError, type ImportedEntry } from './types.ts';

const corpus = (file: string) =>
  readFileSync(new URL(`../test-fixtures/bibtex/${file}`, import.meta.url), 'utf8');

function entry(file: string, key: string): ImportedEntry {
  const found = importBibtex(corpus(file)).entries.find((e) => e.citekey === key);
  if (!found) throw new Error(`${key} not imported from ${file}`);
  return found;
}

describe('importBibtex: field mapping on real entries', () => {
  it('reads a corporate author in double braces as an organisation, and month macros', () => {
    const report = entry('better-bibtex/import/2752-techreport-corporate-author.bib', 'techreport');
    expect(report.csl.author).toEqual([{ literal: 'A very well-known and serious institution' }]);
    expect(report.csl.issued).toEqual({ 'date-parts': [[1995, 1]] });
    expect(report.csl.type).toBe('report');
    expect(report.csl.number).toBe('my_precious_report_number');
  });

  it('keeps name particles and suffixes apart (Better BibTeX output)', () => {
    const file = 'better-bibtex/export/313-name-particles.biblatex.bib';
    expect(entry(file, 'bugreports_ApostropheOnParticle').csl.author).toEqual([
      { family: 'Jones', given: 'John', 'non-dropping-particle': "d'" },
    ]);
    expect(entry(file, 'bennett_citations_2013').csl.author).toEqual([
      { family: 'Bennett', given: 'Frank G.', suffix: 'Jr.' },
    ]);
    expect(entry(file, 'bugreports_DemoPageFullCiteCruftOnSubsequent').csl.author).toEqual([
      { literal: 'U.S. Bureau of the Census' },
    ]);
  });

  it('keeps CJK names written as one braced name whole', () => {
    const file = 'better-bibtex/export/2624-cjk-names.biblatex.bib';
    const book = entry(file, 'Dongfang.HansAuthorDongfangBubai');
    expect(book.csl.author).toEqual([{ family: '东方不败' }]);
    expect(book.csl.title).toBe('Hans Author: Dongfang Bubai');
    expect(book.csl.language).toBe('chinese');
  });

  it('fills a crossref child from its parent (book, editors, publisher, year)', () => {
    const chapter = entry('better-bibtex/import/2373-crossref-children.bib', 'incollection');
    expect(chapter.csl.title).toBe('Lebanon');
    expect(chapter.csl['container-title']).toBe(
      'Global Civil Society: Dimensions of the Nonprofit Sector',
    );
    expect(chapter.csl.publisher).toBe('Kumarian Press');
    expect(chapter.csl.editor).toEqual([
      { family: 'Salamon', given: 'Lester M.' },
      { family: 'Sokolowski', given: 'S. Wojciech' },
    ]);
    expect(chapter.csl.issued).toEqual({ 'date-parts': [[2004]] });
  });

  it('survives self-referencing and chained crossrefs', () => {
    const result = importBibtex(corpus('citation-js/crossref.bib'));
    expect(result.entries.map((e) => e.citekey)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(result.entries.find((e) => e.citekey === 'd')!.csl.author).toEqual([
      { family: 'Last', given: 'First' },
    ]);
  });

  it('turns TeX accents and escapes into text, and {\\sc …} into plain text', () => {
    const [escaped] = importBibtex(corpus('citation-js/escaped-characters.bib')).entries;
    expect(escaped!.csl.title).toBe('a&b%c$d#e_f~^\\');
    const jabref = entry('better-bibtex/import/1641-jabref-5.1-groups.bib', 'Bogadottir2012');
    // `pre\-{C}olumbian`: `\-` is TeX's optional hyphen, printed only at a line break.
    expect(jabref.csl.title).toBe('Fleece: Imperial metabolism in the preColumbian Andes');
    const french = importBibtex(
      corpus('better-bibtex/export/901-bibtex-jabref-groups.bibtex.bib'),
    ).entries.find((e) => e.csl.title?.startsWith('Consid'))!;
    expect(french.csl.title).toBe(
      "Considérations d'un philosophe sur l'économique du néo-conservatisme (néo-libéralisme)",
    );
    expect(french.csl.translator).toEqual([
      { literal: "Services de traduction de l'Université McGil" },
    ]);
    const conniver = importBibtex(corpus('better-bibtex/import/871-paren-entry-string-concat.bib'))
      .entries[0]!;
    expect(conniver.csl.title).toBe('The CONNIVER Reference Manual');
    expect(conniver.csl.issued).toEqual({ 'date-parts': [[1972, 5]] });
  });

  it('reads a JabRef file with CRLF line endings, its groups as tags', () => {
    const text = corpus('better-bibtex/import/1730-jabref-crlf.bib');
    expect(text).toContain('\r\n');
    const chau = importBibtex(text).entries.find((e) => e.citekey === 'Chau2020')!;
    expect(chau.csl.title).toBe(
      'Virtual Sensing Directional Hub MAC (VSDH-MAC) Protocol with Power Control',
    );
    expect(chau.csl.DOI).toBe('10.3390/electronics9081219');
    expect(chau.tags).toEqual(['Group2']);
    // BibTeX `note` is bibliographic text the styles print: it stays in the item.
    expect(chau.csl.note).toBe(
      'Submitted: 8 June 2020; Revised 13 July 2020, Accepted 27 July 2020',
    );
    expect(chau.notes).toEqual([]);
  });

  it('imports an entry without a key (EndNote) with no citation key', () => {
    const [endnote] = importBibtex(
      corpus('better-bibtex/import/endnote-export-no-citekey.bib'),
    ).entries;
    expect(endnote!.citekey).toBeNull();
    expect(endnote!.csl.title).toBe('Alzheimer mechanisms and therapeutic strategies');
    expect(endnote!.csl.author).toEqual([
      { family: 'Huang', given: 'Y.' },
      { family: 'Mucke', given: 'L.' },
    ]);
  });

  it('keeps every one of 20,000 distinct keywords as a tag (found by fuzzing: the tag rule compared every pair)', () => {
    const keywords = Array.from({ length: 20_000 }, (_, i) => `k${i.toString(36)}`);
    const { entries, problems } = importBibtex(
      `@article{many, title = {Many keywords}, keywords = {${keywords.join(', ')}}}`,
    );
    expect(problems).toEqual([]);
    expect(entries[0]!.tags).toEqual(keywords);
  });

  it('reads Object.prototype names (constructor, toString, __proto__) as macros only when the file defines them (found by fuzzing)', () => {
    const { entries } = importBibtex(String.raw`@string{__proto__ = "P"}
@article{k, title = constructor # { and } # __proto__ # toString, author = {Smith, J.}}`);
    // Was "function Object() [native code] and [object Object]".
    expect(entries[0]!.csl.title).toBe('and P');
  });

  it('stops @string macros that double at each step (40 steps from 9 characters) at 1 MB instead of expanding them (found by fuzzing)', () => {
    let bib = '@string{m0 = "Harbour "}\n';
    for (let i = 1; i <= 40; i++) bib += `@string{m${i} = m${i - 1} # m${i - 1}}\n`;
    // m17 (1,048,576 characters) is the longest macro within the limit: m18 and the macros after
    // it stay undefined (empty, as a broken macro is in BibTeX); no entry takes more than m17.
    bib += '@article{ok, title = m40, author = {Smith, J.}, note = m3}\n';
    bib += '@article{big, title = m16, author = {Smith, J.}}\n';
    bib += '@article{twice, title = m17 # m16, author = {Smith, J.}}\n';
    const { entries, problems } = importBibtex(bib);
    expect(entries.map((e) => e.citekey)).toEqual(['ok', 'big']);
    expect(entries[0]!.csl.title).toBeUndefined();
    expect(entries[0]!.csl.note).toBe('Harbour '.repeat(8).trim());
    expect(String(entries[1]!.csl.title)).toHaveLength('Harbour '.repeat(2 ** 16).trim().length);
    expect(problems).toEqual([
      {
        entry: 3,
        citekey: 'twice',
        message: `its @string macros expand to more than ${MAX_MACRO_CHARS / 1024} KB of text`,
      },
    ]);
  });

  it('reads Mendeley keywords as tags', () => {
    const culture = entry('better-bibtex/import/mendeley-export.bib', 'Eagleton2000');
    expect(culture.tags).toEqual([
      'Civilization',
      'Culture',
      'Electronic books',
      'Nature',
      'Postmodernism',
    ]);
  });
});

describe('importBibtex: tags and notes', () => {
  const bib = String.raw`@article{k1,
  title = {One},
  keywords = {alpha, Beta; gamma, ALPHA},
  groups = {Reading list},
  mendeley-tags = {mtag},
  annote = {First note with {\'e}t{\'e}.},
  comment = {A JabRef comment}
}
@online{k2,
  title = {Two},
  annotation = {A BibLaTeX annotation},
  url = {https://example.org/two},
  urldate = {2024-02-03}
}`;

  it('takes keywords, JabRef groups and Mendeley tags as tags, one spelling each', () => {
    const [one] = importBibtex(bib).entries;
    expect(one!.tags).toEqual(['alpha', 'Beta', 'gamma', 'Reading list', 'mtag']);
  });

  it('takes annote, annotation and comment as notes, TeX read', () => {
    const [one, two] = importBibtex(bib).entries;
    expect(one!.notes).toEqual(['First note with été.', 'A JabRef comment']);
    expect(two!.notes).toEqual(['A BibLaTeX annotation']);
    expect(one!.csl).not.toHaveProperty('annote');
    expect(two!.csl.URL).toBe('https://example.org/two');
    expect(two!.csl.accessed).toEqual({ 'date-parts': [[2024, 2, 3]] });
  });

  it('keeps each entry exactly as written', () => {
    const { entries } = importBibtex(bib);
    expect(entries.map((e) => e.raw)).toEqual([
      bib.slice(0, bib.indexOf('@online')).trimEnd(),
      bib.slice(bib.indexOf('@online')),
    ]);
  });

  it('refuses a broken entry alone, naming it, and reads the others', () => {
    const result = importBibtex(`@article{good, title = {Fine}}
@article{bad, title = {Unclosed
@book{after, title = {Still read}}`);
    expect(result.entries.map((e) => e.citekey)).toEqual(['good', 'after']);
    expect(result.problems).toEqual([
      { entry: 2, citekey: 'bad', message: 'the entry is not closed (no matching “}”)' },
    ]);
  });

  it('refuses braces nested beyond the limit without recursing into them', () => {
    const deep = `@article{deep, title = {${'{'.repeat(5000)}x${'}'.repeat(5000)}}}`;
    const result = importBibtex(deep);
    expect(result.entries).toEqual([]);
    expect(result.problems[0]!.message).toMatch(/nested more than 64 deep/);
  });

  it('throws a ReferenceImportError for a file without entries', () => {
    expect(() => importBibtex('just some text, no entries')).toThrow(ReferenceImportError);
    expect(() => importBibtex('just some text')).toThrow(/No BibTeX entries found/);
    expect(() => importBibtex('x'.repeat(16 * 1024 * 1024 + 1))).toThrow(/too large/);
  });
});
