import { describe, expect, it } from 'vitest';
import { capture as parseTextArticle } from '../testing/capture.ts';
import { readFixture } from '../testing/fixtures.ts';

const REFERENCE = readFixture('000_bfa7ac14e5553cb7.txt');

// Shapes of pages other than the reference: partial metadata, navigation, furniture, footers.
describe('pages the parser can only partly read', () => {
  it('saves a page with no title, author or date as body text, inventing nothing', () => {
    const article = parseTextArticle(readFixture('articles/no-metadata.txt'), 'text/plain');
    expect(article.csl.title).toBeUndefined();
    expect(article.csl.author).toBeUndefined();
    expect(article.csl.issued).toBeUndefined();
    expect(article.rights).toEqual([]);
    expect(article.body).toHaveLength(2);
  });

  it('keeps exact offsets with Windows line endings', () => {
    const crlf = REFERENCE.replace(/\n/g, '\r\n');
    const article = parseTextArticle(crlf, 'text/plain');
    expect(article.body).toHaveLength(15);
    expect(article.rights).toHaveLength(4);
    for (const n of article.rights) expect(crlf.slice(n.start, n.end)).toBe(n.text);
  });

  it('keeps a hard-wrapped notice paragraph whole, line breaks included', () => {
    const text = [
      'A Short Title',
      '',
      'By Jane Roe',
      '',
      'The first paragraph of the article says something of substance about the world.',
      '',
      'This site contains copyrighted material the use of which has not always been\nspecifically authorized by the copyright owner, under the provisions of "fair\nuse".',
    ].join('\n');
    const article = parseTextArticle(text, 'text/plain');
    expect(article.rights).toHaveLength(1);
    expect(article.rights[0]!.kind).toBe('fair-use');
    expect(article.rights[0]!.text).toBe(text.slice(text.indexOf('This site')));
    expect(article.body).toHaveLength(1);
  });

  it('reads a Creative Commons licence line as a licence notice', () => {
    const text =
      'Title Here\n\nBy Ann Lee\n\nBody text of the article, long enough to be prose.\n\nThis work is licensed under a Creative Commons Attribution 4.0 International License.';
    const article = parseTextArticle(text, 'text/plain');
    expect(article.rights.map((n) => n.kind)).toEqual(['licence']);
    expect(article.csl.author).toEqual([{ family: 'Lee', given: 'Ann' }]);
  });
});

describe('a print view with two authors, a URL line and an author bio', () => {
  const article = parseTextArticle(
    readFixture('articles/print-view-two-authors.txt'),
    'text/plain',
  );

  it('reads both people, the stated URL and the site', () => {
    expect(article.csl.author).toEqual([
      { family: 'Chossudovsky', given: 'Michel' },
      { family: 'Moret', given: 'Leuren' },
    ]);
    expect(article.csl.URL).toBe('https://www.globalresearch.ca/economic-crisis-deepens/5705184');
    expect(article.csl['container-title']).toBe('Global Research');
    expect(article.csl.issued).toEqual({ 'date-parts': [[2020, 3, 2]] });
  });

  it('keeps only the prose: no share note, heading, bio or image credit', () => {
    expect(article.body.map((p) => p.text.slice(0, 20))).toEqual([
      'The European Central',
      'Economists at the Ba',
      'According to Eurosta',
    ]);
    expect(article.rights.map((n) => n.kind)).toEqual(['republication', 'copyright']);
  });
});

describe('a Markdown blog post', () => {
  const article = parseTextArticle(readFixture('articles/blog-cc-licence.md'), 'text/markdown');

  it('reads the author from "Posted on DATE by NAME"', () => {
    expect(article.csl.author).toEqual([{ family: 'Raman', given: 'Priya' }]);
    expect(article.csl.issued).toEqual({ 'date-parts': [[2022, 5, 12]] });
  });

  it('keeps the licence line as a notice and drops reading time, related links and sign-ups', () => {
    expect(article.rights.map((n) => [n.kind, n.text])).toEqual([
      [
        'licence',
        'This post is licensed under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/).',
      ],
    ]);
    expect(article.body).toHaveLength(3);
    expect(article.body.map((p) => p.text).join(' ')).not.toMatch(/Reading time|Related|Subscribe/);
  });
});

describe('pages that open with navigation', () => {
  it('finds the title after "Skip to content" and a menu, and the author before a date', () => {
    const text = [
      'Skip to content',
      '',
      '[Home](/) | [World](/world) | [Science](/science)',
      '',
      'Menu',
      '',
      'Coral Reefs Recover Faster Than Expected',
      '',
      'By Ana Lima on 15.08.2019',
      '',
      'Reefs in the western Pacific grew back within a decade after the bleaching of 2010.',
    ].join('\n');
    const article = parseTextArticle(text, 'text/plain');
    expect(article.csl.title).toBe('Coral Reefs Recover Faster Than Expected');
    expect(article.csl.author).toEqual([{ family: 'Lima', given: 'Ana' }]);
    expect(article.csl.issued).toEqual({ 'date-parts': [[2019, 8, 15]] });
    expect(article.body.map((p) => p.n)).toEqual([1]);
  });
});

describe('sentences that only look like header lines', () => {
  it('keeps "By the end of …" and a dated sentence as prose', () => {
    const text = [
      'Budget Talks Stall',
      '',
      'By Ann Lee',
      '',
      'By the end of 2018, the committee had met eleven times without agreeing on a budget.',
      '',
      'The vote is on March 3, 2020.',
      '',
      'Members expect a long night.',
    ].join('\n');
    const article = parseTextArticle(text, 'text/plain');
    expect(article.csl.author).toEqual([{ family: 'Lee', given: 'Ann' }]);
    expect(article.body.map((p) => p.text)).toEqual([
      'By the end of 2018, the committee had met eleven times without agreeing on a budget.',
      'The vote is on March 3, 2020.',
      'Members expect a long night.',
    ]);
  });
});

describe('the furniture of a republication site', () => {
  const text = [
    'Sanctions and the Price of Bread',
    '',
    'By [Dr. Gary G. Kohls](#)',
    '',
    'Global Research, September 09, 2020',
    '',
    'Theme: [Poverty & Social Inequality](#)',
    '',
    'The price of bread doubled in Damascus over the winter, according to traders in the old city.',
    '',
    '[![](#)](#)',
    '',
    '(Source: Wikimedia Commons)',
    '',
    'Aid groups say the sanctions reach far beyond the government they were meant to pressure.',
    '',
    '*',
    '',
    'Dr. Gary G. Kohls is a retired physician who practiced holistic mental health care for a decade.',
    '',
    'Support independent media: donate to keep this site going.',
    '',
    'The original source of this article is Global Research',
    'Copyright © [Dr. Gary G. Kohls](#), Global Research, 2020',
  ].join('\n');
  const article = parseTextArticle(text, 'text/plain');

  it('reads the person behind the honorific and middle initial', () => {
    expect(article.csl.author).toEqual([{ family: 'Kohls', given: 'Gary G.' }]);
    expect(article.csl.issued).toEqual({ 'date-parts': [[2020, 9, 9]] });
  });

  it('skips linked images, source captions, the author bio and the appeal', () => {
    expect(article.body.map((p) => p.text.slice(0, 20))).toEqual([
      'The price of bread d',
      'Aid groups say the s',
    ]);
    expect(article.rights.map((n) => n.kind)).toEqual(['republication', 'copyright']);
  });
});

describe('a news page with a standfirst and a source line', () => {
  const text = [
    'Ceasefire Talks Resume in Doha',
    '',
    'Negotiators return after a two-week pause, with prisoner exchanges on the table.',
    '',
    'By [Veterans Today](#)',
    '',
    'Published 08/15/2018',
    '',
    'Talks between the two delegations resumed on Tuesday in the Qatari capital.',
    '',
    'Mediators said the first session lasted six hours.',
    '',
    'Source: [Al Mayadeen](https://example.org/news/123)',
  ].join('\n');
  const article = parseTextArticle(text, 'text/plain');

  it('keeps the standfirst out of the numbered body', () => {
    expect(article.body.map((p) => p.text.slice(0, 12))).toEqual(['Talks betwee', 'Mediators sa']);
  });

  it('reads a month-first numeric date and a publication byline', () => {
    expect(article.csl.issued).toEqual({ 'date-parts': [[2018, 8, 15]] });
    expect(article.csl.author).toEqual([{ literal: 'Veterans Today' }]);
  });

  it('takes the original source from a "Source:" line below the article', () => {
    expect(article.originalSource).toEqual({
      name: 'Al Mayadeen',
      url: 'https://example.org/news/123',
    });
    expect(article.rights.map((n) => n.kind)).toEqual(['republication']);
  });
});

describe('sentences that open with "By"', () => {
  it('are prose, not bylines, in the header and in the body', () => {
    const text = [
      'Talks Collapse',
      '',
      'By Monday, the talks had collapsed.',
      '',
      'Delegates left the hall one by one, and the chair adjourned the session.',
      '',
      'By Friday, nobody expected a deal.',
    ].join('\n');
    const article = parseTextArticle(text, 'text/plain');
    expect(article.csl.author).toBeUndefined();
    expect(article.body).toHaveLength(3);
  });
});

describe('a footer interrupted by an unknown line', () => {
  it('still reads a fair-use notice that follows another notice', () => {
    const text = [
      'A Title',
      '',
      'By Ann Lee',
      '',
      'The article itself, a paragraph of prose with some length to it.',
      '',
      'Disclaimer: The views expressed are the author’s own.',
      '',
      'This site contains copyrighted material used under the "fair use" provisions of the law.',
      '',
      'Our Readers Are Our Lifeline',
    ].join('\n');
    const article = parseTextArticle(text, 'text/plain');
    expect(article.rights.map((n) => n.kind)).toEqual(['disclaimer', 'fair-use']);
    expect(article.body).toHaveLength(1);
  });
});
