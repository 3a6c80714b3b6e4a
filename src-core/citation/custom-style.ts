import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CitationKind } from './styles.ts';

/** Why a .csl file cannot be used; the message is shown to the user as is. */
export class CslStyleError extends Error {
  override name = 'CslStyleError';
}

/** What Quire reads from a custom style before it is stored. */
export interface CheckedStyle {
  /** The style's own <id> (a URI in official styles), or its title when it has none. */
  cslId: string;
  title: string;
  hasBibliography: boolean;
  hasCitation: boolean;
  /** The style's default-locale, if it declares one. */
  defaultLocale: string | null;
  /** How it cites in the text, from its `<category citation-format>` (author-date if unstated). */
  kind: CitationKind;
}

const CITATION_KINDS: readonly CitationKind[] = ['author-date', 'author', 'note', 'numeric'];

const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl';
/** Real styles are tens of kilobytes; Chicago's, the largest official one, is 250 kB. */
export const MAX_STYLE_BYTES = 2 * 1024 * 1024;

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  isArray: () => false,
});

/**
 * Checks that a file is a usable CSL style: well-formed XML whose root is a CSL <style>, an
 * independent style (a dependent one only points at its parent and cannot render), with a
 * <citation> or <bibliography> that has a <layout>. Throws CslStyleError with a message fit
 * for the user; the caller stores nothing when it throws.
 */
export function checkCslStyle(xml: string): CheckedStyle {
  if (xml.length > MAX_STYLE_BYTES) {
    throw new CslStyleError('This file is too large to be a CSL style (more than 2 MB)');
  }
  const text = xml.replace(/^\uFEFF/u, '');
  if (!text.trim()) throw new CslStyleError('This file is empty, not a CSL style');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new CslStyleError(
      `This file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  }
  const root = parser.parse(text) as XmlNode;
  const style = root['style'] as XmlNode | undefined;
  if (!style || typeof style !== 'object') {
    const name = Object.keys(root).find((k) => !k.startsWith('?')) ?? 'nothing';
    throw new CslStyleError(`This XML file is not a CSL style: its root is <${name}>, not <style>`);
  }
  if (style['@xmlns'] !== CSL_NAMESPACE) {
    throw new CslStyleError(`This <style> is not in the CSL namespace (${CSL_NAMESPACE})`);
  }
  const info = (style['info'] ?? {}) as XmlNode;
  const links = [info['link']].flat().filter(Boolean) as XmlNode[];
  const parent = links.find((l) => l['@rel'] === 'independent-parent');
  const citation = style['citation'] as XmlNode | undefined;
  const bibliography = style['bibliography'] as XmlNode | undefined;
  if (parent && !citation) {
    throw new CslStyleError(
      `This is a dependent style: it only points to ${String(parent['@href'])}. Import that parent style instead`,
    );
  }
  const hasLayout = (el: XmlNode | undefined): boolean =>
    !!el && typeof el === 'object' && el['layout'] !== undefined;
  if (!hasLayout(citation) && !hasLayout(bibliography)) {
    throw new CslStyleError('This CSL style has no citation or bibliography layout to print');
  }
  const title = textOf(info['title']) || 'Untitled style';
  const format = [info['category']]
    .flat()
    .map((c) => (c as XmlNode | undefined)?.['@citation-format'])
    .find((f): f is CitationKind => CITATION_KINDS.includes(f as CitationKind));
  return {
    cslId: textOf(info['id']) || title,
    title,
    hasBibliography: hasLayout(bibliography),
    hasCitation: hasLayout(citation),
    defaultLocale:
      typeof style['@default-locale'] === 'string' ? (style['@default-locale'] as string) : null,
    kind: format ?? 'author-date',
  };
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  if (node && typeof node === 'object' && '#text' in node) return String(node['#text']).trim();
  return '';
}
