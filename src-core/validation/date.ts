import { accept, refuse, type Verdict } from './verdict.ts';

/** A CSL date's parts: year, then month and day when known. */
export type DateParts = [number, number?, number?];

export type DateRefusal = 'format' | 'year' | 'month' | 'day';

export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month of the proleptic Gregorian calendar (February 29 in leap years). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The one rule for a date: a real calendar date at year, month or day precision, as CSL's
 * date-parts hold it. Years 1 to 9999 (a web archive's articles are all AD, and four digits is
 * what the form, BibTeX and RIS write), months 1-12, days that exist in that month and year.
 */
export function checkDateParts(value: unknown): Verdict<DateParts, DateRefusal> {
  if (!Array.isArray(value) || value.length < 1 || value.length > 3) {
    return refuse('format', 'A date is a year, optionally with a month and a day.');
  }
  if (!value.every((part) => Number.isInteger(part))) {
    return refuse('format', 'A date is made of whole numbers: year, month, day.');
  }
  const [year, month, day] = value as number[];
  if (year! < 1 || year! > 9999) return refuse('year', 'The year must be 0001 to 9999.');
  if (month !== undefined && (month < 1 || month > 12)) {
    return refuse('month', 'The month must be 01 to 12.');
  }
  if (day !== undefined && (day < 1 || day > daysInMonth(year!, month!))) {
    return refuse('day', `That month has no day ${day}.`);
  }
  return accept(value.slice() as DateParts);
}

const DATE_TEXT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A typed date: YYYY-MM-DD, YYYY-MM or YYYY (surrounding whitespace ignored). */
export function checkDateText(text: string): Verdict<DateParts, DateRefusal> {
  const match = DATE_TEXT.exec(text.trim());
  if (!match) {
    return refuse(
      'format',
      'Write the date as YYYY-MM-DD, YYYY-MM or YYYY, for example 2018-08-15.',
    );
  }
  return checkDateParts(
    match
      .slice(1)
      .filter((part) => part !== undefined)
      .map(Number),
  );
}
