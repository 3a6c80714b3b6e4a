import { describe, expect, it } from 'vitest';
import { formatIssued, formatNames, sortKey, toSummary } from './summary.ts';
import { recordOf, referenceArticle } from './test-article.ts';

describe('formatNames', () => {
  it('shows organisations as written and people in natural order', () => {
    expect(
      formatNames([
        { literal: 'South Front' },
        { given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' },
        { family: 'Doe' },
      ]),
    ).toBe('South Front, Ludwig van Beethoven, Doe');
    expect(formatNames(undefined)).toBe('');
  });
});

describe('formatIssued', () => {
  it('pads months and days, joins ranges, falls back to raw', () => {
    expect(formatIssued({ 'date-parts': [[2018, 8, 5]] })).toBe('2018-08-05');
    expect(formatIssued({ 'date-parts': [[2018]] })).toBe('2018');
    expect(
      formatIssued({
        'date-parts': [
          [2017, 1],
          [2018, 3],
        ],
      }),
    ).toBe('2017-01/2018-03');
    expect(formatIssued({ raw: 'Summer 2018' })).toBe('Summer 2018');
    expect(formatIssued(undefined)).toBe('');
  });
});

describe('sortKey', () => {
  it('folds case, accents and special letters', () => {
    expect(sortKey('Éclairs À LA Crème')).toBe('eclairs a la creme');
    expect(sortKey('Straße Ørsted')).toBe('strasse orsted');
  });

  it('drops leading punctuation and spaces, keeping leading digits and inner punctuation', () => {
    expect(sortKey('  “Quoted” title')).toBe('quoted” title');
    expect(sortKey('...and then?')).toBe('and then?');
    expect(sortKey('¡Hola!')).toBe('hola!');
    expect(sortKey('1984, revisited')).toBe('1984, revisited');
    expect(sortKey('"" --')).toBe('');
    expect(sortKey('')).toBe('');
  });

  it('keeps at most 200 characters', () => {
    expect(sortKey('x'.repeat(500))).toHaveLength(200);
  });
});

describe('toSummary', () => {
  it('gives the reference article its sort keys, notice kinds and counts', () => {
    const record = recordOf(referenceArticle(), 'ref');
    record.tags = ['Afghanistan', 'War'];
    record.collections = ['c1'];
    const summary = toSummary(record);
    expect(summary).toMatchObject({
      id: 'ref',
      titleKey:
        'video: taliban pushes back against isis expansion in afghanistan. increased us troops deployed',
      authorKey: 'south front',
      siteKey: 'global research',
      issuedKey: '2018-08-15',
      tags: ['Afghanistan', 'War'],
      collections: ['c1'],
      noticeKinds: ['copyright', 'disclaimer', 'fair-use', 'republication'],
      paragraphs: 3,
    });
    const words = record.body.reduce((n, p) => n + p.text.split(' ').length, 0);
    expect(summary.words).toBe(words);
    // Copies: editing the summary never edits the record.
    summary.tags.push('x');
    expect(record.tags).toEqual(['Afghanistan', 'War']);
  });

  it("takes the first author's family name (then given), or a literal name", () => {
    const record = recordOf(referenceArticle());
    record.csl.author = [
      { family: 'de Ávila', given: 'Teresa' },
      { family: 'Aaronson', given: 'Zed' },
    ];
    expect(toSummary(record).authorKey).toBe('de avila teresa');
    record.csl.author = [{ literal: '  The Editors' }];
    expect(toSummary(record).authorKey).toBe('the editors');
    record.csl.author = [{ family: 'Mononym' }];
    expect(toSummary(record).authorKey).toBe('mononym');
    record.csl.author = [];
    expect(toSummary(record).authorKey).toBe('');
    delete record.csl.author;
    expect(toSummary(record).authorKey).toBe('');
  });

  it('takes the site from the container title, else the publisher, the source or the host', () => {
    const record = recordOf(referenceArticle());
    delete record.csl['container-title'];
    record.csl.publisher = 'Ébène Press';
    expect(toSummary(record).siteKey).toBe('ebene press');
    delete record.csl.publisher;
    expect(toSummary(record).siteKey).toBe('south front'); // the original source's name
    record.originalSource = null;
    record.csl.URL = 'https://www.Example.org/a/b';
    expect(toSummary(record).siteKey).toBe('example.org');
    delete record.csl.URL;
    expect(toSummary(record).siteKey).toBe('');
  });

  it('keys the first date as far as it is known, and nothing without a date', () => {
    const record = recordOf(referenceArticle());
    record.csl.issued = { 'date-parts': [[2018, 3]] };
    expect(toSummary(record).issuedKey).toBe('2018-03');
    record.csl.issued = {
      'date-parts': [
        [2017, 1, 5],
        [2018, 3],
      ],
    };
    expect(toSummary(record).issuedKey).toBe('2017-01-05');
    record.csl.issued = { raw: 'Summer 2018' };
    expect(toSummary(record).issuedKey).toBe('');
    delete record.csl.issued;
    expect(toSummary(record).issuedKey).toBe('');
  });

  it('marks a Creative Commons licence as "cc", in a notice or in the CSL licence', () => {
    const record = recordOf(referenceArticle());
    record.rights = [];
    expect(toSummary(record).noticeKinds).toEqual([]);
    record.csl.license = 'CC BY-SA 4.0';
    expect(toSummary(record).noticeKinds).toEqual(['cc']);
    delete record.csl.license;
    const text = 'Licensed under Creative Commons Attribution.';
    record.rights = [
      { kind: 'licence', text, start: 0, end: text.length, sha256: '0'.repeat(64), display: text },
    ];
    expect(toSummary(record).noticeKinds).toEqual(['cc', 'licence']);
  });

  it('counts words across paragraphs (a dash alone is none), and an empty body as none', () => {
    const record = recordOf(referenceArticle());
    record.body = record.body.slice(0, 2).map((p, i) => ({
      ...p,
      text: i === 0 ? '  One two\tthree  ' : 'four — five',
    }));
    expect(toSummary(record)).toMatchObject({ words: 5, paragraphs: 2 });
    record.body = [];
    expect(toSummary(record)).toMatchObject({ words: 0, paragraphs: 0 });
  });

  it('an article without a title or tags has empty keys and lists', () => {
    const record = recordOf(referenceArticle());
    delete record.csl.title;
    const summary = toSummary(record);
    expect(summary.title).toBe('');
    expect(summary.titleKey).toBe('');
    expect(summary.tags).toEqual([]);
    expect(summary.collections).toEqual([]);
  });
});
