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

/**
 * The CSL-JSON schema (citation-style-language/schema, schemas/input/csl-data.json at e3ce254,
 * 2023-01-25, MIT licence), written as its variable lists; the definitions are copied as they are.
 */
const STRING_VARIABLES = ['citation-key', 'language', 'journalAbbreviation', 'shortTitle', 'abstract', 'annote', 'archive', 'archive_collection', 'archive_location', 'archive-place', 'authority', 'call-number', 'citation-label', 'collection-title', 'container-title', 'container-title-short', 'dimensions', 'division', 'DOI', 'event', 'event-title', 'event-place', 'genre', 'ISBN', 'ISSN', 'jurisdiction', 'keyword', 'medium', 'note', 'original-publisher', 'original-publisher-place', 'original-title', 'part-title', 'PMCID', 'PMID', 'publisher', 'publisher-place', 'references', 'reviewed-genre', 'reviewed-title', 'scale', 'section', 'source', 'status', 'title', 'title-short', 'URL', 'version', 'volume-title', 'volume-title-short', 'year-suffix']; // prettier-ignore
const STRING_OR_NUMBER_VARIABLES = ['id', 'chapter-number', 'citation-number', 'collection-number', 'edition', 'first-reference-note-number', 'issue', 'locator', 'number', 'number-of-pages', 'number-of-volumes', 'page', 'page-first', 'part', 'printing', 'supplement', 'volume']; // prettier-ignore
const NAME_VARIABLES = ['author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator', 'director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'interviewer', 'illustrator', 'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author', 'script-writer', 'series-creator', 'translator']; // prettier-ignore
const DATE_VARIABLES = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted']; // prettier-ignore
const TYPES = ['article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage']; // prettier-ignore

const CSL_DATA_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'array',
  items: {
    type: 'object',
    properties: {
      type: { type: 'string', enum: TYPES },
      categories: { type: 'array', items: { type: 'string' } },
      custom: { type: 'object' },
      ...Object.fromEntries(STRING_VARIABLES.map((v) => [v, { type: 'string' }])),
      ...Object.fromEntries(STRING_OR_NUMBER_VARIABLES.map((v) => [v, { type: ['string', 'number'] }])), // prettier-ignore
      ...Object.fromEntries(NAME_VARIABLES.map((v) => [v, { type: 'array', items: { $ref: '#/definitions/name-variable' } }])), // prettier-ignore
      ...Object.fromEntries(DATE_VARIABLES.map((v) => [v, { $ref: '#/definitions/date-variable' }])), // prettier-ignore
    },
    required: ['type', 'id'],
    additionalProperties: false,
  },
  definitions: {
    'name-variable': {"anyOf": [{"type": "object", "properties": {"family": {"type": "string"}, "given": {"type": "string"}, "dropping-particle": {"type": "string"}, "non-dropping-particle": {"type": "string"}, "suffix": {"type": "string"}, "comma-suffix": {"type": ["string", "number", "boolean"]}, "static-ordering": {"type": ["string", "number", "boolean"]}, "literal": {"type": "string"}, "parse-names": {"type": ["string", "number", "boolean"]}}, "additionalProperties": false}]}, // prettier-ignore
    'date-variable': {"anyOf": [{"type": "object", "properties": {"date-parts": {"type": "array", "items": {"type": "array", "items": {"type": ["string", "number"]}, "minItems": 1, "maxItems": 3}, "minItems": 1, "maxItems": 2}, "season": {"type": ["string", "number"]}, "circa": {"type": ["string", "number", "boolean"]}, "literal": {"type": "string"}, "raw": {"type": "string"}}, "additionalProperties": false}]}, // prettier-ignore
  },
};

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
