import type { CslItem } from '../article/model.ts';

/** The reference-manager formats Quire reads (and, but for BibTeX, writes back). */
export type ReferenceFormat = 'bibtex' | 'biblatex' | 'ris' | 'csl-json';

/** One entry of a reference file, as Quire keeps it. */
export interface ImportedEntry {
  /** 1-based position of the entry in the file (problems are numbered the same way). */
  position: number;
  /** The CSL item (no `id`/`citation-key` of Quire's own yet: the library gives those). */
  csl: CslItem;
  /** Keywords, groups and tags, cleaned by the library's one tag rule (tags.ts). */
  tags: string[];
  /** Personal notes on the whole reference, as plain text (HTML notes are turned into text). */
  notes: string[];
  /** The entry's own key (BibTeX key, RIS ID, CSL-JSON id / citation-key), when it has one. */
  citekey: string | null;
  /** The entry exactly as it was in the file: kept as the library entry's source. */
  raw: string;
  /** Fields whose text could not be read (left out of `csl`; still in `raw`). */
  unread: string[];
}

/** An entry that was refused, with the reason in words for the researcher. */
export interface EntryProblem {
  /** 1-based position of the entry in the file. */
  entry: number;
  citekey: string | null;
  message: string;
}

export interface ReferenceFileResult {
  format: ReferenceFormat;
  entries: ImportedEntry[];
  problems: EntryProblem[];
}

export type ReferenceImportErrorCode = 'too-large' | 'not-references' | 'malformed';

/** A whole file refused: the only error the importers throw. */
export class ReferenceImportError extends Error {
  override readonly name = 'ReferenceImportError';
  constructor(
    readonly code: ReferenceImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * 16 Mi characters: far above any real export (a 5,000-entry Zotero library with abstracts is
 * about 5 MB) and small enough that every pass over the text stays quick.
 */
export const MAX_REFERENCE_FILE_CHARS = 16 * 1024 * 1024;
/** One entry longer than this is refused (a real entry with a long abstract is a few KB). */
export const MAX_ENTRY_CHARS = 256 * 1024;
/** Brace nesting deeper than this is refused: the parsers recurse once per level. */
export const MAX_BRACE_DEPTH = 64;

export function checkSize(text: string): void {
  if (typeof text !== 'string') {
    throw new ReferenceImportError('malformed', 'A reference file must be text');
  }
  if (text.length > MAX_REFERENCE_FILE_CHARS) {
    throw new ReferenceImportError(
      'too-large',
      `This reference file is too large (${(text.length / 1024 / 1024).toFixed(1)} MB of text; the limit is ${MAX_REFERENCE_FILE_CHARS / 1024 / 1024} MB). Split it into smaller files.`,
    );
  }
}
