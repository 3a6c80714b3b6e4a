import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../import/import-article.ts';
import { readFixture } from '../../testing/fixtures.ts';
import { parseHtmlWithLinkedom } from './linkedom-parser.ts';
import { sanitizeParsedPage } from './sanitize-dom.ts';

/**
 * The real XSS corpus (DOMPurify's fixtures and the HTML5 Security Cheatsheet) through the
 * sanitizing path the app uses at import: linkedom parses the page, `sanitizeParsedPage`
 * cleans it (the capture worker's dependency), and `importArticle` reads it.
 */

/** Every entry of both corpus files, blank ones included (a page must import around them too). */
const PAYLOADS = ['xss/dompurify-payloads.json', 'xss/h5sc-vectors.json'].flatMap((name) =>
  (JSON.parse(readFixture(name)) as { id: string; payload: string }[]).map(({ id, payload }) => ({
    id,
    html: payload,
  })),
);
const known = (id: string) => `Known readable text of ${id}: the tide was measured twice a day.`;
const HEAD_ELEMENT = /^\s*<(?:meta|link|style|base|script|title|noscript|template)\b/i;

/** A saved page around one payload, as e2e/hostile-pages.spec.ts imports it. */
function page(id: string, payload: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Hostile page ${id}</title>${HEAD_ELEMENT.test(payload) ? payload : ''}</head>
<body><article><h1>Hostile page ${id}</h1><p>${known(id)}</p>
<p>The harbour lights came back after the winter repairs, and the ferry kept its timetable.</p>
<p>The fishing fleet returned in March, a month earlier than the year before, with full nets.</p>
${payload}
<p>The turbines kept turning through every storm the coast could send that year.</p>
</article></body></html>`;
}

/** Elements that run script, embed a document or plugin, load a style or change the base. */
const SCRIPT_CAPABLE =
  'script, iframe, frame, frameset, object, embed, applet, link, meta, base, style, ' +
  'animate, animatemotion, animatetransform, set, handler, listener, form, input, button';
/** Attributes a browser loads from (besides <img src>, the offline copy's input). */
const LOADING = new Set(['src', 'srcset', 'poster', 'data', 'background', 'codebase', 'dynsrc']);
/** Elements that load what their href / xlink:href names (not links to follow). */
const LOADS_HREF = new Set(['use', 'image', 'feimage', 'script', 'link', 'tref', 'pattern']);
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
// eslint-disable-next-line no-control-regex
const NOISE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

/** What survived in the sanitized body that could run or load, as `id: what`. */
function survivors(id: string, body: Element): string[] {
  const found: string[] = [];
  for (const element of Array.from(body.querySelectorAll(SCRIPT_CAPABLE))) {
    found.push(`${id}: <${element.localName}>`);
  }
  for (const element of Array.from(body.querySelectorAll('*'))) {
    const tag = element.localName.toLowerCase();
    for (const name of element.getAttributeNames().map((n) => n.toLowerCase())) {
      const value = (element.getAttribute(name) ?? '').replace(NOISE, '').toLowerCase();
      if (name.startsWith('on')) found.push(`${id}: ${tag}[${name}]`);
      if (name === 'style' && /url\(|expression\(/.test(value)) found.push(`${id}: ${tag}[style]`);
      const rasterImage =
        tag === 'img' &&
        name === 'src' &&
        /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/.test(value);
      if (/^(?:[a-z]*script|data):/.test(value) && !rasterImage) {
        found.push(`${id}: ${tag}[${name}=${value.slice(0, 30)}]`);
      }
      const loads =
        (LOADING.has(name) && !(tag === 'img' && name === 'src')) ||
        ((name === 'href' || name === 'xlink:href') && LOADS_HREF.has(tag));
      if (loads && REMOTE.test(value)) found.push(`${id}: ${tag}[${name}] loads ${value}`);
    }
  }
  return found;
}

const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const encoder = new TextEncoder();

describe('the XSS corpus through the import path', () => {
  it('is the whole corpus: 223 DOMPurify fixtures and 149 H5SC vectors', () => {
    expect(PAYLOADS.filter((p) => p.id.startsWith('dompurify-'))).toHaveLength(223);
    expect(PAYLOADS.filter((p) => p.id.startsWith('h5sc-'))).toHaveLength(149);
  });

  it('leaves no script-capable element, handler, script or data URI, or remote resource in any sanitized page', () => {
    const found = PAYLOADS.flatMap(({ id, html }) => {
      const doc = parseHtmlWithLinkedom(page(id, html));
      sanitizeParsedPage(doc);
      return survivors(id, doc.body);
    });
    expect(found).toEqual([]);
  });

  it('imports every payload page with its title and known text, and keeps no image or link a browser could run', async () => {
    const problems: string[] = [];
    for (const { id, html } of PAYLOADS) {
      const article = await importArticle(
        encoder.encode(page(id, html)),
        { fileName: `${id}.html` },
        { sha256, parseHtml: parseHtmlWithLinkedom, sanitize: sanitizeParsedPage },
      );
      if (article.csl.title !== `Hostile page ${id}`)
        problems.push(`${id}: title ${article.csl.title}`);
      if (!article.body.some((p) => p.text === known(id))) problems.push(`${id}: known text lost`);
      for (const image of article.images) {
        if (!/^(?:https?:\/\/|data:image\/(?:png|jpeg|gif|webp|avif)[;,])/i.test(image.src)) {
          problems.push(`${id}: image ${image.src.slice(0, 40)}`);
        }
      }
      for (const paragraph of article.body) {
        for (const mark of paragraph.marks ?? []) {
          const href = 'href' in mark ? (mark.href ?? '').replace(NOISE, '') : '';
          if (/^(?:[a-z]*script|data|file|blob):/i.test(href)) problems.push(`${id}: link ${href}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
