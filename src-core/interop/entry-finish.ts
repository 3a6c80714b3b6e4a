/**
 * What every importer does to an entry once its format is read: the CSL item trimmed to what
 * Quire keeps (organisations as literal names, a bare DOI, an http(s) URL, checked dates),
 * tags by the library's one tag rule, notes as plain text.
 */
import type { CslItem, CslName } from '../article/model.ts';
import { cleanDate } from '../citation/csl-json.ts';
import { MAX_NOTE_LENGTH } from '../excerpt/annotation.ts';
import { changeTags } from '../library/tags.ts';
import { decodeEntities } from '../text/entities.ts';
import type { ImportedEntry } from './types.ts';

const NAME_FIELDS = [
  'author',
  'editor',
  'translator',
  'container-author',
  'collection-editor',
  'director',
  'interviewer',
  'recipient',
  'reviewed-author',
  'composer',
  'original-author',
];
const DATE_FIELDS = ['issued', 'accessed', 'original-date', 'event-date', 'submitted'];

/** Tag text as reference managers write it: separated by commas, semicolons or line breaks. */
export function splitTagText(text: string): string[] {
  return text
    .split(/[,;\n]/u)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** `10.1000/x` from `https://doi.org/10.1000/x`, `doi:10.1000/x` or `DOI 10.1000/x`. */
export function bareDoi(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /10\.\d{4,9}\/\S+/u.exec(value.trim());
  return match ? match[0] : null;
}

/**
 * A note as plain text. Zotero writes its notes as HTML (`<p>…</p>`, `<br/>`): paragraphs become
 * blank lines, line breaks line breaks, other tags go, entities are decoded. A note without
 * tags is kept as written. Quire shows notes as text, never as markup.
 */
export function noteText(note: string): string {
  if (!/<\/?[a-z][^<>]{0,200}>/iu.test(note)) return note.trim();
  const text = note
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<\/(?:p|div|h[1-6]|li|blockquote)>/giu, '\n\n')
    .replace(/<[^<>]{0,2000}>/gu, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/gu, '\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** A note longer than an annotation may hold is kept whole, in parts. */
function noteParts(note: string): string[] {
  const parts: string[] = [];
  for (let at = 0; at < note.length; at += MAX_NOTE_LENGTH) {
    parts.push(note.slice(at, at + MAX_NOTE_LENGTH));
  }
  return parts;
}

/** How a list becomes text again: BibLaTeX lists were written with "and". */
const LIST_JOIN: Record<string, string> = { publisher: ' and ', 'publisher-place': ' and ' };

/** The CSL rich-text markup citeproc reads in field values (and nothing else that looks like a tag). */
const RICH_TEXT = /<\/?(?:i|b|sup|sub|span)(?:\s[^<>]{0,200})?>/gu;

/** An organisation written as one family name ("World Health Organization") is a literal. */
function cleanNames(names: unknown): CslName[] | undefined {
  if (!Array.isArray(names)) return undefined;
  const out: CslName[] = [];
  for (const raw of names) {
    if (typeof raw !== 'object' || raw === null) continue;
    const name = raw as CslName;
    const given = name.given?.trim();
    const family = name.family?.trim();
    if (name.literal?.trim()) out.push({ literal: name.literal.trim() });
    else if (family && !given && /\s/u.test(family) && !name['non-dropping-particle']) {
      out.push({ literal: family });
    } else if (family || given) {
      const clean: CslName = {};
      if (family) clean.family = family;
      if (given) clean.given = given;
      for (const part of ['non-dropping-particle', 'dropping-particle', 'suffix'] as const) {
        const value = name[part]?.trim();
        if (value) clean[part] = value;
      }
      out.push(clean);
    }
  }
  return out.length ? out : undefined;
}

export interface EntryParts {
  position: number;
  tags: readonly string[];
  notes: readonly string[];
  citekey: string | null;
  raw: string;
  /** Fields that could not be read (left out of the item, still in `raw`). */
  unread?: readonly string[];
  /** Notes may be HTML (RIS N1 as Zotero writes it); elsewhere a `<` in a note is text. */
  notesMayBeHtml?: boolean;
  /** The CSL `note` is the researcher's note (RIS N1, CSL-JSON note), not bibliographic text. */
  noteIsPersonal?: boolean;
}

/** The entry as Quire keeps it, or the reason it cannot be a library entry. */
export function finishEntry(
  item: Record<string, unknown>,
  parts: EntryParts,
): ImportedEntry | string {
  const csl: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(item)) {
    if (value === undefined || value === null || value === '') continue;
    if (field.startsWith('_') || field.includes('+an')) continue; // citation-js bookkeeping
    csl[field] = value;
  }
  delete csl.id;
  delete csl['citation-key'];
  delete csl.keyword;
  delete csl.annote;
  const notes = [...parts.notes];
  if (parts.noteIsPersonal && typeof csl.note === 'string') {
    notes.push(csl.note);
    delete csl.note;
  }
  for (const field of NAME_FIELDS) {
    const names = cleanNames(csl[field]);
    if (names) csl[field] = names;
    else delete csl[field];
  }
  for (const field of DATE_FIELDS) {
    if (!(field in csl)) continue;
    const date = cleanDate(csl[field]);
    if (date) csl[field] = date;
    else delete csl[field];
  }
  for (const [field, value] of Object.entries(csl)) {
    if (NAME_FIELDS.includes(field) || DATE_FIELDS.includes(field)) continue;
    // Text variables are text: citation-js reads BibLaTeX list fields (publisher, location)
    // as lists ("Academic Press and London" -> two), RIS repeats (SN) as arrays.
    if (
      Array.isArray(value) &&
      value.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      csl[field] = value.join(LIST_JOIN[field] ?? ', ');
    } else if (typeof value !== 'string' && typeof value !== 'number') {
      delete csl[field];
    }
  }
  for (const [field, value] of Object.entries(csl)) {
    if (typeof value === 'string') {
      // citation-js writes TeX formatting as CSL's rich-text tags ({\sc …}, \textit{…}); Quire
      // keeps titles and fields as plain text.
      // `\-` is TeX's optional hyphen (shown only at a line break), which citation-js leaves.
      const text = value.replace(RICH_TEXT, '').replace(/\\-/gu, '').replace(/\s+/gu, ' ').trim();
      if (text) csl[field] = text;
      else delete csl[field];
    }
  }
  const doi = bareDoi(csl.DOI);
  if (doi) csl.DOI = doi;
  else delete csl.DOI;
  if (typeof csl.URL === 'string' && !/^https?:\/\/[^\s/]+/iu.test(csl.URL)) {
    // Not a web address (a local file, a bare host): nothing Quire could open or capture.
    delete csl.URL;
  }
  if (typeof csl.type !== 'string' || !csl.type) csl.type = 'document';
  if (!csl.title && !csl.author && !csl.DOI && !csl.URL && !csl['container-title']) {
    return 'the entry has no title, author, DOI or URL';
  }
  return {
    position: parts.position,
    csl: { id: '', ...csl } as CslItem,
    tags: changeTags([], { add: parts.tags }),
    notes: notes
      .map((n) => (parts.notesMayBeHtml ? noteText(n) : n.trim()))
      .filter(Boolean)
      .flatMap(noteParts),
    citekey: parts.citekey,
    raw: parts.raw,
    unread: [...(parts.unread ?? [])],
  };
}
