import type { Candidate } from './candidates.ts';
import type { MetaTags } from './meta-tags.ts';
import { plainText } from './text.ts';

// Values inside these JSON tags were decoded once already, as attribute text: read as plain text,
// never decoded again.
const text = (value: unknown): string => (typeof value === 'string' ? plainText(value) : '');

/** Yoast's Twitter card: `twitter:label1` "Written by", `twitter:data1` the author. */
export function yoastWrittenBy(meta: MetaTags): Candidate[] {
  const out: Candidate[] = [];
  for (const n of [1, 2, 3]) {
    const label = meta.first(`twitter:label${n}`);
    const value = meta.first(`twitter:data${n}`);
    if (label && value && /^(?:written by|authors?)$/i.test(label))
      out.push({ value, from: `twitter:data${n}` });
  }
  return out;
}

export interface ParselyFacts {
  title: string | null;
  link: string | null;
  published: string | null;
  authors: string[];
  tags: string[];
}

/** `parsely-page` (the legacy JSON tag) and `parsely-metadata` (free JSON), when they parse. */
export function parselyJson(meta: MetaTags): ParselyFacts {
  const facts: ParselyFacts = { title: null, link: null, published: null, authors: [], tags: [] };
  for (const name of ['parsely-page', 'parsely-metadata']) {
    const raw = meta.first(name);
    if (!raw || raw.length > 100_000) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) continue;
    const record = data as Record<string, unknown>;
    const str = (...keys: string[]): string | null => {
      for (const k of keys) {
        const t = text(record[k]);
        if (t) return t;
      }
      return null;
    };
    const strings = (...keys: string[]): string[] =>
      keys.flatMap((k) => {
        const v = record[k];
        const list = Array.isArray(v) ? v.slice(0, 100) : [v];
        return list.map(text).filter(Boolean);
      });
    facts.title ??= str('title', 'headline');
    facts.link ??= str('link', 'url');
    facts.published ??= str('pub_date', 'pubDate', 'published', 'date');
    if (!facts.authors.length) facts.authors = strings('authors', 'author');
    if (!facts.tags.length) facts.tags = strings('tags', 'keywords');
  }
  return facts;
}
