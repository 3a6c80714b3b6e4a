import type { CslName } from '../article/model.ts';

/**
 * The one table of inputs every entry point must agree on (ADR 0018): the core checks, the
 * metadata editor, the database write path, IPC, the CLI and the importer each run the cases
 * of the fields they take, so no copy of a rule can drift from the others unnoticed.
 */
export type ValidationCase =
  | { field: 'url'; input: string; accept: boolean; reason: string }
  | { field: 'title'; input: string; accept: boolean; reason: string }
  | {
      field: 'date';
      /** As typed in the editor. */
      input: string;
      /** The same date as CSL date-parts, for entry points that take parts; absent when the text has no such form. */
      parts?: readonly number[];
      accept: boolean;
      reason: string;
    }
  | { field: 'author'; input: CslName; accept: boolean; reason: string };

const long = (n: number): string => 'x'.repeat(n);

export const VALIDATION_CASES: readonly ValidationCase[] = [
  // URLs
  {
    field: 'url',
    input: 'https://example.org/a?b=c#d',
    accept: true,
    reason: 'https with path, query and fragment',
  },
  { field: 'url', input: 'http://example.org', accept: true, reason: 'plain http' },
  {
    field: 'url',
    input: 'HTTPS://Example.ORG/Path',
    accept: true,
    reason: 'scheme and host case do not matter',
  },
  {
    field: 'url',
    input: '  https://example.org/padded  ',
    accept: true,
    reason: 'surrounding spaces are ignored',
  },
  {
    field: 'url',
    input: 'https://doi.org/10.1000/182',
    accept: true,
    reason: 'a DOI resolver link',
  },
  {
    field: 'url',
    input: `https://example.org/${long(8000)}`,
    accept: true,
    reason: 'long but under 8 KiB',
  },
  { field: 'url', input: `https://example.org/${long(8200)}`, accept: false, reason: 'over 8 KiB' },
  {
    field: 'url',
    input: 'https://user:secret@example.org/',
    accept: false,
    reason: 'a user name and password',
  },
  {
    field: 'url',
    input: 'https://trusted.example@evil.example/',
    accept: false,
    reason: 'a user name that disguises the host',
  },
  { field: 'url', input: 'file:///etc/passwd', accept: false, reason: 'file: scheme' },
  { field: 'url', input: 'javascript:alert(1)', accept: false, reason: 'javascript: scheme' },
  { field: 'url', input: 'data:text/html,<p>x</p>', accept: false, reason: 'data: scheme' },
  { field: 'url', input: 'ftp://example.org/file', accept: false, reason: 'ftp: scheme' },
  { field: 'url', input: 'mailto:someone@example.org', accept: false, reason: 'mailto: scheme' },
  { field: 'url', input: 'example.org/page', accept: false, reason: 'no scheme' },
  { field: 'url', input: 'not a url', accept: false, reason: 'not an address' },
  { field: 'url', input: 'https://', accept: false, reason: 'no host' },
  {
    field: 'url',
    input: 'https://exa\nmple.org/',
    accept: false,
    reason: 'a newline inside (the parser would drop it)',
  },
  { field: 'url', input: 'https://example.org/\u0000', accept: false, reason: 'a NUL character' },

  // Titles
  { field: 'title', input: 'On the Origin of Species', accept: true, reason: 'an ordinary title' },
  { field: 'title', input: '  Padded  ', accept: true, reason: 'surrounding spaces are trimmed' },
  {
    field: 'title',
    input: 'Ça, c’est « français » — 日本語',
    accept: true,
    reason: 'any script and punctuation',
  },
  { field: 'title', input: long(1000), accept: true, reason: 'exactly 1000 characters' },
  { field: 'title', input: long(1001), accept: false, reason: 'over 1000 characters' },
  { field: 'title', input: '   ', accept: false, reason: 'only spaces' },
  { field: 'title', input: 'Line one\nline two', accept: false, reason: 'a line break' },
  { field: 'title', input: 'Tab\tinside', accept: false, reason: 'a tab' },
  { field: 'title', input: 'Bell\u0007', accept: false, reason: 'a control character' },

  // Dates
  { field: 'date', input: '2018-08-15', parts: [2018, 8, 15], accept: true, reason: 'a full date' },
  { field: 'date', input: '2018-08', parts: [2018, 8], accept: true, reason: 'year and month' },
  { field: 'date', input: '2018', parts: [2018], accept: true, reason: 'a year' },
  {
    field: 'date',
    input: ' 2018-08-15 ',
    parts: [2018, 8, 15],
    accept: true,
    reason: 'surrounding spaces are ignored',
  },
  {
    field: 'date',
    input: '2024-02-29',
    parts: [2024, 2, 29],
    accept: true,
    reason: '29 February in a leap year',
  },
  {
    field: 'date',
    input: '2000-02-29',
    parts: [2000, 2, 29],
    accept: true,
    reason: '29 February in a year divisible by 400',
  },
  {
    field: 'date',
    input: '2023-02-29',
    parts: [2023, 2, 29],
    accept: false,
    reason: '29 February in a common year',
  },
  {
    field: 'date',
    input: '1900-02-29',
    parts: [1900, 2, 29],
    accept: false,
    reason: '1900 was not a leap year',
  },
  {
    field: 'date',
    input: '2023-02-31',
    parts: [2023, 2, 31],
    accept: false,
    reason: '31 February',
  },
  { field: 'date', input: '2023-04-31', parts: [2023, 4, 31], accept: false, reason: '31 April' },
  {
    field: 'date',
    input: '2023-12-31',
    parts: [2023, 12, 31],
    accept: true,
    reason: '31 December',
  },
  { field: 'date', input: '2023-13', parts: [2023, 13], accept: false, reason: 'month 13' },
  { field: 'date', input: '2023-00-10', parts: [2023, 0, 10], accept: false, reason: 'month 0' },
  { field: 'date', input: '2023-01-00', parts: [2023, 1, 0], accept: false, reason: 'day 0' },
  { field: 'date', input: '0000', parts: [0], accept: false, reason: 'year 0' },
  { field: 'date', input: '2018/08/15', accept: false, reason: 'slashes instead of dashes' },
  { field: 'date', input: '15-08-2018', accept: false, reason: 'day first' },
  { field: 'date', input: '2018-8-5', accept: false, reason: 'month and day need two digits' },
  {
    field: 'date',
    input: 'August 2018',
    accept: false,
    reason: 'words (import keeps such text as a raw date, the editor does not take it)',
  },

  // Authors
  {
    field: 'author',
    input: { family: 'Darwin', given: 'Charles' },
    accept: true,
    reason: 'a person',
  },
  { field: 'author', input: { family: 'Plato' }, accept: true, reason: 'a family name alone' },
  {
    field: 'author',
    input: { literal: 'World Health Organization' },
    accept: true,
    reason: 'an organisation',
  },
  {
    field: 'author',
    input: { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
    accept: true,
    reason: 'a person with a particle',
  },
  {
    field: 'author',
    input: { family: ` ${long(300)} ` },
    accept: true,
    reason: 'a 300-character family name',
  },
  {
    field: 'author',
    input: { given: 'Charles' },
    accept: false,
    reason: 'a given name without a family name',
  },
  {
    field: 'author',
    input: { family: '  ', given: '' },
    accept: false,
    reason: 'nothing but spaces',
  },
  {
    field: 'author',
    input: { family: long(301) },
    accept: false,
    reason: 'a family name over 300 characters',
  },
  {
    field: 'author',
    input: { family: 'Darwin\nCharles' },
    accept: false,
    reason: 'a line break in a name',
  },
  {
    field: 'author',
    input: { literal: 'ACME', family: 'Smith' },
    accept: false,
    reason: 'both an organisation and a person',
  },
];

export const casesFor = <F extends ValidationCase['field']>(field: F) =>
  VALIDATION_CASES.filter((c): c is Extract<ValidationCase, { field: F }> => c.field === field);
