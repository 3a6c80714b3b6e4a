import type { CslItem, CslName } from '../article/model.ts';
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

/** "Müller-Lüdenscheidt" -> "mullerludenscheidt": only [a-z0-9] survive. */
export function keyPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøđðþłı]/gu, (c) => TRANSLITERATIONS[c] ?? '')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

function nameKey(name: CslName | undefined): string {
  if (!name) return '';
  return keyPart(name.family ?? name.literal ?? name.given ?? '');
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
  const author = nameKey(csl.author?.[0]) || nameKey(editors[0]);
  const year = issuedYear(csl);
  const titleWord =
    (csl.title ?? '')
      .split(/\s+/u)
      .map(keyPart)
      .find((w) => w && !ARTICLES.has(w)) ?? '';
  return `${author || 'anon'}${year ?? 'nd'}${titleWord}`;
}
