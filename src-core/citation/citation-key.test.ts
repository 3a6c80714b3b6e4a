import { describe, expect, it } from 'vitest';
import type { CslItem } from '../article/model.ts';
import { articleCitekey, citationKey, safeCitekey, uniqueCitekey } from './citation-key.ts';
import { REFERENCE_CSL } from '../testing/fixtures.ts';

const REFERENCE: CslItem = REFERENCE_CSL;

describe('citationKey', () => {
  it('is author + year + first title word for the reference article', () => {
    expect(citationKey(REFERENCE)).toBe('southfront2018video');
  });

  it('depends only on the citation data, not on the item id or call order', () => {
    expect(citationKey({ ...REFERENCE, id: 'other' })).toBe(citationKey(REFERENCE));
    expect(citationKey(REFERENCE)).toBe(citationKey(structuredClone(REFERENCE)));
  });

  it('uses the family name of a person and strips diacritics', () => {
    const csl: CslItem = {
      id: 'x',
      type: 'article-journal',
      title: 'Über die Grenzen des Wachstums',
      author: [
        { family: 'Müller-Lüdenscheidt', given: 'Jörg' },
        { family: 'Doe', given: 'J.' },
      ],
      issued: { 'date-parts': [[2020]] },
    };
    expect(citationKey(csl)).toBe('mullerludenscheidt2020uber');
  });

  it('transliterates letters without a decomposition', () => {
    const csl: CslItem = { id: 'x', type: 'book', title: 'Łódź', author: [{ family: 'Strauß' }] };
    expect(citationKey(csl)).toBe('straussndlodz');
  });

  it('skips a leading article in the title', () => {
    expect(citationKey({ ...REFERENCE, title: 'The Art of War' })).toBe('southfront2018art');
    expect(citationKey({ ...REFERENCE, title: '“A” Is for Afghanistan' })).toBe('southfront2018is');
  });

  it('writes "nd" without a year and "anon" without an author or editor', () => {
    expect(citationKey({ ...REFERENCE, issued: undefined })).toBe('southfrontndvideo');
    expect(citationKey({ ...REFERENCE, author: undefined })).toBe('anon2018video');
    expect(citationKey({ id: 'x', type: 'webpage' })).toBe('anonnd');
  });

  it('falls back to the first editor, and reads raw dates', () => {
    const csl: CslItem = {
      id: 'x',
      type: 'book',
      title: 'Collected Essays',
      editor: [{ family: 'Smith', given: 'Ann' }],
      issued: { raw: '1999-04' },
    };
    expect(citationKey(csl)).toBe('smith1999collected');
  });

  it('keeps only [a-z0-9], whatever the input', () => {
    const csl: CslItem = {
      id: 'x',
      type: 'webpage',
      title: "R&D's {big} #1 idea",
      author: [{ literal: "O'Brien & Co., Ltd." }],
      issued: { 'date-parts': [[2021, 1, 2]] },
    };
    expect(citationKey(csl)).toBe('obriencoltd2021rds');
    expect(citationKey({ ...csl, author: [{ literal: '王小明' }] })).toMatch(/^[a-z0-9]+$/);
  });
});

describe('uniqueCitekey', () => {
  it('is the base key while no other item has it', () => {
    expect(uniqueCitekey('smith2020war', new Set())).toBe('smith2020war');
    expect(uniqueCitekey('smith2020war', new Set(['smith2020'] as const))).toBe('smith2020war');
  });

  it('adds a, b, … z, then aa, ab, … like Better BibTeX', () => {
    const taken = new Set<string>();
    const keys: string[] = [];
    for (let i = 0; i < 30; i++) {
      const key = uniqueCitekey('smith2020war', taken);
      taken.add(key);
      keys.push(key);
    }
    expect(keys.slice(0, 4)).toEqual([
      'smith2020war',
      'smith2020wara',
      'smith2020warb',
      'smith2020warc',
    ]);
    expect(keys[26]).toBe('smith2020warz');
    expect(keys.slice(27)).toEqual(['smith2020waraa', 'smith2020warab', 'smith2020warac']);
    expect(new Set(keys).size).toBe(30);
  });

  it('after zz comes aaa, and taken suffixes are skipped', () => {
    const base = 'k';
    const taken = new Set([base]);
    for (let n = 1; n <= 26 + 26 * 26; n++) taken.add(uniqueCitekey(base, taken));
    expect(taken.has('kzz')).toBe(true);
    expect(uniqueCitekey(base, taken)).toBe('kaaa');
    expect(uniqueCitekey('x', new Set(['x', 'xa', 'xb']))).toBe('xc');
  });
});

describe('articleCitekey and safeCitekey', () => {
  const article = { csl: REFERENCE, originalSource: null, body: [] };

  it("is the article's own key when it has one, else the derived key", () => {
    expect(articleCitekey(article)).toBe('southfront2018video');
    expect(articleCitekey({ ...article, citekey: 'SouthFront2018' })).toBe('SouthFront2018');
    expect(articleCitekey({ ...article, citekey: '' })).toBe('southfront2018video');
  });

  it('drops what BibTeX, biber or pandoc would end a key at; keeps case and -_:./+', () => {
    expect(safeCitekey('Müller 2020, {x}')).toBe('Muller2020x');
    expect(safeCitekey('a_b-c:d.e/f+g')).toBe('a_b-c:d.e/f+g');
    expect(safeCitekey(`%"#'(){}=~\\ ,`)).toBe('');
    expect(safeCitekey('Łódź-Straße')).toBe('Lodz-Strasse');
    expect(articleCitekey({ ...article, citekey: '{}' })).toBe('southfront2018video');
  });
});
