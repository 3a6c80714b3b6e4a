import type { StatedDate } from '../document/types.ts';
import type { Candidate } from './candidates.ts';

/**
 * Dates as pages state them in metadata (`2021-03-04T23:50:00-05:00`, `2021/03/04`,
 * `Thu, 04 Mar 2021 10:00:00 GMT`, `4 March 2021`, `03/04/2021` …), read as the page's own
 * calendar day: a time and its offset are dropped, never converted to UTC or to this machine's
 * time zone.
 */

type Parts = [number, number?, number?];

/** How a page writes an all-numeric date whose first two numbers could both be the month. */
export type NumericOrder = 'day-first' | 'month-first' | null;

// English-speaking regions that write the month first: the United States, its territories and
// the states in free association with it, and the Philippines.
const MONTH_FIRST_REGIONS = new Set([
  'us',
  'as',
  'gu',
  'mp',
  'pr',
  'um',
  'vi',
  'fm',
  'mh',
  'pw',
  'ph',
]);

// Languages whose numeric dates put the day first (03/04/2021 is 3 April) wherever they are
// written. Year-first languages (Chinese, Japanese, Korean, Hungarian, Lithuanian …) are not
// here: a day/month/year string on such a page is unusual and stays ambiguous.
const DAY_FIRST_LANGUAGES = new Set(
  `af am ar az be bg bn bs ca cs cy da de el es et eu fi fo fr fy ga gd gl gu he hi hr hy id is it
  ka kk kn ky lb lo lv mk ml mr ms mt nb ne nl nn no oc pa pl ps pt rm ro ru si sk sl so sq sr sv
  sw ta te tg th tk tr uk ur uz vi zu`.split(/\s+/),
);

/** Reads a BCP 47 tag (`en-GB`, `en_us`, `fr`) as the numeric date order its writers use. */
export function numericOrder(lang: string | null | undefined): NumericOrder {
  if (!lang) return null;
  const [language = '', ...rest] = lang.trim().toLowerCase().replace(/_/g, '-').split('-');
  const region = rest.find((p) => /^(?:[a-z]{2}|\d{3})$/.test(p)) ?? null;
  if (language === 'en') {
    // Bare "en" says nothing about the region; Canada writes both orders.
    if (!region || region === 'ca' || region === '001') return null;
    return MONTH_FIRST_REGIONS.has(region) ? 'month-first' : 'day-first';
  }
  if (language === 'es' && region === 'us') return null;
  return DAY_FIRST_LANGUAGES.has(language) ? 'day-first' : null;
}

const MONTH_NAMES: Record<string, number> = {};
const addMonths = (names: string): void => {
  names
    .trim()
    .split(/\s*\n\s*/)
    .forEach((line, i) => {
      for (const name of line.split(/\s+/)) MONTH_NAMES[name] = i + 1;
    });
};
// One line per month: English, French, German, Spanish, Italian, Portuguese, Dutch, and their
// usual abbreviations. Names shared between languages always mean the same month.
addMonths(`
  jan january janv janvier januar jänner jän ene enero gen gennaio janeiro januari
  feb february fév févr février februar febrero febbraio fev fevereiro februari
  mar march mars märz mär mrz marzo março maart mrt
  apr april avr avril abr abril aprile
  may mai mayo mag maggio maio mei
  jun june juin juni junio giu giugno junho
  jul july juil juillet juli julio lug luglio julho
  aug august août aout ago agosto augustus
  sep sept september septembre septiembre setiembre set settembre setembro
  oct october octobre okt oktober octubre ott ottobre out outubro
  nov november novembre noviembre novembro
  dec december déc décembre dez dezember dic diciembre dicembre dezembro
`);

/** Words that sit between the parts of a written date: "4th of March", "4 de marzo de 2021". */
const FILLERS = new Set(['of', 'the', 'st', 'nd', 'rd', 'th', 'er', 'de', 'del', 'do', 'da']);

const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

function valid(parts: Parts): boolean {
  const [y, m, d] = parts;
  if (!Number.isInteger(y) || y < 1000 || y > 2999) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= daysInMonth(y, m);
}

const date = (parts: Parts, ambiguous: boolean, from: string): StatedDate | null =>
  valid(parts) ? { parts, ambiguous, from } : null;

/** After the date: the end, a time, an offset or a separator, never another digit. */
const END = '(?=$|[T\\s,;]|Z$|[+-]\\d{2}:?\\d{2}$)';
const ISO = new RegExp(`^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?${END}`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?=$|T\d)/;
const YEAR_FIRST = new RegExp(`^(\\d{4})([/.])(\\d{1,2})(?:\\2(\\d{1,2}))?\\.?${END}`);
const NUMERIC = new RegExp(`^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})${END}`);

/**
 * Parses a stated date. `lang` (the page's language) decides how an all-numeric date with both
 * leading parts ≤ 12 reads: `en-GB`, `fr`, `de` … day first; `en-US` month first; an unknown
 * language reads it month first (as the text front end does) and flags it `ambiguous` for the
 * user to confirm. Dotted dates (04.03.2021) are day first unless the page is US English.
 * Returns null for anything that is not a real calendar date (31 February, month 13).
 */
export function parseStatedDate(
  value: string,
  lang: string | null,
  from: string,
): StatedDate | null {
  const v = value.slice(0, 200).replace(/\s+/g, ' ').trim();
  if (!v) return null;

  let m = ISO.exec(v);
  // A bare year followed by words ("2021 March 4") is a written date.
  if (m && (m[2] !== undefined || v.length === 4))
    return date(numbers(m[1], m[2], m[3]), false, from);
  const year = m ? Number(m[1]) : null;
  m = COMPACT.exec(v);
  if (m) return date(numbers(m[1], m[2], m[3]), false, from);
  m = YEAR_FIRST.exec(v);
  if (m) return date(numbers(m[1], m[3], m[4]), false, from);
  m = NUMERIC.exec(v);
  if (m) return numeric(Number(m[1]), Number(m[3]), Number(m[4]), m[2]!, lang, from);
  return written(v, from) ?? (year === null ? null : date([year], false, from));
}

function numbers(y?: string, m?: string, d?: string): Parts {
  const parts: Parts = [Number(y)];
  if (m !== undefined) parts.push(Number(m));
  if (m !== undefined && d !== undefined) parts.push(Number(d));
  return parts;
}

function numeric(
  a: number,
  b: number,
  year: number,
  separator: string,
  lang: string | null,
  from: string,
): StatedDate | null {
  // One reading is impossible: the other is the date, whatever the language.
  if (a > 12 || b > 12) return date(a > 12 ? [year, b, a] : [year, a, b], false, from);
  let order = numericOrder(lang);
  if (separator === '.' && order === null) order = 'day-first';
  if (a === b) return date([year, a, b], false, from);
  if (order === 'day-first') return date([year, b, a], false, from);
  if (order === 'month-first') return date([year, a, b], false, from);
  return date([year, a, b], true, from);
}

/** "March 4, 2021", "4 March 2021", "Thu, 04 Mar 2021 10:00:00 GMT", "4. März 2021", "März 2021". */
function written(v: string, from: string): StatedDate | null {
  const cjk = /[年년]/.test(v);
  const tokens = (v.match(/\p{L}+|\d+/gu) ?? [])
    .slice(0, 24)
    .map((t) => t.toLowerCase())
    .filter((t) => !FILLERS.has(t) && !(cjk && /^[年月日년월일]$/.test(t)));
  const isYear = (t?: string): boolean => t !== undefined && /^\d{4}$/.test(t);
  const isDay = (t?: string): boolean => t !== undefined && /^\d{1,2}$/.test(t);
  const month = (t?: string): number => (t === undefined ? 0 : (MONTH_NAMES[t] ?? 0));
  for (let i = 0; i < Math.min(tokens.length, 8); i++) {
    const [t0, t1, t2] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    let parts: Parts | null = null;
    if (month(t0) && isDay(t1) && isYear(t2)) parts = [Number(t2), month(t0), Number(t1)];
    else if (isDay(t0) && month(t1) && isYear(t2)) parts = [Number(t2), month(t1), Number(t0)];
    else if (isYear(t0) && month(t1) && isDay(t2)) parts = [Number(t0), month(t1), Number(t2)];
    else if (cjk && isYear(t0) && isDay(t1) && isDay(t2))
      parts = [Number(t0), Number(t1), Number(t2)];
    else if (month(t0) && isYear(t1)) parts = [Number(t1), month(t0)];
    if (parts) return date(parts, false, from);
  }
  return null;
}

/** The other reading of an ambiguous numeric date (month and day swapped). */
export function otherReading(stated: StatedDate): Parts | null {
  const [y, m, d] = stated.parts;
  if (!stated.ambiguous || m === undefined || d === undefined) return null;
  return [y, d, m];
}

/**
 * The first date that parses, by precedence, with two refinements from lower sources that
 * agree with it: an ambiguous numeric date (03/04/2021 on a page of unknown language) is
 * settled by an unambiguous date equal to one of its readings, and a date without a day
 * (2021-03) takes the day of a later date in the same month.
 */
export function chooseStatedDate(candidates: Candidate[], lang: string | null): StatedDate | null {
  const parsed: StatedDate[] = [];
  for (const c of candidates) {
    if (!c.value) continue;
    const d = parseStatedDate(c.value, lang, c.from);
    if (d) parsed.push(d);
  }
  const chosen = parsed[0];
  if (!chosen) return null;
  if (chosen.ambiguous) {
    const other = otherReading(chosen);
    const settled = parsed.find(
      (p) => !p.ambiguous && (sameParts(p.parts, chosen.parts) || sameParts(p.parts, other)),
    );
    return settled ?? chosen;
  }
  if (chosen.parts.length < 3) {
    const finer = parsed.find(
      (p) =>
        !p.ambiguous &&
        p.parts.length > chosen.parts.length &&
        chosen.parts.every((v, i) => p.parts[i] === v),
    );
    return finer ?? chosen;
  }
  return chosen;
}

const sameParts = (a: readonly (number | undefined)[], b: readonly (number | undefined)[] | null) =>
  b !== null && a.length === b.length && a.every((v, i) => v === b[i]);
