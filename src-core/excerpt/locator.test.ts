import { describe, expect, it } from 'vitest';
import { createCitationEngine } from '../citation/index.ts';
import { CSL_RESOURCES, REFERENCE_CSL } from '../testing/fixtures.ts';
import { chooseLocator, citeQuote, locatorRange, MAX_SECTION_HEADING } from './locator.ts';
import type { ParagraphSpan } from './types.ts';

const engine = createCitationEngine(CSL_RESOURCES);

/** The reference article's metadata with 15 paragraphs (the engine checks numbers exist). */
const ARTICLE = {
  csl: REFERENCE_CSL,
  originalSource: { name: 'South Front', url: null },
  body: Array.from({ length: 15 }, (_, i) => ({ text: `Paragraph ${i + 1}.` })),
};

const span = (firstN: number, lastN = firstN): ParagraphSpan => ({
  firstId: `p${firstN}`,
  firstN,
  lastId: `p${lastN}`,
  lastN,
});

/** Two sections: "Symptoms" over paragraphs 4–8, "Treatment" over 9–15. */
const HEADINGS = [
  { text: 'Symptoms', before: 3 },
  { text: 'Treatment', before: 8 },
];

describe('chooseLocator', () => {
  it('numbers one paragraph as "para. N" and a range as "paras. F-L"', () => {
    expect(chooseLocator(span(5), [])).toEqual({ engineLocator: 'para. 5', section: null });
    expect(chooseLocator(span(4, 5), [])).toEqual({ engineLocator: 'paras. 4-5', section: null });
  });

  it('counts within the section under the section scheme', () => {
    expect(chooseLocator(span(5), HEADINGS, 'section')).toEqual({
      engineLocator: 'para. 2',
      section: 'Symptoms',
    });
    expect(chooseLocator(span(9, 10), HEADINGS, 'section')).toEqual({
      engineLocator: 'paras. 1-2',
      section: 'Treatment',
    });
  });

  it('ignores headings under the paragraph scheme', () => {
    expect(chooseLocator(span(5), HEADINGS, 'paragraph').section).toBeNull();
  });

  it('falls back to whole-article numbers before the first heading and across sections', () => {
    expect(chooseLocator(span(2), HEADINGS, 'section')).toEqual({
      engineLocator: 'para. 2',
      section: null,
    });
    expect(chooseLocator(span(8, 9), HEADINGS, 'section')).toEqual({
      engineLocator: 'paras. 8-9',
      section: null,
    });
  });

  it('falls back for an empty or overlong heading, and drops a closing colon', () => {
    const long = 'A '.repeat(MAX_SECTION_HEADING);
    expect(chooseLocator(span(5), [{ text: '  ', before: 3 }], 'section').section).toBeNull();
    expect(chooseLocator(span(5), [{ text: long, before: 3 }], 'section').section).toBeNull();
    expect(chooseLocator(span(5), [{ text: 'Symptoms:\n', before: 3 }], 'section').section).toBe(
      'Symptoms',
    );
  });
});

describe('locatorRange', () => {
  it('finds the locator the style added, without the separator before it', () => {
    const cited = '(South Front, 2018, para. 5)';
    const { start, end } = locatorRange('(South Front, 2018)', cited);
    expect(cited.slice(start, end)).toBe('para. 5');
  });

  it('finds a locator between the date and a URL in a note', () => {
    const cited = 'A, “T,” 2015, para. 5, https://x.org/5.';
    const { start, end } = locatorRange('A, “T,” 2015, https://x.org/5.', cited);
    expect(cited.slice(start, end)).toBe('para. 5');
  });

  it('is empty when the style prints no locator', () => {
    const { start, end } = locatorRange('(1)', '(1)');
    expect(end - start).toBe(0);
  });
});

describe('citeQuote through the real CSL styles', () => {
  it('APA 7 prints para. 5 and paras. 4–5', () => {
    expect(citeQuote(engine, ARTICLE, 'apa', span(5), []).inText.text).toBe(
      '(South Front, 2018, para. 5)',
    );
    const range = citeQuote(engine, ARTICLE, 'apa', span(4, 5), []);
    expect(range.inText.text).toBe('(South Front, 2018, paras. 4–5)');
    expect(range.locator).toBe('paras. 4–5');
  });

  it('MLA 9 prints par. 5 and pars. 4–5', () => {
    const one = citeQuote(engine, ARTICLE, 'mla', span(5), []);
    expect(one.inText.text).toBe('(South Front, par. 5)');
    expect(one.locator).toBe('par. 5');
    expect(citeQuote(engine, ARTICLE, 'mla', span(4, 5), []).inText.text).toBe(
      '(South Front, pars. 4–5)',
    );
  });

  it('Chicago notes end the note with the paragraph range', () => {
    const { inText, locator } = citeQuote(engine, ARTICLE, 'chicago-notes', span(4, 5), []);
    expect(inText.text).toMatch(/, August 15, 2018, paras\. 4–5\.$/u);
    expect(locator).toBe('paras. 4–5');
  });

  it('APA puts "<heading> section, " before the section-relative paragraph', () => {
    const { inText, locator } = citeQuote(engine, ARTICLE, 'apa', span(5), HEADINGS, 'section');
    expect(inText.text).toBe('(South Front, 2018, Symptoms section, para. 2)');
    expect(inText.markdown).toBe('(South Front, 2018, Symptoms section, para. 2)');
    expect(inText.html).toBe('(South Front, 2018, Symptoms section, para. 2)');
    expect(locator).toBe('Symptoms section, para. 2');
  });

  it('escapes the heading for HTML and Markdown', () => {
    const headings = [{ text: 'Fish & <b>Chips</b> *now*', before: 3 }];
    const { inText } = citeQuote(engine, ARTICLE, 'apa', span(5), headings, 'section');
    expect(inText.text).toBe('(South Front, 2018, Fish & <b>Chips</b> *now* section, para. 2)');
    expect(inText.html).toContain('Fish &#38; &#60;b&#62;Chips&#60;/b&#62; *now* section, para. 2');
    expect(inText.markdown).toContain('Fish \\& \\<b\\>Chips\\</b\\> \\*now\\* section, para. 2');
  });

  it('note and author styles number through the whole article even under the section scheme', () => {
    const mla = citeQuote(engine, ARTICLE, 'mla', span(5), HEADINGS, 'section');
    expect(mla.inText.text).toBe('(South Front, par. 5)');
    const note = citeQuote(engine, ARTICLE, 'chicago-notes', span(5), HEADINGS, 'section');
    expect(note.inText.text).toMatch(/, para\. 5\.$/u);
  });

  it('a style that prints no locator still reports one', () => {
    const { inText, locator } = citeQuote(engine, ARTICLE, 'vancouver', span(4, 5), []);
    expect(inText.text).toBe('(1)');
    expect(locator).toBe('paras. 4–5');
  });
});
