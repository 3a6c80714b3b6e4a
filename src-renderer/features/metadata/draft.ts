import type { CslDate, CslName } from '../../../src-core/article/model.ts';
import {
  checkAuthor,
  checkDateText,
  checkTitle,
  checkWebUrl,
} from '../../../src-core/validation/index.ts';
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

/** `null` for an empty field, a CSL date, or an error message (the shared date rule). */
export function parseDate(text: string): CslDate | null | string {
  if (!text.trim()) return null;
  const verdict = checkDateText(text);
  return verdict.ok ? { 'date-parts': [verdict.value] } : verdict.message;
}

/** An empty address field means "none"; anything else must pass the shared web-address rule. */
function webAddressError(text: string): string | undefined {
  if (!text.trim()) return undefined;
  const verdict = checkWebUrl(text);
  return verdict.ok ? undefined : verdict.message;
}

function authorError(author: AuthorDraft): string | undefined {
  if (author.kind === 'organisation' && !author.literal.trim()) {
    return 'Enter the organisation’s name, or remove this author.';
  }
  const verdict = checkAuthor(
    author.kind === 'organisation'
      ? { literal: author.literal }
      : { ...author.rest, family: author.family, given: author.given },
  );
  return verdict.ok ? undefined : verdict.message;
}

function cslName(author: AuthorDraft): CslName {
  if (author.kind === 'organisation') return { literal: author.literal.trim() };
  const name: CslName = { ...author.rest, family: author.family.trim() };
  if (author.given.trim()) name.given = author.given.trim();
  return name;
}

/**
 * Checks the form with the shared rules (src-core/validation) and builds the repository patch.
 * A title or date left as it was loaded is not re-checked, so a free-text date from the import
 * ("Summer 2018") or a missing title survives an unrelated edit.
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
  let title: string | undefined;
  // A title is checked when it changed, so an article imported without one can still be edited.
  if (draft.title.trim() !== initial.title.trim()) {
    const verdict = checkTitle(draft.title);
    if (verdict.ok) title = verdict.value;
    else errors.title = verdict.message;
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
    author: draft.authors.map(cslName),
    containerTitle: draft.site.trim(),
    url: draft.url.trim(),
    originalSource: draft.sourceName.trim()
      ? { name: draft.sourceName.trim(), url: draft.sourceUrl.trim() || null }
      : null,
  };
  if (title !== undefined) patch.title = title;
  if (issued !== undefined) patch.issued = issued;
  return { errors, patch };
}
