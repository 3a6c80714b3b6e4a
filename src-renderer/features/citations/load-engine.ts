import type { CitationEngine } from '../../../src-core/citation/types.ts';

export type {
  CitableArticle,
  CitationEngine,
  InTextStyle,
  OutputFormat,
  ReferenceStyle,
} from '../../../src-core/citation/types.ts';

/** Loads citation-js and the CSL files as a separate chunk and registers the styles once. */
export async function loadCitationEngine(): Promise<CitationEngine> {
  const [{ createCitationEngine }, { CSL_STYLES, CSL_LOCALES }] = await Promise.all([
    import('../../../src-core/citation/engine.ts'),
    import('./csl-resources.ts'),
  ]);
  return createCitationEngine({ styles: CSL_STYLES, locales: CSL_LOCALES });
}
