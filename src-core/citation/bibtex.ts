/**
 * BibTeX and BibLaTeX entries, written here rather than by citation-js: its BibTeX output
 * (plugin-bibtex) cannot know which title words are proper nouns — that knowledge is learned
 * from the article body — so it cannot brace-protect "{Taliban}" while leaving "Pushes" free
 * for a style's sentence case; it also has no place for the republication note, and it writes
 * months and organisation authors differently from what BibTeX needs (a bare month macro; a
 * double-braced literal that is never inverted).
 *
 * The two dialects are two different targets:
 * - `bibtex` is for classic BibTeX and its .bst styles (plain, alpha, natbib's, IEEEtran). The
 *   file is ASCII (non-ASCII letters as LaTeX accents, see escapeTexAscii) and web pages are
 *   `@misc`, the only entry type those styles have for them. A .bst prints only the fields it
 *   knows, so what a reader needs is put where plain.bst prints it: the URL as
 *   `howpublished = {\url{…}}` (the document loads the url or hyperref package), the site in
 *   `howpublished` when there is no URL and at the head of `note` when there is, and the access
 *   date and the original publisher in `note`. The site is written once, never in two fields.
 *   An entry without author gets `key` (the title), which plain.bst sorts by.
 * - `biblatex` is for biber: UTF-8, `@online` with `organization` (the site), an ISO `date`,
 *   `url` and `urldate`, and the republication in `addendum`.
 */
import type { CslItem } from '../article/model.ts';
import { articleCitekey, issuedYear } from './citation-key.ts';
import { cleanNames, originalPublisher, validDateParts } from './csl-json.ts';
import {
  balanceBraces,
  escapeTex,
  escapeTexAscii,
  rawTexEscape,
  texNames,
  type TexEncoding,
  type TexEscape,
} from './tex.ts';
import { toMlaTitleCase } from './title-case.ts';
import { analyseTitle } from './title-words.ts';
import type { CitableArticle } from './types.ts';

export type BibDialect = 'bibtex' | 'biblatex';

type ContainerField = 'organization' | 'journal' | 'booktitle' | 'howpublished';

interface EntryShape {
  biblatex: string;
  bibtex: string;
  /** The field for the container (site, journal, book); see toBibtex for classic @misc. */
  container: ContainerField;
  /** Where the publisher goes (BibTeX names it by entry type). */
  publisher: 'publisher' | 'institution' | 'school';
}

const WEB: EntryShape = {
  biblatex: 'online',
  bibtex: 'misc',
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
  const { csl } = article;
  const encoding: TexEncoding = dialect === 'bibtex' ? 'ascii' : 'utf8';
  const escape: TexEscape = encoding === 'ascii' ? escapeTexAscii : escapeTex;
  const shape = SHAPES[csl.type] ?? MISC;
  const classicMisc = dialect === 'bibtex' && shape.bibtex === 'misc';
  const fields: Field[] = [];
  const add = (name: string, value: string | null | undefined): void => {
    if (value && value.trim()) fields.push([name, value.trim()]);
  };
  const text = (value: unknown): string | null =>
    typeof value === 'string' && value.trim() ? escape(value.trim()) : null;
  const notes: string[] = [];

  const authors = cleanNames(csl.author);
  add('author', texNames(authors, escape));
  add('editor', texNames(cleanNames(csl.editor), escape));
  const title = typeof csl.title === 'string' && csl.title.trim() ? csl.title.trim() : null;
  // plain.bst sorts an entry without author by `key`, and warns when it has neither.
  if (dialect === 'bibtex' && !authors.length) add('key', escape(title ?? articleCitekey(article)));
  add('title', bibTitle(article, dialect, properNouns, encoding));

  const site = text(csl['container-title']);
  // url and doi are verbatim fields: TeX escapes would end up in the link.
  const url = typeof csl.URL === 'string' ? verbatim(csl.URL) : null;
  if (classicMisc) {
    // citation-js, JabRef and BibDesk read a howpublished that starts with \url as the URL.
    // howpublished is not a verbatim field, so readers take ~ in it for a TeX space; %7E is the
    // same URL (RFC 3986, 2.3).
    if (url) add('howpublished', `\\url{${url.replace(/~/gu, '%7E')}}`);
    else add('howpublished', site);
    if (url && site) notes.push(site);
  } else {
    const field =
      shape.container === 'journal' && dialect === 'biblatex' ? 'journaltitle' : shape.container;
    add(field, site);
  }
  const publisher = text(csl.publisher);
  if (publisher !== site) add(shape.publisher, publisher);
  add('volume', number(csl, 'volume', escape));
  add('number', number(csl, 'issue', escape));
  add('pages', number(csl, 'page', escape)?.replace(/\s*[-–—]+\s*/gu, '--'));
  fields.push(...dateFields(csl, dialect));

  if (url && !classicMisc) fields.push(['url', url]);
  const accessed = url ? validDateParts(csl.accessed)?.[0] : undefined;
  if (accessed && dialect === 'biblatex') fields.push(['urldate', isoDate([accessed])]);
  // Classic BibTeX has no access-date field: the note says it, in the same ISO form as urldate.
  if (accessed && dialect === 'bibtex') notes.push(`Accessed ${isoDate([accessed])}`);
  const doi = typeof csl.DOI === 'string' ? verbatim(csl.DOI) : null;
  if (doi) fields.push(['doi', doi]);
  add('keywords', text(csl.keyword));

  const original = originalPublisher(article);
  if (original) {
    // BibLaTeX: addendum, not note. Standard styles print addendum at the very end of the
    // entry, after the URL and access date, where a republication statement belongs; note is
    // printed between the title and the site. pandoc and citation-js read both as CSL note.
    if (dialect === 'biblatex') add('addendum', `Originally published by ${escape(original)}`);
    else notes.push(`Originally published by ${escape(original)}`);
  }
  add('note', sentences(notes));

  const type = dialect === 'biblatex' ? shape.biblatex : shape.bibtex;
  const body = fields.map(([name, value, bare]) => `  ${name} = ${bare ? value : `{${value}}`}`);
  const fieldLines = body.length ? `${body.join(',\n')}\n` : '';
  return `@${type}{${articleCitekey(article)},\n${fieldLines}}`;
}

/** The title the user cased for this dialect (escaped only), else the protected title. */
function bibTitle(
  article: CitableArticle,
  dialect: BibDialect,
  properNouns: ReadonlySet<string>,
  encoding: TexEncoding,
): string | null {
  const override = article.titleOverrides?.[dialect];
  if (typeof override === 'string' && override.trim()) {
    return balanceBraces(rawTexEscape(override.trim(), encoding));
  }
  const title = article.csl.title;
  if (typeof title !== 'string' || !title.trim()) return null;
  return protectTitle(title.trim().normalize('NFC'), properNouns, encoding);
}

/** Joins the parts of a note as sentences, without doubling a full stop that ends one. */
function sentences(parts: readonly string[]): string | null {
  return parts.reduce<string | null>(
    (out, part) => (out === null ? part : `${out}${/[.!?]$/u.test(out) ? '' : '.'} ${part}`),
    null,
  );
}

/**
 * A URL or DOI as a verbatim field. Braces and backslashes would unbalance or break the entry,
 * and spaces or non-ASCII would break \url and the ASCII file: all are percent-encoded, which
 * names the same resource.
 */
function verbatim(value: string): string | null {
  const out = value
    .trim()
    .replace(/[{}\\\s]|[^\x21-\x7E]/gu, (c) => (/\s/u.test(c) ? '%20' : encodeURIComponent(c)));
  return out || null;
}

function number(csl: CslItem, name: string, escape: TexEscape): string | null {
  const value = csl[name];
  return typeof value === 'string' || typeof value === 'number' ? escape(String(value)) : null;
}

function dateFields(csl: CslItem, dialect: BibDialect): Field[] {
  const parts = validDateParts(csl.issued);
  if (dialect === 'biblatex') {
    if (parts) return [['date', isoDate(parts)]];
    const year = issuedYear(csl);
    return year === null ? [] : [['date', isoDate([[year]])]];
  }
  const year = parts?.[0]?.[0] ?? issuedYear(csl);
  if (year === null || year === undefined) return [];
  const macro = MONTHS[(parts?.[0]?.[1] ?? 0) - 1];
  return macro
    ? [
        ['year', String(year)],
        ['month', macro, true],
      ]
    : [['year', String(year)]];
}

/** ISO 8601 as BibLaTeX wants it: "2018-08-15", "2018-08", "2018", or a range "2017/2018". */
function isoDate(parts: readonly (readonly number[])[]): string {
  const one = (p: readonly number[]): string =>
    p
      .slice(0, 3)
      .map((n, i) =>
        i === 0
          ? `${n < 0 ? '-' : ''}${String(Math.abs(n)).padStart(4, '0')}`
          : String(n).padStart(2, '0'),
      )
      .join('-');
  return parts.slice(0, 2).map(one).join('/');
}

/**
 * The title as published, with every word whose capitals must survive a style's sentence case
 * wrapped in braces: proper nouns and acronyms (the same analysis as APA sentence case) and the
 * first word of a subtitle. A title in ALL CAPS is first recased, or every word would be braced.
 * `encoding` is 'utf8' for BibLaTeX, 'ascii' for classic BibTeX (see escapeTexAscii).
 */
export function protectTitle(
  title: string,
  properNouns: ReadonlySet<string>,
  encoding: TexEncoding = 'utf8',
): string {
  const escape = (text: string): string => rawTexEscape(text, encoding);
  const first = analyseTitle(title, properNouns);
  const { words, tail, parts } = first.caseless
    ? analyseTitle(toMlaTitleCase(title, properNouns), properNouns)
    : first;
  let out = '';
  words.forEach((word, i) => {
    const core = (parts[i] ?? [])
      .map((part, j) => {
        const text = escape(part.text);
        if (j % 2 === 1 || !/\p{Lu}/u.test(part.text)) return text;
        const subtitle = j === 0 && i > 0 && word.startsSentence;
        return part.fixed || subtitle ? `{${text}}` : text;
      })
      .join('');
    out += escape(word.before + word.lead) + core + escape(word.trail);
  });
  return balanceBraces(out + escape(tail));
}
