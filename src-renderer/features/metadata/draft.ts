import type { CslDate, CslName } from '../../../src-core/article/model.ts';
import type { ArticleRecord, MetadataPatch } from '../../db/index.ts';

export type AuthorKind = 'person' | 'organisation';

export interface AuthorDraft {
  /** Stable React key for the row. */
  key: number;
  kind: AuthorKind;
  family: string;
  given: string;
  literal: string;
  /** Name parts the form does not show (particles, suffix), kept as they were. */
  rest: Omit<CslName, 'family' | 'given' | 'literal'>;
}

export interface MetadataDraft {
  title: string;
  authors: AuthorDraft[];
  date: string;
  site: string;
  sourceName: string;
  sourceUrl: string;
  url: string;
}

/** Field name -> message; authors are `author-<key>`. */
export type DraftErrors = Partial<Record<string, string>>;

let nextKey = 1;

export function emptyAuthor(kind: AuthorKind = 'person'): AuthorDraft {
  return { key: nextKey++, kind, family: '', given: '', literal: '', rest: {} };
}

function authorDraft(name: CslName): AuthorDraft {
  const { family = '', given = '', literal, ...rest } = name;
  return literal !== undefined
    ? { ...emptyAuthor('organisation'), literal }
    : { ...emptyAuthor('person'), family, given, rest };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2018-08-15", "2018-08" or "2018"; a raw date as it was written. */
export function dateText(date: CslDate | undefined): string {
  const first = date?.['date-parts']?.[0];
  if (!first) return date?.raw ?? '';
  const [year, month, day] = first;
  return [String(year), month && pad(month), month && day && pad(day)].filter(Boolean).join('-');
}

export function draftFrom(article: ArticleRecord): MetadataDraft {
  const { csl, originalSource } = article;
  return {
    title: csl.title ?? '',
    authors: (csl.author ?? []).map(authorDraft),
    date: dateText(csl.issued),
    site: csl['container-title'] ?? '',
    sourceName: originalSource?.name ?? '',
    sourceUrl: originalSource?.url ?? '',
    url: csl.URL ?? '',
  };
}

const DATE_FORMAT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** `null` for an empty field, a CSL date, or an error message. */
export function parseDate(text: string): CslDate | null | string {
  const value = text.trim();
  if (!value) return null;
  const match = DATE_FORMAT.exec(value);
  if (!match) return 'Write the date as YYYY-MM-DD, YYYY-MM or YYYY, for example 2018-08-15.';
  const [year, month, day] = match.slice(1).map((part) => (part ? Number(part) : undefined));
  if (!year) return 'The year cannot be 0000.';
  if (month !== undefined && (month < 1 || month > 12)) return 'The month must be 01 to 12.';
  if (day !== undefined) {
    const daysInMonth = new Date(Date.UTC(year, month!, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return `That month has no day ${day}.`;
  }
  const parts: [number, number?, number?] = [year];
  if (month !== undefined) parts.push(month);
  if (day !== undefined) parts.push(day);
  return { 'date-parts': [parts] };
}

function webAddressError(text: string): string | undefined {
  if (!text.trim()) return undefined;
  try {
    const { protocol } = new URL(text.trim());
    if (protocol === 'http:' || protocol === 'https:') return undefined;
  } catch {
    // fall through
  }
  return 'Enter a full web address starting with https:// or http://.';
}

function authorError(author: AuthorDraft): string | undefined {
  if (author.kind === 'organisation') {
    return author.literal.trim()
      ? undefined
      : 'Enter the organisation’s name, or remove this author.';
  }
  if (author.family.trim()) return undefined;
  return author.given.trim()
    ? 'Enter a family name too (or switch to organisation for a single name).'
    : 'Enter a family name, or remove this author.';
}

function cslName(author: AuthorDraft): CslName {
  if (author.kind === 'organisation') return { literal: author.literal.trim() };
  const name: CslName = { ...author.rest, family: author.family.trim() };
  if (author.given.trim()) name.given = author.given.trim();
  return name;
}

/**
 * Checks the form and builds the repository patch. A field left as it was loaded is not
 * re-parsed, so a free-text date from the import ("Summer 2018") survives an unrelated edit.
 */
export function validateDraft(
  draft: MetadataDraft,
  initial: MetadataDraft,
): { errors: DraftErrors; patch: MetadataPatch | null } {
  const errors: DraftErrors = {};
  for (const author of draft.authors) {
    const message = authorError(author);
    if (message) errors[`author-${author.key}`] = message;
  }
  let issued: CslDate | null | undefined;
  if (draft.date.trim() !== initial.date.trim()) {
    const parsed = parseDate(draft.date);
    if (typeof parsed === 'string') errors.date = parsed;
    else issued = parsed;
  }
  const urlError = webAddressError(draft.url);
  if (urlError) errors.url = urlError;
  const sourceUrlError = webAddressError(draft.sourceUrl);
  if (sourceUrlError) errors.sourceUrl = sourceUrlError;
  else if (draft.sourceUrl.trim() && !draft.sourceName.trim()) {
    errors.sourceName = 'Name the original source for this web address.';
  }
  if (Object.keys(errors).length > 0) return { errors, patch: null };

  const patch: MetadataPatch = {
    title: draft.title.trim(),
    author: draft.authors.map(cslName),
    containerTitle: draft.site.trim(),
    url: draft.url.trim(),
    originalSource: draft.sourceName.trim()
      ? { name: draft.sourceName.trim(), url: draft.sourceUrl.trim() || null }
      : null,
  };
  if (issued !== undefined) patch.issued = issued;
  return { errors, patch };
}
