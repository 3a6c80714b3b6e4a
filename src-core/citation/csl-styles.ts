import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { TitleCasing } from './styles.ts';

/** Title variables Quire cases itself (see toSentenceCase, toMlaTitleCase, toChicagoTitleCase). */
const CASED_VARIABLES =
  /\bvariable="(?:title|container-title|collection-title|part-title|volume-title|reviewed-title|original-title)"/u;

/**
 * Removes text-case="title" from the style's title variables. citeproc's title case is not
 * MLA's, Chicago's or APA's (it lowercases "Against" for APA, and lowercases particles such as
 * "Up" that MLA capitalises), and it would undo the casing Quire computed with the article's
 * proper nouns. Labels and terms ("(Ed.)") keep the style's own casing.
 */
export function withoutTitleCasing(styleXml: string): string {
  return styleXml.replace(/<text\b[^>]*>/gu, (tag) =>
    CASED_VARIABLES.test(tag) ? tag.replace(/\s+text-case="title"/u, '') : tag,
  );
}

/**
 * The casing a custom style expects of its titles: a style that asks citeproc to title-case the
 * main title wants headline style (Quire's Chicago rules, the most general of them); any other
 * style prints titles as stored, which CSL's conventions expect in sentence case.
 */
export function casingOfStyle(styleXml: string): TitleCasing {
  for (const m of styleXml.matchAll(/<text\b[^>]*>/gu)) {
    const tag = m[0];
    if (/\bvariable="title"/u.test(tag) && /\btext-case="title"/u.test(tag)) return 'chicago';
  }
  return 'sentence';
}

/**
 * apa.csl prints "Retrieved" before the access date and "from" of an undated page as a bare term
 * beside the group holding them, so a page with no access date gets "Retrieved https://…".
 * APA 7 (9.16) writes "Retrieved Month Day, Year, from URL" only with a retrieval date, so the
 * term joins that group and goes when the date is missing.
 */
export function withRetrievalGuard(styleXml: string): string {
  return styleXml.replace(
    /(<text term="retrieved"[^>]*\/>)(\s*<group delimiter=", ">\s*<date form="text" variable="accessed"\/>\s*<text term="from"\/>\s*<\/group>)/gu,
    '<group delimiter=" ">$1$2</group>',
  );
}

/** FNV-1a: a short, stable name for registered content, so equal resources share one engine. */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** A style as registered with citeproc: the name to render with and the XML it was given. */
export interface RegisteredStyle {
  template: string;
  xml: string;
  lang: string;
}

/**
 * Registers locales with citation-js's CSL plugin. Its registries and its citeproc engine
 * cache (keyed by style name and locale) are module-global, so registering the same text
 * twice is a no-op.
 */
export function registerLocales(locales: Readonly<Record<string, string>>): void {
  const config = plugins.config.get('@csl');
  for (const [tag, xml] of Object.entries(locales)) {
    if (config.locales.get(tag) !== xml) config.locales.set(tag, xml);
  }
}

/**
 * Registers one style (already stripped of citeproc's title casing). Style names carry a hash
 * of the style and locale text: they never clash with citation-js's own "apa", and the same
 * resources registered twice reuse the same citeproc engine.
 */
export function registerStyle(
  id: string,
  styleXml: string,
  lang: string,
  localeXml: string,
): RegisteredStyle {
  const config = plugins.config.get('@csl');
  const xml = withRetrievalGuard(withoutTitleCasing(styleXml));
  const safeId = id.replace(/[^a-z0-9-]/giu, '_');
  const template = `quire-${safeId}-${contentHash(xml)}-${contentHash(localeXml)}`;
  if (!config.styles.has(template)) config.styles.add(template, xml);
  return { template, xml, lang };
}
