import { describe, expect, it } from 'vitest';
import { numericOrder, otherReading, parseStatedDate } from './stated-date.ts';

const parts = (value: string, lang: string | null = null) =>
  parseStatedDate(value, lang, 'test')?.parts ?? null;

describe('parseStatedDate: timestamps keep the page’s own calendar day', () => {
  it.each([
    ['2021-03-04T23:50:00-05:00', [2021, 3, 4]],
    ['2021-03-04T23:50:00Z', [2021, 3, 4]],
    ['2021-03-04T00:10:00+09:00', [2021, 3, 4]],
    ['2021-03-04T23:59:59.999+14:00', [2021, 3, 4]],
    ['2021-03-04 23:50:00', [2021, 3, 4]],
    ['2021-03-04+01:00', [2021, 3, 4]],
    ['Thu, 04 Mar 2021 23:00:00 -0800', [2021, 3, 4]],
    ['Thu Mar 04 2021 23:30:00 GMT-1100 (Samoa Standard Time)', [2021, 3, 4]],
  ])('%s → %j', (value, expected) => {
    expect(parts(value)).toEqual(expected);
  });
});

describe('parseStatedDate: the formats pages use', () => {
  it.each([
    ['2021-03-04', [2021, 3, 4]],
    ['2021-3-4', [2021, 3, 4]],
    ['20210304', [2021, 3, 4]],
    ['20210304T101500Z', [2021, 3, 4]],
    ['2021-03', [2021, 3]],
    ['2021', [2021]],
    ['2021/03/04', [2021, 3, 4]],
    ['2021/03', [2021, 3]],
    ['2021.03.04', [2021, 3, 4]],
    ['Thu, 04 Mar 2021 10:00:00 GMT', [2021, 3, 4]],
    ['March 4, 2021', [2021, 3, 4]],
    ['Mar. 4, 2021, 10:15 AM EST', [2021, 3, 4]],
    ['4 March 2021', [2021, 3, 4]],
    ['4th March 2021', [2021, 3, 4]],
    ['the 4th of March, 2021', [2021, 3, 4]],
    ['Published on March 4th, 2021', [2021, 3, 4]],
    ['March 2021', [2021, 3]],
    ['2021 March 4', [2021, 3, 4]],
    ['4. März 2021', [2021, 3, 4]],
    ['4 mars 2021', [2021, 3, 4]],
    ['1er mars 2021', [2021, 3, 1]],
    ['4 de marzo de 2021', [2021, 3, 4]],
    ['2021年3月4日', [2021, 3, 4]],
  ])('%s → %j', (value, expected) => {
    expect(parts(value)).toEqual(expected);
  });

  it('records where the date came from and is not ambiguous for unambiguous forms', () => {
    expect(parseStatedDate('2021-03-04', null, 'json-ld datePublished')).toEqual({
      parts: [2021, 3, 4],
      ambiguous: false,
      from: 'json-ld datePublished',
    });
  });
});

describe('parseStatedDate: numeric dates are read in the page’s language', () => {
  it('en-GB and other non-US English read day first', () => {
    expect(parseStatedDate('03/04/2021', 'en-GB', 'x')).toMatchObject({
      parts: [2021, 4, 3],
      ambiguous: false,
    });
    expect(parts('03/04/2021', 'en-AU')).toEqual([2021, 4, 3]);
    expect(parts('03/04/2021', 'en_IN')).toEqual([2021, 4, 3]);
  });

  it('en-US reads month first', () => {
    expect(parseStatedDate('03/04/2021', 'en-US', 'x')).toMatchObject({
      parts: [2021, 3, 4],
      ambiguous: false,
    });
  });

  it('most European languages read day first', () => {
    for (const lang of ['fr', 'de-DE', 'es', 'it-IT', 'pt-BR', 'nl', 'pl', 'ru', 'sv'])
      expect(parts('03/04/2021', lang)).toEqual([2021, 4, 3]);
  });

  it('an unknown language leaves a both-≤12 date ambiguous, read month first', () => {
    for (const lang of [null, 'en', 'en-CA', 'ja', 'xx']) {
      expect(parseStatedDate('03/04/2021', lang, 'x')).toMatchObject({
        parts: [2021, 3, 4],
        ambiguous: true,
      });
    }
    expect(otherReading(parseStatedDate('03/04/2021', null, 'x')!)).toEqual([2021, 4, 3]);
  });

  it('reads an unambiguous numeric date without the flag, whatever the language', () => {
    expect(parseStatedDate('13/04/2021', null, 'x')).toMatchObject({
      parts: [2021, 4, 13],
      ambiguous: false,
    });
    expect(parseStatedDate('04/13/2021', 'en-GB', 'x')).toMatchObject({
      parts: [2021, 4, 13],
      ambiguous: false,
    });
    expect(parseStatedDate('04/04/2021', null, 'x')).toMatchObject({ ambiguous: false });
  });

  it('dotted dates are day first unless the page is US English', () => {
    expect(parseStatedDate('04.03.2021', null, 'x')).toMatchObject({
      parts: [2021, 3, 4],
      ambiguous: false,
    });
    expect(parts('04.03.2021', 'en-US')).toEqual([2021, 4, 3]);
  });

  it('dashes and times after the date are read the same way', () => {
    expect(parts('03-04-2021 10:00', 'en-GB')).toEqual([2021, 4, 3]);
  });
});

describe('parseStatedDate: rejects what is not a date', () => {
  it.each([
    '2021-02-31',
    '2021-02-29',
    '31/02/2021',
    'February 30, 2020',
    '2021-13-01',
    '2021-00-10',
    '0000-00-00',
    '13/13/2021',
    '',
    '   ',
    'yesterday',
    'not a date',
    '1614870000',
    '03/04/21',
    '2021-03-04-05',
  ])('%j', (value) => {
    expect(parseStatedDate(value, null, 'x')).toBeNull();
  });

  it('accepts 29 February in a leap year', () => {
    expect(parts('2020-02-29')).toEqual([2020, 2, 29]);
  });

  it('reads only the start of a very long value', () => {
    expect(parts(`2021-03-04 ${'x'.repeat(1_000_000)}`)).toEqual([2021, 3, 4]);
    expect(parts('9'.repeat(1_000_000))).toBeNull();
    expect(parts(`${' 1'.repeat(500_000)}`)).toBeNull();
  });
});

describe('numericOrder', () => {
  it.each([
    ['en-US', 'month-first'],
    ['en-us', 'month-first'],
    ['en-PH', 'month-first'],
    ['en-GB', 'day-first'],
    ['en-IE', 'day-first'],
    ['en-NZ', 'day-first'],
    ['de', 'day-first'],
    ['fr-CA', 'day-first'],
    ['en', null],
    ['en-CA', null],
    ['zh-CN', null],
    [null, null],
    ['', null],
  ] as const)('%s → %s', (lang, order) => {
    expect(numericOrder(lang)).toBe(order);
  });
});
