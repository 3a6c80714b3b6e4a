/**
 * The one place where Quire decides whether a URL, a date, a title or an author is acceptable
 * (ADR 0018). The importer, the metadata editor, the database write path, IPC and the CLI all
 * call these, and one table of cases (cases.ts) is fed to each of them in their tests.
 */
export { checkAuthor, MAX_AUTHORS, MAX_NAME_PART_LENGTH, NAME_PARTS } from './author.ts';
export type { AuthorRefusal } from './author.ts';
export { checkDateParts, checkDateText, daysInMonth, isLeapYear } from './date.ts';
export type { DateParts, DateRefusal } from './date.ts';
export { checkTitle, MAX_TITLE_LENGTH } from './title.ts';
export type { TitleRefusal } from './title.ts';
export { checkWebUrl, MAX_URL_LENGTH, webUrlOrNull } from './url.ts';
export type { UrlRefusal } from './url.ts';
export { hasControlCharacter, type Verdict } from './verdict.ts';
