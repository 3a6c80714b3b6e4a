import { describe, expect, it } from 'vitest';
import type { CslItem } from '../article/model.ts';
import { CSL_RESOURCES, REFERENCE_CSL } from '../testing/fixtures.ts';
import { createCitationEngine, type CitableArticle } from './index.ts';

// Missing metadata and author shapes, on the reference article's data. The body is one
// sentence that teaches the same proper nouns as the real one, then filler paragraphs so that
// paragraph locators up to 15 exist, as in the real article.

const engine = createCitationEngine(CSL_RESOURCES);

const REFERENCE: CitableArticle = {
  csl: REFERENCE_CSL,
  originalSource: { name: 'South Front', url: null },
  body: [
    { text: 'The Taliban fought ISIS across Afghanistan while the US sent more troops.' },
    ...Array.from({ length: 14 }, () => ({ text: 'more of the report followed.' })),
  ],
};

const withCsl = (csl: Partial<CslItem>): CitableArticle => ({
  ...REFERENCE,
  csl: { ...REFERENCE.csl, ...csl },
});

describe('missing data', () => {
  it('no author: APA puts the title in the author position, MLA starts with the title', () => {
    const article = withCsl({ author: undefined });
    expect(engine.reference(article, 'apa', 'markdown')).toBe(
      '*Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed*. (2018, August 15). Global Research.',
    );
    expect(engine.inText(article, 'apa', { locator: 'para. 5' }, 'markdown')).toBe(
      // A long title is shortened in the text (APA 7 8.14); "Video:" alone is a label.
      '(*Video: Taliban Pushes Back*, 2018, para. 5)',
    );
    expect(engine.reference(article, 'mla', 'text')).toMatch(
      /^“Video: Taliban Pushes Back against ISIS/u,
    );
  });

  it('no date: APA writes (n.d.), MLA omits the date', () => {
    const article = withCsl({ issued: undefined });
    expect(engine.reference(article, 'apa', 'text')).toMatch(/^South Front\. \(n\.d\.\)\. Video:/u);
    expect(engine.inText(article, 'apa', { locator: 'para. 5' })).toBe(
      '(South Front, n.d., para. 5)',
    );
    expect(engine.reference(article, 'mla', 'text')).toMatch(/Deployed\.” Global Research\.$/u);
  });

  it('no title, and nothing at all, render without throwing', () => {
    expect(engine.reference(withCsl({ title: undefined }), 'apa', 'text')).toBe(
      'South Front. (2018, August 15). [Untitled]. Global Research.',
    );
    expect(engine.reference(withCsl({ title: undefined }), 'mla', 'text')).toBe(
      'South Front. “[Untitled].” Global Research, 15 Aug. 2018.',
    );
    const empty: CitableArticle = {
      csl: { id: 'e', type: 'webpage' },
      originalSource: null,
      body: [],
    };
    for (const { id } of engine.styles()) {
      expect(engine.reference(empty, id, 'markdown')).toContain('[Untitled]');
      expect(engine.inText(empty, id)).not.toBe('');
    }
    for (const format of ['bibtex', 'biblatex'])
      expect(engine.reference(empty, format)).toMatch(/^@\w+\{anonnd,\n[^]*\}$/u);
    expect(() => engine.inText(empty, 'apa', { locator: 'para. 1' })).toThrow(
      'This article has no numbered paragraphs',
    );
    expect(engine.inText(empty, 'apa', { locator: 'p. 1' })).toBe('([Untitled], n.d., p. 1)');
  });
});

describe('authors and URLs', () => {
  const smith = { family: 'Smith', given: 'John A.' };
  const doe = { family: 'Doe', given: 'Jane' };
  const roe = { family: 'Roe', given: 'Richard' };

  it('one person', () => {
    const article = withCsl({ author: [smith] });
    expect(engine.reference(article, 'apa', 'text')).toMatch(
      /^Smith, J\. A\. \(2018, August 15\)\./u,
    );
    expect(engine.reference(article, 'mla', 'text')).toMatch(/^Smith, John A\. “Video:/u);
    expect(engine.inText(article, 'apa', { locator: 'para. 5' })).toBe('(Smith, 2018, para. 5)');
    expect(engine.inText(article, 'mla', { locator: 'para. 5' })).toBe('(Smith, par. 5)');
  });

  it('two persons', () => {
    const article = withCsl({ author: [smith, doe] });
    expect(engine.reference(article, 'apa', 'text')).toMatch(/^Smith, J\. A\., & Doe, J\. \(2018/u);
    expect(engine.reference(article, 'mla', 'text')).toMatch(/^Smith, John A\., and Jane Doe\. “/u);
    expect(engine.inText(article, 'apa')).toBe('(Smith & Doe, 2018)');
    expect(engine.inText(article, 'mla')).toBe('(Smith and Doe)');
  });

  it('three persons', () => {
    const article = withCsl({ author: [smith, doe, roe] });
    expect(engine.reference(article, 'apa', 'text')).toMatch(
      /^Smith, J\. A\., Doe, J\., & Roe, R\. \(2018/u,
    );
    expect(engine.reference(article, 'mla', 'text')).toMatch(/^Smith, John A\., et al\. “/u);
    expect(engine.inText(article, 'apa')).toBe('(Smith et al., 2018)');
    expect(engine.inText(article, 'mla')).toBe('(Smith et al.)');
  });

  it('an organisation is never inverted or abbreviated', () => {
    const article = withCsl({ author: [{ literal: 'Centre for Research on Globalization' }] });
    expect(engine.reference(article, 'apa', 'text')).toMatch(
      /^Centre for Research on Globalization\. \(2018/u,
    );
    expect(engine.inText(article, 'mla')).toBe('(Centre for Research on Globalization)');
  });

  it('prints the URL in both styles, unescaped in text and Markdown, without its scheme in MLA', () => {
    const url = 'https://www.globalresearch.ca/video-taliban?id=1&ref=a_b';
    const article = withCsl({ URL: url });
    expect(engine.reference(article, 'apa', 'text')).toBe(
      `South Front. (2018, August 15). Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed. Global Research. ${url}`,
    );
    expect(engine.reference(article, 'mla', 'markdown')).toMatch(
      /, 15 Aug\. 2018, www\.globalresearch\.ca\/video-taliban\?id=1&ref=a_b\.$/u,
    );
    expect(engine.reference(article, 'apa', 'html')).toContain('id=1&#38;ref=a_b');
  });
});

describe('publication history', () => {
  it('ignores an original publisher without an original date (republished web pages)', () => {
    const article = withCsl({ 'original-publisher': 'South Front' });
    expect(engine.reference(article, 'apa', 'text')).toMatch(/Global Research\.$/u);
    expect(engine.reference(article, 'mla', 'text')).toMatch(/15 Aug\. 2018\.$/u);
  });

  it('prints the publication history when the original date is known', () => {
    const article = withCsl({
      'original-publisher': 'South Front',
      'original-date': { 'date-parts': [[2017]] },
    });
    expect(engine.reference(article, 'apa', 'text')).toContain('(Original work published 2017');
  });
});

describe('an article the parser could not read any metadata from', () => {
  it('says "[Untitled]" and "n.d." rather than printing an empty reference', () => {
    const article: CitableArticle = {
      csl: { id: 'x', type: 'webpage' },
      originalSource: null,
      body: [],
    };
    expect(engine.reference(article, 'apa')).toBe('[Untitled]. (n.d.).');
    expect(engine.reference(article, 'mla')).toBe('[Untitled].');
  });
});
