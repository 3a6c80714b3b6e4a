import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Library, StyleRecord } from '../../db/index.ts';
import type { StyleInfo } from '../../../src-core/citation/styles.ts';
import type { CitationEngine, DataFormat } from './load-engine.ts';

/** One entry of the style switcher: a CSL style, or a bibliographic data format. */
export type StyleOption =
  | { kind: 'csl'; id: string; label: string; info: StyleInfo; custom: StyleRecord | null }
  | { kind: 'data'; id: DataFormat; label: string };

export const DATA_OPTIONS: readonly StyleOption[] = [
  { kind: 'data', id: 'bibtex', label: 'BibTeX' },
  { kind: 'data', id: 'biblatex', label: 'BibLaTeX' },
  { kind: 'data', id: 'ris', label: 'RIS' },
  { kind: 'data', id: 'csl-json', label: 'CSL-JSON' },
];

export const DEFAULT_STYLE_KEY = 'defaultStyle';
export const FALLBACK_STYLE = 'apa';

/**
 * Every style the user can pick: the shipped ones, the custom styles stored in the library
 * (registered with the engine as they appear), then the data formats. A stored style the engine
 * no longer accepts is left out and reported in `broken`.
 */
export function useStyleOptions(
  library: Library,
  engine: CitationEngine,
): { options: StyleOption[]; broken: string[] } {
  const custom = useLiveQuery(() => library.styles.list(), [library]);
  return useMemo(() => {
    const broken: string[] = [];
    const stored = new Set((custom ?? []).map((s) => s.id));
    for (const info of engine.styles()) {
      if (!info.builtIn && !stored.has(info.id)) engine.removeStyle(info.id);
    }
    for (const style of custom ?? []) {
      try {
        engine.addStyle({ id: style.id, xml: style.xml });
      } catch {
        broken.push(style.title);
      }
    }
    const byId = new Map((custom ?? []).map((s) => [s.id, s]));
    const options: StyleOption[] = engine.styles().map((info) => ({
      kind: 'csl',
      id: info.id,
      label: info.builtIn ? info.label : `${info.label} (custom)`,
      info,
      custom: byId.get(info.id) ?? null,
    }));
    return { options: [...options, ...DATA_OPTIONS], broken };
  }, [custom, engine]);
}

/** The default style from the settings; `undefined` while loading. */
export function useDefaultStyle(library: Library): string | undefined {
  return useLiveQuery(
    async () => (await library.settings.get(DEFAULT_STYLE_KEY)) ?? FALLBACK_STYLE,
    [library],
  );
}
