/**
 * BibTeX and BibLaTeX files as Zotero (and Better BibTeX), JabRef, Mendeley, EndNote and
 * hand-written libraries have them. The file is cut into entries by splitBibtex (linear, one
 * pass); each entry is then read by citation-js's own grammar and field mapping, with the
 * file's `@string` macros and its `crossref` parents, so a broken entry is refused alone.
 */
import { util } from '@citation-js/core';
import {
  bibtexGrammar,
  parse as parseBibFile,
  type BibtexEntry,
} from '@citation-js/plugin-bibtex/lib/input/file.js';
import {
  parse as mapBiblatex,
  parseBibtex as mapBibtex,
} from '@citation-js/plugin-bibtex/lib/input/entries.js';
import { parse as parseValue } from '@citation-js/plugin-bibtex/lib/input/value.js';
import { bibtexKeyOf, splitBibtex, type BibPiece } from './bibtex-split.ts';
import { finishEntry, splitTagText } from './entry-finish.ts';
import {
  checkSize,
  MAX_ENTRY_CHARS,
  ReferenceImportError,
  type EntryProblem,
  type ImportedEntry,
  type ReferenceFileResult,
} from './types.ts';

type Dialect = 'bibtex' | 'biblatex';

interface Lexer {
  reset(text: string): Lexer;
  next(): unknown;
}

interface GrammarState {
  lexer: Lexer;
  token: unknown;
  state: { strings: Record<string, string> };
  log: string[];
  consumeRule(rule: string): unknown;
}

/**
 * citation-js's BibTeX lexer, caught once from its own parse: the grammar copies its whole
 * macro table before every parse, which over thousands of entries and macros would be
 * quadratic, so the importer drives the grammar itself with one shared table.
 */
let lexer: Lexer | null = null;
function bibLexer(): Lexer {
  if (lexer) return lexer;
  const grammar = bibtexGrammar as unknown as { parse: (it: Lexer) => unknown };
  grammar.parse = (iterator: Lexer) => {
    lexer = iterator;
    return [];
  };
  try {
    parseBibFile('');
  } finally {
    delete (grammar as { parse?: unknown }).parse; // back to the prototype's method
  }
  if (!lexer) throw new Error('citation-js BibTeX lexer not found');
  return lexer;
}

const grammar = new util.Grammar(bibtexGrammar.rules, { strings: {} }) as unknown as GrammarState;

/**
 * The month macros BibTeX predefines (jan … dec), as citation-js writes them, in a table with
 * no prototype: `title = constructor` or `__proto__` must read an undefined macro (empty), not
 * Object.prototype's members ("function Object() [native code]").
 */
function defaultStrings(): Record<string, string> {
  const months = [
    'jan',
    'feb',
    'mar',
    'apr',
    'may',
    'jun',
    'jul',
    'aug',
    'sep',
    'oct',
    'nov',
    'dec',
  ];
  const table = Object.create(null) as Record<string, string>;
  months.forEach((m, i) => (table[m] = String(i + 1).padStart(2, '0')));
  return table;
}

/**
 * The text one entry or macro may take from macros. Each `@string{a = b # b}` can double the
 * text, so 25 lines of macros made a 50-million-character title (82 s, 1.7 GB); a real entry
 * takes a few hundred characters from its macros.
 */
export const MAX_MACRO_CHARS = 4 * MAX_ENTRY_CHARS;

function runGrammar(text: string, strings: Record<string, string>): BibtexEntry[] {
  let served = 0;
  const counted = new Proxy(strings, {
    get(table, key) {
      const value = typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
      served += value?.length ?? 0;
      if (served > MAX_MACRO_CHARS) {
        throw new Error(
          `its @string macros expand to more than ${MAX_MACRO_CHARS / 1024} KB of text`,
        );
      }
      return value;
    },
  });
  grammar.lexer = bibLexer().reset(text);
  grammar.token = grammar.lexer.next();
  grammar.state = { strings: counted };
  grammar.log = [];
  return grammar.consumeRule('Main') as BibtexEntry[];
}

/** Types and fields only BibLaTeX has: a `.bib` file with any of them is read as BibLaTeX. */
const BIBLATEX_TYPES =
  /^(?:online|report|thesis|mv\w+|collection|reference|inreference|periodical|suppbook|suppcollection|suppperiodical|dataset|software|artwork|audio|video|music|performance|image|movie|letter|legislation|jurisdiction|standard|set|xdata)$/u;
const BIBLATEX_FIELD = /\b(?:date|journaltitle|location|urldate|langid|eprinttype|maintitle)\s*=/iu;

function detectDialect(pieces: readonly BibPiece[]): Dialect {
  for (const piece of pieces) {
    if (piece.kind !== 'entry') continue;
    if (BIBLATEX_TYPES.test(piece.type) || BIBLATEX_FIELD.test(piece.raw)) return 'biblatex';
  }
  return 'bibtex';
}

/** The field's text with TeX read (accents, commands), '' when absent. */
function fieldText(entry: BibtexEntry, field: string): string {
  const value = entry.properties[field];
  if (value === undefined || value === '') return '';
  try {
    const parsed = parseValue(String(value), 'keywords');
    return Array.isArray(parsed) ? parsed.join(', ') : String(parsed);
  } catch {
    return String(value);
  }
}

/**
 * Tags: `keywords` (Zotero, BibLaTeX), JabRef's `groups` (its static groups) and Mendeley's
 * `mendeley-tags`; separated by commas or semicolons, as those programs write them.
 */
function entryTags(entry: BibtexEntry): string[] {
  return ['keywords', 'groups', 'mendeley-tags'].flatMap((f) => splitTagText(fieldText(entry, f)));
}

/** BibTeX `annote`, BibLaTeX `annotation`, JabRef `comment`: the researcher's own notes. */
const NOTE_FIELDS = ['annote', 'annotation', 'comment'];

/** The chain of crossref parents (nearest first), no repeats, at most four deep. */
function parents(entry: BibtexEntry, byKey: Map<string, BibtexEntry>): BibtexEntry[] {
  const chain: BibtexEntry[] = [];
  const seen = new Set([entry.label]);
  let ref = entry.properties.crossref;
  while (typeof ref === 'string' && chain.length < 4) {
    const parent = byKey.get(ref);
    if (!parent || seen.has(parent.label)) break;
    seen.add(parent.label);
    chain.push(parent);
    ref = parent.properties.crossref;
  }
  // The last one's own crossref goes: citation-js follows crossrefs without a cycle check.
  const last = chain.at(-1);
  if (last) {
    const { crossref: _drop, ...properties } = last.properties;
    chain[chain.length - 1] = { ...last, properties };
  }
  return chain;
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // citation-js's syntax errors carry the lexer's context; the first line says what is wrong.
  return text.split('\n')[0]!.slice(0, 200);
}

/**
 * The CSL item of the first entry of `chain` (its crossref parents follow it). citation-js
 * refuses a whole entry when one field has TeX it cannot read (`{\\d}` without an argument,
 * `\\enquote*`): then those fields are left out, named, and the rest is read; the entry's raw
 * text, kept as its source, still has them.
 */
function mapEntry(
  chain: BibtexEntry[],
  mode: Dialect,
): { csl: Record<string, unknown>; unread: string[] } {
  const map = mode === 'biblatex' ? mapBiblatex : mapBibtex;
  try {
    const [csl] = map(chain);
    if (csl) return { csl, unread: [] };
  } catch {
    // fall through: find the fields it cannot read
  }
  const unread: string[] = [];
  const readable = chain.map((entry, i) => {
    const properties: BibtexEntry['properties'] = {};
    for (const [field, value] of Object.entries(entry.properties)) {
      try {
        parseValue(String(value), field);
        properties[field] = value;
      } catch {
        if (i === 0) unread.push(field);
      }
    }
    return { type: entry.type, label: entry.label, properties };
  });
  const [csl] = map(readable);
  if (!csl) throw new Error('no entry could be read');
  return { csl, unread };
}

interface Read {
  piece: BibPiece;
  entry: BibtexEntry | null;
  keyless: boolean;
  problem: string | null;
}

/** Reads a BibTeX or BibLaTeX file. Throws ReferenceImportError only for the file as a whole. */
export function importBibtex(text: string, dialect?: Dialect): ReferenceFileResult {
  checkSize(text);
  const pieces = splitBibtex(text.replace(/^\uFEFF/u, ''));
  if (!pieces.some((p) => p.kind === 'entry')) {
    throw new ReferenceImportError(
      'not-references',
      'No BibTeX entries found: a BibTeX file holds entries such as @article{key, title = {…}}',
    );
  }
  const mode = dialect ?? detectDialect(pieces);
  const strings = defaultStrings();
  for (const piece of pieces) {
    if (piece.kind !== 'string' || piece.problem) continue;
    try {
      runGrammar(piece.raw, strings);
    } catch {
      // A broken macro only leaves the fields that use it empty, as in BibTeX.
    }
  }

  const reads: Read[] = [];
  let keyless = 0;
  for (const piece of pieces) {
    if (piece.kind !== 'entry') continue;
    if (piece.problem) {
      reads.push({ piece, entry: null, keyless: false, problem: piece.problem });
      continue;
    }
    const key = bibtexKeyOf(piece.raw);
    // An entry without a key (EndNote writes them) gets a placeholder for the parser only.
    const source = key
      ? piece.raw
      : piece.raw.replace(/^(@\s*[\w:+-]+\s*[{(])\s*,?/u, `$1quire-no-key-${++keyless},`);
    try {
      const [entry] = runGrammar(source, strings);
      if (!entry) throw new Error('no entry could be read');
      reads.push({ piece, entry, keyless: !key, problem: null });
    } catch (error) {
      reads.push({ piece, entry: null, keyless: !key, problem: message(error) });
    }
  }

  const byKey = new Map<string, BibtexEntry>();
  for (const read of reads) if (read.entry) byKey.set(read.entry.label, read.entry);

  const entries: ImportedEntry[] = [];
  const problems: EntryProblem[] = [];
  reads.forEach((read, index) => {
    const citekey = read.keyless ? null : (read.entry?.label ?? bibtexKeyOf(read.piece.raw));
    if (!read.entry) {
      problems.push({ entry: index + 1, citekey, message: read.problem ?? 'unreadable' });
      return;
    }
    try {
      const chain = [read.entry, ...parents(read.entry, byKey)];
      const { csl, unread } = mapEntry(chain, mode);
      const notes = NOTE_FIELDS.map((f) => fieldText(read.entry!, f)).filter(Boolean);
      const finished = finishEntry(csl, {
        position: index + 1,
        tags: entryTags(read.entry),
        notes,
        citekey,
        raw: read.piece.raw,
        unread,
      });
      if (typeof finished === 'string') {
        problems.push({ entry: index + 1, citekey, message: finished });
      } else {
        entries.push(finished);
      }
    } catch (error) {
      problems.push({ entry: index + 1, citekey, message: message(error) });
    }
  });
  return { format: mode, entries, problems };
}
