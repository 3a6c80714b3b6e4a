import type { CslItem, CslName } from '../article/model.ts';
import type { CitableArticle } from './types.ts';
import { ARTICLES } from './word-lists.ts';

/** Letters that do not decompose into a base letter plus a combining mark. */
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

/** Latin letters without their accents, and the letters above spelled out: "Łódź" -> "Lodz". */
function toAsciiLetters(text: string): string {
  return text
    .replace(/[ßæœøđðþłıÆŒØĐÐÞŁ]/gu, (c) => {
      const lower = TRANSLITERATIONS[c.toLowerCase()] ?? '';
      return c === c.toLowerCase() ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/** "Müller-Lüdenscheidt" -> "mullerludenscheidt": only [a-z0-9] survive. */
export function keyPart(text: string): string {
  return toAsciiLetters(text.toLowerCase()).replace(/[^a-z0-9]/g, '');
}

function nameKey(name: CslName | undefined): string {
  if (!name || typeof name !== 'object') return '';
  const text = [name.family, name.literal, name.given].find((t) => typeof t === 'string' && t);
  return keyPart(text ?? '');
}

/** The year of publication, or null when the item has none. */
export function issuedYear(csl: CslItem): number | null {
  const year = csl.issued?.['date-parts']?.[0]?.[0];
  if (typeof year === 'number' && Number.isFinite(year)) return year;
  const raw = /\b(\d{4})\b/u.exec(csl.issued?.raw ?? '');
  return raw ? Number(raw[1]) : null;
}

/**
 * A readable citation key that depends only on the item's data, so it is the same every time
 * and on every machine: first author's family name (or the organisation's name), the year (or
 * "nd"), and the first title word that is not an article — "southfront2018video". Items with
 * neither author nor editor start with "anon". Making keys unique across a library (adding
 * a, b, c) is the caller's job: this function sees one item.
 */
export function citationKey(csl: CslItem): string {
  const editors = Array.isArray(csl.editor) ? (csl.editor as CslName[]) : [];
  const authors = Array.isArray(csl.author) ? csl.author : [];
  const author = nameKey(authors[0]) || nameKey(editors[0]);
  const year = issuedYear(csl);
  const titleWord =
    (typeof csl.title === 'string' ? csl.title : '')
      .split(/\s+/u)
      .map(keyPart)
      .find((w) => w && !ARTICLES.has(w)) ?? '';
  return `${author || 'anon'}${year ?? 'nd'}${titleWord}`;
}

/**
 * A key every reader accepts as it is: BibTeX ends a key at , { } ( ) = " # % ' ~ \ or a space,
 * pandoc's [@key] syntax stops at most other punctuation, and a .bib file must be ASCII. Letters
 * lose their accents, everything outside [A-Za-z0-9_:.+/-] is dropped; case is kept.
 */
export function safeCitekey(key: string): string {
  return toAsciiLetters(key).replace(/[^A-Za-z0-9_:.+/-]/g, '');
}

/** The article's key in every export: the library's own, else one derived from its data. */
export function articleCitekey(article: CitableArticle): string {
  return (article.citekey && safeCitekey(article.citekey)) || citationKey(article.csl);
}

/** Better BibTeX's suffixes: a … z, then aa, ab, … az, ba, … (bijective base 26). */
function suffix(n: number): string {
  let out = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) {
    out = String.fromCharCode(97 + ((i - 1) % 26)) + out;
  }
  return out;
}

/**
 * The base key if no other item has it, else the base with the first free suffix: a, b, … z,
 * aa, ab, … ("smith2020" -> "smith2020a"). The caller adds the result to `taken`.
 */
export function uniqueCitekey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) {
    const key = base + suffix(n);
    if (!taken.has(key)) return key;
  }
}
