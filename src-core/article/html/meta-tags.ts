import { plainText } from './text.ts';
import { elementsByTag } from './tag-index.ts';

/** The most values kept under one name (a paper with thousands of `citation_author`s). */
const MAX_VALUES_PER_NAME = 1000;
/** The most `<meta>` elements read; a real page has a few dozen. */
const MAX_META_ELEMENTS = 50_000;

/**
 * The page's `<meta>` values by lower-cased name, in document order. A tag counts under each of
 * its `name`, `property`, `itemprop` and `http-equiv` attributes, so `<meta property="DC.title">`
 * and `<meta name="dc.title">` land in the same place. Values are plain text (the DOM decoded
 * the entities; tags are stripped, whitespace collapsed); empty values are skipped.
 */
export class MetaTags {
  private readonly values = new Map<string, string[]>();

  static read(doc: Document): MetaTags {
    const tags = new MetaTags();
    const elements = elementsByTag(doc, 'meta');
    const count = Math.min(elements.length, MAX_META_ELEMENTS);
    for (let i = 0; i < count; i++) {
      const el = elements[i];
      if (!el) continue;
      const content = el.getAttribute('content');
      if (content === null) continue;
      const names = new Set<string>();
      for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
        const raw = el.getAttribute(attr);
        // RDFa allows several space-separated properties in one attribute.
        if (raw) for (const n of raw.toLowerCase().split(/\s+/)) if (n) names.add(n);
      }
      if (names.size === 0) continue;
      const value = plainText(content);
      if (!value) continue;
      for (const name of names) tags.add(name, value);
    }
    return tags;
  }

  private add(name: string, value: string): void {
    const list = this.values.get(name);
    if (!list) this.values.set(name, [value]);
    else if (list.length < MAX_VALUES_PER_NAME) list.push(value);
  }

  /** Every value under `name` (lower case), in document order. */
  all(name: string): readonly string[] {
    return this.values.get(name) ?? [];
  }

  /** The first value under `name`, or undefined. */
  first(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  /** Every name present, for prefix families (`dc.*`, `dcterms.*`, `parsely-*`). */
  names(): IterableIterator<string> {
    return this.values.keys();
  }
}

/**
 * Dublin Core values by element (`title`, `creator`, `date.issued` …) whatever the prefix and
 * case the page uses: `DC.title`, `dc:title`, `DCTERMS.title`, `dcterms:issued`, `dct.title`.
 */
export function dublinCore(meta: MetaTags): Map<string, string[]> {
  const dc = new Map<string, string[]>();
  for (const name of meta.names()) {
    const m = /^(?:dc|dcterms|dct)[.:](.{1,60})$/.exec(name);
    if (!m) continue;
    const element = m[1]!;
    const list = dc.get(element) ?? [];
    list.push(...meta.all(name));
    dc.set(element, list);
  }
  return dc;
}
