import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../article/model.ts';
import { CSL_RESOURCES, REFERENCE_CSL } from '../testing/fixtures.ts';
import {
  createCitationEngine,
  LocatorError,
  type CitableArticle,
  type CslResources,
} from './index.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

const RESOURCES: CslResources = CSL_RESOURCES;

/** The 15 body paragraphs of the reference article (acceptance README, paraRule). */
function referenceBody(): { text: string }[] {
  const blocks = read('../test-fixtures/000_bfa7ac14e5553cb7.txt')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim());
  const first = blocks.findIndex((b) => b.startsWith('ISIS has increased its efforts'));
  const last = blocks.findIndex((b) => b.startsWith('Russia, China and as well as'));
  return blocks.slice(first, last + 1).map((text) => ({ text }));
}

const REFERENCE: CitableArticle = {
  csl: REFERENCE_CSL,
  originalSource: { name: 'South Front', url: null },
  body: referenceBody(),
};

const withCsl = (csl: Partial<CslItem>): CitableArticle => ({
  ...REFERENCE,
  csl: { ...REFERENCE.csl, ...csl },
});

const engine = createCitationEngine(RESOURCES);

describe('the reference article (seed.expected.json)', () => {
  const apaTitle =
    'Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed';
  const mlaTitle =
    'Video: Taliban Pushes Back against ISIS Expansion in Afghanistan. Increased US Troops Deployed';

  it('APA 7 reference in Markdown, text and HTML', () => {
    expect(engine.reference(REFERENCE, 'apa', 'markdown')).toBe(
      `South Front. (2018, August 15). *${apaTitle}*. Global Research.`,
    );
    expect(engine.reference(REFERENCE, 'apa', 'text')).toBe(
      `South Front. (2018, August 15). ${apaTitle}. Global Research.`,
    );
    expect(engine.reference(REFERENCE, 'apa')).toBe(engine.reference(REFERENCE, 'apa', 'text'));
    expect(engine.reference(REFERENCE, 'apa', 'html')).toBe(
      `South Front. (2018, August 15). <i>${apaTitle}</i>. Global Research.`,
    );
  });

  it('MLA 9 reference in Markdown, text and HTML', () => {
    expect(engine.reference(REFERENCE, 'mla', 'markdown')).toBe(
      `South Front. “${mlaTitle}.” *Global Research*, 15 Aug. 2018.`,
    );
    expect(engine.reference(REFERENCE, 'mla', 'text')).toBe(
      `South Front. “${mlaTitle}.” Global Research, 15 Aug. 2018.`,
    );
    expect(engine.reference(REFERENCE, 'mla', 'html')).toBe(
      `South Front. “${mlaTitle}.” <i>Global Research</i>, 15 Aug. 2018.`,
    );
  });

  it('in-text citations with a paragraph locator', () => {
    expect(engine.inText(REFERENCE, 'apa', { locator: 'para. 5' })).toBe(
      '(South Front, 2018, para. 5)',
    );
    expect(engine.inText(REFERENCE, 'apa', { locator: '¶ 5' })).toBe(
      '(South Front, 2018, para. 5)',
    );
    expect(engine.inText(REFERENCE, 'mla', { locator: 'par. 5' })).toBe('(South Front, par. 5)');
    expect(engine.inText(REFERENCE, 'mla', { locator: 'para. 5' })).toBe('(South Front, par. 5)');
  });

  it('in-text citations without a locator, with pages, and refusing what is not a locator', () => {
    expect(engine.inText(REFERENCE, 'apa')).toBe('(South Front, 2018)');
    expect(engine.inText(REFERENCE, 'mla', {})).toBe('(South Front)');
    expect(engine.inText(REFERENCE, 'apa', { locator: 'pp. 3-4' })).toBe(
      '(South Front, 2018, pp. 3–4)',
    );
    expect(engine.inText(REFERENCE, 'mla', { locator: 'pp. 3-4' })).toBe('(South Front 3–4)');
    expect(() => engine.inText(REFERENCE, 'apa', { locator: 'Figure caption' })).toThrow(
      LocatorError,
    );
    expect(() => engine.inText(REFERENCE, 'apa', { locator: 'abc' })).toThrow(/not a locator/u);
    expect(() => engine.inText(REFERENCE, 'mla', { locator: 'para. 99' })).toThrow(
      'Paragraph 99 does not exist: this article has paragraphs 1 to 15',
    );
    expect(() => engine.inText(REFERENCE, 'apa', { locator: 'paras. 6-4' })).toThrow(
      /runs backwards/u,
    );
    expect(engine.inText(REFERENCE, 'apa', { locator: 'paras. 4-5' })).toBe(
      '(South Front, 2018, paras. 4–5)',
    );
  });

  it('BibTeX and BibLaTeX entries through the engine', () => {
    const bibtex = engine.reference(REFERENCE, 'bibtex');
    // Classic BibTeX has no @online: a web page is @misc, its site in howpublished.
    expect(bibtex).toMatch(/^@misc\{southfront2018video,\n/u);
    expect(bibtex).toContain('  author = {{South Front}},');
    for (const word of ['{ISIS}', '{Afghanistan}', '{US}', '{Taliban}'])
      expect(bibtex).toContain(word);
    expect(bibtex).toContain('  year = {2018},');
    expect(bibtex).toContain('  month = aug,');
    expect(bibtex).toContain('  howpublished = {Global Research},');
    expect(bibtex).not.toContain('organization');
    expect(bibtex).toContain('  note = {Originally published by South Front}');
    const biblatex = engine.reference(REFERENCE, 'biblatex');
    expect(biblatex).toMatch(/^@online\{southfront2018video,\n/u);
    expect(biblatex).toContain('  organization = {Global Research},');
    expect(biblatex).toContain('  date = {2018-08-15},');
    expect(engine.reference(withCsl({ title: 'Q&A <live>' }), 'bibtex', 'html')).toContain(
      'title = {{Q\\&amp;A} {\\textless}live{\\textgreater}}',
    );
  });
});

describe('engine behaviour', () => {
  it('applies casing learned from each article’s own body', () => {
    const article: CitableArticle = {
      csl: {
        id: 'b',
        type: 'webpage',
        title: 'Talks With The Taliban Stall In Doha',
        author: [{ literal: 'Wire' }],
      },
      originalSource: null,
      body: [
        { text: 'Delegates met in Doha on Monday. The talks with the Taliban stalled again.' },
      ],
    };
    expect(engine.reference(article, 'apa', 'text')).toContain(
      'Talks with the Taliban stall in Doha.',
    );
    // Without a container MLA italicises the title as a whole website.
    expect(engine.reference(article, 'mla', 'markdown')).toBe(
      'Wire. *Talks with the Taliban Stall in Doha*.',
    );
  });

  it('escapes Markdown emphasis characters that belong to the text', () => {
    const article = withCsl({ author: [{ literal: 'The *Star* Desk' }] });
    expect(engine.reference(article, 'apa', 'markdown')).toMatch(/^The \\\*Star\\\* Desk\./u);
  });

  it('gives the same answers from a second engine built from the same resources', () => {
    const second = createCitationEngine(RESOURCES);
    expect(second.reference(REFERENCE, 'mla', 'markdown')).toBe(
      engine.reference(REFERENCE, 'mla', 'markdown'),
    );
    expect(second.inText(REFERENCE, 'apa', { locator: 'para. 5' })).toBe(
      '(South Front, 2018, para. 5)',
    );
  });

  it('does not leak one item into the next render', () => {
    const a = engine.reference(withCsl({ title: 'First Story' }), 'apa', 'text');
    const b = engine.reference(withCsl({ title: 'Second Story' }), 'apa', 'text');
    expect(a).toContain('First story');
    expect(b).toContain('Second story');
    expect(b).not.toContain('First');
  });

  it('rejects resources without a locale', () => {
    expect(() => createCitationEngine({ ...RESOURCES, locales: {} })).toThrow(/locale/u);
  });
});
