import { plainText } from './text.ts';
import { elementsByTag } from './tag-index.ts';

/** The most `<time>` elements and comments looked at; the first few are the ones that matter. */
const MAX_TIMES = 500;
/** The most `<h1>` and `<h2>` elements read (each), and the longest heading kept. */
const MAX_HEADINGS = 100;
const MAX_HEADING_LENGTH = 1000;
const MAX_COMMENTS = 50;
const COMMENT_NODE = 8;
const ELEMENT_NODE = 1;

export interface TimeElement {
  value: string;
  /** `pubdate`, itemprop or class says this is when the article was published (or updated). */
  role: 'published' | 'modified' | null;
  from: string;
}

/** What the page's elements (not its meta tags or JSON-LD) say about it. */
export interface PageElements {
  /** `<html lang>` (or `xml:lang`). */
  lang: string | null;
  /** The text of the document's `<title>`, as written. */
  title: string | null;
  /**
   * The text of the page's `<h1>` and `<h2>` elements, as plain text, in that order (all h1s
   * first), leaving out the site's banner: the title as the page shows it is usually one of
   * them.
   */
  headings: string[];
  /** The page's one `<h1>` (the banner aside), when it has exactly one. */
  soleH1: string | null;
  /** `<base href>`. */
  base: string | null;
  /** `<link rel=canonical href>`, as written. */
  canonical: string[];
  /** `<link rel=license href>`, as written. */
  licenseLinks: string[];
  /** `<a rel=license>`: its address, else its text. */
  licenseAnchors: string[];
  times: TimeElement[];
  /** What a clipper wrote in a comment: SingleFile's "saved date:"/"url:", "saved from url=". */
  clipper: { savedDate: string | null; url: string | null; from: string | null };
}

const relTokens = (el: Element): string[] =>
  (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);

const classTokens = (el: Element): string =>
  ` ${(el.getAttribute('class') ?? '').slice(0, 500).toLowerCase()} `;

// What a site's banner is called in class names and ids: "site-title", "logo", "brand".
const BANNER_MARK = /logo|brand|site-?(?:title|name)|masthead/i;
// A link to the site's home page: "/", "./", "../", "index.html", "https://example.com/".
const HOME_PATH = /^\/(?:index\.[a-z]{2,5})?$/i;
const RELATIVE_HOME = /^(?:\.{0,2}\/|(?:\.{0,2}\/)?index\.[a-z]{2,5})$/i;

const marks = (el: Element): string =>
  `${(el.getAttribute('class') ?? '').slice(0, 500)} ${(el.getAttribute('id') ?? '').slice(0, 200)}`;

function isHomeLink(href: string | null): boolean {
  const h = (href ?? '').trim();
  if (!h) return false;
  if (RELATIVE_HOME.test(h)) return true;
  try {
    const url = new URL(h);
    return HOME_PATH.test(url.pathname) && !url.search;
  } catch {
    return false;
  }
}

/**
 * A heading that is the site's banner rather than a title: marked as a logo or the site's
 * title, or nothing but a link to the home page ("<h1><a href="/">V8</a></h1>").
 */
function isBanner(heading: Element, text: string): boolean {
  if (BANNER_MARK.test(marks(heading))) return true;
  const links = heading.getElementsByTagName('a');
  if (links.length !== 1) return false;
  const link = links[0]!;
  return (
    plainText(link.textContent) === text &&
    (isHomeLink(link.getAttribute('href')) || BANNER_MARK.test(marks(link)))
  );
}

export function readPageElements(doc: Document): PageElements {
  const root = doc.documentElement;
  const page: PageElements = {
    lang: plainText(root?.getAttribute('lang') ?? root?.getAttribute('xml:lang')) || null,
    title: null,
    headings: [],
    soleH1: null,
    base: null,
    canonical: [],
    licenseLinks: [],
    licenseAnchors: [],
    times: [],
    clipper: { savedDate: null, url: null, from: null },
  };

  const titles = elementsByTag(doc, 'title');
  for (let i = 0; i < titles.length && i < 20; i++) {
    const el = titles[i]!;
    // An SVG's <title> names a picture, not the page.
    if (el.parentElement && /^svg$/i.test(el.parentElement.tagName)) continue;
    page.title = el.textContent ?? '';
    break;
  }

  for (const tag of ['h1', 'h2']) {
    const headings = elementsByTag(doc, tag);
    const before = page.headings.length;
    for (let i = 0; i < headings.length && i < MAX_HEADINGS; i++) {
      const el = headings[i]!;
      const text = plainText(el.textContent);
      if (text && text.length <= MAX_HEADING_LENGTH && !isBanner(el, text))
        page.headings.push(text);
    }
    if (tag === 'h1' && page.headings.length === before + 1) page.soleH1 = page.headings[before]!;
  }

  const base = elementsByTag(doc, 'base')[0];
  page.base = base?.getAttribute('href') ?? null;

  const links = elementsByTag(doc, 'link');
  for (let i = 0; i < links.length && i < 5000; i++) {
    const el = links[i]!;
    const href = el.getAttribute('href');
    if (!href) continue;
    const rel = relTokens(el);
    if (rel.includes('canonical')) page.canonical.push(href);
    if (rel.includes('license')) page.licenseLinks.push(href);
  }

  const anchors = elementsByTag(doc, 'a');
  for (let i = 0; i < anchors.length && i < 50_000; i++) {
    const el = anchors[i]!;
    if (!el.hasAttribute('rel') || !relTokens(el).includes('license')) continue;
    const value = el.getAttribute('href') || plainText(el.textContent);
    if (value) page.licenseAnchors.push(value);
  }

  const times = elementsByTag(doc, 'time');
  for (let i = 0; i < times.length && i < MAX_TIMES; i++) {
    const el = times[i]!;
    const itemprop = (el.getAttribute('itemprop') ?? '').toLowerCase();
    const cls = classTokens(el);
    let role: TimeElement['role'] = null;
    let from = 'time[datetime]';
    if (el.hasAttribute('pubdate')) {
      role = 'published';
      from = 'time[pubdate]';
    } else if (/\bdatepublished\b/.test(itemprop)) {
      role = 'published';
      from = 'time[itemprop=datePublished]';
    } else if (/\bdatemodified\b/.test(itemprop)) {
      role = 'modified';
      from = 'time[itemprop=dateModified]';
    } else if (/publish|pubdate|entry-date|post-?date|posted-?on|article-?date/.test(cls)) {
      // Before "updated": WordPress marks an unedited post's one <time> "published updated".
      role = 'published';
      from = 'time.published';
    } else if (/[\s_-](?:updated|modified|date-?modified|last-?updated)[\s_-]/.test(cls)) {
      role = 'modified';
      from = 'time.updated';
    }
    const datetime = plainText(el.getAttribute('datetime'));
    // Without a datetime, only a time marked as the publication date is read by its text.
    const value = datetime || (role ? plainText(el.textContent) : '');
    if (value) page.times.push({ value, role, from });
  }

  readClipperComments(doc, page);
  return page;
}

/** Comments at the very top of the page or its head, where clippers sign a saved page. */
function readClipperComments(doc: Document, page: PageElements): void {
  const places: ArrayLike<ChildNode>[] = [doc.childNodes];
  if (doc.documentElement) places.push(doc.documentElement.childNodes);
  if (doc.head) places.push(doc.head.childNodes);
  let seen = 0;
  for (const nodes of places) {
    for (let i = 0; i < nodes.length && seen < MAX_COMMENTS; i++) {
      const node = nodes[i]!;
      if (node.nodeType === ELEMENT_NODE && node !== doc.documentElement && node !== doc.head)
        continue;
      if (node.nodeType !== COMMENT_NODE) continue;
      seen++;
      const text = (node.textContent ?? '').slice(0, 4000);
      if (/SingleFile/i.test(text)) {
        const date = /^[ \t]*saved date:[ \t]*(\S[^\n]*)$/im.exec(text);
        const url = /^[ \t]*url:[ \t]*(\S+)[ \t]*$/im.exec(text);
        if (date) page.clipper.savedDate ??= date[1]!.trim();
        if (url) page.clipper.url ??= url[1]!;
        page.clipper.from ??= 'SingleFile comment';
      }
      const savedFrom = /saved from url=\(\d{1,6}\)(\S+)/i.exec(text);
      if (savedFrom) {
        page.clipper.url ??= savedFrom[1]!;
        page.clipper.from ??= 'saved from url comment';
      }
    }
  }
}
