import { describe, expect, it } from 'vitest';
import { emptyAuthor, parseDate, validateDraft, type MetadataDraft } from './draft.ts';

const blank: MetadataDraft = {
  title: '',
  authors: [],
  date: '',
  site: '',
  sourceName: '',
  sourceUrl: '',
  url: '',
};

describe('parseDate', () => {
  it('reads YYYY-MM-DD, YYYY-MM and YYYY into CSL date parts', () => {
    expect(parseDate('2018-08-15')).toEqual({ 'date-parts': [[2018, 8, 15]] });
    expect(parseDate(' 2018-08 ')).toEqual({ 'date-parts': [[2018, 8]] });
    expect(parseDate('2018')).toEqual({ 'date-parts': [[2018]] });
  });

  it('treats an empty field as "no date"', () => {
    expect(parseDate('  ')).toBeNull();
  });

  it('explains other formats and impossible dates', () => {
    expect(parseDate('15 August 2018')).toMatch(/YYYY-MM-DD/);
    expect(parseDate('2018-13')).toMatch(/month/);
    expect(parseDate('2019-02-29')).toBe('That month has no day 29.');
    expect(parseDate('2020-02-29')).toEqual({ 'date-parts': [[2020, 2, 29]] });
  });
});

describe('validateDraft', () => {
  it('builds a trimmed patch with people and organisations', () => {
    const person = { ...emptyAuthor('person'), family: ' Doe ', given: 'Jane' };
    const org = { ...emptyAuthor('organisation'), literal: 'South Front' };
    const draft = { ...blank, title: ' A title ', authors: [person, org], date: '2021-03-04' };
    const { errors, patch } = validateDraft(draft, blank);
    expect(errors).toEqual({});
    expect(patch).toEqual({
      title: 'A title',
      author: [{ family: 'Doe', given: 'Jane' }, { literal: 'South Front' }],
      issued: { 'date-parts': [[2021, 3, 4]] },
      containerTitle: '',
      url: '',
      originalSource: null,
    });
  });

  it('keeps name particles the form does not show', () => {
    const author = { ...emptyAuthor('person'), family: 'Beethoven', given: 'Ludwig' };
    author.rest = { 'non-dropping-particle': 'van' };
    const { patch } = validateDraft({ ...blank, authors: [author] }, blank);
    expect(patch?.author).toEqual([
      { 'non-dropping-particle': 'van', family: 'Beethoven', given: 'Ludwig' },
    ]);
  });

  it('leaves an untouched free-text date alone', () => {
    const initial = { ...blank, date: 'Summer 2018' };
    const { errors, patch } = validateDraft({ ...initial, title: 'New' }, initial);
    expect(errors).toEqual({});
    expect(patch).not.toHaveProperty('issued');
  });

  it('reports every problem at once and builds no patch', () => {
    const person = { ...emptyAuthor('person'), given: 'Jane' };
    const draft = {
      ...blank,
      authors: [person],
      date: 'soon',
      url: 'javascript:alert(1)',
      sourceUrl: 'https://southfront.org/',
    };
    const { errors, patch } = validateDraft(draft, blank);
    expect(patch).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(
      [`author-${person.key}`, 'date', 'sourceName', 'url'].sort(),
    );
  });
});
