import { PURIFY_CONFIG } from './sanitize-config.ts';

/**
 * The capture worker's sanitizer. DOMPurify needs a browser DOM (with linkedom it silently
 * does nothing), and a Web Worker has none; so where pages are parsed by linkedom this pass
 * enforces the same configuration (`PURIFY_CONFIG`) on the parsed body: what executes or loads
 * is removed with its content, forbidden tags are removed (their text kept unless the config
 * drops it), and event handlers, forbidden attributes, data attributes and URIs outside the
 * allowed schemes are removed. The captured model holds only text, link targets and image
 * sources; those are filtered again when read, so this is the first of two fences (ADR 0009).
 * One pass over the elements: linear in the page.
 */

/** Elements that run, embed or load something: dropped with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'applet',
  'link',
  'meta',
  ...PURIFY_CONFIG.ADD_FORBID_CONTENTS,
  'style',
  'base',
  // SVG's own ways to run script or rewrite attributes (<set to="javascript:…">).
  'animate',
  'animatemotion',
  'animatetransform',
  'set',
  'handler',
  'listener',
]);
const FORBIDDEN = new Set<string>(PURIFY_CONFIG.FORBID_TAGS);
const FORBIDDEN_ATTRIBUTES = new Set<string>(PURIFY_CONFIG.FORBID_ATTR);
const URI_ATTRIBUTES = new Set([
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
  'data',
  'codebase',
]);
/** A value that a browser could run or render as a document, whatever attribute holds it. */
const ACTIVE_VALUE = /^(?:[a-z]*script|data):/i;
/** The one place a data: URI stays: a raster image's source (SVG can carry script). */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i;
// What DOMPurify strips before testing a URI: "java\tscript:" is still javascript:.
// eslint-disable-next-line no-control-regex
const URI_NOISE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

function attributeAllowed(tag: string, name: string, value: string): boolean {
  if (name.startsWith('on') || FORBIDDEN_ATTRIBUTES.has(name)) return false;
  if (name.startsWith('data-') && !PURIFY_CONFIG.ALLOW_DATA_ATTR) return false;
  const uri = value.replace(URI_NOISE, '');
  if (tag === 'img' && name === 'src' && DATA_IMAGE.test(uri)) return true;
  if (ACTIVE_VALUE.test(uri)) return false;
  if (URI_ATTRIBUTES.has(name)) return uri === '' || PURIFY_CONFIG.ALLOWED_URI_REGEXP.test(uri);
  return true;
}

function cleanAttributes(tag: string, element: Element): void {
  // Copy the names first: removing while iterating a live NamedNodeMap skips entries.
  const names = Array.from(element.attributes, (a) => a.name);
  for (const name of names) {
    if (!attributeAllowed(tag, name.toLowerCase(), element.getAttribute(name) ?? '')) {
      element.removeAttribute(name);
    }
  }
}

/** Sanitizes a parsed page's body in place with Quire's one configuration. */
export function sanitizeParsedPage(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  // A static list: removing an element leaves its (already listed) descendants detached, and
  // work on detached nodes is harmless.
  for (const element of Array.from(body.querySelectorAll('*'))) {
    const tag = element.localName.toLowerCase();
    if (DROP_WITH_CONTENT.has(tag)) {
      element.remove();
    } else if (FORBIDDEN.has(tag)) {
      cleanAttributes(tag, element);
      element.replaceWith(...Array.from(element.childNodes));
    } else {
      cleanAttributes(tag, element);
    }
  }
}
