/**
 * RIS, the tagged format EndNote, Zotero, Mendeley, RefWorks and citation-js all import:
 * one "TAG  - value" line per datum (two letters or a letter and a digit, two spaces, a hyphen,
 * a space), a record from TY to ER.
 *
 * - Lines end in CRLF, as the RIS specification (Research Information Systems / RefMan)
 *   prescribes and as Zotero and EndNote write it; every reader that accepts LF also accepts
 *   CRLF, while older Windows importers (RefMan, RefWorks) reject bare LF.
 * - The file is UTF-8 without a byte-order mark (Zotero and EndNote's default).
 * - Authors are "Family, Given[, Suffix]" (the specification's form). RIS cannot mark a name
 *   as an organisation: an organisation is written as its whole name without a comma, which
 *   Zotero and citation-js import as a single-field (literal) name. An organisation whose name
 *   contains a comma will be split at it by Zotero; there is no RIS way to prevent that.
 * - Web pages (webpage, post, post-weblog) are ELEC, with the site in T2 and the access date
 *   in Y2, as Zotero writes them. Readers differ on the rarer tags: citation-js follows the
 *   2011 specification's per-type tables, so it reads ELEC's Y2 not as the access date and a
 *   NEWS record's AU as reporters; Zotero and EndNote read them as written here.
 * - Dates are "YYYY/MM/DD/" with empty parts left empty ("2018/08//"); PY holds the year.
 */
import type { CslName } from '../article/model.ts';
import { articleCitekey } from './citation-key.ts';
import { cleanNames, republicationNote, validDateParts } from './csl-json.ts';
import { withLibraryCitekeys } from './library-keys.ts';
import type { CitableArticle } from './types.ts';

const EOL = '\r\n';

const RIS_TYPES: Record<string, string> = {
  webpage: 'ELEC',
  post: 'ELEC',
  'post-weblog': 'ELEC',
  article: 'JOUR',
  'article-journal': 'JOUR',
  'article-newspaper': 'NEWS',
  'article-magazine': 'MGZN',
  book: 'BOOK',
  chapter: 'CHAP',
  'paper-conference': 'CONF',
  report: 'RPRT',
  thesis: 'THES',
};

/** The RIS type for a CSL type; GEN (generic) for the rest. */
export function risType(cslType: string): string {
  return RIS_TYPES[cslType] ?? 'GEN';
}

/** One value on one line: RIS has no continuation lines, so line breaks become spaces. */
function oneLine(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

function risName(name: CslName): string {
  if (name.literal !== undefined || name.family === undefined) {
    return name.literal ?? name.given ?? '';
  }
  const particle = name['non-dropping-particle'] ?? name['dropping-particle'];
  const family = particle ? `${particle} ${name.family}` : name.family;
  return [family, name.given, name.suffix].filter(Boolean).join(', ');
}

function risDate(parts: readonly number[] | undefined): string | null {
  if (!parts?.length) return null;
  const [y, m, d] = parts;
  const two = (n: number | undefined): string => (n ? String(n).padStart(2, '0') : '');
  const year = y !== undefined && y >= 0 ? String(y).padStart(4, '0') : String(y);
  return `${year}/${two(m)}/${two(d)}/`;
}

/** Keywords as Quire stores them ("a, b") or as a list; one KW line each. */
function keywords(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;]/u) : [];
  return list
    .filter((k): k is string => typeof k === 'string')
    .map(oneLine)
    .filter(Boolean);
}

/**
 * A plain-text note as an N1 value Zotero keeps as written: Zotero's RIS import reads an N1
 * holding a tag as HTML and anything else as text it re-wraps (`\n` -> `<br/>`), and it does not
 * unescape N1. So the note is escaped and wrapped here: `<p>` per paragraph, `<br/>` per line
 * break, `&lt;` for a `<` the user typed. Everything is on one line (RIS has no line breaks in
 * a value that every reader accepts).
 */
export function risNote(note: string): string {
  const escaped = note.trim().replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  const paragraphs = escaped.split(/\r?\n\s*\r?\n/u).map((p) => p.replace(/\r?\n/gu, '<br/>'));
  return paragraphs.map((p) => `<p>${p}</p>`).join('');
}

/**
 * One KW line per tag. Zotero splits a KW value at semicolons (and a record's only KW line at
 * commas too): a tag holding those would come back as several, so they become spaces there.
 */
function tagLines(article: CitableArticle): string[] {
  const tags = [...(article.tags ?? [])];
  const safe = tags.map((t) =>
    tags.length === 1 ? t.replace(/[;,]/gu, ' ') : t.replace(/;/gu, ' '),
  );
  return safe.map(oneLine).filter(Boolean);
}

/** One RIS record, CRLF line endings, ending with "ER  - " and a line break. */
export function toRis(article: CitableArticle): string {
  const { csl } = article;
  const lines: string[] = [];
  const add = (tag: string, value: unknown): void => {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
    const line = oneLine(text);
    if (line) lines.push(`${tag}  - ${line}`);
  };
  const type = risType(csl.type);
  add('TY', type);
  add('ID', articleCitekey(article));
  add('TI', article.titleOverrides?.ris ?? csl.title);
  for (const name of cleanNames(csl.author)) add('AU', risName(name));
  // Editors of the book or proceedings a chapter or paper is in (A2, "secondary author").
  const editorTag = type === 'CHAP' || type === 'CONF' ? 'A2' : type === 'BOOK' ? 'A3' : null;
  if (editorTag) for (const name of cleanNames(csl.editor)) add(editorTag, risName(name));
  add('T2', csl['container-title']);
  add('PB', csl.publisher);
  add('VL', csl.volume);
  add('IS', csl.issue);
  const pages =
    typeof csl.page === 'string' || typeof csl.page === 'number' ? String(csl.page) : '';
  const [start, end] = pages.split(/\s*[-–—]+\s*/u);
  add('SP', start);
  add('EP', end);
  const issued = validDateParts(csl.issued)?.[0];
  add('PY', issued?.[0]);
  // DA only when it says more than PY.
  if (issued && issued.length > 1) add('DA', risDate(issued));
  add('Y2', risDate(validDateParts(csl.accessed)?.[0]));
  add('UR', csl.URL);
  add('DO', csl.DOI);
  add('LA', csl.language);
  const kw = new Set<string>();
  for (const keyword of [...keywords(csl.keyword), ...tagLines(article)]) {
    if (kw.has(keyword.toLowerCase())) continue;
    kw.add(keyword.toLowerCase());
    add('KW', keyword);
  }
  add('N1', republicationNote(article));
  add('N1', csl.note);
  for (const note of article.notes ?? []) if (note.trim()) add('N1', risNote(note));
  lines.push('ER  - ');
  return lines.join(EOL) + EOL;
}

/** A whole RIS file: records separated by a blank line, keys unique among them. */
export function toRisFile(articles: readonly CitableArticle[]): string {
  return withLibraryCitekeys(articles).map(toRis).join(EOL);
}
