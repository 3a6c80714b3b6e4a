import { daysInMonth } from '../validation/date.ts';

export interface FoundDate {
  parts: [number, number?, number?];
  /** A numeric date whose day and month could be swapped (03/04/2021): the user should check. */
  ambiguous?: boolean;
  /** Where the date text sits in the input string. */
  index: number;
  length: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:1[6-9]|20)\\d{2})';

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [number, number?, number?] | null }[] =
  [
    {
      re: new RegExp(`\\b${YEAR}-(\\d{2})-(\\d{2})(?![\\d])`, 'g'),
      read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
    },
    {
      re: new RegExp(`\\b${YEAR}/(\\d{1,2})/(\\d{1,2})\\b`, 'g'),
      read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
    },
    {
      // 08/15/2018: month first, as English-language sites write it, unless the first part
      // cannot be a month (15/08/2018).
      re: new RegExp(`\\b(\\d{1,2})/(\\d{1,2})/${YEAR}\\b`, 'g'),
      read: (m) =>
        Number(m[1]) > 12
          ? [Number(m[3]), Number(m[2]), Number(m[1])]
          : [Number(m[3]), Number(m[1]), Number(m[2])],
    },
    {
      // 15.08.2018: day first, as everywhere dots are used.
      re: new RegExp(`\\b(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}\\b`, 'g'),
      read: (m) => [Number(m[3]), Number(m[2]), Number(m[1])],
    },
    {
      re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'gi'),
      read: (m) => [Number(m[3]), month(m[1]), Number(m[2])],
    },
    {
      re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'gi'),
      read: (m) => [Number(m[3]), month(m[2]), Number(m[1])],
    },
    {
      re: new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, 'gi'),
      read: (m) => [Number(m[2]), month(m[1])],
    },
  ];

/** 03/04/2021 or 03.04.2021: both numbers could be the month. ISO dates are never ambiguous. */
function isAmbiguous(text: string, [, m, d]: [number, number?, number?]): boolean {
  return /^\d{1,2}[/.]\d{1,2}[/.]\d{4}$/.test(text) && !!m && !!d && m <= 12 && d <= 12 && m !== d;
}

function month(name: string | undefined): number {
  return MONTHS[(name ?? '').toLowerCase().replace('.', '')] ?? 0;
}

function valid([y, m, d]: [number, number?, number?]): boolean {
  if (m === undefined) return y > 1500;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= daysInMonth(y, m);
}

/** The earliest (leftmost) full or month-precision date written in the text, if any. */
export function findDate(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const parts = read(m);
      if (!parts || !valid(parts)) continue;
      const found: FoundDate = { parts, index: m.index, length: m[0].length };
      if (isAmbiguous(m[0], parts)) found.ambiguous = true;
      // Prefer the leftmost date; at the same place prefer the more precise one.
      if (
        !best ||
        found.index < best.index ||
        (found.index === best.index && parts.length > best.parts.length)
      ) {
        best = found;
      }
      break;
    }
  }
  return best;
}

/** Parses a date the researcher typed or a front-matter value: 2018-08-15, 2018-08, 2018, or prose. */
export function parseDateValue(value: string): [number, number?, number?] | null {
  const v = value.trim();
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$/.exec(v);
  if (iso) {
    const parts: [number, number?, number?] = [Number(iso[1])];
    if (iso[2]) parts.push(Number(iso[2]));
    if (iso[3]) parts.push(Number(iso[3]));
    return valid(parts) ? parts : null;
  }
  return findDate(v)?.parts ?? null;
}
