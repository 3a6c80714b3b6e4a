import { describe, expect, it } from 'vitest';
import { alteredParagraphs } from './verify-text.ts';
import { importArticle } from '../import/import-article.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../testing/capture.ts';
import { capturePage } from '../testing/pages.ts';
import { FIXTURES } from '../testing/fixtures.ts';
import { nodeSha256, readFixture, readFixtureBytes } from '../testing/fixtures.ts';

describe('alteredParagraphs', async () => {
  const article = await importArticle(
    readFixtureBytes('000_bfa7ac14e5553cb7.txt'),
    {},
    { sha256: nodeSha256 },
  );
  const source = readFixture('000_bfa7ac14e5553cb7.txt');

  it('finds nothing altered in a freshly parsed article', () => {
    expect(article.body.length).toBe(15);
    expect(alteredParagraphs(article.body, source)).toEqual([]);
  });

  it('names the paragraph whose stored text was edited, even by one character', () => {
    const edited = article.body.map((p) =>
      p.n === 5 ? { ...p, text: p.text.replace('56-57%', '66-67%') } : p,
    );
    expect(alteredParagraphs(edited, source)).toEqual([5]);
  });

  it('names a paragraph with text appended beyond what the source gave it', () => {
    const edited = article.body.map((p) => (p.n === 3 ? { ...p, text: `${p.text} (sic)` } : p));
    expect(alteredParagraphs(edited, source)).toEqual([3]);
  });

  it('names the paragraphs a changed source no longer backs', () => {
    const quote = 'the central government controls only about 56-57% of Afghanistan';
    const changedSource = source.replace(quote, quote.replace('only', 'ONLY'));
    expect(alteredParagraphs(article.body, changedSource)).toEqual([5]);
  });

  it('reports a span pointing past the end of the source as altered', () => {
    expect(alteredParagraphs(article.body, source.slice(0, 200)).length).toBeGreaterThan(10);
  });

  it('checks HTML paragraphs through their verbatim spans only (entities decode as a whole)', async () => {
    const html =
      '<html><head><title>T</title></head><body><article><h1>T</h1>' +
      '<p>Fish &amp; chips are a long-standing tradition of the seaside towns in England.</p>' +
      '<p>Another paragraph of ordinary prose, long enough to count as article text.</p>' +
      '</article></body></html>';
    const page = await importArticle(
      new TextEncoder().encode(html),
      { fileName: 'a.html' },
      { sha256: nodeSha256, parseHtml },
    );
    expect(page.body[0]?.text).toContain('Fish & chips');
    expect(alteredParagraphs(page.body, html)).toEqual([]);
    const edited = page.body.map((p, i) =>
      i === 1 ? { ...p, text: p.text.replace('ordinary', 'ordinarY') } : p,
    );
    expect(alteredParagraphs(edited, html)).toEqual([page.body[1]!.n]);
  });

  it('finds every paragraph of every fixture page backed by its source (no false alarm)', () => {
    const pages = readdirSync(join(FIXTURES, 'pages')).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const name of pages) {
      const { html, article: page } = capturePage(name);
      expect([name, alteredParagraphs(page.body, html)]).toEqual([name, []]);
    }
  });
});
