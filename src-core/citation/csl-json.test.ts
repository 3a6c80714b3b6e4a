import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../article/model.ts';
import { toCslJson, toCslJsonItem, validDateParts } from './csl-json.ts';
import {
  CJK,
  NON_ASCII,
  ORGANISATION,
  REPUBLISHED,
  TESTING_ARTICLES,
} from '../testing/data-format-articles.ts';
import type { CitableArticle } from './types.ts';
import { CSL_DATA_SCHEMA } from '../testing/csl-data-schema.ts';

const validate = new Ajv({ allErrors: true, strict: false }).compile(CSL_DATA_SCHEMA);

function expectValid(json: string): CslItem[] {
  const data = JSON.parse(json) as unknown;
  const valid = validate(data);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
  return data as CslItem[];
}

const withCsl = (csl: Partial<CslItem>, article: CitableArticle = REPUBLISHED): CitableArticle => ({
  ...article,
  csl: { ...article.csl, ...csl },
});

describe('toCslJsonItem', () => {
  it('writes the reference article with its key as id and the republication in note', () => {
    expect(toCslJsonItem(REPUBLISHED)).toEqual({
      id: 'southfront2018video',
      type: 'webpage',
      'citation-key': 'southfront2018video',
      title:
        'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
      author: [{ literal: 'South Front' }],
      issued: { 'date-parts': [[2018, 8, 15]] },
      'container-title': 'Global Research',
      language: 'en',
      keyword: 'Afghanistan, ISIS',
      URL: REPUBLISHED.csl.URL,
      accessed: { 'date-parts': [[2018, 8, 20]] },
      note: 'Originally published by South Front',
    });
  });

  it('puts the first fields a reader looks for first', () => {
    expect(Object.keys(toCslJsonItem(REPUBLISHED)).slice(0, 7)).toEqual([
      'id',
      'type',
      'citation-key',
      'title',
      'author',
      'issued',
      'container-title',
    ]);
  });

  it("uses the library's citation key", () => {
    const item = toCslJsonItem({ ...REPUBLISHED, citekey: 'southfront2018videoa' });
    expect(item.id).toBe('southfront2018videoa');
    expect(item['citation-key']).toBe('southfront2018videoa');
  });

  it('leaves out what is not CSL-JSON, and values of the wrong type', () => {
    const item = toCslJsonItem(
      withCsl({
        quireGaps: ['title'],
        _internal: true,
        parserVersion: 2,
        volume: { not: 'a volume' },
        issue: 7,
        page: '3-4',
        title: ['not', 'a', 'title'],
        'title-short': '  ',
        'container-title': 99,
        editor: 'Smith',
        license: 'CC BY 4.0',
      } as unknown as Partial<CslItem>),
    );
    for (const key of ['quireGaps', '_internal', 'parserVersion', 'volume', 'title', 'editor'])
      expect(item).not.toHaveProperty(key);
    expect(item).not.toHaveProperty('title-short');
    expect(item).not.toHaveProperty('license');
    // A number where CSL wants a string is the same datum written as a string.
    expect(item).toMatchObject({ issue: 7, page: '3-4', 'container-title': '99' });
    expect(item.custom).toEqual({ license: 'CC BY 4.0' });
  });

  it('writes organisations as {literal} and persons with only the CSL name parts', () => {
    const item = toCslJsonItem(
      withCsl({
        author: [
          { literal: '  Médecins Sans Frontières ', family: 'ignored' },
          { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van', extra: 1 },
          { family: ' ', given: '' },
          { given: 'Plato' },
        ] as CslItem['author'],
      }),
    );
    expect(item.author).toEqual([
      { literal: 'Médecins Sans Frontières' },
      { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
      { given: 'Plato' },
    ]);
    expect(toCslJsonItem(withCsl({ author: [] }))).not.toHaveProperty('author');
  });

  it('keeps an original publisher with its original date as CSL data, not in note', () => {
    const dated = toCslJsonItem(
      withCsl({ 'original-publisher': 'South Front', 'original-date': { 'date-parts': [[2018]] } }),
    );
    expect(dated['original-publisher']).toBe('South Front');
    expect(dated).not.toHaveProperty('note');
    const undated = toCslJsonItem({
      ...withCsl({ 'original-publisher': 'The Conversation', note: 'Checked by hand.' }),
      originalSource: null,
    });
    expect(undated).not.toHaveProperty('original-publisher');
    expect(undated.note).toBe('Checked by hand.\nOriginally published by The Conversation');
  });

  it('citeproc (APA) prints the republication note nowhere as "Original work published"', () => {
    const text = new Cite([toCslJsonItem(REPUBLISHED)]).format('bibliography', {
      template: 'apa',
      format: 'text',
    }) as string;
    expect(text).toContain('South Front. (2018, August 15)');
    expect(text).not.toContain('Original work published');
  });

  it('maps types outside CSL to document', () => {
    expect(toCslJsonItem(withCsl({ type: 'webpage-ish' })).type).toBe('document');
  });
});

describe('dates', () => {
  it('keeps possible dates and ranges', () => {
    expect(validDateParts({ 'date-parts': [[2018, 8, 15]] })).toEqual([[2018, 8, 15]]);
    expect(validDateParts({ 'date-parts': [[2017], [2018]] })).toEqual([[2017], [2018]]);
    expect(validDateParts({ raw: '2018-08' })).toEqual([[2018, 8]]);
    expect(validDateParts({ raw: '2017/2018-03' })).toEqual([[2017], [2018, 3]]);
  });

  it('cuts impossible parts: month 13, 31 February, 29 February outside leap years', () => {
    expect(validDateParts({ 'date-parts': [[2018, 13, 1]] })).toEqual([[2018]]);
    expect(validDateParts({ 'date-parts': [[2019, 2, 31]] })).toEqual([[2019, 2]]);
    expect(validDateParts({ 'date-parts': [[2019, 2, 29]] })).toEqual([[2019, 2]]);
    expect(validDateParts({ 'date-parts': [[2000, 2, 29]] })).toEqual([[2000, 2, 29]]);
    expect(validDateParts({ 'date-parts': [[1900, 2, 29]] })).toEqual([[1900, 2]]);
    expect(validDateParts({ 'date-parts': [[2018, 0, 5]] })).toEqual([[2018]]);
    expect(validDateParts({ 'date-parts': [[2018, 4, 31]] })).toEqual([[2018, 4]]);
    expect(validDateParts({ raw: '2018-13-45' })).toEqual([[2018]]);
  });

  it('drops a date with no usable year', () => {
    expect(validDateParts({ 'date-parts': [[Number.NaN]] })).toBeNull();
    expect(validDateParts({ raw: 'sometime' })).toBeNull();
    expect(validDateParts(undefined)).toBeNull();
    const item = toCslJsonItem(withCsl({ issued: { 'date-parts': [[Number.NaN, 1]] } }));
    expect(item).not.toHaveProperty('issued');
  });

  it('passes a non-ISO date with a year through as raw, for citeproc to parse', () => {
    expect(toCslJsonItem(withCsl({ issued: { raw: 'Spring 2018' } })).issued).toEqual({
      raw: 'Spring 2018',
    });
  });
});

describe('items with parts of the wrong type (found by fuzzing, ADR 0017)', () => {
  it('drops a name whose literal is not a string instead of throwing', () => {
    const author = [{ literal: 0 }, { literal: ['x'], family: 'Front', given: 'South' }];
    const item = toCslJsonItem(withCsl({ author } as unknown as Partial<CslItem>));
    expect(item.author).toEqual([{ family: 'Front', given: 'South' }]);
  });

  it('reads a date whose raw is not a string as no date instead of throwing', () => {
    expect(validDateParts({ raw: 2018 } as unknown as CslItem['issued'])).toBeNull();
    const item = toCslJsonItem(
      withCsl({ issued: { raw: { year: 2018 } } } as unknown as Partial<CslItem>),
    );
    expect(item).not.toHaveProperty('issued');
  });
});

describe('toCslJson', () => {
  it('is a pretty-printed array that validates against the CSL-JSON schema', () => {
    const json = toCslJson(TESTING_ARTICLES);
    expect(json.startsWith('[\n  {\n    "id": ')).toBe(true);
    expect(json.endsWith(']\n')).toBe(true);
    const items = expectValid(json);
    expect(items).toHaveLength(TESTING_ARTICLES.length);
    expect(items.find((i) => i.id === toCslJsonItem(ORGANISATION).id)?.author).toEqual([
      { literal: 'Médecins Sans Frontières & Partners' },
    ]);
  });

  it('gives every item a unique id', () => {
    const twin = withCsl({ id: 'another-db-id' });
    const items = expectValid(toCslJson([REPUBLISHED, twin, { ...twin, citekey: 'mine' }]));
    expect(items.map((i) => i.id)).toEqual(['southfront2018video', 'southfront2018videoa', 'mine']);
  });

  it('an empty list is an empty array', () => {
    expect(expectValid(toCslJson([]))).toEqual([]);
  });
});

describe('toCslJson: bad input stays valid CSL-JSON', () => {
  const bad: CitableArticle[] = [
    withCsl({ title: undefined, author: undefined }),
    withCsl({ issued: { 'date-parts': [[2018, 13, 1]] } }),
    withCsl({ issued: { 'date-parts': [[2019, 2, 31]] }, accessed: { raw: 'yesterday' } }),
    withCsl({ title: '50% of $100 & #1_{x}~^\\' }),
    withCsl({
      author: Array.from({ length: 5000 }, (_, i) => ({ family: `F${i}`, given: 'G' })),
    }),
    NON_ASCII,
    CJK,
    { csl: { id: '', type: '' }, originalSource: null, body: [] },
  ];

  it('validates, and keeps titles and names exactly', () => {
    const items = expectValid(toCslJson(bad));
    expect(items[0]).not.toHaveProperty('title');
    expect(items[1]!.issued).toEqual({ 'date-parts': [[2018]] });
    expect(items[2]!.issued).toEqual({ 'date-parts': [[2019, 2]] });
    expect(items[2]).not.toHaveProperty('accessed');
    expect(items[3]!.title).toBe('50% of $100 & #1_{x}~^\\');
    expect(items[4]!.author).toHaveLength(5000);
    expect(items[5]!.author?.map((n) => n.family)).toEqual([
      'Müller',
      'Østergaard',
      'Nowak',
      'Brontë',
    ]);
    expect(items[6]!.author).toEqual([{ family: '王', given: '小明' }]);
    expect(items[7]).toMatchObject({ id: 'anonnd', type: 'document' });
  });
});
