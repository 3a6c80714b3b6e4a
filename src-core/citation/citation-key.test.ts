import { describe, expect, it } from 'vitest';
import type { CslItem } from '../article/model.ts';
import { citationKey } from './citation-key.ts';
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
