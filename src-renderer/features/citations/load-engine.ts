import type { CitationEngine } from '../../../src-core/citation/types.ts';

export type {
  CitableArticle,
  CitationEngine,
  DataFormat,
  InTextStyle,
  OutputFormat,
  ReferenceStyle,
} from '../../../src-core/citation/types.ts';

/** Loads citation-js and the CSL files as a separate chunk and registers the styles once. */
export async function loadCitationEngine(): Promise<CitationEngine> {
  const [{ createCitationEngine }, { CSL_RESOURCES }] = await Promise.all([
    import('../../../src-core/citation/engine.ts'),
    import('./csl-resources.ts'),
  ]);
  return createCitationEngine(CSL_RESOURCES);
}
