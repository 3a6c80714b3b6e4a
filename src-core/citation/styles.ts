/**
 * The citation styles Quire ships, from the official CSL repository (resources/csl/, CC BY-SA
 * 3.0). `casing` says which of Quire's casing rules prepare titles for the style: CSL
 * processors only pass titles through (or apply citeproc's own title case, which is neither
 * MLA's nor Chicago's), so casing is Quire's (ADR 0005, 0007).
 */
export type TitleCasing = 'sentence' | 'mla' | 'chicago';

/** How the style cites in the text: (Author, year), (Author page), a note, or [1]. */
export type CitationKind = 'author-date' | 'author' | 'note' | 'numeric';

export type BuiltInStyleId =
  | 'apa'
  | 'mla'
  | 'chicago-author-date'
  | 'chicago-notes'
  | 'chicago-shortened-notes'
  | 'harvard'
  | 'ieee'
  | 'vancouver';

export interface StyleInfo {
  id: string;
  label: string;
  casing: TitleCasing;
  kind: CitationKind;
  /** The CSL locale its references are written in. */
  locale: string;
  builtIn: boolean;
}

export interface BuiltInStyle extends StyleInfo {
  id: BuiltInStyleId;
  /** File name under resources/csl/styles/. */
  file: string;
}

export const BUILT_IN_STYLES: readonly BuiltInStyle[] = [
  {
    id: 'apa',
    label: 'APA 7',
    file: 'apa.csl',
    casing: 'sentence',
    kind: 'author-date',
    locale: 'en-US',
    builtIn: true,
  },
  {
    id: 'mla',
    label: 'MLA 9',
    file: 'modern-language-association.csl',
    casing: 'mla',
    kind: 'author',
    locale: 'en-US',
    builtIn: true,
  },
  {
    id: 'chicago-author-date',
    label: 'Chicago 18 (author-date)',
    file: 'chicago-author-date.csl',
    casing: 'chicago',
    kind: 'author-date',
    locale: 'en-US',
    builtIn: true,
  },
  {
    id: 'chicago-notes',
    label: 'Chicago 18 (notes, full)',
    file: 'chicago-notes-bibliography.csl',
    casing: 'chicago',
    kind: 'note',
    locale: 'en-US',
    builtIn: true,
  },
  {
    id: 'chicago-shortened-notes',
    label: 'Chicago 18 (shortened notes)',
    file: 'chicago-shortened-notes-bibliography.csl',
    casing: 'chicago',
    kind: 'note',
    locale: 'en-US',
    builtIn: true,
  },
  {
    // Cite Them Right is a British guide: its examples use British dates and spelling.
    id: 'harvard',
    label: 'Harvard (Cite Them Right)',
    file: 'harvard-cite-them-right.csl',
    casing: 'sentence',
    kind: 'author-date',
    locale: 'en-GB',
    builtIn: true,
  },
  {
    id: 'ieee',
    label: 'IEEE',
    file: 'ieee.csl',
    casing: 'sentence',
    kind: 'numeric',
    locale: 'en-US',
    builtIn: true,
  },
  {
    id: 'vancouver',
    label: 'Vancouver',
    file: 'nlm-citation-sequence.csl',
    casing: 'sentence',
    kind: 'numeric',
    locale: 'en-US',
    builtIn: true,
  },
];

export const BUILT_IN_STYLE_IDS: readonly BuiltInStyleId[] = BUILT_IN_STYLES.map((s) => s.id);

export const LOCALE_FILES: Readonly<Record<string, string>> = {
  'en-US': 'locales-en-US.xml',
  'en-GB': 'locales-en-GB.xml',
};

export function isBuiltInStyle(id: string): id is BuiltInStyleId {
  return (BUILT_IN_STYLE_IDS as readonly string[]).includes(id);
}

/**
 * Every shipped style and locale, read through `read` (a path under resources/csl/): the CLI
 * and the tests read files, and the renderer bundles the same paths.
 */
export function cslResourcesFrom(read: (path: string) => string): {
  styles: Record<string, string>;
  locales: Record<string, string>;
} {
  return {
    styles: Object.fromEntries(BUILT_IN_STYLES.map((s) => [s.id, read(`styles/${s.file}`)])),
    locales: Object.fromEntries(
      Object.entries(LOCALE_FILES).map(([tag, file]) => [tag, read(`locales/${file}`)]),
    ),
  };
}
