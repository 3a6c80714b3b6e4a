/**
 * The internals of citation-js's BibTeX and RIS plugins that the importers drive one entry at
 * a time (the plugins' public entry points parse a whole file at once: one broken entry would
 * lose them all). Only what is used is declared.
 */
declare module '@citation-js/plugin-bibtex/lib/input/file.js' {
  export interface BibtexEntry {
    type: string;
    label: string;
    properties: Record<string, string | number>;
    annotations?: Record<string, Record<string, string>>;
  }
  export interface GrammarLike {
    rules: Record<string, (this: unknown) => unknown>;
    parse(iterator: unknown, mainRule?: string): unknown;
  }
  export const bibtexGrammar: GrammarLike;
  export function parse(text: string): BibtexEntry[];
}

declare module '@citation-js/plugin-bibtex/lib/input/entries.js' {
  import type { BibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
  /** BibLaTeX mapping (also reads the classic BibTeX fields). */
  export function parse(entries: BibtexEntry[]): Record<string, unknown>[];
  /** Classic BibTeX mapping. */
  export function parseBibtex(entries: BibtexEntry[]): Record<string, unknown>[];
}

declare module '@citation-js/plugin-bibtex/lib/input/value.js' {
  export function parse(text: string, field: string): unknown;
}

declare module '@citation-js/plugin-ris/lib/ris.js' {
  /** One RIS record (tag → value or values) to CSL, by the mixed (2011 + legacy) spec. */
  export function parseMixed(record: Record<string, string | string[]>): Record<string, unknown>;
}
