import { describe, expect, it } from 'vitest';
import { checkLocator, LocatorError, parseLocator } from './locator.ts';

describe('parseLocator', () => {
  const cases: [string, string, string][] = [
    ['para. 5', 'paragraph', '5'],
    ['par. 5', 'paragraph', '5'],
    ['paragraph 5', 'paragraph', '5'],
    ['Para 5', 'paragraph', '5'],
    ['paras. 5-7', 'paragraph', '5-7'],
    ['¶ 5', 'paragraph', '5'],
    ['¶5', 'paragraph', '5'],
    ['¶¶ 5–6', 'paragraph', '5-6'],
    ['p. 12', 'page', '12'],
    ['p12', 'page', '12'],
    ['pp. 3-4', 'page', '3-4'],
    ['pp. 3 – 4', 'page', '3-4'],
    ['page 12', 'page', '12'],
    ['pages 12, 15', 'page', '12, 15'],
    ['12', 'page', '12'],
    ['3-4', 'page', '3-4'],
    ['p. iv', 'page', 'iv'],
    ['ch. 2', 'chapter', '2'],
    ['chapter 12', 'chapter', '12'],
    ['sec. 4', 'section', '4'],
    ['§ 4', 'section', '4'],
    ['fig. 3', 'figure', '3'],
    ['l. 10', 'line', '10'],
    ['ll. 10-12', 'line', '10-12'],
    ['n. 4', 'note', '4'],
    ['vol. 2', 'volume', '2'],
    ['table 1', 'table', '1'],
    ['1:02:03', 'timestamp', '1:02:03'],
    ['12:30', 'timestamp', '12:30'],
    ['s.v. democracy', 'sub-verbo', 'democracy'],
  ];
  it.each(cases)('%s -> %s %s', (input, label, value) => {
    expect(parseLocator(input)).toEqual({ label, value });
  });

  it.each(['', '   ', 'foo', 'para.', 'p.', 'line of sight', 'n. the beginning', 'chapter two'])(
    'returns null for %j',
    (input) => {
      expect(parseLocator(input)).toBeNull();
    },
  );
});

describe('checkLocator', () => {
  it('accepts paragraphs the article has, single, ranges and lists', () => {
    expect(checkLocator('para. 5', 15)).toEqual({ label: 'paragraph', value: '5' });
    expect(checkLocator('¶ 15', 15)).toEqual({ label: 'paragraph', value: '15' });
    expect(checkLocator('paras. 4–5', 15)).toEqual({ label: 'paragraph', value: '4-5' });
    expect(checkLocator('paras. 3, 7', 15)).toEqual({ label: 'paragraph', value: '3, 7' });
    expect(checkLocator('  ', 15)).toBeNull();
  });

  it('takes pages and sections as typed, but not backwards ranges', () => {
    expect(checkLocator('p. 250', 3)).toEqual({ label: 'page', value: '250' });
    expect(checkLocator('sec. 2', 3)).toEqual({ label: 'section', value: '2' });
    expect(() => checkLocator('pp. 9-3', 3)).toThrow('The range 9-3 runs backwards: write 3-9');
  });

  it.each([
    ['abc', 15, '"abc" is not a locator'],
    ['Figure caption', 15, '"Figure caption" is not a locator'],
    ['para. 99', 15, 'Paragraph 99 does not exist: this article has paragraphs 1 to 15'],
    ['para. 0', 15, 'Paragraph 0 does not exist'],
    ['paras. 14-16', 15, 'Paragraph 16 does not exist'],
    ['paras. 6-4', 15, 'The range 6-4 runs backwards: write 4-6'],
    ['para. iv', 15, '"iv" is not a paragraph number'],
    ['para. 1', 0, 'This article has no numbered paragraphs'],
  ])('refuses %j (article of %i paragraphs)', (input, paragraphs, message) => {
    expect(() => checkLocator(input, paragraphs)).toThrow(LocatorError);
    expect(() => checkLocator(input, paragraphs)).toThrow(message);
  });
});
