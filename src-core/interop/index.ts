/**
 * Reference files from Zotero, JabRef, Mendeley, EndNote and other reference managers
 * (BibTeX, BibLaTeX, RIS, CSL-JSON) read into library entries: pure functions, text in,
 * entries and per-entry problems out. ADR 0015.
 */
import { importBibtex } from './bibtex-import.ts';
import { importCslJson } from './csl-json-import.ts';
import { importRis } from './ris-import.ts';
import { ReferenceImportError, type ReferenceFileResult, type ReferenceFormat } from './types.ts';

export * from './types.ts';
export { importBibtex } from './bibtex-import.ts';
export { importRis } from './ris-import.ts';
export { importCslJson } from './csl-json-import.ts';
export { noteText } from './entry-finish.ts';

const EXTENSIONS: Record<string, ReferenceFormat | 'bib'> = {
  bib: 'bib',
  bibtex: 'bibtex',
  biblatex: 'biblatex',
  ris: 'ris',
  json: 'csl-json',
};

/** The reference format a file name says, or null when it is no reference file. */
export function referenceFormatOf(fileName: string): ReferenceFormat | 'bib' | null {
  const ext = /\.([a-z]+)$/iu.exec(fileName)?.[1]?.toLowerCase();
  return (ext && EXTENSIONS[ext]) || null;
}

/** Whether a file is a reference file Quire imports as entries (by its name). */
export function isReferenceFile(fileName: string): boolean {
  return referenceFormatOf(fileName) !== null;
}

/** Reads a reference file, its format told by its name (`.bib` is BibTeX or BibLaTeX by content). */
export function importReferenceFile(text: string, fileName: string): ReferenceFileResult {
  const format = referenceFormatOf(fileName);
  switch (format) {
    case 'bib':
      return importBibtex(text);
    case 'bibtex':
    case 'biblatex':
      return importBibtex(text, format);
    case 'ris':
      return importRis(text);
    case 'csl-json':
      return importCslJson(text);
    default:
      throw new ReferenceImportError(
        'not-references',
        `${fileName} is not a reference file (.bib, .bibtex, .biblatex, .ris or CSL-JSON .json)`,
      );
  }
}
