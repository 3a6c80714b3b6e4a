import { metadataGaps } from '../../src-core/article/gaps.ts';
import { canonicalUrl } from '../../src-core/text/canonical-url.ts';
import type { CslDate, CslName, OriginalSource } from '../../src-core/article/model.ts';
import type { ArticleRecord, MetadataPatch } from './records.ts';

/** Generous caps: they stop pasted whole pages, not real titles. */
export const METADATA_LIMITS = {
  text: 1000, // title, container title
  url: 2048,
  namePart: 300,
  authors: 500,
  rawDate: 100,
} as const;

const PATCH_KEYS = ['title', 'author', 'issued', 'containerTitle', 'url', 'originalSource'];
const NAME_KEYS = [
  'family',
  'given',
  'non-dropping-particle',
  'dropping-particle',
  'suffix',
  'literal',
];

/** Single-line fields: a control character (tab, newline, NUL...) means a paste went wrong. */
function hasControlChars(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function fail(message: string): never {
  throw new Error(`Invalid metadata: ${message}`);
}

function plainObject(value: unknown, what: string, allowed: readonly string[]) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(`${what} must be an object`);
  }
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) fail(`${what} has unknown field(s) ${unknown.join(', ')}`);
  return value as Record<string, unknown>;
}

/** Trimmed single-line text; '' means "remove". */
function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') fail(`${what} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length > max) fail(`${what} is longer than ${max} characters`);
  if (hasControlChars(trimmed)) fail(`${what} contains control characters`);
  return trimmed;
}

function webUrl(value: unknown, what: string): string {
  const url = text(value, what, METADATA_LIMITS.url);
  if (url === '') return url;
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    fail(`${what} is not a valid URL`);
  }
  // Links are opened in the system browser; only web links may get there.
  if (protocol !== 'http:' && protocol !== 'https:') fail(`${what} must be an http(s) URL`);
  return url;
}

function name(value: unknown, index: number): CslName {
  const what = `author[${index}]`;
  const raw = plainObject(value, what, NAME_KEYS);
  const parts: Record<string, string> = {};
  for (const [key, part] of Object.entries(raw)) {
    const trimmed = text(part, `${what}.${key}`, METADATA_LIMITS.namePart);
    if (trimmed) parts[key] = trimmed;
  }
  const isOrganisation = parts.literal !== undefined;
  if (isOrganisation && Object.keys(parts).length > 1) {
    fail(`${what} is either an organisation (literal) or a person (family, given), not both`);
  }
  if (!isOrganisation && parts.family === undefined) fail(`${what} needs a family name or literal`);
  return parts as CslName;
}

function dateParts(value: unknown): CslDate['date-parts'] {
  if (!Array.isArray(value) || value.length < 1 || value.length > 2) {
    fail('issued.date-parts must hold one date or a two-date range');
  }
  return value.map((date: unknown) => {
    if (!Array.isArray(date) || date.length < 1 || date.length > 3) {
      fail('each issued date must be [year, month?, day?]');
    }
    if (!date.every((n) => Number.isInteger(n))) fail('issued date parts must be integers');
    const [year, month, day] = date as number[];
    if (year === undefined || year === 0 || Math.abs(year) > 9999)
      fail('issued year is out of range');
    if (month !== undefined && (month < 1 || month > 12)) fail('issued month must be 1-12');
    if (day !== undefined && (day < 1 || day > 31)) fail('issued day must be 1-31');
    return date as [number, number?, number?];
  });
}

/** null means "remove"; an object whose parts are all empty means the same. */
function issued(value: unknown): CslDate | null {
  if (value === null) return null;
  const raw = plainObject(value, 'issued', ['date-parts', 'raw']);
  const date: CslDate = {};
  if (raw['date-parts'] !== undefined) date['date-parts'] = dateParts(raw['date-parts']);
  const rawText = raw.raw === undefined ? '' : text(raw.raw, 'issued.raw', METADATA_LIMITS.rawDate);
  if (rawText) date.raw = rawText;
  return Object.keys(date).length > 0 ? date : null;
}

function originalSource(value: unknown): OriginalSource | null {
  if (value === null) return null;
  const raw = plainObject(value, 'originalSource', ['name', 'url']);
  const sourceName = text(raw.name ?? '', 'originalSource.name', METADATA_LIMITS.text);
  const url =
    raw.url === null || raw.url === undefined ? '' : webUrl(raw.url, 'originalSource.url');
  if (!sourceName && !url) return null;
  if (!sourceName) fail('originalSource needs a name');
  return { name: sourceName, url: url || null };
}

/** Checks a patch of unknown runtime shape (it comes from a form) and returns it trimmed, or throws. */
export function validateMetadataPatch(patch: unknown): MetadataPatch {
  const raw = plainObject(patch, 'patch', PATCH_KEYS);
  const clean: MetadataPatch = {};
  if (raw.title !== undefined) clean.title = text(raw.title, 'title', METADATA_LIMITS.text);
  if (raw.containerTitle !== undefined) {
    clean.containerTitle = text(raw.containerTitle, 'containerTitle', METADATA_LIMITS.text);
  }
  if (raw.url !== undefined) clean.url = webUrl(raw.url, 'url');
  if (raw.author !== undefined) {
    if (!Array.isArray(raw.author)) fail('author must be a list of names');
    if (raw.author.length > METADATA_LIMITS.authors) fail('too many authors');
    clean.author = raw.author.map(name);
  }
  if (raw.issued !== undefined) clean.issued = issued(raw.issued);
  if (raw.originalSource !== undefined) clean.originalSource = originalSource(raw.originalSource);
  return clean;
}

function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  const empty = value === '' || value === null || (Array.isArray(value) && value.length === 0);
  if (empty) delete target[key];
  else target[key] = value;
}

/** Pure: the record after a validated patch, with gaps recomputed and updatedAt moved forward. */
export function applyMetadataPatch(
  record: ArticleRecord,
  patch: MetadataPatch,
  now: number,
): ArticleRecord {
  const csl = { ...record.csl };
  if (patch.title !== undefined) setOrDelete(csl, 'title', patch.title);
  if (patch.author !== undefined) setOrDelete(csl, 'author', patch.author);
  if (patch.issued !== undefined) setOrDelete(csl, 'issued', patch.issued);
  if (patch.containerTitle !== undefined) setOrDelete(csl, 'container-title', patch.containerTitle);
  if (patch.url !== undefined) setOrDelete(csl, 'URL', patch.url);
  return {
    ...record,
    csl,
    canonicalUrl:
      patch.url !== undefined ? (csl.URL ? canonicalUrl(csl.URL) : null) : record.canonicalUrl,
    originalSource:
      patch.originalSource !== undefined ? patch.originalSource : record.originalSource,
    // An ambiguous date stays flagged until the user sets the date.
    gaps: metadataGaps(csl, patch.issued === undefined && record.gaps.includes('issued-ambiguous')),
    // Strictly later even when the clock has not ticked, so "changed since" checks hold.
    updatedAt: Math.max(now, record.updatedAt + 1),
  };
}
