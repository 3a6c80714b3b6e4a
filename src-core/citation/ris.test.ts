import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../article/model.ts';
import { risType, toRis, toRisFile } from './ris.ts';
import {
  CJK,
  JOURNAL,
  NON_ASCII,
  PERSONS,
  REPUBLISHED,
  SPECIALS,
  TESTING_ARTICLES,
} from '../testing/data-format-articles.ts';
import type { CitableArticle } from './types.ts';

/** citation-js types every input option as required; these tests set only forceType. */
type CiteOptions = ConstructorParameters<typeof Cite>[1];

const lines = (ris: string): string[] => ris.split('\r\n');

/** The records as citation-js reads them (an independent RIS parser). */
const citationJs = (ris: string): CslItem[] =>
  new Cite(ris, { forceType: '@ris/file' } as CiteOptions).data as CslItem[];

/** Every line is "TAG  - value", records run from TY to ER. */
function expectWellFormed(ris: string): void {
  expect(ris.endsWith('ER  - \r\n')).toBe(true);
  expect(ris).not.toMatch(/(?<!\r)\n|\r(?!\n)/u);
  let open = false;
  for (const line of lines(ris).slice(0, -1)) {
    if (line === '') {
      expect(open).toBe(false);
      continue;
    }
    expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /u);
    if (line.startsWith('TY  - ')) open = true;
    if (line === 'ER  - ') open = false;
  }
  expect(open).toBe(false);
}

describe('toRis', () => {
  it('writes the reference article as an ELEC record', () => {
    expect(lines(toRis(REPUBLISHED))).toEqual([
      'TY  - ELEC',
      'ID  - southfront2018video',
      'TI  - Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
      'AU  - South Front',
      'T2  - Global Research',
      'PY  - 2018',
      'DA  - 2018/08/15/',
      'Y2  - 2018/08/20/',
      `UR  - ${REPUBLISHED.csl.URL}`,
      'LA  - en',
      'KW  - Afghanistan',
      'KW  - ISIS',
      'N1  - Originally published by South Front',
      'ER  - ',
      '',
    ]);
  });

  it('maps CSL types to RIS types', () => {
    const expected: Record<string, string> = {
      webpage: 'ELEC',
      post: 'ELEC',
      'post-weblog': 'ELEC',
      'article-journal': 'JOUR',
      'article-newspaper': 'NEWS',
      'article-magazine': 'MGZN',
      book: 'BOOK',
      chapter: 'CHAP',
      'paper-conference': 'CONF',
      report: 'RPRT',
      thesis: 'THES',
      software: 'GEN',
      'made-up': 'GEN',
    };
    for (const [csl, ris] of Object.entries(expected)) expect(risType(csl), csl).toBe(ris);
  });

  it('writes persons as "Family, Given[, Suffix]" with particles, organisations whole', () => {
    expect(lines(toRis(PERSONS)).filter((l) => l.startsWith('AU'))).toEqual([
      'AU  - van Beethoven, Ludwig',
      'AU  - King, Martin Luther, Jr.',
    ]);
    expect(toRis(REPUBLISHED)).toContain('\r\nAU  - South Front\r\n');
  });

  it('writes journal data: T2, VL, IS, SP/EP, a partial DA, DO', () => {
    const record = lines(toRis(JOURNAL));
    expect(record).toEqual(
      expect.arrayContaining([
        'TY  - JOUR',
        'T2  - Journal of Peace Research',
        'VL  - 54',
        'IS  - 3',
        'SP  - 401',
        'EP  - 419',
        'PY  - 2017',
        'DA  - 2017/06//',
        'DO  - 10.1177/0022343317691330',
      ]),
    );
  });

  it('uses the citation key of the library, and a hand-cased RIS title', () => {
    const article: CitableArticle = {
      ...REPUBLISHED,
      citekey: 'southfront2018videoa',
      titleOverrides: { ris: 'Taliban Pushes Back', bibtex: 'not this' },
    };
    expect(toRis(article)).toContain(
      '\r\nID  - southfront2018videoa\r\nTI  - Taliban Pushes Back\r\n',
    );
  });

  it('keeps every value on one line and UTF-8 as it is', () => {
    const article: CitableArticle = {
      ...NON_ASCII,
      csl: { ...NON_ASCII.csl, title: 'One\nTwo\r\n  Three', note: 'a\n\nb' },
    };
    const ris = toRis(article);
    expectWellFormed(ris);
    expect(ris).toContain('\r\nTI  - One Two Three\r\n');
    expect(ris).toContain('\r\nAU  - Østergaard, Søren\r\n');
    expect(ris).toContain('\r\nN1  - a b\r\n');
    expect(toRis(SPECIALS)).toContain('\r\nTI  - 50% of $100 & #1_{x}~^\\\r\n');
    expect(toRis(CJK)).toContain('\r\nAU  - 王, 小明\r\n');
  });
});

describe('toRis: bad input', () => {
  const base = REPUBLISHED;
  const withCsl = (csl: Partial<CslItem>): CitableArticle => ({
    ...base,
    csl: { ...base.csl, ...csl },
  });

  it('missing title and authors leave the tags out', () => {
    const ris = toRis(withCsl({ title: undefined, author: [] }));
    expectWellFormed(ris);
    expect(ris).not.toMatch(/^(TI|AU) {2}/mu);
    const empty = toRis({ csl: { id: 'x', type: 'webpage' }, originalSource: null, body: [] });
    expect(lines(empty)).toEqual(['TY  - ELEC', 'ID  - anonnd', 'ER  - ', '']);
  });

  it('impossible dates keep only what is possible', () => {
    expect(toRis(withCsl({ issued: { 'date-parts': [[2018, 13, 1]] } }))).toMatch(
      /PY {2}- 2018\r\nY2/u,
    );
    expect(toRis(withCsl({ issued: { 'date-parts': [[2019, 2, 31]] } }))).toContain(
      'DA  - 2019/02//',
    );
    expect(toRis(withCsl({ issued: { 'date-parts': [[2020, 2, 29]] } }))).toContain(
      'DA  - 2020/02/29/',
    );
  });

  it('5,000 authors are 5,000 AU lines', () => {
    const author = Array.from({ length: 5000 }, (_, i) => ({ family: `F${i}`, given: 'G' }));
    const ris = toRis(withCsl({ author }));
    expectWellFormed(ris);
    expect(ris.match(/^AU {2}- /gmu)).toHaveLength(5000);
    expect(citationJs(ris)[0]!.author).toHaveLength(5000);
  });
});

describe('toRisFile', () => {
  it('separates records by a blank line and gives every record a unique ID', () => {
    const twin: CitableArticle = { ...REPUBLISHED, csl: { ...REPUBLISHED.csl, id: 'other' } };
    const file = toRisFile([REPUBLISHED, twin, ...TESTING_ARTICLES.slice(1)]);
    expectWellFormed(file);
    expect(file.split('ER  - \r\n\r\nTY  - ')).toHaveLength(TESTING_ARTICLES.length + 1);
    const ids = [...file.matchAll(/^ID {2}- (.+)\r$/gmu)].map((m) => m[1]);
    expect(ids.slice(0, 2)).toEqual(['southfront2018video', 'southfront2018videoa']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('citation-js reads every record back', () => {
    const items = citationJs(toRisFile(TESTING_ARTICLES));
    expect(items.map((i) => i.id)).toEqual(
      TESTING_ARTICLES.map((a) => lines(toRis(a))[1]!.slice(6)),
    );
    expect(items.map((i) => i.title)).toEqual(TESTING_ARTICLES.map((a) => a.csl.title));
  });

  it('an empty list is an empty file', () => {
    expect(toRisFile([])).toBe('');
  });
});
