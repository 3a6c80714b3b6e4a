import { articleProperNouns, withMetadataNames } from '../citation/article-nouns.ts';
import type { CitableArticle } from '../citation/types.ts';
import { REFERENCE_CSL } from './fixtures.ts';

/**
 * A small set of articles for the data-format tests (BibTeX, BibLaTeX, RIS, CSL-JSON): each
 * exercises one thing an exporter can get wrong. Imported by tests only.
 */

/** The reference article: an organisation author, a republication, a site, an access date. */
export const REPUBLISHED: CitableArticle = {
  csl: {
    ...REFERENCE_CSL,
    accessed: { 'date-parts': [[2018, 8, 20]] },
    URL: 'https://www.globalresearch.ca/video-taliban-pushes-back-against-isis-expansion-in-afghanistan-increased-us-troops-deployed/5650850',
    keyword: 'Afghanistan, ISIS',
    language: 'en',
  },
  originalSource: { name: 'South Front', url: 'https://southfront.org/' },
  body: [{ text: 'The Taliban fought ISIS across Afghanistan while the US sent more troops.' }],
};

/** Two persons, one with a particle and one with a suffix; a magazine. */
export const PERSONS: CitableArticle = {
  csl: {
    id: 'a2',
    type: 'article-magazine',
    title: 'How the City Council Voted on the Harbour Plan',
    author: [
      { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
    ],
    issued: { 'date-parts': [[2021, 3, 4]] },
    'container-title': 'The Harbour Times',
    URL: 'https://harbourtimes.example/2021/03/04/council-vote',
  },
  originalSource: null,
  body: [{ text: 'The council met on Tuesday in Harbourville.' }],
};

/** An organisation whose name has accents and an ampersand; no URL. */
export const ORGANISATION: CitableArticle = {
  csl: {
    id: 'a3',
    type: 'webpage',
    title: 'Annual Report on Field Hospitals',
    author: [{ literal: 'Médecins Sans Frontières & Partners' }],
    issued: { 'date-parts': [[2019, 11]] },
    'container-title': 'MSF Reports',
    license: 'CC BY 4.0',
  },
  originalSource: null,
  body: [],
};

/** No date, a person author, a URL with characters TeX and BibTeX treat specially. */
export const UNDATED: CitableArticle = {
  csl: {
    id: 'a4',
    type: 'webpage',
    title: 'Notes on Rural Broadband',
    author: [{ family: 'Smith', given: 'John A.' }],
    'container-title': 'Example Blog',
    URL: 'https://example.org/notes_on-broadband?x=50%25&y=1#part_2~a',
    accessed: { 'date-parts': [[2024, 1, 3]] },
  },
  originalSource: null,
  body: [],
};

/** Non-ASCII Latin names, ASCII-encodable as LaTeX accents. */
export const NON_ASCII: CitableArticle = {
  csl: {
    id: 'a5',
    type: 'post-weblog',
    title: 'Über die Grenzen des Wachstums in Łódź',
    author: [
      { family: 'Müller', given: 'Jörg' },
      { family: 'Østergaard', given: 'Søren' },
      { family: 'Nowak', given: 'Łukasz' },
      { family: 'Brontë', given: 'Zoë' },
    ],
    issued: { 'date-parts': [[2020, 2, 29]] },
    'container-title': 'Blog der Stadtwerke',
    URL: 'https://stadtwerke.example/blog/grenzen',
  },
  originalSource: null,
  body: [{ text: 'In Łódź the city council met in the old factory.' }],
};

/** A title full of TeX specials. */
export const SPECIALS: CitableArticle = {
  csl: {
    id: 'a6',
    type: 'webpage',
    title: '50% of $100 & #1_{x}~^\\',
    author: [{ family: 'Doe', given: 'Jane' }],
    issued: { 'date-parts': [[2022, 12, 31]] },
    'container-title': 'R&D Weekly',
    URL: 'https://rd.example/50-percent',
  },
  originalSource: null,
  body: [],
};

/** A journal article with a question and a colon in its title, volume, issue, pages, DOI. */
export const JOURNAL: CitableArticle = {
  csl: {
    id: 'a7',
    type: 'article-journal',
    title: 'Is Peace Possible? Lessons from Colombia: A Review',
    author: [
      { family: 'García Márquez', given: 'Ana' },
      { family: 'Okafor', given: 'Chidi' },
    ],
    issued: { 'date-parts': [[2017, 6]] },
    'container-title': 'Journal of Peace Research',
    volume: '54',
    issue: 3,
    page: '401-419',
    DOI: '10.1177/0022343317691330',
  },
  originalSource: null,
  body: [{ text: 'Colombia signed the agreement in Havana.' }],
};

/** No author: the site only; the title carries a proper noun. */
export const NO_AUTHOR: CitableArticle = {
  csl: {
    id: 'a8',
    type: 'webpage',
    title: 'What Happened in Brussels Last Week?',
    issued: { 'date-parts': [[2016, 3, 30]] },
    'container-title': 'Daily Digest',
    URL: 'https://digest.example/brussels',
  },
  originalSource: null,
  body: [{ text: 'Ministers met in Brussels.' }],
};

/** A book with a publisher, and a title the user cased by hand for BibTeX. */
export const BOOK: CitableArticle = {
  csl: {
    id: 'a9',
    type: 'book',
    title: 'the art of war',
    author: [{ family: 'Sunzi' }],
    issued: { 'date-parts': [[2009]] },
    publisher: 'Penguin Classics',
  },
  originalSource: null,
  body: [],
  titleOverrides: { bibtex: 'The Art of War & Peace' },
};

/** A name in a script LaTeX has no ASCII spelling for (kept as UTF-8 even in classic BibTeX). */
export const CJK: CitableArticle = {
  csl: {
    id: 'a10',
    type: 'webpage',
    title: 'Internet Governance in China',
    author: [{ family: '王', given: '小明' }],
    issued: { 'date-parts': [[2023, 5, 1]] },
    'container-title': 'Asia Policy Forum',
    URL: 'https://apf.example/wang',
  },
  originalSource: null,
  body: [],
};

/** Every article above, in a fixed order. */
export const TESTING_ARTICLES: readonly CitableArticle[] = [
  REPUBLISHED,
  PERSONS,
  ORGANISATION,
  UNDATED,
  NON_ASCII,
  SPECIALS,
  JOURNAL,
  NO_AUTHOR,
  BOOK,
  CJK,
];

/** The proper nouns the engine would use for an article's titles (body + metadata names). */
export function properNounsOf(article: CitableArticle): Set<string> {
  return withMetadataNames(articleProperNouns(article.body.map((p) => p.text)), article);
}

export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

/**
 * Reads a .bib file as strictly as BibTeX does and throws at the first thing BibTeX would
 * reject: every brace counts (escaped or not), every field is `name = {…}` or a bare macro,
 * fields are separated by commas, every entry is closed. Test-only.
 */
export function readBibStrict(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i}: ${JSON.stringify(text.slice(i, i + 40))}`);
  };
  const skipSpace = (): void => {
    while (i < text.length && /\s/u.test(text[i] ?? '')) i++;
  };
  const expect = (c: string): void => {
    skipSpace();
    if (text[i] !== c) fail(`expected ${c}`);
    i++;
  };
  const read = (pattern: RegExp, what: string): string => {
    skipSpace();
    const match = pattern.exec(text.slice(i));
    if (!match) return fail(`expected ${what}`);
    i += match[0].length;
    return match[0];
  };
  for (skipSpace(); i < text.length; skipSpace()) {
    expect('@');
    const type = read(/^[a-z]+/u, 'an entry type');
    expect('{');
    const key = read(/^[^\s,{}()="#%'~\\]+/u, 'a key');
    const fields: Record<string, string> = {};
    skipSpace();
    while (text[i] === ',') {
      i++;
      const name = read(/^[a-z]+/u, 'a field name');
      if (name in fields) fail(`repeated field ${name}`);
      expect('=');
      skipSpace();
      if (text[i] === '{') {
        const start = ++i;
        for (let depth = 1; depth > 0; i++) {
          if (i >= text.length) fail(`unclosed field ${name}`);
          if (text[i] === '{') depth++;
          else if (text[i] === '}') depth--;
        }
        fields[name] = text.slice(start, i - 1);
      } else {
        fields[name] = read(/^[a-z0-9]+/u, 'a value');
      }
      skipSpace();
    }
    expect('}');
    entries.push({ type, key, fields });
  }
  return entries;
}
