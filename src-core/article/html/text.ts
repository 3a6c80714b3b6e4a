import { decodeEntities } from '../../text/entities.ts';

/**
 * Plain-text helpers for metadata values. Every function here runs in linear time over
 * untrusted input: single scans or regular expressions without nested quantifiers.
 */

/** The longest value read from any one attribute or JSON-LD string; the rest is ignored. */
export const MAX_VALUE_LENGTH = 10_000;

// Zero-width characters and C0/C1 controls other than whitespace: never part of a title.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF]/g;

/** Trims, collapses every run of whitespace to one space, drops invisible characters. */
export function collapseWhitespace(value: string): string {
  return value.slice(0, MAX_VALUE_LENGTH).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

const BLOCK_TAGS = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'section',
  'article',
  'hr',
]);

const isTagStart = (c: string | undefined): boolean =>
  c !== undefined && (c === '/' || c === '!' || c === '?' || /[A-Za-z]/.test(c));

/**
 * Removes tags (`<b>`, `</p>`, `<!-- … -->`, `<br/>`) with one left-to-right scan: a block-level
 * tag becomes a space, an inline one disappears. A `<` that starts no tag ("a < b", "x <3") stays.
 * Quoted attribute values may hold `>`. A tag left open at the end of the input is dropped with
 * everything after it, as an HTML parser would drop it; nothing after it could close a tag
 * either, so the scan stops there: linear time.
 */
export function stripTags(value: string): string {
  if (!value.includes('<')) return value;
  let out = '';
  let i = 0;
  const n = value.length;
  while (i < n) {
    const lt = value.indexOf('<', i);
    if (lt < 0) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, lt);
    if (!isTagStart(value[lt + 1])) {
      out += '<';
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    let quote = '';
    if (value.startsWith('!--', j)) {
      const close = value.indexOf('-->', j + 3);
      j = close < 0 ? n : close + 2;
    } else {
      for (; j < n; j++) {
        const c = value[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") {
          quote = c;
        } else if (c === '>') {
          break;
        }
      }
    }
    if (j >= n) {
      // Unclosed to the end: dropped, as an HTML parser drops a tag cut off by the end of input
      // (and no later "<" could close either, so the scan stops here).
      break;
    }
    const name = /^\/?([A-Za-z][A-Za-z0-9]{0,15})/.exec(value.slice(lt + 1, lt + 20));
    out += name && BLOCK_TAGS.has(name[1]!.toLowerCase()) ? ' ' : '';
    i = j + 1;
  }
  return out;
}

/** A value already decoded by the DOM (an attribute, an element's text) as one line of text. */
export function plainText(value: string | null | undefined): string {
  if (!value) return '';
  return collapseWhitespace(stripTags(value.slice(0, MAX_VALUE_LENGTH)));
}

/**
 * A JSON-LD string (raw script text, may hold markup and character references) as text:
 * references decoded once, then tags stripped, so an escaped `&lt;b&gt;` cannot come back out
 * as markup.
 */
export function jsonText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  return collapseWhitespace(stripTags(decodeEntities(value.slice(0, MAX_VALUE_LENGTH))));
}

/** True for an absolute address or something that is plainly one ("www.x.com/…", "/author/x"). */
export function isUrlLike(value: string): boolean {
  const v = value.trim().slice(0, 512);
  return (
    /^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(v) ||
    /^(?:www\.|\/\/|\/)\S*$/i.test(v) ||
    /^mailto:/i.test(v) ||
    (!/\s/.test(v) && /\S\.[a-z]{2,24}\/\S/i.test(v)) ||
    /^[^\s@]+@[^\s@]+$/.test(v)
  );
}

/**
 * An absolute http(s) address for `href` resolved against `base`, or null. Nothing but http(s)
 * comes out (no `javascript:`, `data:`, `file:`).
 */
export function httpUrl(href: string | null | undefined, base?: string | null): string | null {
  const value = (href ?? '').trim();
  if (!value || value.length > 4096) return null;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}

/** The most keywords kept from one page. */
const MAX_KEYWORDS = 100;

/** Keywords split on commas and semicolons, de-duplicated whatever their case, capped. */
export function splitKeywords(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    for (const piece of value.split(/[,;]/)) {
      const k = plainText(piece);
      if (!k || k.length > 200 || seen.has(k.toLowerCase())) continue;
      seen.add(k.toLowerCase());
      out.push(k);
      if (out.length >= MAX_KEYWORDS) return out;
    }
  }
  return out;
}
