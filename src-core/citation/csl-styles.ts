import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslResources } from './types.ts';

/** Title variables Quire cases itself (see toSentenceCase, toMlaTitleCase). */
const CASED_VARIABLES =
  /\bvariable="(?:title|container-title|collection-title|part-title|volume-title|reviewed-title|original-title)"/u;

/**
 * Removes text-case="title" from the style's title variables. citeproc's title case is not
 * MLA's or APA's (it lowercases "Against" for APA, and lowercases particles such as "Up" that
 * MLA capitalises), and it would undo the casing Quire computed with the article's proper
 * nouns. Labels and terms ("(Ed.)") keep the style's own casing.
 */
export function withoutTitleCasing(styleXml: string): string {
  return styleXml.replace(/<text\b[^>]*>/gu, (tag) =>
    CASED_VARIABLES.test(tag) ? tag.replace(/\s+text-case="title"/u, '') : tag,
  );
}

/** FNV-1a: a short, stable name for registered content, so equal resources share one engine. */
function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export interface RegisteredStyles {
  apa: string;
  mla: string;
  lang: string;
}

/**
 * Registers the styles and locales with citation-js's CSL plugin. Its registries and its
 * citeproc engine cache (keyed by style name and locale) are module-global, so style names
 * carry a hash of the style and locale text: they never clash with citation-js's own "apa",
 * and registering the same resources twice reuses the same citeproc engines.
 */
export function registerResources(resources: CslResources): RegisteredStyles {
  const config = plugins.config.get('@csl');
  const langs = Object.keys(resources.locales);
  const lang = langs.includes('en-US') ? 'en-US' : langs[0];
  if (!lang) throw new Error('CslResources.locales is empty: at least en-US is needed');
  for (const [tag, xml] of Object.entries(resources.locales)) {
    if (config.locales.get(tag) !== xml) config.locales.set(tag, xml);
  }
  const localeHash = contentHash(resources.locales[lang] ?? '');
  const register = (key: 'apa' | 'mla'): string => {
    const xml = withoutTitleCasing(resources.styles[key]);
    const name = `quire-${key}-${contentHash(xml)}-${localeHash}`;
    if (!config.styles.has(name)) config.styles.add(name, xml);
    return name;
  };
  return { apa: register('apa'), mla: register('mla'), lang };
}
