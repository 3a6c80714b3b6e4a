import { describe, expect, it } from 'vitest';
import { formatIssued, formatNames } from './summary.ts';

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
