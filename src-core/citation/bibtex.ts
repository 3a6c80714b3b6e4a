/**
 * BibTeX and BibLaTeX entries, written here rather than by citation-js: its BibTeX output
 * (plugin-bibtex, not a dependency) cannot know which title words are proper nouns — that
 * knowledge is learned from the article body — so it cannot brace-protect "{Taliban}" while
 * leaving "Pushes" free for a style's sentence case; it also has no place for the
 * republication note, and it writes months and organisation authors differently from what
 * BibTeX needs (a bare month macro; a double-braced literal that is never inverted).
 */
import type { CslDate, CslItem } from '../article/model.ts';
import { citationKey, issuedYear } from './citation-key.ts';
import { escapeTex, texNames } from './tex.ts';
import { toMlaTitleCase } from './title-case.ts';
import { analyseTitle } from './title-words.ts';
import type { CitableArticle } from './types.ts';

export type BibDialect = 'bibtex' | 'biblatex';

type ContainerField = 'organization' | 'journal' | 'booktitle' | 'howpublished';

interface EntryShape {
  biblatex: string;
  bibtex: string;
  container: ContainerField;
  /** Where the publisher goes (BibTeX names it by entry type). */
  publisher: 'publisher' | 'institution' | 'school';
}

const WEB: EntryShape = {
  biblatex: 'online',
  bibtex: 'online',
  container: 'organization',
  publisher: 'publisher',
};
const ARTICLE: EntryShape = {
  biblatex: 'article',
  bibtex: 'article',
  container: 'journal',
  publisher: 'publisher',
};
const MISC: EntryShape = {
  biblatex: 'misc',
  bibtex: 'misc',
  container: 'howpublished',
  publisher: 'publisher',
};

const SHAPES: Record<string, EntryShape> = {
  webpage: WEB,
  post: WEB,
  'post-weblog': WEB,
  'article-journal': ARTICLE,
  'article-magazine': ARTICLE,
  'article-newspaper': ARTICLE,
  book: { biblatex: 'book', bibtex: 'book', container: 'howpublished', publisher: 'publisher' },
  chapter: {
    biblatex: 'incollection',
    bibtex: 'incollection',
    container: 'booktitle',
    publisher: 'publisher',
  },
  'paper-conference': {
    biblatex: 'inproceedings',
    bibtex: 'inproceedings',
    container: 'booktitle',
    publisher: 'publisher',
  },
  report: {
    biblatex: 'report',
    bibtex: 'techreport',
    container: 'howpublished',
    publisher: 'institution',
  },
  thesis: {
    biblatex: 'thesis',
    bibtex: 'phdthesis',
    container: 'howpublished',
    publisher: 'school',
  },
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One field; `bare` values (month macros) are written without braces. */
type Field = [name: string, value: string, bare?: boolean];

export function toBibtex(
  article: CitableArticle,
  dialect: BibDialect,
  properNouns: ReadonlySet<string>,
): string {
  const { csl, originalSource } = article;
  const shape = SHAPES[csl.type] ?? MISC;
  const fields: Field[] = [];
  const add = (name: string, value: string | null | undefined): void => {
    if (value && value.trim()) fields.push([name, value.trim()]);
  };
  add('author', texNames(csl.author));
  add('editor', texNames(Array.isArray(csl.editor) ? csl.editor : undefined));
  if (csl.title) add('title', protectTitle(csl.title, properNouns));
  const container = csl['container-title'] ? escapeTex(csl['container-title']) : null;
  const containerField =
    shape.container === 'journal' && dialect === 'biblatex' ? 'journaltitle' : shape.container;
  add(containerField, container);
  // Classic BibTeX styles print @online as @misc, which shows howpublished, not organization.
  if (dialect === 'bibtex' && containerField === 'organization') add('howpublished', container);
  add(shape.publisher, csl.publisher ? escapeTex(csl.publisher) : null);
  add('volume', stringField(csl, 'volume'));
  add('number', stringField(csl, 'issue'));
  add('pages', stringField(csl, 'page')?.replace(/\s*[-–—]+\s*/gu, '--'));
  addDate(fields, csl, dialect);
  // url and doi are verbatim fields: TeX escapes would end up in the link. Only braces, which
  // would unbalance the entry, are percent-encoded (the same URL to any browser).
  const url = csl.URL ? verbatim(csl.URL) : null;
  if (url) fields.push(['url', url]);
  const accessed = isoDate(csl.accessed);
  if (url && accessed) fields.push(['urldate', accessed]);
  const doi = typeof csl.DOI === 'string' ? verbatim(csl.DOI) : null;
  if (doi) fields.push(['doi', doi]);
  const original = originalSource?.name ?? csl['original-publisher'];
  if (typeof original === 'string' && original.trim()) {
    add('note', `Originally published by ${escapeTex(original.trim())}`);
  }
  const type = dialect === 'biblatex' ? shape.biblatex : shape.bibtex;
  const body = fields.map(([name, value, bare]) => `  ${name} = ${bare ? value : `{${value}}`}`);
  const fieldLines = body.length ? `${body.join(',\n')}\n` : '';
  return `@${type}{${citationKey(csl)},\n${fieldLines}}`;
}

function verbatim(value: string): string {
  return value.trim().replace(/\{/gu, '%7B').replace(/\}/gu, '%7D');
}

function stringField(csl: CslItem, name: string): string | null {
  const value = csl[name];
  return typeof value === 'string' || typeof value === 'number' ? escapeTex(String(value)) : null;
}

function addDate(fields: Field[], csl: CslItem, dialect: BibDialect): void {
  if (dialect === 'biblatex') {
    const date = isoDate(csl.issued);
    if (date) fields.push(['date', date]);
    return;
  }
  const year = issuedYear(csl);
  if (year === null) return;
  fields.push(['year', String(year)]);
  const month = dateParts(csl.issued)?.[0]?.[1];
  const macro = month ? MONTHS[month - 1] : undefined;
  if (macro) fields.push(['month', macro, true]);
}

function dateParts(date: CslDate | undefined): number[][] | null {
  const parts = date?.['date-parts'];
  if (parts?.length && typeof parts[0]?.[0] === 'number') {
    return parts.map((p) => p.filter((n): n is number => typeof n === 'number'));
  }
  const raw = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/u.exec(date?.raw?.trim() ?? '');
  return raw ? [raw.slice(1).filter(Boolean).map(Number)] : null;
}

/** ISO 8601 as BibLaTeX wants it: "2018-08-15", "2018-08", "2018", or a range "2017/2018". */
function isoDate(date: CslDate | undefined): string | null {
  const parts = dateParts(date);
  if (!parts) return null;
  const one = (p: number[]): string =>
    p
      .slice(0, 3)
      .map((n, i) => (i === 0 ? String(n).padStart(4, '0') : String(n).padStart(2, '0')))
      .join('-');
  return parts.slice(0, 2).map(one).join('/');
}

/**
 * The title as published, with every word whose capitals must survive a style's sentence case
 * wrapped in braces: proper nouns and acronyms (the same analysis as APA sentence case) and the
 * first word of a subtitle. A title in ALL CAPS is first recased, or every word would be braced.
 */
export function protectTitle(title: string, properNouns: ReadonlySet<string>): string {
  const first = analyseTitle(title, properNouns);
  const { words, tail, parts } = first.caseless
    ? analyseTitle(toMlaTitleCase(title, properNouns), properNouns)
    : first;
  let out = '';
  words.forEach((word, i) => {
    const core = (parts[i] ?? [])
      .map((part, j) => {
        const text = escapeTex(part.text);
        if (j % 2 === 1 || !/\p{Lu}/u.test(part.text)) return text;
        const subtitle = j === 0 && i > 0 && word.startsSentence;
        return part.fixed || subtitle ? `{${text}}` : text;
      })
      .join('');
    out += escapeTex(word.before + word.lead) + core + escapeTex(word.trail);
  });
  return out + escapeTex(tail);
}
