import { describe, expect, it } from 'vitest';
import type { CslItem } from '../article/model.ts';
import { CSL_RESOURCES } from '../testing/fixtures.ts';
import { createCitationEngine, type CitableArticle } from './index.ts';

// The rules the manuals state that depend on the data rather than the style file: an author who
// is also the site, short titles for authorless works, long author lists, month abbreviations,
// pages with no date or no access date.

const engine = createCitationEngine(CSL_RESOURCES);

const CDC_URL = 'https://www.cdc.gov/coronavirus/2019-ncov/prevent-getting-sick/prevention.html';
const cdc = (csl: Partial<CslItem> = {}): CitableArticle => ({
  csl: {
    id: 'cdc',
    type: 'webpage',
    title: 'Coronavirus Disease 2019 (COVID-19): How to Protect Yourself and Others',
    author: [{ literal: 'Centers for Disease Control and Prevention' }],
    'container-title': 'Centers for Disease Control and Prevention',
    issued: { 'date-parts': [[2020, 9, 11]] },
    URL: CDC_URL,
    ...csl,
  },
  originalSource: null,
  body: Array.from({ length: 8 }, () => ({
    text: 'The Centers for Disease Control and Prevention advises washing hands against COVID-19.',
  })),
});

describe('an organisation that is both author and site', () => {
  it('APA leaves out the site name (APA 7 9.16)', () => {
    expect(engine.reference(cdc(), 'apa')).toBe(
      `Centers for Disease Control and Prevention. (2020, September 11). Coronavirus disease 2019 (COVID-19): How to protect yourself and others. ${CDC_URL}`,
    );
  });

  it('MLA starts with the title and keeps the organisation as the site (MLA 9 2.1.3)', () => {
    expect(engine.reference(cdc(), 'mla')).toBe(
      '“Coronavirus Disease 2019 (COVID-19): How to Protect Yourself and Others.” Centers for Disease Control and Prevention, 11 Sept. 2020, www.cdc.gov/coronavirus/2019-ncov/prevent-getting-sick/prevention.html.',
    );
    expect(engine.inText(cdc(), 'mla', { locator: 'para. 2' })).toBe(
      '(“Coronavirus Disease 2019 (COVID-19),” par. 2)',
    );
  });

  it('names compare without case, a leading "The" or punctuation', () => {
    const guardian = cdc({
      author: [{ literal: 'The Guardian' }],
      'container-title': 'guardian',
    });
    expect(engine.reference(guardian, 'apa')).not.toContain('. guardian.');
    const different = cdc({ 'container-title': 'CDC Newsroom' });
    expect(engine.reference(different, 'apa')).toContain('CDC Newsroom');
    expect(engine.reference(different, 'mla')).toMatch(/^Centers for Disease Control/u);
  });
});

describe('works without an author or a date', () => {
  const anonymous = cdc({ author: undefined, issued: undefined });

  it('APA: the title moves to the author position, "n.d.", and the short title in the text', () => {
    expect(engine.reference(anonymous, 'apa')).toBe(
      `Coronavirus disease 2019 (COVID-19): How to protect yourself and others. (n.d.). Centers for Disease Control and Prevention. ${CDC_URL}`,
    );
    expect(engine.inText(anonymous, 'apa', { locator: 'para. 3' })).toBe(
      '(Coronavirus Disease 2019 (COVID-19), n.d., para. 3)',
    );
  });

  it('APA prints "Retrieved … from" only with a retrieval date', () => {
    expect(engine.reference(anonymous, 'apa')).not.toContain('Retrieved');
    const accessed = cdc({
      author: undefined,
      issued: undefined,
      accessed: { 'date-parts': [[2024, 2, 1]] },
    });
    expect(engine.reference(accessed, 'apa')).toContain(
      `Retrieved February 1, 2024, from ${CDC_URL}`,
    );
  });

  it('MLA leaves the date out and cites by short title', () => {
    expect(engine.reference(anonymous, 'mla')).toBe(
      '“Coronavirus Disease 2019 (COVID-19): How to Protect Yourself and Others.” Centers for Disease Control and Prevention, www.cdc.gov/coronavirus/2019-ncov/prevent-getting-sick/prevention.html.',
    );
  });

  it('Chicago shortened notes cite the short title without its article', () => {
    const article = cdc({ title: 'The Double Helix: A Personal Account of the Discovery' });
    expect(engine.inText(article, 'chicago-shortened-notes', { locator: 'para. 2' })).toBe(
      'Centers for Disease Control and Prevention, “Double Helix,” para. 2.',
    );
  });
});

describe('long author lists', () => {
  const people = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ family: `Author${i + 1}`, given: 'Ann' }));

  it('APA lists 20 authors, then an ellipsis and the last (APA 7 9.8)', () => {
    const ref = engine.reference(cdc({ author: people(25) }), 'apa');
    expect(ref).toMatch(/^Author1, A\., Author2, A\., /u);
    expect(ref).toContain('Author19, A., … Author25, A. (2020');
    expect(ref).not.toContain('Author20,');
  });

  it('MLA uses "et al." from three authors; two are joined with "and"', () => {
    expect(engine.reference(cdc({ author: people(3) }), 'mla')).toMatch(
      /^Author1, Ann, et al\. “/u,
    );
    expect(engine.reference(cdc({ author: people(2) }), 'mla')).toMatch(
      /^Author1, Ann, and Ann Author2\. “/u,
    );
    expect(engine.inText(cdc({ author: people(3) }), 'mla')).toBe('(Author1 et al.)');
  });

  it('5,000 authors render in every style', () => {
    const article = cdc({ author: people(5000) });
    for (const { id } of engine.styles()) {
      expect(engine.reference(article, id).length, id).toBeGreaterThan(50);
      expect(engine.inText(article, id), id).not.toBe('');
    }
  });
});

describe('dates', () => {
  it.each([
    [5, '11 May 2020'],
    [6, '11 June 2020'],
    [7, '11 July 2020'],
    [9, '11 Sept. 2020'],
    [12, '11 Dec. 2020'],
  ])('MLA abbreviates month %i as the handbook does', (month, date) => {
    expect(
      engine.reference(cdc({ issued: { 'date-parts': [[2020, month, 11]] } }), 'mla'),
    ).toContain(`, ${date}, `);
  });
});

describe('impossible dates', () => {
  it('keep only the parts that can exist, in every style', () => {
    const month13 = cdc({ issued: { 'date-parts': [[2020, 13, 45]] } });
    expect(engine.reference(month13, 'apa')).toContain(
      'Centers for Disease Control and Prevention. (2020).',
    );
    const feb31 = cdc({ issued: { 'date-parts': [[2020, 2, 31]] } });
    expect(engine.reference(feb31, 'mla')).toContain(', Feb. 2020, ');
    const noYear = cdc({ issued: { 'date-parts': [['x' as unknown as number]] } });
    expect(engine.reference(noYear, 'apa')).toContain('(n.d.)');
    for (const { id } of engine.styles()) {
      expect(engine.reference(month13, id), id).not.toMatch(/Spring|45/u);
    }
  });
});

describe('every shipped style', () => {
  it.each([
    ['apa', /^Centers for Disease Control and Prevention\. \(2020, September 11\)\./u],
    [
      'chicago-author-date',
      /^Centers for Disease Control and Prevention\. 2020\. “Coronavirus Disease 2019/u,
    ],
    ['chicago-notes', /^Centers for Disease Control and Prevention\. “Coronavirus Disease 2019/u],
    ['harvard', /^Centers for Disease Control and Prevention \(2020\) Coronavirus disease 2019/u],
    ['ieee', /^\[1\] Centers for Disease Control and Prevention, “Coronavirus disease 2019/u],
    ['vancouver', /^1\. Centers for Disease Control and Prevention\./u],
  ])('%s', (style, expected) => {
    expect(engine.reference(cdc(), style)).toMatch(expected);
  });
});

describe('notes and other languages', () => {
  it('a note that starts with a name particle starts with a capital (CMOS 18 8.5)', () => {
    const article = cdc({
      title: 'Why Dutch cities are removing thousands of parking spaces',
      author: [{ given: 'Anouk', 'non-dropping-particle': 'van der', family: 'Berg' }],
      'container-title': 'DutchNews.nl',
    });
    expect(engine.inText(article, 'chicago-shortened-notes')).toBe(
      'Van der Berg, “Why Dutch Cities Are Removing.”',
    );
    // In the reference list the name is sorted and written as the style says.
    expect(engine.reference(article, 'chicago-notes')).toMatch(/^Berg, Anouk van der\. /u);
  });

  it('a title in another language keeps its own capitals in every style', () => {
    const article = cdc({
      title: 'Warum die Energiewende in Bayern stockt',
      author: [{ given: 'Jana', family: 'Köhler' }],
      'container-title': 'Die Zeit',
      language: 'de',
    });
    for (const { id } of engine.styles()) {
      expect(engine.reference(article, id), id).toContain(
        'Warum die Energiewende in Bayern stockt',
      );
    }
  });
});
