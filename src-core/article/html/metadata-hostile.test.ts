import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { xssPayloads } from '../../testing/fixtures.ts';
import { readStatedMetadata } from './metadata.ts';
import { cleanName, splitNames } from './authors.ts';
import { jsonText, plainText, stripTags } from './text.ts';
import { cleanTitle } from './title.ts';
import { parseStatedDate } from './stated-date.ts';

const parse = (html: string): Document =>
  new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const page = (head: string, body = ''): Document =>
  parse(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
const script = (text: string): string => `<script type="application/ld+json">${text}</script>`;
const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

describe('malformed input never throws', () => {
  it.each([
    ['truncated JSON', '{"@type": "Article", "headline": "Cut'],
    ['not JSON at all', 'window.dataLayer = [];'],
    ['empty', ''],
    ['only a comment', '<!-- -->'],
    ['a bare string', '"Article"'],
    ['a number', '42'],
    ['null', 'null'],
    ['wrong shapes', '{"@type": 7, "headline": {"x": []}, "author": 5, "datePublished": []}'],
    ['@graph not a list', '{"@graph": "nope"}'],
    [
      'self-reference',
      '{"@id": "#a", "@type": "Article", "author": {"@id": "#a"}, "headline": "Loop"}',
    ],
    ['__proto__ keys', '{"__proto__": {"headline": "Polluted"}, "@type": "Article"}'],
  ])('JSON-LD: %s', (_, text) => {
    expect(() => readStatedMetadata(page(script(text)), { url: null })).not.toThrow();
    expect(({} as Record<string, unknown>).headline).toBeUndefined();
  });

  it('a broken script next to a good one: the good one is read', () => {
    const stated = readStatedMetadata(
      page(script('{"@type":') + script('{"@type":"Article","headline":"Survives"}')),
      {},
    );
    expect(stated.title).toBe('Survives');
  });

  it('empty and missing attributes', () => {
    const head = [
      '<meta>',
      '<meta name="">',
      '<meta name="author">',
      '<meta name="author" content="">',
      '<meta name="description" content="   ">',
      '<meta property="og:title" content="">',
      '<meta content="orphan">',
      '<link rel="canonical">',
      '<link rel="canonical" href="">',
      '<link rel="license" href="   ">',
      '<title></title>',
      '<script type="application/ld+json"></script>',
    ].join('');
    const stated = readStatedMetadata(
      page(head, '<time></time><time datetime=""></time><a rel="license"></a>'),
      {
        url: '',
      },
    );
    expect(stated).toEqual({});
  });

  it('an empty document and a document without <head>', () => {
    expect(readStatedMetadata(parse(''), {})).toEqual({});
    expect(readStatedMetadata(parse('<p>No head at all</p>'), {})).toEqual({});
  });

  it('a Document whose methods throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile');
        },
      },
    ) as Document;
    expect(() => readStatedMetadata(hostile, {})).not.toThrow();
  });

  it('nonsense option values', () => {
    expect(() => readStatedMetadata(page(''), { url: 'not a url' })).not.toThrow();
    expect(() => readStatedMetadata(page(''), { url: 'javascript:alert(1)' })).not.toThrow();
    expect(readStatedMetadata(page(''), { url: 'javascript:alert(1)' }).url).toBeUndefined();
  });
});

describe('large and pathological input stays linear', () => {
  it('10,000 meta tags', () => {
    const tags = Array.from(
      { length: 10_000 },
      (_, i) =>
        `<meta name="author" content="Person Number${i}"><meta name="x-${i}" content="${i}">`,
    ).join('');
    const stated = readStatedMetadata(page(tags), {});
    expect(stated.authors?.length).toBe(1000);
    expect(stated.authors?.[0]).toEqual({ name: 'Person Number0', type: null });
  });

  it('10,000 JSON-LD authors and a deeply nested script', () => {
    const authors = Array.from({ length: 10_000 }, (_, i) => ({
      '@type': 'Person',
      name: `P ${i}`,
    }));
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const stated = readStatedMetadata(
      page(
        script(deep) +
          script(JSON.stringify({ '@type': 'Article', headline: 'Deep', author: authors })),
      ),
      {},
    );
    expect(stated.title).toBe('Deep');
    expect(stated.authors?.length).toBeLessThanOrEqual(1000);
  });

  it('one @id referenced many times by a large node', () => {
    const big: Record<string, string> = { '@id': '#org', '@type': 'Organization', name: 'Big Org' };
    for (let i = 0; i < 20_000; i++) big[`k${i}`] = 'v';
    const refs = Array.from({ length: 5000 }, () => ({ '@id': '#org', url: 'https://o.example/' }));
    const stated = readStatedMetadata(
      page(
        script(
          JSON.stringify({
            '@graph': [big, { '@type': 'Article', headline: 'Refs', author: refs }],
          }),
        ),
      ),
      {},
    );
    expect(stated.authors).toEqual([{ name: 'Big Org', type: 'organisation' }]);
  });

  it('a JSON-LD script over the size cap is skipped, the rest still read', () => {
    const huge = JSON.stringify({
      '@type': 'Article',
      headline: 'Huge',
      articleBody: 'x'.repeat(1_100_000),
    });
    const stated = readStatedMetadata(
      page(script(huge) + '<meta property="og:title" content="Small">'),
      {},
    );
    expect(stated.title).toBe('Small');
  });

  // Quadratic work on these lengths would run for minutes; linear work takes milliseconds.
  const runs = (n: number): string[] => [
    '<'.repeat(n),
    '<a'.repeat(n),
    `<a title="${'x'.repeat(n)}`,
    '<!--'.repeat(n),
    ' '.repeat(n),
    '&'.repeat(n),
    '&#'.repeat(n),
    ', and '.repeat(n / 4),
    `${'a.'.repeat(n)}/`,
    '@'.repeat(n),
    `x${' - '.repeat(n / 2)}`,
    `Jane${' Doe,'.repeat(n / 4)}`,
    '1'.repeat(n),
    `03/04/${'2'.repeat(n)}`,
  ];

  it('long runs of the characters the scanners look for: text helpers', () => {
    for (const text of runs(200_000)) {
      expect(typeof stripTags(text)).toBe('string');
      expect(typeof plainText(text)).toBe('string');
      expect(typeof jsonText(text)).toBe('string');
      expect(
        typeof cleanTitle(text, { siteName: 'x', host: 'x.example', authors: ['Jane Doe'] }),
      ).toBe('string');
      cleanName(text);
      splitNames(text);
      parseStatedDate(text, null, 'x');
    }
  });

  it('long runs of the characters the scanners look for: whole pages', () => {
    for (const text of runs(20_000)) {
      const stated = readStatedMetadata(
        page(
          `<title>${escapeAttr(text)}</title><meta name="author" content="${escapeAttr(text)}">` +
            `<meta name="date" content="${escapeAttr(text)}">` +
            script(JSON.stringify({ '@type': 'Article', headline: text, keywords: text })),
        ),
        { url: 'https://x.example/a' },
      );
      expect(stated).toBeTypeOf('object');
    }
  });

  it('a title of thousands of parts and hundreds of headings that match its first parts', () => {
    for (const part of ['a', 'a a a', '(a)', 'My Blog', 'x @ y']) {
      const title = `${part} | `.repeat(2000);
      const headings = Array.from(
        { length: 150 },
        (_, i) =>
          `<h1>${title.slice(0, 5 + i * 7)}</h1><h2><a href="/">${title.slice(0, i)}</a></h2>`,
      ).join('');
      const started = performance.now();
      const stated = readStatedMetadata(page(`<title>${escapeAttr(title)}</title>`, headings), {
        url: 'https://x.example/a',
      });
      expect(performance.now() - started).toBeLessThan(2000);
      expect(stated).toBeTypeOf('object');
    }
  });
});

// The start of a tag, a comment or a declaration: what an HTML parser would read as markup.
// ("onerror=" without a "<" is text, and "< script" is not a tag.)
const MARKUP = /<[a-z!/?]/i;

const payloads = xssPayloads().map((p) => p.html);

describe('attack payloads in every field come back as text', () => {
  it('meta values, JSON-LD strings and the <title>', () => {
    expect(payloads.length).toBeGreaterThan(300);
    for (const payload of payloads) {
      const attr = escapeAttr(payload);
      const ld = JSON.stringify({
        '@type': 'Article',
        headline: payload,
        author: { '@type': 'Person', name: payload },
        description: payload,
        keywords: payload,
        publisher: { '@type': 'Organization', name: payload },
        isBasedOn: { name: payload },
      }).replace(/</g, '\\u003c');
      for (const doc of [
        page(script(ld)),
        page(
          `<title>${payload.replace(/</g, '&lt;')}</title>` +
            `<meta property="og:title" content="${attr}"><meta name="author" content="${attr}">` +
            `<meta name="description" content="${attr}"><meta name="keywords" content="${attr}">` +
            `<meta property="og:site_name" content="${attr}"><meta name="DC.rights" content="licence ${attr}">`,
        ),
      ]) {
        const stated = readStatedMetadata(doc, {});
        const texts = [
          stated.title,
          stated.description,
          stated.siteName,
          stated.license,
          stated.publisher?.name,
          stated.basedOn?.name,
          ...(stated.authors ?? []).map((a) => a.name),
          ...(stated.keywords ?? []),
        ];
        for (const text of texts) if (text) expect(text, payload).not.toMatch(MARKUP);
      }
    }
  });
});
