import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import type { CslItem, CslName } from '../article/model.ts';
import { protectTitle, toBibtex, type BibDialect } from './bibtex.ts';
import { escapeTex, escapeTexAscii, isAscii } from './tex.ts';
import {
  CJK,
  NON_ASCII,
  properNounsOf,
  readBibStrict,
  REPUBLISHED,
  SPECIALS,
  TESTING_ARTICLES,
} from '../testing/data-format-articles.ts';
import type { CitableArticle } from './types.ts';

/** citation-js types every input option as required; these tests set only forceType. */
type CiteOptions = ConstructorParameters<typeof Cite>[1];

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
const URL =
  'https://www.globalresearch.ca/video-taliban-pushes-back-against-isis-expansion-in-afghanistan-increased-us-troops-deployed/5650850';

const withCsl = (csl: Partial<CslItem>, originalSource = null): CitableArticle => ({
  csl: { ...REFERENCE.csl, ...csl },
  originalSource,
  body: [],
});

/** The one entry in `bib`, read as strictly as BibTeX reads it (throws if BibTeX would fail). */
const entryOf = (bib: string) => {
  const entries = readBibStrict(bib);
  expect(entries).toHaveLength(1);
  return entries[0]!;
};

/** The entry as citation-js reads it (an independent BibTeX parser). */
const citationJs = (bib: string): CslItem => {
  const items = new Cite(bib, { forceType: '@biblatex/text' } as CiteOptions).data as CslItem[];
  expect(items).toHaveLength(1);
  return items[0]!;
};

describe('toBibtex: the reference article', () => {
  it('classic BibTeX: @misc, the site in howpublished when there is no URL, a bare month', () => {
    expect(toBibtex(REFERENCE, 'bibtex', NOUNS)).toBe(
      [
        '@misc{southfront2018video,',
        '  author = {{South Front}},',
        `  title = {${PROTECTED}},`,
        '  howpublished = {Global Research},',
        '  year = {2018},',
        '  month = aug,',
        '  note = {Originally published by South Front}',
        '}',
      ].join('\n'),
    );
  });

  it('classic BibTeX with a URL: \\url in howpublished, site, access date and origin in note', () => {
    expect(toBibtex(REPUBLISHED, 'bibtex', NOUNS)).toBe(
      [
        '@misc{southfront2018video,',
        '  author = {{South Front}},',
        `  title = {${PROTECTED}},`,
        `  howpublished = {\\url{${URL}}},`,
        '  year = {2018},',
        '  month = aug,',
        '  keywords = {Afghanistan, ISIS},',
        '  note = {Global Research. Accessed 2018-08-20. Originally published by South Front}',
        '}',
      ].join('\n'),
    );
  });

  it('BibLaTeX: @online with organization, ISO date, url, urldate and the origin in addendum', () => {
    expect(toBibtex(REPUBLISHED, 'biblatex', NOUNS)).toBe(
      [
        '@online{southfront2018video,',
        '  author = {{South Front}},',
        `  title = {${PROTECTED}},`,
        '  organization = {Global Research},',
        '  date = {2018-08-15},',
        `  url = {${URL}},`,
        '  urldate = {2018-08-20},',
        '  keywords = {Afghanistan, ISIS},',
        '  addendum = {Originally published by South Front}',
        '}',
      ].join('\n'),
    );
  });

  it('posts, blog posts and unknown types are @misc in classic BibTeX too', () => {
    for (const type of ['post', 'post-weblog', 'software', 'interview']) {
      expect(toBibtex(withCsl({ type }), 'bibtex', NOUNS)).toMatch(/^@misc\{/u);
    }
    expect(toBibtex(withCsl({ type: 'post-weblog' }), 'biblatex', NOUNS)).toMatch(/^@online\{/u);
    expect(toBibtex(withCsl({ type: 'software' }), 'biblatex', NOUNS)).toMatch(/^@misc\{/u);
  });
});

describe('toBibtex: the site is written once', () => {
  for (const dialect of ['bibtex', 'biblatex'] as const) {
    it(`${dialect}: never in two fields, whatever the article`, () => {
      for (const article of TESTING_ARTICLES) {
        const site = article.csl['container-title'];
        if (typeof site !== 'string') continue;
        const escaped = dialect === 'bibtex' ? escapeTexAscii(site) : escapeTex(site);
        const fields = entryOf(toBibtex(article, dialect, properNounsOf(article))).fields;
        const holding = Object.entries(fields).filter(([, v]) => v.includes(escaped));
        expect(holding, `${article.csl.id} ${dialect}`).toHaveLength(1);
      }
    });
  }

  it('a publisher that is the site is not repeated as publisher', () => {
    const entry = toBibtex(withCsl({ publisher: 'Global Research' }), 'biblatex', NOUNS);
    expect(entry).toContain('organization = {Global Research}');
    expect(entry).not.toContain('publisher =');
    expect(toBibtex(withCsl({ publisher: 'Other' }), 'biblatex', NOUNS)).toContain(
      'publisher = {Other}',
    );
  });
});

describe('toBibtex: fields', () => {
  it('url and urldate are verbatim; the access date is only written with a URL', () => {
    const article = withCsl({
      URL: 'https://example.org/a_b?x=50%25&y=#top',
      accessed: { 'date-parts': [[2024, 1, 3]] },
    });
    const biblatex = toBibtex(article, 'biblatex', NOUNS);
    expect(biblatex).toContain('  url = {https://example.org/a_b?x=50%25&y=#top},');
    expect(biblatex).toContain('  urldate = {2024-01-03}');
    expect(biblatex).not.toMatch(/note|addendum/u);
    expect(toBibtex(article, 'bibtex', NOUNS)).toContain(
      'howpublished = {\\url{https://example.org/a_b?x=50%25&y=#top}}',
    );
    const noUrl = withCsl({ accessed: { 'date-parts': [[2024, 1, 3]] } });
    expect(toBibtex(noUrl, 'biblatex', NOUNS)).not.toContain('urldate');
    expect(toBibtex(noUrl, 'bibtex', NOUNS)).not.toContain('Accessed');
  });

  it('percent-encodes what would break a verbatim URL or the ASCII file', () => {
    const entry = toBibtex(
      withCsl({ URL: 'https://de.example/wiki/Müller {x}\\y~z' }),
      'bibtex',
      NOUNS,
    );
    expect(entry).toContain(
      'howpublished = {\\url{https://de.example/wiki/M%C3%BCller%20%7Bx%7D%5Cy%7Ez}}',
    );
    expect(toBibtex(withCsl({ URL: 'https://a.example/~me' }), 'biblatex', NOUNS)).toContain(
      'url = {https://a.example/~me}',
    );
  });

  it('an original-publisher recorded by an importer is the same republication note', () => {
    const article = withCsl({ 'original-publisher': 'The Conversation' });
    expect(toBibtex(article, 'bibtex', NOUNS)).toContain(
      'note = {Originally published by The Conversation}',
    );
    expect(toBibtex(article, 'biblatex', NOUNS)).toContain(
      'addendum = {Originally published by The Conversation}',
    );
  });

  it('never braces the month, and omits what is unknown', () => {
    const yearOnly = toBibtex(withCsl({ issued: { 'date-parts': [[2018]] } }), 'bibtex', NOUNS);
    expect(yearOnly).toContain('year = {2018}');
    expect(yearOnly).not.toContain('month');
    const undated = toBibtex(withCsl({ issued: undefined }), 'bibtex', NOUNS);
    expect(undated).toMatch(/^@misc\{southfrontndvideo,/u);
    expect(undated).not.toMatch(/year|date|month/u);
    expect(toBibtex(withCsl({ issued: { raw: '2018-12-01' } }), 'bibtex', NOUNS)).toContain(
      '  year = {2018},\n  month = dec\n',
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
    expect(bibtex).not.toContain('howpublished');
    expect(toBibtex(article, 'biblatex', NOUNS)).toContain(
      'journaltitle = {Journal of Peace \\& Conflict}',
    );
  });

  it('an entry without author gets key (plain.bst sorts by it); an empty item stays valid', () => {
    const authorless = toBibtex(withCsl({ author: undefined }), 'bibtex', NOUNS);
    expect(entryOf(authorless).fields.key).toBe(TITLE);
    expect(toBibtex(withCsl({ author: undefined }), 'biblatex', NOUNS)).not.toContain('key =');
    expect(toBibtex(REFERENCE, 'bibtex', NOUNS)).not.toContain('key =');
    const empty: CitableArticle = {
      csl: { id: 'x', type: 'webpage' },
      originalSource: null,
      body: [],
    };
    expect(toBibtex(empty, 'biblatex', NOUNS)).toBe('@online{anonnd,\n}');
    expect(toBibtex(empty, 'bibtex', NOUNS)).toBe('@misc{anonnd,\n  key = {anonnd}\n}');
  });
});

describe('toBibtex: citation keys and hand-cased titles', () => {
  it("uses the article's own citekey, made safe for BibTeX, else the derived one", () => {
    expect(toBibtex({ ...REFERENCE, citekey: 'southfront2018videob' }, 'bibtex', NOUNS)).toMatch(
      /^@misc\{southfront2018videob,\n/u,
    );
    expect(toBibtex({ ...REFERENCE, citekey: 'Müller 2020, {x}' }, 'biblatex', NOUNS)).toMatch(
      /^@online\{Muller2020x,\n/u,
    );
    expect(toBibtex({ ...REFERENCE, citekey: '{}' }, 'biblatex', NOUNS)).toMatch(
      /^@online\{southfront2018video,\n/u,
    );
  });

  it('writes the title cased for the dialect verbatim: escaped, never brace-protected', () => {
    const article: CitableArticle = {
      ...REFERENCE,
      titleOverrides: { bibtex: 'Taliban vs. ISIS: 100% Über', apa: 'Ignored here' },
    };
    expect(entryOf(toBibtex(article, 'bibtex', NOUNS)).fields.title).toBe(
      'Taliban vs. ISIS: 100\\% {\\"U}ber',
    );
    expect(entryOf(toBibtex(article, 'biblatex', NOUNS)).fields.title).toBe(PROTECTED);
    const blank: CitableArticle = { ...REFERENCE, titleOverrides: { biblatex: '  ' } };
    expect(entryOf(toBibtex(blank, 'biblatex', NOUNS)).fields.title).toBe(PROTECTED);
  });
});

describe('toBibtex: encodings', () => {
  it('classic BibTeX is ASCII: accents as LaTeX commands, whichever field', () => {
    const entry = toBibtex(NON_ASCII, 'bibtex', properNounsOf(NON_ASCII));
    expect(isAscii(entry)).toBe(true);
    expect(entryOf(entry).fields.author).toBe(
      'M{\\"u}ller, J{\\"o}rg and {\\O}stergaard, S{\\o}ren and Nowak, {\\L}ukasz and Bront{\\"e}, Zo{\\"e}',
    );
    for (const article of TESTING_ARTICLES.filter((a) => a !== CJK)) {
      expect(isAscii(toBibtex(article, 'bibtex', properNounsOf(article))), article.csl.id).toBe(
        true,
      );
    }
  });

  it('classic BibTeX keeps a script LaTeX cannot spell in ASCII, and nothing else, as UTF-8', () => {
    const entry = toBibtex(CJK, 'bibtex', properNounsOf(CJK));
    expect(entry.replace(/[王小明]/gu, '')).toSatisfy(isAscii);
    expect(entryOf(entry).fields.author).toBe('王, 小明');
  });

  it('BibLaTeX keeps UTF-8 and escapes only the TeX specials', () => {
    const entry = toBibtex(NON_ASCII, 'biblatex', properNounsOf(NON_ASCII));
    expect(entryOf(entry).fields.author).toBe(
      'Müller, Jörg and Østergaard, Søren and Nowak, Łukasz and Brontë, Zoë',
    );
    expect(entryOf(entry).fields.title).toBe('Über die Grenzen des Wachstums in {Łódź}');
  });

  it('citation-js reads the accents back as the letters', () => {
    for (const dialect of ['bibtex', 'biblatex'] as const) {
      const item = citationJs(toBibtex(NON_ASCII, dialect, properNounsOf(NON_ASCII)));
      expect(item.author?.map((n) => `${n.family}, ${n.given}`)).toEqual([
        'Müller, Jörg',
        'Østergaard, Søren',
        'Nowak, Łukasz',
        'Brontë, Zoë',
      ]);
      expect(item.title).toBe('Über die Grenzen des Wachstums in Łódź');
    }
  });
});

describe('toBibtex: bad input never gives a broken file', () => {
  const dialects: BibDialect[] = ['bibtex', 'biblatex'];
  const both = (article: CitableArticle) =>
    dialects.map((d) => entryOf(toBibtex(article, d, NOUNS)));

  it('missing title', () => {
    for (const entry of both(withCsl({ title: undefined }))) {
      expect(entry.fields.title).toBeUndefined();
      expect(entry.fields.author).toBe('{South Front}');
    }
    expect(both(withCsl({ title: '   ' }))[0]!.fields.title).toBeUndefined();
  });

  it('missing or empty authors', () => {
    for (const author of [undefined, [], [{ literal: '' }, { family: ' ' }] as CslName[]]) {
      const [bibtex, biblatex] = both(withCsl({ author }));
      expect(bibtex!.fields.author).toBeUndefined();
      expect(bibtex!.fields.key).toBe(TITLE);
      expect(biblatex!.fields.author).toBeUndefined();
    }
  });

  it('impossible dates keep only what is possible', () => {
    const month13 = withCsl({ issued: { 'date-parts': [[2018, 13, 1]] } });
    expect(both(month13)[0]!.fields).toMatchObject({ year: '2018' });
    expect(both(month13)[0]!.fields.month).toBeUndefined();
    expect(both(month13)[1]!.fields.date).toBe('2018');
    const feb31 = withCsl({ issued: { 'date-parts': [[2019, 2, 31]] } });
    expect(both(feb31)[0]!.fields).toMatchObject({ year: '2019', month: 'feb' });
    expect(both(feb31)[1]!.fields.date).toBe('2019-02');
    const leap = withCsl({ issued: { 'date-parts': [[2020, 2, 29]] } });
    expect(both(leap)[1]!.fields.date).toBe('2020-02-29');
    const raw = withCsl({ issued: { raw: '2018-13-45' } });
    expect(both(raw)[1]!.fields.date).toBe('2018');
    const nonsense = withCsl({ issued: { 'date-parts': [[Number.NaN, 1, 1]] } });
    for (const entry of both(nonsense)) expect(entry.fields).not.toHaveProperty('date');
  });

  it('a title full of LaTeX specials is escaped and reads back unchanged', () => {
    const title = '50% of $100 & #1_{x}~^\\';
    for (const dialect of dialects) {
      const bib = toBibtex(SPECIALS, dialect, NOUNS);
      expect(entryOf(bib).fields.title).toBe(
        '50\\% of \\$100 \\& \\#1\\_\\{x\\}\\textasciitilde{}\\textasciicircum{}\\textbackslash{}',
      );
      expect(citationJs(bib).title).toBe(title);
    }
  });

  it('unpaired braces cannot open or close the field', () => {
    for (const title of ['A { b', 'A } b', '} X {', '{{{', 'Ok {paired} but }']) {
      for (const dialect of dialects) {
        const bib = toBibtex(withCsl({ title, 'container-title': '}{' }), dialect, NOUNS);
        expect(citationJs(bib).title, bib).toBe(title);
        expect(entryOf(bib).fields.howpublished ?? entryOf(bib).fields.organization).toBe(
          '\\textbraceright{}\\textbraceleft{}',
        );
      }
    }
  });

  it('5,000 authors are all written, joined with "and"', () => {
    const author = Array.from({ length: 5000 }, (_, i) => ({ family: `Family${i}`, given: 'A.' }));
    for (const dialect of dialects) {
      const bib = toBibtex(withCsl({ author }), dialect, NOUNS);
      const names = entryOf(bib).fields.author!.split(' and ');
      expect(names).toHaveLength(5000);
      expect(names[4999]).toBe('Family4999, A.');
      expect(citationJs(bib).author).toHaveLength(5000);
    }
  });

  it('names that would split or invert are kept whole', () => {
    const author: CslName[] = [
      { family: 'Smith, Jones', given: 'A' },
      { family: 'Rand and Co' },
      { family: 'Doe', given: 'John, Jr' },
      { literal: 'Müller & Søn, Ltd.' },
    ];
    const bib = toBibtex(withCsl({ author }), 'bibtex', NOUNS);
    expect(entryOf(bib).fields.author).toBe(
      '{Smith, Jones}, A and {Rand and Co} and Doe, {John, Jr} and {M{\\"u}ller \\& S{\\o}n, Ltd.}',
    );
    expect(citationJs(bib).author).toHaveLength(4);
  });

  it('line breaks and blank lines in the data never end a field or a paragraph', () => {
    const bib = toBibtex(withCsl({ title: 'One\n\nTwo\r\n\tThree' }), 'biblatex', NOUNS);
    expect(entryOf(bib).fields.title).toBe('One Two Three');
  });

  it('every testing article gives one well-formed entry in each dialect', () => {
    for (const article of TESTING_ARTICLES) {
      for (const dialect of dialects) {
        const entry = entryOf(toBibtex(article, dialect, properNounsOf(article)));
        expect(entry.key).toMatch(/^[A-Za-z0-9_:.+/-]+$/u);
      }
    }
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

  it('in ASCII, a protected word keeps its accents inside the braces', () => {
    expect(protectTitle('Visit to Łódź', new Set(['Łódź']), 'ascii')).toBe(
      "Visit to {{\\L}{\\'o}d{\\'z}}",
    );
  });
});
