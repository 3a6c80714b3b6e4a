export type {
  CitableArticle,
  CitationEngine,
  CslResources,
  DataFormat,
  InTextOptions,
  InTextStyle,
  OutputFormat,
  ReferenceStyle,
} from './types.ts';
export { DATA_FORMATS, isDataFormat } from './types.ts';
export {
  BUILT_IN_STYLES,
  BUILT_IN_STYLE_IDS,
  LOCALE_FILES,
  cslResourcesFrom,
  isBuiltInStyle,
  type BuiltInStyleId,
  type StyleInfo,
  type TitleCasing,
} from './styles.ts';
export { createCitationEngine } from './engine.ts';
export { checkCslStyle, CslStyleError, type CheckedStyle } from './custom-style.ts';
export {
  checkLocator,
  LocatorError,
  parseLocator,
  type CslLocatorLabel,
  type Locator,
} from './locator.ts';
export { toSentenceCase } from './sentence-case.ts';
export { toApaTitleCase, toChicagoTitleCase, toMlaTitleCase } from './title-case.ts';
export { learnProperNouns } from './proper-nouns.ts';
export { citationKey } from './citation-key.ts';
export { toBibtex, protectTitle, type BibDialect } from './bibtex.ts';
export { withLibraryCitekeys } from './library-keys.ts';
