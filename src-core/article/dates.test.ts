import { describe, expect, it } from 'vitest';
import { findDate, parseDateValue } from './dates.ts';
import { readDateline } from './rules/dateline.ts';

describe('findDate', () => {
  it.each([
    ['Global Research, August 15, 2018', [2018, 8, 15]],
    ['March 02, 2020', [2020, 3, 2]],
    ['Published 3rd of March, 2021', [2021, 3, 3]],
    ['Sept. 9, 2019 at 10:00 am', [2019, 9, 9]],
    ['2023-07-04T10:00:00Z', [2023, 7, 4]],
    ['2021/11/30', [2021, 11, 30]],
    ['Winter issue, January 2020', [2020, 1]],
  ])('%s', (text, parts) => {
    expect(findDate(text)?.parts).toEqual(parts);
  });

  it('refuses impossible dates', () => {
    expect(findDate('February 30, 2020')).toBeNull();
    expect(findDate('2020-13-01')).toBeNull();
  });
});

describe('parseDateValue', () => {
  it('reads what a researcher types in the editor', () => {
    expect(parseDateValue('2018-08-15')).toEqual([2018, 8, 15]);
    expect(parseDateValue('2018-08')).toEqual([2018, 8]);
    expect(parseDateValue('2018')).toEqual([2018]);
    expect(parseDateValue('15 August 2018')).toEqual([2018, 8, 15]);
    expect(parseDateValue('next Tuesday')).toBeNull();
  });
});

describe('readDateline', () => {
  it('reads the site consulted before the date', () => {
    expect(readDateline('Global Research, August 15, 2018')).toMatchObject({
      site: 'Global Research',
      updated: false,
    });
  });

  it('prefers the publication date over the update', () => {
    const line = readDateline('Updated: 5 March 2021 | Published: 3 March 2021');
    expect(line?.date.parts).toEqual([2021, 3, 3]);
    expect(line?.site).toBeNull();
  });

  it('is not a dateline when the date sits inside a sentence', () => {
    expect(
      readDateline(
        'On August 1, 2018 the movement carried out a large-scale operation against the group in the province.',
      ),
    ).toBeNull();
  });
});

describe('numeric dates with slashes', () => {
  it('reads month first unless the first part cannot be a month', () => {
    expect(findDate('08/15/2018')?.parts).toEqual([2018, 8, 15]);
    expect(findDate('15/08/2018')?.parts).toEqual([2018, 8, 15]);
  });
});

describe('numeric dates that could be read two ways', () => {
  it('flags 03/04/2021 as ambiguous and 13/04/2021 or 2021-03-04 as not', () => {
    expect(findDate('Posted 03/04/2021')?.ambiguous).toBe(true);
    expect(findDate('Posted 13/04/2021')?.ambiguous).toBeUndefined();
    expect(findDate('Posted 2021-03-04')?.ambiguous).toBeUndefined();
    expect(findDate('Posted 04/04/2021')?.ambiguous).toBeUndefined();
  });
});
