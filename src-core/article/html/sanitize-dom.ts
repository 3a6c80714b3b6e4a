import { attributeAllowed, DROP_WITH_CONTENT, UNWRAP } from './sanitize-config.ts';

/**
 * The capture worker's sanitizer. DOMPurify needs a browser DOM (with linkedom it silently
 * does nothing), and a Web Worker has none; so where pages are parsed by linkedom this pass
 * enforces the one configuration (sanitize-config.ts) on the parsed body: what executes or
 * loads is removed with its content, forbidden tags are removed (their text kept unless the
 * config drops it), and event handlers, forbidden attributes, data attributes and URIs outside
 * the allowed schemes are removed. The captured model holds only text, link targets and image
 * sources; those are filtered again when read, so this is the first of two fences (ADR 0009).
 * One pass over the elements: linear in the page.
 */

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
    } else if (UNWRAP.has(tag)) {
      cleanAttributes(tag, element);
      element.replaceWith(...Array.from(element.childNodes));
    } else {
      cleanAttributes(tag, element);
    }
  }
}
