import { parseDocument } from 'yaml';
import { findDate } from '../dates.ts';
import type { StatedDate, StatedMetadata, StatedName } from './types.ts';

/**
 * Metadata a Markdown clipper (Obsidian Web Clipper, MarkDownload, Zotero/Joplin exports) wrote
 * as YAML front matter. The YAML is read by a real parser with the core schema (no custom
 * tags, no timestamps turned into Dates), a cap on aliases (no billion laughs) and duplicate
 * keys allowed (the last wins); YAML that does not parse states nothing.
 */

type Field = Exclude<keyof StatedMetadata, 'sources'>;

/** Keys each field is read from, in order of preference (compared case- and separator-blind). */
const KEYS: Partial<Record<Field, readonly string[]>> = {
  title: ['title'],
  authors: ['author', 'authors', 'by', 'creator'],
  published: ['published', 'date', 'date_published', 'pubdate'],
  modified: ['modified', 'updated', 'date_modified', 'last_modified', 'lastmod'],
  // A clip date is when the page was saved: an access date, never the publication date.
  accessed: ['created', 'clipped', 'saved', 'date_saved', 'accessed'],
  url: ['source', 'url', 'link', 'canonical'],
  siteName: ['site', 'site_name', 'sitename', 'publication', 'website'],
  publisher: ['publisher'],
  keywords: ['tags', 'keywords'],
  description: ['description'],
  language: ['lang', 'language'],
  license: ['license', 'licence'],
};

/** Reads the metadata out of a front-matter block's YAML text (without its `---` fences). */
export function readFrontMatter(yamlText: string): StatedMetadata {
  const fields = parseMapping(yamlText);
  const stated: StatedMetadata = {};
  if (!fields) return stated;
  const sources: NonNullable<StatedMetadata['sources']> = {};
  /** Reads the field from the first of its keys whose value reads as one. */
  const take = <K extends Field>(
    field: K,
    read: (value: unknown, key: string) => StatedMetadata[K] | null,
  ): void => {
    for (const name of KEYS[field] ?? []) {
      const found = fields.get(name);
      if (!found || isEmpty(found.value)) continue;
      const value = read(found.value, found.key);
      if (value === null || value === undefined) continue;
      stated[field] = value;
      sources[field] = `front matter: ${found.key}`;
      return;
    }
  };

  take('title', (v) => firstString(v));
  take('authors', (v) => {
    const names = strings(v)
      .map(unwrapName)
      .filter(Boolean)
      .map((name): StatedName => ({ name, type: null }));
    return names.length ? names : null;
  });
  take('published', (v, key) => statedDate(v, key));
  take('modified', (v, key) => statedDate(v, key));
  take('accessed', (v, key) => statedDate(v, key));
  take('url', (v) => {
    for (const s of strings(v)) {
      const url = httpUrl(s);
      if (url) return url;
    }
    return null;
  });
  take('siteName', (v) => {
    const s = firstString(v);
    return s ? unwrapName(s) || null : null;
  });
  take('publisher', (v) => {
    const s = firstString(v);
    const name = s ? unwrapName(s) : '';
    return name ? { name, type: null } : null;
  });
  take('keywords', (v) => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const s of strings(v)) {
      for (const part of s.split(',')) {
        const word = unwrapName(part.trim().replace(/^#+/, ''));
        const key = word.toLowerCase();
        if (!word || seen.has(key)) continue;
        seen.add(key);
        out.push(word);
      }
    }
    return out.length ? out : null;
  });
  take('description', (v) => firstString(v));
  take('language', (v) => firstString(v));
  take('license', (v) => firstString(v));
  if (Object.keys(sources).length) stated.sources = sources;
  return stated;
}

/** The top-level mapping, keyed by normalised key, or null when the YAML is broken or not a map. */
function parseMapping(yamlText: string): Map<string, { key: string; value: unknown }> | null {
  let data: unknown;
  try {
    const doc = parseDocument(yamlText, {
      schema: 'core',
      uniqueKeys: false,
      prettyErrors: false,
    });
    if (doc.errors.length) return null;
    data = doc.toJS({ maxAliasCount: 10 });
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const fields = new Map<string, { key: string; value: unknown }>();
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const normal = key
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    if (!fields.has(normal)) fields.set(normal, { key, value });
  }
  return fields;
}

function isEmpty(value: unknown): boolean {
  return strings(value).length === 0;
}

/** The non-empty strings a value holds: itself, each list entry, or an object's `name`. */
function strings(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (typeof value === 'number' && Number.isFinite(value)) return [String(value)];
  if (depth > 2 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, depth + 1));
  const name = (value as Record<string, unknown>)['name'];
  return name === undefined ? [] : strings(name, depth + 1);
}

function firstString(value: unknown): string | null {
  return strings(value)[0] ?? null;
}

/** "[[Jane Doe]]" (Obsidian), "[[Jane Doe|Jane]]", "[Jane Doe](https://…)" and quotes → the name. */
export function unwrapName(value: string): string {
  let s = value.trim();
  const wiki = /^\[\[([^[\]|]*)(?:\|[^[\]]*)?\]\]$/.exec(s);
  if (wiki) s = wiki[1]!;
  const link = /^\[([^[\]]*)\]\([^()]*\)$/.exec(s);
  if (link) s = link[1]!;
  const quoted = /^(["'“‘])(.*)(["'”’])$/.exec(s);
  if (quoted) s = quoted[2]!;
  return s.trim();
}

/** An http(s) URL, also out of "[label](url)" or "<url>"; anything else is not a URL here. */
function httpUrl(value: string): string | null {
  const s = value.trim();
  const inner = /^\[[^[\]]*\]\(([^()\s]*)\)$/.exec(s)?.[1] ?? /^<([^<>\s]*)>$/.exec(s)?.[1] ?? s;
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(inner) ? inner : null;
}

/**
 * A front-matter date: ISO (`2023-07-04`, `2023-07`, `2023`, `2023-07-04T22:30:00-05:00`, read
 * as the calendar day written, never shifted to UTC) or prose (`July 4, 2023`); a numeric
 * day/month date whose parts could be either is marked ambiguous.
 */
export function statedDate(value: unknown, key: string): StatedDate | null {
  const text = firstString(value);
  if (!text) return null;
  const from = `front matter: ${key}`;
  const iso =
    /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
      text,
    );
  if (iso) {
    const parts: StatedDate['parts'] = [Number(iso[1])];
    if (iso[2]) parts.push(Number(iso[2]));
    if (iso[3]) parts.push(Number(iso[3]));
    return validDate(parts) ? { parts, ambiguous: false, from } : null;
  }
  const found = findDate(text);
  if (!found) return null;
  const numeric = /^(\d{1,2})[/.](\d{1,2})[/.]\d{4}$/.exec(
    text.slice(found.index, found.index + found.length),
  );
  const ambiguous =
    !!numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2];
  return { parts: found.parts, ambiguous, from };
}

function validDate([y, m, d]: StatedDate['parts']): boolean {
  if (!(y >= 1000 && y <= 9999)) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
