/**
 * CSL-JSON files as Zotero ("CSL JSON" export), Better BibTeX ("Better CSL JSON"), Mendeley,
 * pandoc and citation-js write them: an array of items (one item alone is accepted too). Each
 * item is kept to the CSL-JSON schema by the same function that writes Quire's own CSL-JSON
 * (toCslJsonItem), so what comes in is what Quire would write out.
 *
 * Tags come from `keyword` (comma- or semicolon-separated, as CSL defines it) and `categories`
 * (pandoc, Better CSL JSON); the note from `note`. Zotero writes its Extra field as `note`, with
 * a "Citation Key: …" line when the item has one: that line gives the key and leaves the note.
 */
import { toCslJsonItem } from '../citation/csl-json.ts';
import type { CslItem } from '../article/model.ts';
import { finishEntry, splitTagText } from './entry-finish.ts';
import {
  checkSize,
  MAX_BRACE_DEPTH,
  MAX_ENTRY_CHARS,
  ReferenceImportError,
  type EntryProblem,
  type ImportedEntry,
  type ReferenceFileResult,
} from './types.ts';

const KEY = /^[\p{L}\p{N}_:.+/-]{1,100}$/u;
const CITATION_KEY_LINE = /^\s*citation key\s*:\s*(\S+)\s*$/imu;

function keyOf(item: Record<string, unknown>, note: string): string | null {
  const stated = item['citation-key'];
  if (typeof stated === 'string' && KEY.test(stated.trim())) return stated.trim();
  const fromNote = CITATION_KEY_LINE.exec(note)?.[1];
  if (fromNote && KEY.test(fromNote)) return fromNote;
  const id = item.id;
  // Zotero's ids without a key are item URIs (http://zotero.org/…); numbers are no keys either.
  if (typeof id === 'string' && KEY.test(id) && !/^https?:/iu.test(id) && !/^\d+$/u.test(id)) {
    return id;
  }
  return null;
}

/**
 * Whether a JSON value nests deeper than `max` (walked without recursion). An item 10,000
 * arrays deep is a 20 KB file, and writing it back as indented JSON (the entry's raw text)
 * overflowed the stack; indenting costs the square of the depth besides.
 */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

function items(text: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 120) : '';
    throw new ReferenceImportError('malformed', `This is not a valid JSON file (${detail})`);
  }
  if (Array.isArray(data)) return data;
  if (typeof data === 'object' && data !== null) {
    const wrapped = (data as { items?: unknown }).items;
    return Array.isArray(wrapped) ? wrapped : [data];
  }
  throw new ReferenceImportError('not-references', 'This JSON file holds no CSL-JSON items');
}

/** Reads a CSL-JSON file. Throws ReferenceImportError only for the file as a whole. */
export function importCslJson(text: string): ReferenceFileResult {
  checkSize(text);
  const list = items(text);
  const looksCsl = list.some(
    (item) =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as { type?: unknown }).type === 'string',
  );
  if (!looksCsl) {
    throw new ReferenceImportError(
      'not-references',
      'This JSON file holds no CSL-JSON items (objects with a "type", such as "article-journal")',
    );
  }
  const entries: ImportedEntry[] = [];
  const problems: EntryProblem[] = [];
  list.forEach((value, index) => {
    const entry = index + 1;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ entry, citekey: null, message: 'not a CSL-JSON item (an object)' });
      return;
    }
    if (nestsDeeperThan(value, MAX_BRACE_DEPTH)) {
      problems.push({
        entry,
        citekey: null,
        message: `the item is nested more than ${MAX_BRACE_DEPTH} levels deep`,
      });
      return;
    }
    const item = value as Record<string, unknown>;
    const rawNote = typeof item.note === 'string' ? item.note : '';
    const citekey = keyOf(item, rawNote);
    const raw = JSON.stringify(item, null, 2);
    if (raw.length > MAX_ENTRY_CHARS) {
      problems.push({
        entry,
        citekey,
        message: `the item is longer than ${MAX_ENTRY_CHARS / 1024} KB`,
      });
      return;
    }
    if (typeof item.type !== 'string' || !item.type.trim()) {
      problems.push({ entry, citekey, message: 'the item has no "type"' });
      return;
    }
    const note = rawNote.replace(CITATION_KEY_LINE, '').trim();
    const keyword = typeof item.keyword === 'string' ? splitTagText(item.keyword) : [];
    const categories = Array.isArray(item.categories)
      ? item.categories.filter((c): c is string => typeof c === 'string')
      : [];
    // Only the schema's variables, checked as Quire's own export checks them.
    const csl: Record<string, unknown> = {
      ...toCslJsonItem({ csl: { ...item, id: '' } as CslItem, originalSource: null, body: [] }),
    };
    delete csl.note;
    delete csl.categories;
    delete csl.custom;
    const finished = finishEntry(csl, {
      position: entry,
      tags: [...keyword, ...categories],
      notes: note ? [note] : [],
      citekey,
      raw,
    });
    if (typeof finished === 'string') problems.push({ entry, citekey, message: finished });
    else entries.push(finished);
  });
  return { format: 'csl-json', entries, problems };
}
