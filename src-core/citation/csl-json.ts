/**
 * CSL-JSON export: the items citeproc-js, pandoc, Zotero and every CSL processor read. Only the
 * variables of the CSL-JSON schema (csl-data.json) are written, with the value types it allows,
 * so the file validates against the schema; anything else on the item is Quire's own and is
 * left out. The item's id is its citation key, as in Better BibTeX's CSL-JSON.
 */
import type { CslDate, CslItem, CslName } from '../article/model.ts';
import { daysInMonth } from '../validation/date.ts';
import { articleCitekey } from './citation-key.ts';
import { withLibraryCitekeys } from './library-keys.ts';
import type { CitableArticle } from './types.ts';

const CSL_TYPES = new Set([
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
]);

const NAME_VARIABLES = [
  'author',
  'chair',
  'collection-editor',
  'compiler',
  'composer',
  'container-author',
  'contributor',
  'curator',
  'director',
  'editor',
  'editorial-director',
  'executive-producer',
  'guest',
  'host',
  'interviewer',
  'illustrator',
  'narrator',
  'organizer',
  'original-author',
  'performer',
  'producer',
  'recipient',
  'reviewed-author',
  'script-writer',
  'series-creator',
  'translator',
] as const;

const DATE_VARIABLES = [
  'accessed',
  'available-date',
  'event-date',
  'issued',
  'original-date',
  'submitted',
] as const;

/** Written as strings. `type`, `id`, `citation-key` and `note` are set separately. */
const STRING_VARIABLES = [
  'language',
  'journalAbbreviation',
  'shortTitle',
  'abstract',
  'annote',
  'archive',
  'archive_collection',
  'archive_location',
  'archive-place',
  'authority',
  'call-number',
  'citation-label',
  'collection-title',
  'container-title',
  'container-title-short',
  'dimensions',
  'division',
  'DOI',
  'event',
  'event-title',
  'event-place',
  'genre',
  'ISBN',
  'ISSN',
  'jurisdiction',
  'keyword',
  'medium',
  'original-publisher',
  'original-publisher-place',
  'original-title',
  'part-title',
  'PMCID',
  'PMID',
  'publisher',
  'publisher-place',
  'references',
  'reviewed-genre',
  'reviewed-title',
  'scale',
  'section',
  'source',
  'status',
  'title',
  'title-short',
  'URL',
  'version',
  'volume-title',
  'volume-title-short',
  'year-suffix',
] as const;

/** Numbers stay numbers ("issue": 3); strings stay strings ("page": "45-67"). */
const NUMBER_VARIABLES = [
  'chapter-number',
  'collection-number',
  'edition',
  'issue',
  'number',
  'number-of-pages',
  'number-of-volumes',
  'page',
  'page-first',
  'part',
  'printing',
  'supplement',
  'volume',
] as const;

const NAME_PARTS = [
  'family',
  'given',
  'dropping-particle',
  'non-dropping-particle',
  'suffix',
] as const;

/** A CSL name with only the schema's parts, trimmed; an organisation as {literal}. */
export function cleanName(name: CslName): CslName | null {
  // Items come from files and older versions too: a part that is not a string is no part.
  const literal = typeof name.literal === 'string' ? name.literal.trim() : '';
  if (literal) return { literal };
  const out: CslName = {};
  for (const part of NAME_PARTS) {
    const value = name[part];
    if (typeof value === 'string' && value.trim()) out[part] = value.trim();
  }
  return out.family || out.given ? out : null;
}

export function cleanNames(names: unknown): CslName[] {
  if (!Array.isArray(names)) return [];
  return names
    .filter((n): n is CslName => typeof n === 'object' && n !== null)
    .map(cleanName)
    .filter((n): n is CslName => n !== null);
}

/**
 * One date's parts as far as they are possible: an impossible month (13) leaves the year, an
 * impossible day (31 February) leaves year and month. A date with no usable year is dropped.
 * The calendar is the shared one (src-core/validation/date.ts); this keeps what it can rather
 * than refusing, because an export must not lose the year over a bad day.
 */
function possible(parts: readonly unknown[]): number[] | null {
  const [y, m, d] = parts.map((p) => (typeof p === 'string' && /^-?\d+$/u.test(p) ? Number(p) : p));
  if (typeof y !== 'number' || !Number.isInteger(y)) return null;
  if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 12) return [y];
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > daysInMonth(y, m))
    return [y, m];
  return [y, m, d];
}

/**
 * The date's parts, checked: date-parts when present, else an ISO "YYYY[-MM[-DD]]" raw date;
 * a range keeps its two ends. Null when nothing valid is left.
 */
export function validDateParts(date: CslDate | undefined): number[][] | null {
  const stated = date?.['date-parts'];
  if (Array.isArray(stated) && stated.length) {
    const parts = stated
      .slice(0, 2)
      .map((p) => (Array.isArray(p) ? possible(p) : null))
      .filter((p): p is number[] => p !== null);
    if (parts.length) return parts;
  }
  const raw = typeof date?.raw === 'string' ? date.raw.trim() : '';
  const ends = raw.split('/');
  if (ends.length > 2) return null;
  const parsed = ends.map((end) => {
    const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/u.exec(end.trim());
    return iso ? possible(iso.slice(1).filter(Boolean).map(Number)) : null;
  });
  return parsed.every((p) => p !== null) ? (parsed as number[][]) : null;
}

export function cleanDate(date: unknown): CslDate | null {
  if (typeof date !== 'object' || date === null) return null;
  const parts = validDateParts(date as CslDate);
  if (parts) return { 'date-parts': parts as CslDate['date-parts'] };
  // Text that is not an ISO date ("Spring 2018") goes through as raw: citeproc parses it.
  const raw = (date as CslDate).raw;
  return typeof raw === 'string' && /\d{4}/u.test(raw) ? { raw: raw.trim() } : null;
}

/**
 * Who first published a republished article: Quire's originalSource, or an original-publisher
 * an importer recorded. This is Quire's own notion (ADR 0005), written in every format as the
 * sentence "Originally published by …", never as CSL original-publisher without a date.
 */
export function originalPublisher(article: CitableArticle): string | null {
  const name = article.originalSource?.name ?? article.csl['original-publisher'];
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

export function republicationNote(article: CitableArticle): string | null {
  const name = originalPublisher(article);
  return name ? `Originally published by ${name}` : null;
}

/**
 * One article as a CSL-JSON item. The original publisher goes into `note` ("Originally
 * published by South Front"): as CSL `original-publisher` without an `original-date`, APA
 * styles print "(Original work published South Front)" (ADR 0005). An original-publisher that
 * does come with its original date is CSL's own republication data and is kept.
 */
export function toCslJsonItem(article: CitableArticle): CslItem {
  const { csl } = article;
  const citekey = articleCitekey(article);
  const item: CslItem = {
    id: citekey,
    type: typeof csl.type === 'string' && CSL_TYPES.has(csl.type) ? csl.type : 'document',
    'citation-key': citekey,
  };
  for (const field of STRING_VARIABLES) {
    const value = csl[field];
    if (typeof value === 'string' && value.trim()) item[field] = value.trim();
    else if (typeof value === 'number' && Number.isFinite(value)) item[field] = String(value);
  }
  for (const field of NUMBER_VARIABLES) {
    const value = csl[field];
    if (typeof value === 'string' && value.trim()) item[field] = value.trim();
    else if (typeof value === 'number' && Number.isFinite(value)) item[field] = value;
  }
  for (const field of NAME_VARIABLES) {
    const names = cleanNames(csl[field]);
    if (names.length) item[field] = names;
  }
  for (const field of DATE_VARIABLES) {
    const date = cleanDate(csl[field]);
    if (date) item[field] = date;
  }
  const categories = Array.isArray(csl.categories)
    ? csl.categories.filter((c): c is string => typeof c === 'string' && !!c.trim())
    : [];
  if (categories.length) item.categories = categories;

  const notes = typeof csl.note === 'string' && csl.note.trim() ? [csl.note.trim()] : [];
  // The user's notes and tags (ADR 0015). CSL-JSON has no notes or tags of its own: `note` is
  // what Zotero's CSL JSON import keeps (in Extra) and `keyword` what citeproc, pandoc and
  // citation-js read; Zotero ignores `keyword`.
  for (const note of article.notes ?? []) if (note.trim()) notes.push(note.trim());
  const tags = (article.tags ?? []).map((t) => t.trim()).filter(Boolean);
  if (tags.length) {
    const known = typeof item.keyword === 'string' && item.keyword ? [item.keyword] : [];
    item.keyword = [...known, ...tags].join(', ');
  }
  const original = originalPublisher(article);
  if (!item['original-date']) {
    delete item['original-publisher'];
    delete item['original-publisher-place'];
  }
  if (original && item['original-publisher'] !== original) {
    notes.push(`Originally published by ${original}`);
  }
  if (notes.length) item.note = notes.join(article.notes?.length ? '\n\n' : '\n');
  // The page's licence has no CSL variable; `custom` is the schema's place for such data.
  if (typeof csl.license === 'string' && csl.license.trim()) {
    item.custom = { license: csl.license.trim() };
  }
  return readingOrder(item);
}

/** The fields a person reads first come first; the rest keep the schema's order. */
const FIRST = [
  'id',
  'type',
  'citation-key',
  'title',
  'author',
  'editor',
  'issued',
  'container-title',
];

function readingOrder(item: CslItem): CslItem {
  const ordered: Record<string, unknown> = {};
  for (const key of FIRST) if (key in item) ordered[key] = item[key];
  for (const [key, value] of Object.entries(item)) if (!(key in ordered)) ordered[key] = value;
  return ordered as CslItem;
}

/** A whole CSL-JSON file: an array of items, keys unique among them, pretty-printed. */
export function toCslJson(articles: readonly CitableArticle[]): string {
  const items = withLibraryCitekeys(articles).map(toCslJsonItem);
  return `${JSON.stringify(items, null, 2)}\n`;
}
