import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureSource } from '../capture.ts';
import { FIXTURES, readFixture, xssPayloads } from '../../testing/fixtures.ts';
import { parseHtmlWithLinkedom } from './linkedom-parser.ts';
import { sanitizeParsedPage } from './sanitize-dom.ts';

const pages = ['pages', 'html'].flatMap((folder) =>
  readdirSync(join(FIXTURES, folder))
    .filter((name) => name.endsWith('.html'))
    .map((name) => `${folder}/${name}`),
);

function sanitized(html: string): Document {
  const doc = parseHtmlWithLinkedom(`<!doctype html><html><head></head>${html}</html>`);
  sanitizeParsedPage(doc);
  return doc;
}

describe('sanitizeParsedPage', () => {
  it.each(pages)('%s: the sanitized page is captured exactly as the unsanitized one', (name) => {
    const html = readFixture(name);
    const url = 'https://example.org/article';
    const plain = captureSource(html, 'text/html', {
      parseHtml: parseHtmlWithLinkedom,
      url,
      id: 'a',
    });
    const clean = captureSource(html, 'text/html', {
      parseHtml: parseHtmlWithLinkedom,
      sanitize: sanitizeParsedPage,
      url,
      id: 'a',
    });
    expect(clean).toEqual(plain);
  });

  it('drops what runs or loads, with its content, and unwraps forms keeping their text', () => {
    const doc = sanitized(
      '<body><p>Before<script>alert(1)</script><iframe src="x">in frame</iframe>' +
        '<object data="x.swf">fallback</object><style>p{}</style></p>' +
        '<form action="/x"><p>Inside a form</p><button>Send</button><input value="v"></form></body>',
    );
    expect(doc.body.querySelector('script, iframe, object, style, form, button, input')).toBe(null);
    expect(doc.body.textContent).toBe('BeforeInside a form');
  });

  it('removes event handlers, styles, data attributes and script URIs, and keeps safe links', () => {
    const doc = sanitized(
      '<body><a href="https://example.org/a" onclick="x()" style="color:red" data-track="1">ok</a>' +
        '<a href="java\tscript:alert(1)">bad</a><a href="/local">rel</a>' +
        '<img src="data:text/html,<script>alert(1)</script>" onerror="alert(1)" srcset="a 1x">' +
        '<img src="https://example.org/i.png" alt="fine"></body>',
    );
    const links = Array.from(doc.body.querySelectorAll('a'), (a) => [
      a.getAttribute('href'),
      a.getAttributeNames().sort(),
    ]);
    expect(links).toEqual([
      ['https://example.org/a', ['href']],
      [null, []],
      ['/local', ['href']],
    ]);
    const images = Array.from(doc.body.querySelectorAll('img'), (i) =>
      i.getAttributeNames().sort(),
    );
    expect(images).toEqual([[], ['alt', 'src']]);
  });

  it('leaves no handler, script element or script/data URI (but raster image sources) from any XSS payload', () => {
    const survivors: string[] = [];
    for (const { id, html } of xssPayloads()) {
      const doc = sanitized(`<body><p>Text</p>${html}</body>`);
      for (const element of Array.from(doc.body.querySelectorAll('*'))) {
        const tag = element.localName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta'].includes(tag)) {
          survivors.push(`${id}: <${tag}>`);
        }
        for (const name of element.getAttributeNames()) {
          const value = (element.getAttribute(name) ?? '').replace(/\s/g, '').toLowerCase();
          if (name.toLowerCase().startsWith('on')) survivors.push(`${id}: ${name}`);
          const rasterImage = tag === 'img' && name === 'src' && /^data:image\/jpeg,/.test(value);
          if (/^(?:javascript|vbscript|data):/.test(value) && !rasterImage) {
            survivors.push(`${id}: ${name}=${value.slice(0, 30)}`);
          }
        }
      }
    }
    expect(survivors).toEqual([]);
  });
});
