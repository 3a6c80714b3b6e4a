/**
 * The elements the metadata reader looks at, collected in one walk of the page instead of one
 * `getElementsByTagName` walk per tag (the page may hold tens of thousands of elements).
 * Built on first use while the metadata is read, and dropped afterwards, because the page
 * changes later (sanitizing, extraction).
 */
const WANTED = new Set(['TITLE', 'H1', 'H2', 'BASE', 'LINK', 'A', 'TIME', 'SCRIPT', 'META']);
const cache = new WeakMap<Document, Map<string, Element[]>>();

export function elementsByTag(doc: Document, tag: string): Element[] {
  let index = cache.get(doc);
  if (!index) {
    index = buildIndex(doc);
    cache.set(doc, index);
  }
  return index.get(tag.toUpperCase()) ?? [];
}

export function forgetTags(doc: Document): void {
  cache.delete(doc);
}

function buildIndex(doc: Document): Map<string, Element[]> {
  const index = new Map<string, Element[]>();
  const root = doc.documentElement;
  if (!root) return index;
  // Depth-first, in document order, without recursion.
  let el: Element | null = root;
  while (el) {
    const tag = el.tagName.toUpperCase();
    if (WANTED.has(tag)) {
      const list = index.get(tag);
      if (list) list.push(el);
      else index.set(tag, [el]);
    }
    let next: Element | null = el.firstElementChild;
    if (!next) {
      let up: Element | null = el;
      while (up && up !== root && !up.nextElementSibling) up = up.parentElement;
      next = up && up !== root ? up.nextElementSibling : null;
    }
    el = next;
  }
  return index;
}
