import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ParsedArticle } from '../article/model.ts';
import { createCitationEngine } from '../citation/index.ts';
import { importArticle } from '../import/import-article.ts';
import { CSL_RESOURCES, nodeSha256, readFixtureBytes, sha256Hex } from '../testing/fixtures.ts';
import { buildExcerpt, buildExcerptSource, ExcerptError } from './build.ts';
import { displayText, MAX_QUOTE_LENGTH } from './display-text.ts';

const engine = createCitationEngine(CSL_RESOURCES);
const QUOTE = 'the central government controls only about 56-57% of Afghanistan';
const FILE = '000_bfa7ac14e5553cb7.txt';
const options = { style: 'apa', sha256: nodeSha256, sourceId: FILE };

let article: ParsedArticle;
beforeAll(async () => {
  article = await importArticle(readFixtureBytes(FILE), { fileName: FILE }, { sha256: nodeSha256 });
});

/** The display-text range of `text` within paragraph n (1-based). */
function rangeIn(n: number, text: string): { start: number; end: number } {
  const display = displayText(article.body);
  const start = display.text.indexOf(text, display.starts[n - 1]);
  return { start, end: start + text.length };
}

const failure = (work: Promise<unknown>): Promise<unknown> => work.catch((e: unknown) => e);

describe('buildExcerpt on the reference article', () => {
  it('finds a quote by its words in paragraph 5 and cites it in APA 7', async () => {
    const excerpt = await buildExcerpt(article, engine, { quote: QUOTE }, options);
    expect(excerpt.quote).toBe(QUOTE);
    expect(excerpt.paragraphs).toEqual({
      firstId: article.body[4]!.id,
      firstN: 5,
      lastId: article.body[4]!.id,
      lastN: 5,
    });
    expect(excerpt.locator).toBe('para. 5');
    expect(excerpt.inText.text).toBe('(South Front, 2018, para. 5)');
    expect(excerpt.quoteSha256).toBe(sha256Hex(QUOTE));
  });

  it("forgives typed quotes and dashes but quotes the article's own characters", async () => {
    const typed = '  the central government controls only about 56–57%\nof Afghanistan ';
    const excerpt = await buildExcerpt(article, engine, { quote: typed }, options);
    expect(excerpt.quote).toBe(QUOTE);
    expect(excerpt.quoteSha256).toBe(sha256Hex(QUOTE));
  });

  it('cites the same quote as MLA 9 does: (South Front, par. 5)', async () => {
    const excerpt = await buildExcerpt(
      article,
      engine,
      { quote: QUOTE },
      { ...options, style: 'mla' },
    );
    expect(excerpt.inText.text).toBe('(South Front, par. 5)');
    expect(excerpt.locator).toBe('par. 5');
  });

  it('takes a range across paragraphs 4 and 5 verbatim, paragraph break included', async () => {
    const start = rangeIn(4, article.body[3]!.text).start;
    const end = rangeIn(5, QUOTE).end;
    const excerpt = await buildExcerpt(article, engine, { start, end }, options);
    expect(excerpt.quote).toBe(displayText(article.body).text.slice(start, end));
    expect(excerpt.quote.startsWith(`${article.body[3]!.text}\n\n`)).toBe(true);
    expect(excerpt.quote.endsWith(QUOTE)).toBe(true);
    expect(excerpt.paragraphs).toMatchObject({ firstN: 4, lastN: 5 });
    expect(excerpt.inText.text).toBe('(South Front, 2018, paras. 4–5)');
  });

  it('leaves out the blank line a selection takes in after a paragraph', async () => {
    const { start, end } = rangeIn(5, article.body[4]!.text);
    const excerpt = await buildExcerpt(article, engine, { start, end: end + 2 }, options);
    expect(excerpt.quote).toBe(article.body[4]!.text);
    expect(excerpt.paragraphs).toMatchObject({ firstN: 5, lastN: 5 });
  });

  it('carries the source hash and every notice field for field, unaltered', async () => {
    const excerpt = await buildExcerpt(article, engine, { quote: QUOTE }, options);
    expect(excerpt.source.sourceSha256).toBe(article.source.sha256);
    expect(excerpt.source.notices).toEqual(
      article.rights.map(({ kind, display, text, sha256 }) => ({ kind, display, text, sha256 })),
    );
    expect(excerpt.source.notices.map((n) => n.kind)).toEqual([
      'republication',
      'copyright',
      'disclaimer',
      'fair-use',
    ]);
    expect(excerpt.source.reference.text).toBe(engine.reference(article, 'apa', 'text'));
  });

  it('never trims a notice: blanks and line breaks at its ends stay', async () => {
    const text = '  Copyright © A, 2018.\r\n  All rights reserved.\n';
    const rights = [{ ...article.rights[1]!, text, display: text.trim(), sha256: sha256Hex(text) }];
    const excerpt = await buildExcerpt({ ...article, rights }, engine, { quote: QUOTE }, options);
    expect(excerpt.source.notices[0]).toMatchObject({ text, sha256: sha256Hex(text) });
  });

  it('keeps the note as typed and the tags in order; a blank note is no note', async () => {
    const note = '  <b>Key</b> figure *for* ch. 2\nsecond line';
    const excerpt = await buildExcerpt(
      article,
      engine,
      { quote: QUOTE },
      {
        ...options,
        note,
        tags: ['afghanistan', 'SIGAR'],
      },
    );
    expect(excerpt.note).toBe(note);
    expect(excerpt.tags).toEqual(['afghanistan', 'SIGAR']);
    const blank = await buildExcerpt(
      article,
      engine,
      { quote: QUOTE },
      { ...options, note: ' \n ' },
    );
    expect(blank.note).toBe('');
  });

  it('shares one ExcerptSource between the excerpts of an article', async () => {
    const source = buildExcerptSource(article, engine, 'apa', FILE);
    const a = await buildExcerpt(article, engine, { quote: QUOTE }, { ...options, source });
    const b = await buildExcerpt(article, engine, rangeIn(1, 'ISIS'), { ...options, source });
    expect(a.source).toBe(source);
    expect(b.source).toBe(source);
    expect(b.inText.text).toBe('(South Front, 2018, para. 1)');
  });

  it('locates by section under a heading when asked (APA 7 §8.28)', async () => {
    const headings = [{ ...{ level: 2, start: 0, end: 0 }, text: 'The front line', before: 3 }];
    const excerpt = await buildExcerpt(
      { ...article, headings },
      engine,
      { quote: QUOTE },
      {
        ...options,
        scheme: 'section',
      },
    );
    expect(excerpt.inText.text).toBe('(South Front, 2018, The front line section, para. 2)');
    expect(excerpt.paragraphs.firstN).toBe(5);
  });
});

describe('buildExcerpt refuses what is not a quote of the article', () => {
  it('a misspelt quote, naming the closest passage and its paragraph', async () => {
    const typo = 'the central goverment controls only about 56-57 % of Afganistan';
    const error = await failure(buildExcerpt(article, engine, { quote: typo }, options));
    expect(error).toBeInstanceOf(ExcerptError);
    expect((error as Error).message).toBe(
      `Quote not found in the article. Closest match, in paragraph 5: "${QUOTE}"`,
    );
  });

  it('a match findQuote reports that is not the display text there (nothing is made)', async () => {
    vi.resetModules();
    vi.doMock('./find-quote.ts', () => ({
      findQuote: () => ({ found: true, start: 0, end: 4, text: 'ISIS!', exact: true }),
    }));
    const mocked = await import('./build.ts');
    const error = await failure(mocked.buildExcerpt(article, engine, { quote: 'ISIS' }, options));
    vi.doUnmock('./find-quote.ts');
    expect(error).toBeInstanceOf(mocked.ExcerptError);
    expect((error as Error).message).toMatch(/not the article's text at that place/u);
  });

  it('a quote the article does not hold', async () => {
    const error = await failure(
      buildExcerpt(article, engine, { quote: 'Mars has two moons and no Taliban' }, options),
    );
    expect(error).toBeInstanceOf(ExcerptError);
    expect((error as Error).message).toMatch(/^Quote not found in the article/u);
  });

  it('an empty or blank quote', async () => {
    for (const quote of ['', '   \n']) {
      const error = await failure(buildExcerpt(article, engine, { quote }, options));
      expect((error as Error).message).toBe('The quote is empty.');
    }
  });

  it('a quote longer than the article, with a message that says so', async () => {
    const error = await failure(
      buildExcerpt(article, engine, { quote: 'a'.repeat(100_000) }, options),
    );
    expect(error).toBeInstanceOf(ExcerptError);
    expect((error as Error).message).toMatch(
      /^The quote has 100,000 characters, more than the article's whole text \(4,\d{3}\): it cannot be in the article\.$/u,
    );
    expect(MAX_QUOTE_LENGTH).toBeLessThan(100_000);
  });

  it('a selection longer than MAX_QUOTE_LENGTH', async () => {
    const paragraph = 'Word '.repeat(2_000).trim();
    const body = Array.from({ length: 3 }, (_, i) => ({ n: i + 1, id: `p${i}`, text: paragraph }));
    const long = { ...article, body };
    const error = await failure(buildExcerpt(long, engine, { start: 0, end: 29_000 }, options));
    expect((error as Error).message).toBe(
      'The selection has 29,000 characters, more than the longest quote an excerpt takes (20,000).',
    );
    const fits = await buildExcerpt(long, engine, { start: 0, end: MAX_QUOTE_LENGTH }, options);
    expect(fits.paragraphs).toMatchObject({ firstN: 1, lastN: 2 });
  });

  it('a range outside the text, backwards or over blanks only', async () => {
    const length = displayText(article.body).text.length;
    const { end } = rangeIn(1, article.body[0]!.text);
    for (const range of [
      { start: 0, end: length + 1 },
      { start: 10, end: 5 },
      { start: -1, end: 3 },
      { start: 0.5, end: 3 },
      { start: end, end: end + 2 },
    ]) {
      const error = await failure(buildExcerpt(article, engine, range, options));
      expect(error, JSON.stringify(range)).toBeInstanceOf(ExcerptError);
    }
  });
});
