import { describe, expect, it } from 'vitest';
import { parseLocator } from './locator.ts';

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
