import { metadataGaps } from '../../src-core/article/gaps.ts';
import { canonicalUrl } from '../../src-core/text/canonical-url.ts';
import type { CslDate, CslName, OriginalSource } from '../../src-core/article/model.ts';
import type { ArticleRecord, MetadataPatch } from './records.ts';
import {
  checkAuthor,
  checkDateParts,
  checkTitle,
  checkWebUrl,
  hasControlCharacter,
  MAX_AUTHORS,
  MAX_NAME_PART_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
} from '../../src-core/validation/index.ts';

/** Generous caps: they stop pasted whole pages, not real titles. The shared ones live in src-core/validation. */
export const METADATA_LIMITS = {
  text: MAX_TITLE_LENGTH, // title, container title
  url: MAX_URL_LENGTH,
  namePart: MAX_NAME_PART_LENGTH,
  authors: MAX_AUTHORS,
  rawDate: 100,
} as const;

const PATCH_KEYS = ['title', 'author', 'issued', 'containerTitle', 'url', 'originalSource'];

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
  if (hasControlCharacter(trimmed)) fail(`${what} contains control characters`);
  return trimmed;
}

/** '' means "remove"; anything else must pass the shared web-address rule. */
function webUrl(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(`${what} must be a string`);
  if (value.trim() === '') return '';
  const verdict = checkWebUrl(value);
  if (!verdict.ok) fail(`${what}: ${verdict.message}`);
  return value.trim();
}

function name(value: unknown, index: number): CslName {
  const verdict = checkAuthor(value);
  if (!verdict.ok) fail(`author[${index}]: ${verdict.message}`);
  return verdict.value;
}

function dateParts(value: unknown): CslDate['date-parts'] {
  if (!Array.isArray(value) || value.length < 1 || value.length > 2) {
    fail('issued.date-parts must hold one date or a two-date range');
  }
  return value.map((date: unknown) => {
    const verdict = checkDateParts(date);
    if (!verdict.ok) fail(`issued: ${verdict.message}`);
    return verdict.value;
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

/**
 * Checks a patch of unknown runtime shape (it comes from a form) and returns it trimmed, or
 * throws. Titles, addresses, authors and dates follow the shared rules (src-core/validation).
 */
export function validateMetadataPatch(patch: unknown): MetadataPatch {
  const raw = plainObject(patch, 'patch', PATCH_KEYS);
  const clean: MetadataPatch = {};
  if (raw.title !== undefined) {
    if (typeof raw.title !== 'string') fail('title must be a string');
    const verdict = checkTitle(raw.title);
    if (!verdict.ok) fail(`title: ${verdict.message}`);
    clean.title = verdict.value;
  }
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
