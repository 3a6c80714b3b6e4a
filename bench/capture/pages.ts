/**
 * Generated article pages for the in-app capture benchmark, the same for every run (seeded):
 * a <head> with title, description, Open Graph tags, a JSON-LD NewsArticle and a canonical link
 * unique to the page; header, navigation, share buttons, related links and a footer around an
 * article of 5–40 paragraphs of prose drawn from a Zipf-like vocabulary, with headings, a list or
 * a blockquote now and then, figures with images, a copyright line and sometimes a CC licence.
 * Page sizes are log-normal (median about 55 KB, 15–300 KB, a few near 1 MB); what is not the
 * article is the furniture real pages carry (inline scripts and styles, menus, related links).
 */
import { prng } from '../cite/corpus.ts';

type Random = () => number;
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const chance = (r: Random, p: number) => r() < p;
const words = (text: string) => text.split(/\s+/).filter(Boolean);
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Common words, most frequent first; the long tail is made of syllables below. */
const COMMON = words(`
  the of and to in a is that for it as was with be by on not he this are or his from at which
  but have an they you were her she there been one all we their has would when if more will no
  its who so about can out said what up some could them than other into only time new people
  after two over also year first these may most before any where between well those many
  through because government city years both under while week report since until state
  officials public according three data during against police research health country number
  school children water court plan support group percent market money company local later
  council president policy million program study system workers change families power energy
  climate election minister region economy evidence question decision history community
  service results women rules budget force project hospital officers trade agency level
  process island village border river museum archive library letter statement interview
  figures survey treaty network station harbour factory festival season theatre garden
  authorities residents experts scientists volunteers farmers teachers students readers
  announced warned argued reported suggested insisted confirmed expected promised denied
  recent several former national international regional economic political social public
  early late major small large long short strong weak rising falling growing quiet sudden
`);
const SYLLABLES = words(`ka lo mi ra tem ver sol an dor is el ban qui ter mon al pre sta ko
  vin gra ust hel dra ne ul fen cor bri sa tho pel ry mar ost lin ev ca zen tur om`);
const PROPER = words(`Aldermoor Brenvik Castellane Dunmore Eskerby Falmouth Granholm Haverlea
  Istrova Jarrowby Kellerman Lindqvist Marrakesh Norcastle Ostrava Pelham Quarrington
  Rosenthal Saltmarsh Tavernier Ulverston Valdemar Westbury Yarrowdale Zarnowiec`);
const GIVEN = words(`Anna Ben Chloé David Elena Farid Grace Hiroshi Ingrid Jamal Katarzyna Luis
  Maria Nikolai Oluwaseun Priya Quentin Rosa Søren Tomás Ulrike Valentina Wei Ximena Yusuf Zoë`);
const FAMILY = words(`Smith García Müller Nguyễn Kowalski Okafor Johansson Rossi Tanaka Dubois
  O'Brien Petrov Hernández Schröder Andersson Yılmaz Novák Fernández Kim Patel Haddad Ivanova`);
const SITES = [
  ['The Northern Ledger', 'northern-ledger.example'],
  ['Harbour Town Gazette', 'harbourgazette.example'],
  ['Civic Review', 'civicreview.example'],
  ['The Morning Dispatch', 'morningdispatch.example'],
  ['Field Notes Weekly', 'fieldnotes.example'],
  ['Coastal Observer', 'coastal-observer.example'],
  ['Metro Standard', 'metrostandard.example'],
  ['The Plains Courier', 'plainscourier.example'],
] as const;
const SECTIONS = words(`World Politics Business Science Climate Health Culture Opinion Sport
  Technology Education Travel Books Obituaries Local`);
const LICENCES = [
  ['CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
  ['CC BY-SA 4.0', 'https://creativecommons.org/licenses/by-sa/4.0/'],
  ['CC BY-NC-ND 4.0', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
] as const;

/** A vocabulary of `size` words, most frequent first: the common words, then made-up ones. */
function vocabulary(size: number): string[] {
  const r = prng(7);
  const out = [...COMMON];
  const seen = new Set(out);
  while (out.length < size) {
    const w = Array.from({ length: int(r, 2, 4) }, () => pick(r, SYLLABLES)).join('');
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out;
}

const VOCABULARY = vocabulary(6000);
/** Cumulative Zipf weights (exponent 1.05) over VOCABULARY's ranks. */
const ZIPF_CDF = (() => {
  const weights = VOCABULARY.map((_, k) => 1 / (k + 1) ** 1.05);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
})();

function zipfWord(r: Random): string {
  const x = r();
  let lo = 0;
  let hi = ZIPF_CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ZIPF_CDF[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function sentence(r: Random): string {
  const length = int(r, 6, 28);
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    const w = chance(r, 0.06) ? pick(r, PROPER) : zipfWord(r);
    out.push(i > 2 && i < length - 2 && chance(r, 0.08) ? `${w},` : w);
  }
  if (chance(r, 0.1)) out.push(String(int(r, 2, 2025)));
  return `${capitalise(out.join(' '))}${pick(r, ['.', '.', '.', '.', '?', '!'])}`;
}

function paragraph(r: Random): string {
  const text = Array.from({ length: int(r, 2, 7) }, () => sentence(r)).join(' ');
  return chance(r, 0.12) ? `“${text}” said ${pick(r, GIVEN)} ${pick(r, FAMILY)}.` : text;
}

const MINOR = words('of in on for with and the a to from after over against about');

/** Headline words: content words (not the most frequent ranks), names, a few minor words. */
function titleText(r: Random): string {
  const out = Array.from({ length: int(r, 5, 12) }, (_, i) => {
    const roll = r();
    if (roll < 0.2) return pick(r, PROPER);
    if (roll < 0.4 && i > 0) return pick(r, MINOR);
    return VOCABULARY[int(r, 60, 1500)]!;
  });
  return capitalise(out.join(' '));
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Log-normal page size: median 55 KB, clamped to 15–300 KB; 0.5 % of pages near 1 MB. */
function targetBytes(r: Random): number {
  if (chance(r, 0.005)) return int(r, 900, 1000) * 1024;
  // Box–Muller for a standard normal.
  const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const kb = Math.exp(Math.log(55) + 0.75 * z);
  return Math.round(Math.min(300, Math.max(15, kb)) * 1024);
}

export interface GeneratedPage {
  name: string;
  title: string;
  html: string;
}

interface PageOptions {
  /** Overrides the seeded title (the largest article's is known to the harness). */
  title?: string;
  /** Overrides the seeded size. */
  bytes?: number;
  /** Overrides the seeded paragraph count (5–40). */
  paragraphs?: number;
}

function articleBody(r: Random, paragraphs: number, imageBase: string): string {
  const parts: string[] = [];
  const headingEvery = int(r, 4, 9);
  const figures = new Set([int(r, 0, Math.max(0, paragraphs - 1)), int(r, 1, paragraphs)]);
  for (let i = 0; i < paragraphs; i++) {
    if (i > 0 && i % headingEvery === 0) parts.push(`<h2>${escapeHtml(titleText(r))}</h2>`);
    parts.push(`<p>${escapeHtml(paragraph(r))}</p>`);
    if (chance(r, 0.04)) {
      const items = Array.from(
        { length: int(r, 3, 6) },
        () => `<li>${escapeHtml(sentence(r))}</li>`,
      );
      parts.push(`<ul>${items.join('')}</ul>`);
    }
    if (chance(r, 0.03)) parts.push(`<blockquote><p>${escapeHtml(paragraph(r))}</p></blockquote>`);
    if (figures.has(i)) {
      const n = int(r, 1000, 9999);
      parts.push(
        `<figure class="article-figure"><img src="${imageBase}/img-${n}.jpg" alt="${escapeHtml(
          titleText(r),
        )}" width="1200" height="800" loading="lazy"><figcaption>${escapeHtml(
          sentence(r),
        )} Photo: ${pick(r, GIVEN)} ${pick(r, FAMILY)}</figcaption></figure>`,
      );
    }
  }
  return parts.join('\n');
}

/** Page furniture of about `bytes` bytes: menus, related links, inline state and styles. */
function furniture(r: Random, bytes: number, host: string): { head: string; tail: string } {
  const head: string[] = [];
  const tail: string[] = [];
  let size = 0;
  const add = (list: string[], text: string) => {
    list.push(text);
    size += text.length;
  };
  while (size < bytes) {
    const roll = r();
    if (roll < 0.3) {
      const rules = Array.from(
        { length: 40 },
        () =>
          `.${zipfWord(r)}-${int(r, 1, 999)}{margin:${int(r, 0, 40)}px;color:#${int(r, 0, 0xffffff)
            .toString(16)
            .padStart(6, '0')};font-size:${int(r, 10, 32)}px}`,
      );
      add(head, `<style>${rules.join('')}</style>`);
    } else if (roll < 0.65) {
      const state = Array.from({ length: 30 }, () => ({
        id: int(r, 1, 1e9),
        slug: slug(titleText(r)),
        teaser: sentence(r),
        views: int(r, 0, 1e6),
      }));
      add(
        tail,
        `<script>window.__STATE__=(window.__STATE__||[]).concat(${JSON.stringify(state)});</script>`,
      );
    } else {
      const links = Array.from(
        { length: 12 },
        () =>
          `<li><a href="https://${host}/${slug(titleText(r))}">${escapeHtml(titleText(r))}</a></li>`,
      );
      add(tail, `<aside class="related"><h3>More stories</h3><ul>${links.join('')}</ul></aside>`);
    }
  }
  return { head: head.join('\n'), tail: tail.join('\n') };
}

/** One article page, all of it decided by `seed` (`index` numbers its URL and file name). */
export function generatedPage(
  seed: number,
  index: number,
  options: PageOptions = {},
): GeneratedPage {
  const r = prng(seed);
  const [siteName, host] = pick(r, SITES);
  const section = pick(r, SECTIONS);
  const title = options.title ?? titleText(r);
  const description = sentence(r);
  const authors = Array.from(
    { length: chance(r, 0.8) ? 1 : int(r, 2, 3) },
    () => `${pick(r, GIVEN)} ${pick(r, FAMILY)}`,
  );
  const date = new Date(Date.UTC(int(r, 2005, 2025), int(r, 0, 11), int(r, 1, 28), int(r, 0, 23)));
  const iso = date.toISOString().replace(/\.000Z$/, 'Z');
  const url = `https://${host}/${section.toLowerCase()}/${date.getUTCFullYear()}/${slug(title)}-${index}`;
  const imageBase = `https://cdn.${host}/images/${date.getUTCFullYear()}`;
  const paragraphs = options.paragraphs ?? int(r, 5, 40);
  const body = articleBody(r, paragraphs, imageBase);
  const licence = chance(r, 0.2) ? pick(r, LICENCES) : null;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    description,
    datePublished: iso,
    dateModified: iso,
    author: authors.map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'Organization', name: siteName },
    mainEntityOfPage: url,
    image: [`${imageBase}/lead-${index}.jpg`],
  };
  const nav = SECTIONS.map(
    (s) => `<li><a href="https://${host}/${s.toLowerCase()}">${s}</a></li>`,
  ).join('');
  const share = ['Facebook', 'X', 'LinkedIn', 'Email']
    .map((s) => `<li><a class="share share--${s.toLowerCase()}" href="#">Share on ${s}</a></li>`)
    .join('');
  const byline = authors.map(
    (a) => `<a rel="author" href="https://${host}/authors/${slug(a)}">${a}</a>`,
  );
  const rights =
    `<p class="copyright">© ${date.getUTCFullYear()} ${siteName}. All rights reserved.</p>` +
    (licence
      ? `\n<p class="licence">This article is published under a <a rel="license" href="${licence[1]}">Creative Commons ${licence[0]}</a> licence.</p>`
      : '');
  const skeleton = (furnitureHead: string, furnitureTail: string) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | ${siteName}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escapeHtml(description)}">
<meta name="author" content="${escapeHtml(authors.join(', '))}">
<meta property="og:type" content="article">
<meta property="og:title" content="${escapeHtml(title)}">
<meta property="og:description" content="${escapeHtml(description)}">
<meta property="og:url" content="${url}">
<meta property="og:site_name" content="${siteName}">
<meta property="og:image" content="${imageBase}/lead-${index}.jpg">
<meta property="article:published_time" content="${iso}">
<meta property="article:section" content="${section}">
<link rel="canonical" href="${url}">
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
${furnitureHead}
</head>
<body class="article-page">
<header class="site-header"><a class="logo" href="https://${host}/">${siteName}</a>
<nav aria-label="Sections"><ul>${nav}</ul></nav>
<form class="search" action="https://${host}/search"><input name="q" placeholder="Search"><button>Search</button></form>
</header>
<main>
<article>
<p class="kicker">${section}</p>
<h1>${escapeHtml(title)}</h1>
<p class="byline">By ${byline.join(' and ')} · <time datetime="${iso}">${date.toUTCString().slice(5, 16)}</time></p>
<ul class="share-bar">${share}</ul>
<figure class="lead"><img src="${imageBase}/lead-${index}.jpg" alt="" width="1600" height="900"><figcaption>${escapeHtml(sentence(r))}</figcaption></figure>
<div class="article-body">
${body}
</div>
${rights}
<ul class="share-bar share-bar--bottom">${share}</ul>
</article>
<section class="newsletter"><h2>Get the morning briefing</h2><p>Sign up for our newsletter.</p><form><input type="email"><button>Subscribe</button></form></section>
</main>
${furnitureTail}
<footer class="site-footer"><nav><ul>${nav}</ul></nav><p><a href="https://${host}/about">About us</a> · <a href="https://${host}/privacy">Privacy</a> · <a href="https://${host}/terms">Terms</a></p><p>© ${siteName}</p></footer>
</body>
</html>
`;
  const bare = skeleton('', '');
  const target = options.bytes ?? targetBytes(r);
  const extra = furniture(r, Math.max(0, target - bare.length), host);
  return {
    name: `generated-${String(index).padStart(4, '0')}.html`,
    title,
    html: skeleton(extra.head, extra.tail),
  };
}

/** `count` generated pages: page i is generatedPage(seed + i, i). */
export function generatedPages(count: number, seed: number): GeneratedPage[] {
  return Array.from({ length: count }, (_, i) => generatedPage(seed * 1000 + i, i));
}

/**
 * The largest article: about `bytes` bytes, `bodyBytes` of them article prose (thousands of
 * paragraphs, what the reader has to lay out), the rest furniture; its title is `title`.
 */
export function largestPage(seed: number, title: string, bytes: number, bodyBytes: number) {
  // About 620 bytes of markup per paragraph on average (see paragraph()).
  const paragraphs = Math.round(bodyBytes / 620);
  return generatedPage(seed, 999_999, { title, bytes, paragraphs });
}
