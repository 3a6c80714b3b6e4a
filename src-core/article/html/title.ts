import { MAX_TITLE } from '../rules/header.ts';
import { collapseWhitespace } from './text.ts';

/** What the page says about itself, to recognise the parts of a `<title>` that are not the title. */
export interface KnownNames {
  /** The site's name (og:site_name, the JSON-LD WebSite, application-name …). */
  siteName?: string | null;
  /** Other names the site goes by on the page (its publisher, its journal). */
  siteNames?: readonly (string | null | undefined)[];
  /** The page's host (`www.example.co.uk`) or address. */
  host?: string | null;
  /** The stated authors: "Title | Jane Doe | Site" loses the author too. */
  authors?: readonly string[];
  /**
   * The page's visible headings (`<h1>`, `<h2>`): "Title | Section | Site" whose first part is
   * one of them loses the rest, whatever the rest names.
   */
  headings?: readonly string[];
  /** The page's one `<h1>`: the title even when it is short ("Mozilla - Wikipedia"). */
  soleH1?: string | null;
}

// Separators between a title and a site name, always with a space either side ("Title | Site",
// "Post @ Blog"). A hyphen without spaces ("COVID-19") never separates.
const SEPARATOR = / (?:\||｜|-{1,2}|–|—|·|•|»|::|~|\/\/|@) /g;
// A separator left dangling at either end ("Title :: Site ::").
const LEADING_SEPARATOR = /^(?:[|｜\-–—·•»:~]|\/\/)+ /;
const TRAILING_SEPARATOR = / (?:[|｜\-–—·•»:~@]|\/\/)+$/;

// Someone's own site, named as such: "My website", "Our Blog", "Jane Doe's Blog".
const OWN_SITE = new RegExp(
  String.raw`^(?:[Mm]y|[Oo]ur|\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}['’]s?)` +
    String.raw`(?: \p{L}+)? (?:[Ww]eb ?[Ss]ite|[Ss]ite|[Bb]log|[Ww]eblog|[Hh]ome ?[Pp]age)$`,
  'u',
);

// A heading shorter than this (in characters, and under three words) is a section label
// ("Opinion | …", "Chapter 1 - …") rather than the title, unless it is the page's one <h1>.
const MIN_HEADING_TITLE = 15;
// The longest heading that is compared with a title's parts (elements.ts keeps no longer ones).
const MAX_HEADING_LENGTH = 1000;
// How many of a title's last underscores are tried as separators ("Heading_Section_Site").
const UNDERSCORE_TRIES = 4;
// "(CNET Japan)", "（共同）", "[Video]" at the very end of a title.
const BRACKETED_TRAILER = / ?(?:\([^()]{1,100}\)|（[^（）]{1,100}）|\[[^[\]]{1,100}\])$/u;

// Two-level public suffixes common enough to matter for a page's host name.
const SECOND_LEVEL = new Set(
  `ac co com edu gov govt net org nic ltd plc sch mil gob nhs police ne or go`.split(' '),
);
// Hosting platforms whose subdomain is the site ("janedoe.substack.com").
const PLATFORMS = new Set(
  `substack medium wordpress blogspot ghost tumblr github gitlab neocities wixsite weebly`.split(
    ' ',
  ),
);

const key = (s: string): string =>
  s
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

function hostLabels(host: string | null | undefined): { labels: string[]; suffix: number } {
  let h = (host ?? '').trim().toLowerCase();
  if (h.includes('/')) {
    try {
      h = new URL(h.includes('://') ? h : `https://${h}`).hostname;
    } catch {
      return { labels: [], suffix: 0 };
    }
  }
  const labels = h.split('.').filter(Boolean);
  while (labels.length > 2 && /^(?:www\d?|m|amp|mobile)$/.test(labels[0]!)) labels.shift();
  const suffix =
    labels.length > 2 && labels.at(-1)!.length === 2 && SECOND_LEVEL.has(labels.at(-2)!) ? 2 : 1;
  return { labels, suffix: Math.min(suffix, Math.max(labels.length - 1, 0)) };
}

/**
 * The site a host or address belongs to: `www.bbc.co.uk` → `bbc.co.uk`, `jane.substack.com`
 * → `jane.substack.com` (on a hosting platform the subdomain is the site), or null.
 */
export function siteOf(host: string | null | undefined): string | null {
  const { labels, suffix } = hostLabels(host);
  if (labels.length < 2) return labels[0] ?? null;
  const name = labels[labels.length - suffix - 1]!;
  const size = PLATFORMS.has(name) && labels.length > suffix + 1 ? suffix + 2 : suffix + 1;
  return labels.slice(-size).join('.');
}

/** The names a host stands for: `www.theguardian.com` → `theguardian`, `theguardiancom`. */
export function hostNames(host: string | null | undefined): string[] {
  const { labels, suffix } = hostLabels(host);
  if (labels.length < 2) return labels.map(key).filter(Boolean);
  const name = labels[labels.length - suffix - 1]!;
  const names = [key(name), key(labels.slice(-suffix - 1).join('.'))];
  if (PLATFORMS.has(name) && labels.length > suffix + 1) {
    names.push(key(labels[labels.length - suffix - 2]!));
  }
  return names.filter((n) => n.length > 1);
}

/**
 * The title without the site name (and author) a `<title>` or `og:title` adds around it:
 * "Title | Site", "Title - Site", "Title — Site", "Title | Author | Site", "Site: Title",
 * "Site | Title", "Title - by Author - Newsletter", "Post @ Blog :: Platform". A part is only
 * dropped when it names the site (a known site name, the host's name, or someone's own site:
 * "My website", "Jane's Blog") or a stated author, or when the parts before it are a heading
 * the page shows ("Heading | Section | Site" whatever the section and site are called; also
 * "Heading (Source)", "Heading_Section_Site"): so a title that contains " - " for its own
 * reasons stays whole.
 * Whitespace is collapsed; nothing is decoded.
 */
export function cleanTitle(raw: string, known: KnownNames): string {
  const whole = collapseWhitespace(raw);
  if (!whole) return '';
  const title = whole.replace(LEADING_SEPARATOR, '').replace(TRAILING_SEPARATOR, '') || whole;
  const siteKeys = new Set(
    [known.siteName, ...(known.siteNames ?? [])]
      .filter((s): s is string => typeof s === 'string')
      .map(key)
      .filter(Boolean),
  );
  const hostKeys = new Set(hostNames(known.host));
  const authorKeys = new Set((known.authors ?? []).map(key).filter(Boolean));

  const isSite = (part: string): boolean => {
    const k = key(part);
    if (!k) return false;
    if (siteKeys.has(k) || hostKeys.has(k)) return true;
    // "BBC News" on bbc.co.uk: the first word is the host's name, and the part is short.
    const words = part.replace(/^the\s+/i, '').split(' ');
    return (
      (words.length <= 4 && hostKeys.has(key(words[0]!))) ||
      (part.length <= 60 && OWN_SITE.test(part))
    );
  };
  const isAuthor = (part: string): boolean =>
    authorKeys.has(key(part.replace(/^(?:by|par|von|por|di|door)\s+/i, '')));

  // Split into parts and the separators between them.
  const parts: string[] = [];
  const separators: string[] = [];
  let last = 0;
  for (const m of title.matchAll(SEPARATOR)) {
    parts.push(title.slice(last, m.index));
    separators.push(m[0]);
    last = m.index + m[0].length;
  }
  parts.push(title.slice(last));

  let changed = false;
  while (parts.length > 1 && (isSite(parts.at(-1)!) || isAuthor(parts.at(-1)!))) {
    parts.pop();
    separators.pop();
    changed = true;
  }
  while (parts.length > 1 && isSite(parts[0]!)) {
    parts.shift();
    separators.shift();
    changed = true;
  }
  // "Title | Section | Site" whose first parts are a heading the page shows: those are the title.
  const headingKeys = new Set((known.headings ?? []).map(key).filter(Boolean));
  const soleH1 = known.soleH1 ? key(known.soleH1) : null;
  const isHeading = (text: string): boolean => {
    const k = key(text);
    return (
      headingKeys.has(k) &&
      !isSite(text) &&
      (text.length >= MIN_HEADING_TITLE || text.split(' ').length >= 3 || k === soleH1)
    );
  };
  let result = joinParts(parts, separators);
  if (headingKeys.size && !headingKeys.has(key(result))) {
    // The longest run of first parts that is a heading, unless a run of the last parts is one
    // too (and not the site's known name): the page shows both ("Chapter - Novel"), or one of
    // them is a banner not marked as such, and which one is not known.
    let prefix = parts[0]!;
    let count = 0;
    // Up to the longest heading a page keeps: no longer run can be one.
    for (let i = 1; i < parts.length && prefix.length <= MAX_HEADING_LENGTH; i++) {
      if (isHeading(prefix)) count = i;
      prefix += separators[i - 1]! + parts[i]!;
    }
    // The parts the cut would drop: none of their runs may be a heading.
    let suffix = '';
    for (
      let i = parts.length - 1;
      count && i >= count && suffix.length <= MAX_HEADING_LENGTH;
      i--
    ) {
      suffix = suffix ? parts[i]! + separators[i]! + suffix : parts[i]!;
      if (headingKeys.has(key(suffix)) && !isSite(suffix)) count = 0;
    }
    if (count) {
      result = joinParts(parts.slice(0, count), separators);
      changed = true;
    }
    // "Heading (Source)": a bracketed trailer that the page's heading leaves out.
    const trailer = BRACKETED_TRAILER.exec(result);
    if (trailer && isHeading(result.slice(0, trailer.index))) {
      result = result.slice(0, trailer.index);
      changed = true;
    }
    // "Heading_Section_Site", "Heading _Section _Site": underscores join the parts of many
    // Chinese portals' titles. They are part of words too ("snake_case", "史蒂文的家_藍天"), so
    // only a heading before them makes them separators: the last few are tried, longest first.
    if (!headingKeys.has(key(result))) {
      let at = result.length;
      for (let tries = 0; tries < UNDERSCORE_TRIES; tries++) {
        at = result.lastIndexOf('_', at - 1);
        if (at <= 0) break;
        const head = result.slice(0, at).trimEnd();
        if (isHeading(head)) {
          result = head;
          changed = true;
          break;
        }
      }
    }
  }
  if (!changed) {
    // "Site: Title".
    const colon = /^([^:]{1,100}): (.+)$/.exec(result);
    if (colon && isSite(colon[1]!)) result = colon[2]!;
  }
  result = result.replace(LEADING_SEPARATOR, '').replace(TRAILING_SEPARATOR, '');
  return result.trim() || title;
}

/**
 * Whether a (cleaned) title is nothing but one of the site's stated names and not a heading the
 * page shows: og:title set to the site's name ("Yahoo News - Latest News & Headlines") says
 * nothing about the article.
 */
export function onlyNamesSite(title: string, known: KnownNames): boolean {
  const k = key(title);
  if (!k) return false;
  const names = [known.siteName, ...(known.siteNames ?? [])];
  return (
    names.some((n) => typeof n === 'string' && key(n) === k) &&
    !(known.headings ?? []).some((h) => key(h) === k)
  );
}

/** Parts joined again by the separators that stood between them. */
function joinParts(parts: readonly string[], separators: readonly string[]): string {
  return parts.reduce((acc, part, i) => (i === 0 ? part : acc + separators[i - 1]! + part), '');
}

/**
 * Whether a title can be used as it is: a line of text no longer than the rules' cap on titles
 * (a longer one is prose, or junk), holding no tag. Tags were stripped from every stated value,
 * so what is caught here is a tag escaped once more than the page meant (`&lt;b&gt;` in an
 * attribute) or a title that never went through the stripping (Readability's reading of
 * `<title>`). "javascript:" or "onload=" in a title are words about the web, shown as text.
 */
export function usableTitle(title: string | null | undefined): title is string {
  return (
    typeof title === 'string' &&
    title.trim() !== '' &&
    title.length <= MAX_TITLE &&
    !/<[a-z/!?]|&lt;[a-z/!?]/i.test(title)
  );
}

/**
 * The title by precedence, except that a title ending in an ellipsis or at a length where
 * generators truncate (Yoast cuts JSON-LD headlines at 110 characters) gives way to a later
 * one that starts with it and goes on.
 */
export function untruncatedTitle(
  candidates: { value: string; from: string }[],
): { value: string; from: string } | null {
  const chosen = candidates[0];
  if (!chosen) return null;
  const stem = chosen.value.replace(/\s*(?:…|\.\.\.)$/, '');
  if (stem.length === chosen.value.length && chosen.value.length < 100) return chosen;
  const longer = candidates.find(
    (c) =>
      c !== chosen &&
      c.value.length > stem.length &&
      c.value.startsWith(stem) &&
      // "Headline | Unknown Site" is not a longer headline.
      !/^ ?[|｜\-–—·•»:~]/.test(c.value.slice(stem.length)),
  );
  return longer ?? chosen;
}
