import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fetchedPageOptions,
  importArticle,
  ImportError,
  MAX_IMPORT_BYTES,
} from './import-article.ts';
import { nodeSha256, readFixtureBytes, sha256Hex } from '../testing/fixtures.ts';
import { parseHtml } from '../testing/capture.ts';

const deps = { sha256: nodeSha256 };
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

async function refusal(input: Uint8Array, fileName = 'article.txt'): Promise<ImportError> {
  const error = await importArticle(input, { fileName }, deps).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('importArticle on the reference article', () => {
  const source = readFixtureBytes('000_bfa7ac14e5553cb7.txt');

  it('records the original bytes with their SHA-256 and media type', async () => {
    const article = await importArticle(source, { fileName: '000_bfa7ac14e5553cb7.txt' }, deps);
    expect(article.source).toEqual({
      sha256: '1027c2d2981f8db50944d26a3c16ff3baaea08836abe5f23a54ee0e1411e4e52',
      mediaType: 'text/plain',
      byteLength: source.length,
      fileName: '000_bfa7ac14e5553cb7.txt',
    });
    expect(article.csl.id).toBe('q1027c2d2981f8db5');
    expect(article.gaps).toEqual([]);
  });

  it('seals each notice with the SHA-256 of its exact text', async () => {
    const article = await importArticle(source, {}, deps);
    expect(article.rights).toHaveLength(4);
    for (const n of article.rights) expect(n.sha256).toBe(sha256Hex(n.text));
  });

  it('is the same file the app bundles as its sample article', () => {
    const sample = readFileSync(
      join(import.meta.dirname, '../../resources/sample/reference-article.txt'),
    );
    expect(Buffer.compare(sample, Buffer.from(source))).toBe(0);
  });

  it('strips a UTF-8 byte-order mark and still finds every notice', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...source]);
    const article = await importArticle(withBom, {}, deps);
    expect(article.rights).toHaveLength(4);
    expect(article.source.sha256).not.toBe(sha256Hex(new TextDecoder().decode(source)));
  });
});

describe('importArticle refuses what is not an article, with a message for the user', () => {
  it('an empty file', async () => {
    expect((await refusal(new Uint8Array())).code).toBe('empty');
    expect((await refusal(bytes(' \n\t\n'))).code).toBe('empty');
  });

  it('a binary file', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
    ]);
    const error = await refusal(png, 'photo.txt');
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/binary file/);
  });

  it('a 50 MB text file', async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const error = await refusal(big);
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('50.0 MB');
    expect(MAX_IMPORT_BYTES).toBeLessThan(big.length);
  });

  it('invalid UTF-8', async () => {
    const latin1 = new Uint8Array([
      ...bytes('Caf'),
      0xe9,
      ...bytes(' au lait, a story of a long night.'),
    ]);
    const error = await refusal(latin1);
    expect(error.code).toBe('invalid-encoding');
    expect(error.message).toMatch(/not valid UTF-8/);
  });

  it('an HTML page, which this version cannot read yet', async () => {
    expect(
      (await refusal(bytes('<!doctype html><html><body>x</body></html>'), 'page.html')).code,
    ).toBe('unsupported-type');
  });
});

describe('importArticle on text it only partly understands', () => {
  it('saves a page without title, author or date and names the gaps', async () => {
    const article = await importArticle(
      bytes('just some words that someone pasted in.\n'),
      {},
      deps,
    );
    expect(article.gaps).toEqual(['title', 'author', 'issued', 'container-title']);
    expect(article.body).toHaveLength(1);
  });

  it('reads UTF-16 files that carry a byte-order mark', async () => {
    const text = 'A Title\n\nBy Ann Lee\n\nSome prose that makes up the article body.';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    const article = await importArticle(utf16, {}, deps);
    expect(article.csl.title).toBe('A Title');
    expect(article.csl.author).toEqual([{ family: 'Lee', given: 'Ann' }]);
  });
});

describe('importArticle on inputs found by fuzzing (ADR 0017)', () => {
  it('reads a clip with 5,774 unclosed "<!--" in one paragraph as text, keeping its paragraphs', async () => {
    // The counterexample: blog-cc-licence.md cut inside its licence link, the run of openers,
    // then the tail of another clip. micromark took minutes on it (quadratic inline-HTML scans).
    const clip = readFixtureBytes('articles/blog-cc-licence.md');
    const head = new TextDecoder().decode(clip).slice(0, 457);
    expect(head.endsWith('licensed under [C')).toBe(true);
    const source = `${head}${'<!--'.repeat(5774)}<!- time since records began. The\nGuadalquivir fell to a third of its usual flow.\n`;
    const article = await importArticle(bytes(source), { fileName: 'clip.md' }, deps);
    expect(article.body.map((p) => p.text)).toContain(
      'The results surprised us. Parks were up to 4°C cooler than the surrounding streets at night.',
    );
  });

  it('reads a clip with 80 KB of words inside one link label as text, keeping its paragraphs', async () => {
    // The counterexample: substack-post.md with "word " × 16,051 inserted into "[Subscribe
    // now](…)"; GFM's autolink literals took minutes on it (quadratic in the label's length).
    const clip = new TextDecoder().decode(readFixtureBytes('markdown/substack-post.md'));
    const at = clip.indexOf('[Subscribe now]') + 6;
    const source = `${clip.slice(0, at)}${'word '.repeat(16_051)}${clip.slice(at)}`;
    const article = await importArticle(bytes(source), { fileName: 'clip.md' }, deps);
    expect(article.body.length).toBeGreaterThan(5);
    expect(
      article.body.some((p) => p.text.includes('A typical branch library costs its town')),
    ).toBe(true);
  });
});

describe('importArticle on a page fetched over HTTP', () => {
  it('decodes with the header charset and reads an extension-less URL as the type it was sent as', async () => {
    const page = new Uint8Array([
      ...bytes('<h1>Caf'),
      0xe9,
      ...bytes(' Society</h1><p>The caf'),
      0xe9,
      ...bytes(' opened in 1920 and has served the town ever since, through two wars.</p>'),
    ]);
    const article = await importArticle(
      page,
      {
        fileName: 'cafe-society',
        url: 'https://example.org/cafe-society',
        charset: 'iso-8859-1',
        mediaType: 'text/html',
      },
      { ...deps, parseHtml },
    );
    expect(article.source.mediaType).toBe('text/html');
    expect(article.csl.title).toBe('Café Society');
    expect(article.body[0]?.text).toMatch(/^The café opened in 1920/);
    expect(article.csl.URL).toBe('https://example.org/cafe-society');
    await expect(importArticle(page, { fileName: 'cafe-society' }, deps)).rejects.toThrow(
      /not valid UTF-8/,
    );
  });
});

describe('fetchedPageOptions', () => {
  it('names the file after the last path segment, decoded, and keeps what the server declared', () => {
    expect(
      fetchedPageOptions({
        url: 'https://x.example/news/caf%C3%A9.html?a=1',
        charset: 'iso-8859-1',
        mediaType: 'text/html',
      }),
    ).toEqual({
      fileName: 'café.html',
      url: 'https://x.example/news/caf%C3%A9.html?a=1',
      charset: 'iso-8859-1',
      mediaType: 'text/html',
    });
  });

  it('has no file name for a directory address, keeps a malformed escape as written, and no type for none', () => {
    expect(
      fetchedPageOptions({ url: 'https://x.example/news/', charset: null, mediaType: '' }),
    ).toEqual({
      fileName: null,
      url: 'https://x.example/news/',
      charset: null,
      mediaType: null,
    });
    expect(
      fetchedPageOptions({
        url: 'https://x.example/100%zz',
        charset: null,
        mediaType: 'text/plain',
      }).fileName,
    ).toBe('100%zz');
  });
});
