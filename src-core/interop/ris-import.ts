/**
 * RIS files as Zotero, Mendeley, EndNote, JabRef and the databases (Scopus, PubMed, Web of
 * Science's RIS export…) write them. Records are read line by line here (one pass: BOMs,
 * preambles before the first record, continuation lines, missing `ER`, repeated tags); each
 * record's fields are then mapped to CSL by citation-js's RIS plugin. Keywords (KW) become tags
 * and notes (N1, RN) notes, as Zotero's RIS import does.
 */
import { parseMixed } from '@citation-js/plugin-ris/lib/ris.js';
import { bareDoi, finishEntry, splitTagText } from './entry-finish.ts';
import {
  checkSize,
  MAX_ENTRY_CHARS,
  ReferenceImportError,
  type EntryProblem,
  type ImportedEntry,
  type ReferenceFileResult,
} from './types.ts';

/** `TY  - JOUR`: two characters, two spaces (one tolerated), a hyphen, the value. */
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$/u;
/** Tags whose continuation lines keep their line breaks (free text). */
const TEXT_TAGS = new Set(['AB', 'N1', 'N2', 'RN']);

interface RisRecord {
  tags: Map<string, string[]>;
  start: number;
  end: number;
  closed: boolean;
}

function readRecords(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | null = null;
  let lastTag: string | null = null;
  let onlyType = false;
  const lineBreak = /\r\n|\r|\n/gu;
  let at = 0;
  while (at <= text.length) {
    lineBreak.lastIndex = at;
    const found = lineBreak.exec(text);
    const lineEnd = found ? found.index : text.length;
    const next = found ? found.index + found[0].length : text.length + 1;
    const line = text
      .slice(at, lineEnd)
      .replace(/^[\s\uFEFF]+/u, '')
      .trimEnd();
    const match = TAG_LINE.exec(line);
    if (match) {
      const tag = match[1]!;
      const value = (match[2] ?? '').trim();
      if (tag === 'TY') {
        // Repeated TY lines before any field are one record (the first type counts).
        if (!(current && onlyType && !current.closed)) {
          current = { tags: new Map([['TY', [value]]]), start: at, end: lineEnd, closed: false };
          records.push(current);
        }
        onlyType = true;
        lastTag = 'TY';
      } else if (current && !current.closed) {
        onlyType = false;
        current.end = lineEnd;
        if (tag === 'ER') {
          current.closed = true;
          lastTag = null;
        } else {
          const values = current.tags.get(tag) ?? [];
          values.push(value);
          current.tags.set(tag, values);
          lastTag = tag;
        }
      }
    } else if (current && !current.closed && lastTag && line) {
      // A line without a tag continues the previous value (wrapped abstracts, notes).
      const values = current.tags.get(lastTag)!;
      const sep = TEXT_TAGS.has(lastTag) ? '\n' : ' ';
      values[values.length - 1] = values[values.length - 1]
        ? `${values[values.length - 1]}${sep}${line}`
        : line;
      current.end = lineEnd;
    }
    at = next;
  }
  return records;
}

const first = (tags: Map<string, string[]>, tag: string) =>
  tags.get(tag)?.find((v) => v.trim()) ?? null;

/**
 * Tags from KW lines, split at line breaks and semicolons; a single KW line is also split at
 * commas. Zotero's RIS import reads keywords exactly so.
 */
function risTags(tags: Map<string, string[]>): string[] {
  const values = (tags.get('KW') ?? []).filter((v) => v.trim());
  if (values.length === 1) return splitTagText(values[0]!);
  return values.flatMap((v) =>
    v
      .split(/[;\n]/u)
      .map((t) => t.trim())
      .filter(Boolean),
  );
}

/** Long type names some exporters write ("Journal Article", "Chap", "Journ") as RIS codes. */
function risType(value: string): string {
  const type = value.trim().toUpperCase();
  if (/^[A-Z]{2,6}$/u.test(type) && !['JOURN', 'CHAPTER'].includes(type)) return type;
  if (/JOURN/u.test(type)) return 'JOUR';
  if (/CHAP|SECTION/u.test(type)) return 'CHAP';
  if (/BOOK/u.test(type)) return 'BOOK';
  if (/CONF/u.test(type)) return 'CONF';
  if (/THES/u.test(type)) return 'THES';
  if (/REPORT/u.test(type)) return 'RPRT';
  if (/WEB|ELEC/u.test(type)) return 'ELEC';
  return 'GEN';
}

const DATE_TAGS = ['PY', 'Y1', 'DA'];

/** `2016/12//`, `2013/02/15/received`, `2015/october` → date parts, as far as they go. */
function risDate(value: string): [number, number?, number?] | null {
  const match = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?/u.exec(value.trim());
  if (!match) return null;
  const parts: [number, number?, number?] = [Number(match[1])];
  const month = Number(match[2]);
  if (month >= 1 && month <= 12) {
    parts.push(month);
    const day = Number(match[3]);
    if (day >= 1 && day <= 31) parts.push(day);
  }
  return parts;
}

/**
 * CSL from citation-js; when it refuses the record's dates ("99", "YEAR/MONTH/DAY/"), the
 * record is read without them and the first date that makes sense is taken.
 */
function mapRecord(fields: Record<string, string | string[]>): {
  csl: Record<string, unknown>;
  unread: string[];
} {
  try {
    return { csl: parseMixed(fields), unread: [] };
  } catch {
    const rest = { ...fields };
    const dates = DATE_TAGS.flatMap((tag) => [rest[tag] ?? []].flat());
    for (const tag of DATE_TAGS) delete rest[tag];
    const csl = parseMixed(rest);
    const issued = dates.map(risDate).find((d) => d !== null);
    if (issued) csl.issued = { 'date-parts': [issued] };
    return { csl, unread: DATE_TAGS.filter((tag) => tag in fields) };
  }
}

/** Reads a RIS file. Throws ReferenceImportError only for the file as a whole. */
export function importRis(text: string): ReferenceFileResult {
  checkSize(text);
  const records = readRecords(text);
  if (!records.length) {
    throw new ReferenceImportError(
      'not-references',
      'No RIS records found: a RIS file holds records that start with a “TY  - ” line',
    );
  }
  const entries: ImportedEntry[] = [];
  const problems: EntryProblem[] = [];
  records.forEach((record, index) => {
    const citekey = first(record.tags, 'ID')?.trim() || null;
    const raw = text.slice(record.start, record.end).trimEnd();
    if (raw.length > MAX_ENTRY_CHARS) {
      problems.push({
        entry: index + 1,
        citekey,
        message: `the record is longer than ${MAX_ENTRY_CHARS / 1024} KB`,
      });
      return;
    }
    const fields: Record<string, string | string[]> = {};
    for (const [tag, values] of record.tags) {
      if (['KW', 'N1', 'RN', 'ID', 'ER'].includes(tag)) continue;
      const kept = values.filter((v) => v.trim());
      if (kept.length) fields[tag] = kept.length === 1 ? kept[0]! : kept;
    }
    fields.TY = risType(first(record.tags, 'TY') ?? '');
    try {
      const { csl, unread } = mapRecord(fields);
      // citation-js follows the 2011 specification's CONF table (PY the conference's date, T2
      // its name); Zotero, EndNote and Quire's own export write the paper's year and the
      // proceedings there.
      if (!csl.issued && csl['event-date']) {
        csl.issued = csl['event-date'];
        delete csl['event-date'];
      }
      if (fields.TY === 'CONF' && !csl['container-title'] && csl.event) {
        csl['container-title'] = csl.event;
        delete csl.event;
      }
      const doi = bareDoi(first(record.tags, 'DO')) ?? bareDoi(csl.DOI);
      if (doi) csl.DOI = doi;
      const url = (record.tags.get('UR') ?? [])
        .flatMap((v) => v.split(/\s+/u))
        .find((u) => /^https?:\/\//iu.test(u));
      if (url) csl.URL = url;
      const finished = finishEntry(csl, {
        position: index + 1,
        tags: risTags(record.tags),
        notes: [...(record.tags.get('N1') ?? []), ...(record.tags.get('RN') ?? [])],
        citekey,
        raw,
        unread,
        noteIsPersonal: true,
        notesMayBeHtml: true,
      });
      if (typeof finished === 'string')
        problems.push({ entry: index + 1, citekey, message: finished });
      else entries.push(finished);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      problems.push({
        entry: index + 1,
        citekey,
        message: `could not be read: ${message.slice(0, 200)}`,
      });
    }
  });
  return { format: 'ris', entries, problems };
}
