import { describe, expect, it } from 'vitest';
import type { CslItem } from '../article/model.ts';
import { protectTitle, toBibtex } from './bibtex.ts';
import { escapeTex, texName, texNames } from './tex.ts';
import type { CitableArticle } from './types.ts';

const TITLE =
  'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed';
const NOUNS = new Set(['Taliban', 'ISIS', 'Afghanistan', 'US']);
const REFERENCE: CitableArticle = {
  csl: {
    id: 'a1',
    type: 'webpage',
    title: TITLE,
    author: [{ literal: 'South Front' }],
    issued: { 'date-parts': [[2018, 8, 15]] },
    'container-title': 'Global Research',
  },
  originalSource: { name: 'South Front', url: null },
  body: [],
};
const PROTECTED =
  'Video: {Taliban} Pushes Back Against {ISIS} Expansion in {Afghanistan}. {Increased} {US} Troops Deployed';

const withCsl = (csl: Partial<CslItem>, originalSource = null): CitableArticle => ({
  csl: { ...REFERENCE.csl, ...csl },
  originalSource,
  body: [],
});

describe('toBibtex: the reference article', () => {
  it('writes a BibTeX @online entry with a bare month macro and the republication note', () => {
    expect(toBibtex(REFERENCE, 'bibtex', NOUNS)).toBe(
      [
        '@online{southfront2018video,',
        '  author = {{South Front}},',
        `  title = {${PROTECTED}},`,
        '  organization = {Global Research},',
        '  howpublished = {Global Research},',
        '  year = {2018},',
        '  month = aug,',
        '  note = {Originally published by South Front}',
        '}',
      ].join('\n'),
    );
  });

  it('writes a BibLaTeX @online entry with an ISO date', () => {
    expect(toBibtex(REFERENCE, 'biblatex', NOUNS)).toBe(
      [
        '@online{southfront2018video,',
        '  author = {{South Front}},',
        `  title = {${PROTECTED}},`,
        '  organization = {Global Research},',
        '  date = {2018-08-15},',
        '  note = {Originally published by South Front}',
        '}',
      ].join('\n'),
    );
  });
});

describe('toBibtex: fields', () => {
  it('adds url and urldate, verbatim, and leaves out the note without an original source', () => {
    const entry = toBibtex(
      withCsl({
        URL: 'https://example.org/a_b?x=50%25&y=#top',
        accessed: { 'date-parts': [[2024, 1, 3]] },
      }),
      'biblatex',
      NOUNS,
    );
    expect(entry).toContain('  url = {https://example.org/a_b?x=50%25&y=#top},');
    expect(entry).toContain('  urldate = {2024-01-03}');
    expect(entry).not.toContain('note =');
    expect(
      toBibtex(withCsl({ 'original-publisher': 'The Conversation' }), 'bibtex', NOUNS),
    ).toContain('note = {Originally published by The Conversation}');
  });

  it('never braces the month, and omits what is unknown', () => {
    const yearOnly = toBibtex(withCsl({ issued: { 'date-parts': [[2018]] } }), 'bibtex', NOUNS);
    expect(yearOnly).toContain('year = {2018}');
    expect(yearOnly).not.toContain('month');
    const undated = toBibtex(withCsl({ issued: undefined }), 'bibtex', NOUNS);
    expect(undated).toMatch(/^@online\{southfrontndvideo,/u);
    expect(undated).not.toMatch(/year|date/u);
    expect(toBibtex(withCsl({ issued: { raw: '2018-12-01' } }), 'bibtex', NOUNS)).toContain(
      'month = dec',
    );
  });

  it('writes date ranges for BibLaTeX', () => {
    const entry = toBibtex(
      withCsl({ issued: { 'date-parts': [[2017], [2018]] } }),
      'biblatex',
      NOUNS,
    );
    expect(entry).toContain('date = {2017/2018}');
  });

  it('maps journal articles to @article with journal or journaltitle and -- page ranges', () => {
    const article = withCsl({
      type: 'article-journal',
      'container-title': 'Journal of Peace & Conflict',
      volume: '12',
      issue: 3,
      page: '45-67',
      DOI: '10.1000/xyz_123',
    });
    const bibtex = toBibtex(article, 'bibtex', NOUNS);
    expect(bibtex).toMatch(/^@article\{/u);
    expect(bibtex).toContain('journal = {Journal of Peace \\& Conflict}');
    expect(bibtex).toContain('volume = {12}');
    expect(bibtex).toContain('number = {3}');
    expect(bibtex).toContain('pages = {45--67}');
    expect(bibtex).toContain('doi = {10.1000/xyz_123}');
    expect(toBibtex(article, 'biblatex', NOUNS)).toContain(
      'journaltitle = {Journal of Peace \\& Conflict}',
    );
  });

  it('falls back to @misc for unknown types and survives an empty item', () => {
    expect(toBibtex(withCsl({ type: 'software' }), 'bibtex', NOUNS)).toMatch(/^@misc\{/u);
    expect(
      toBibtex(
        { csl: { id: 'x', type: 'webpage' }, originalSource: null, body: [] },
        'biblatex',
        NOUNS,
      ),
    ).toBe('@online{anonnd,\n}');
  });
});

describe('names', () => {
  it('double-braces organisations so BibTeX never inverts them', () => {
    expect(texName({ literal: 'South Front' })).toBe('{South Front}');
    expect(texName({ literal: 'Johnson and Johnson' })).toBe('{Johnson and Johnson}');
    expect(texName({ literal: 'AT&T Research' })).toBe('{AT\\&T Research}');
  });

  it('writes persons as "von Last, Jr, First" joined with "and"', () => {
    expect(
      texNames([
        { family: 'Smith', given: 'John A.' },
        { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        { family: 'Plato' },
      ]),
    ).toBe('Smith, John A. and van Beethoven, Ludwig and King, Jr., Martin Luther and Plato');
    expect(texNames([])).toBeNull();
    expect(texNames([{ literal: '' }])).toBeNull();
  });
});

describe('escapeTex', () => {
  it('escapes all ten TeX specials exactly once', () => {
    expect(escapeTex('Fish & Chips: 100% $5 #1 C_2 {x} ~ ^ \\')).toBe(
      'Fish \\& Chips: 100\\% \\$5 \\#1 C\\_2 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
  });

  it('keeps Unicode letters and typographic quotes', () => {
    expect(escapeTex('Müller’s “Étude”')).toBe('Müller’s “Étude”');
  });
});

describe('protectTitle', () => {
  it('braces proper nouns, acronyms and subtitle starts; escapes the rest', () => {
    expect(protectTitle(TITLE, NOUNS)).toBe(PROTECTED);
    expect(protectTitle('R&D at Google: 50% of {Things}', new Set(['Google']))).toBe(
      '{R\\&D} at {Google}: 50\\% of \\{Things\\}',
    );
    expect(protectTitle('The iPhone Turns 10', new Set())).toBe('The {iPhone} Turns 10');
  });

  it('recases an ALL CAPS title before protecting it', () => {
    expect(protectTitle('ISIS EXPANSION IN AFGHANISTAN', NOUNS)).toBe(
      '{ISIS} Expansion in {Afghanistan}',
    );
  });
});
