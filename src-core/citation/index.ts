export type {
  CitableArticle,
  CitationEngine,
  CslResources,
  InTextStyle,
  OutputFormat,
  ReferenceStyle,
} from './types.ts';
export { createCitationEngine } from './engine.ts';
export { parseLocator, type CslLocatorLabel, type Locator } from './locator.ts';
export { toSentenceCase } from './sentence-case.ts';
export { toApaTitleCase, toMlaTitleCase } from './title-case.ts';
export { learnProperNouns } from './proper-nouns.ts';
export { citationKey } from './citation-key.ts';
export { toBibtex, protectTitle, type BibDialect } from './bibtex.ts';
