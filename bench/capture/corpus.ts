/**
 * Copies of the public article-extraction pages (real saved news and blog pages, see
 * ../shared/corpora/article-extraction/README.md), cycled to any count. Each copy is made unique,
 * so the library saves it rather than calling it a duplicate: an `<!-- quire-copy N -->` comment
 * right after `<head>` (a new SHA-256), and `?quire-copy=N` on the canonical link and og:url (a
 * canonical link is added, with the page's URL, where it has none).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corporaDir } from '../eval/corpora.ts';

export interface CorpusPage {
  id: string;
  url: string;
  html: string;
}

/** The corpus pages, by id; null (with where it looked) when the corpus is not there. */
export function loadCorpus(): { pages: CorpusPage[] } | { missing: string } {
  const root = join(corporaDir(), 'article-extraction');
  const htmlDir = join(root, 'html');
  if (!existsSync(htmlDir)) return { missing: htmlDir };
  let urls: Record<string, { url?: string }> = {};
  try {
    urls = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as typeof urls;
  } catch {
    // The URLs only name the canonical link of pages without one; made up below if missing.
  }
  const pages = readdirSync(htmlDir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.html$/, '');
      return {
        id,
        url: urls[id]?.url || `https://corpus.example/${id}`,
        html: readFileSync(join(htmlDir, file), 'utf8'),
      };
    });
  return pages.length > 0 ? { pages } : { missing: `${htmlDir} (no .html files)` };
}

const withCopy = (url: string, n: number) =>
  `${url}${url.includes('?') ? '&amp;' : '?'}quire-copy=${n}`;

const CANONICAL = /<link\b[^>]*\brel\s*=\s*["']?canonical\b[^>]*>/i;
const OG_URL = /<meta\b[^>]*\bproperty\s*=\s*["']og:url["'][^>]*>/i;
const HREF = /(\bhref\s*=\s*)(["'])(.*?)\2/i;
const CONTENT = /(\bcontent\s*=\s*)(["'])(.*?)\2/i;

/** Copy number `n` of `page`: the same page, unique by bytes and by canonical URL. */
export function uniqueCopy(page: CorpusPage, n: number): string {
  let html = page.html;
  let hasCanonical = false;
  html = html.replace(CANONICAL, (tag) => {
    hasCanonical = HREF.test(tag);
    return tag.replace(
      HREF,
      (_, attr: string, q: string, url: string) => `${attr}${q}${withCopy(url, n)}${q}`,
    );
  });
  html = html.replace(OG_URL, (tag) =>
    tag.replace(
      CONTENT,
      (_, attr: string, q: string, url: string) => `${attr}${q}${withCopy(url, n)}${q}`,
    ),
  );
  const canonical = hasCanonical
    ? ''
    : `<link rel="canonical" href="${withCopy(page.url.replace(/&/g, '&amp;'), n)}">`;
  const marker = `<!-- quire-copy ${n} -->${canonical}`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head)
    return `${html.slice(0, head.index + head[0].length)}${marker}${html.slice(head.index + head[0].length)}`;
  // No <head>: after the doctype (or at the very start), where the parser opens one anyway.
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}${marker}${html.slice(at)}`;
}

/** `count` unique copies cycled over the corpus: copy i is of page i mod the corpus size. */
export function corpusCopies(pages: readonly CorpusPage[], count: number) {
  return Array.from({ length: count }, (_, i) => {
    const page = pages[i % pages.length]!;
    return {
      name: `corpus-${String(i).padStart(4, '0')}-${page.id.slice(0, 12)}.html`,
      html: uniqueCopy(page, i),
    };
  });
}
