import { describe, expect, it } from 'vitest';
import { capture as parseTextArticle } from '../testing/capture.ts';
import { xssPayloads } from '../testing/fixtures.ts';

const payloads = xssPayloads();

// What a renderer could execute if it ever interpreted the text as HTML.
const ACTIVE =
  /<\s*(?:script|iframe|object|embed|svg|img|style|math|a|form|input|body|x)\b|\bon[a-z]+\s*=/i;

describe('a Markdown file full of attack payloads', () => {
  it.each(payloads)('keeps markup out of the body and title: $id', ({ html }) => {
    const text = `# Title ${html}\n\nBy Jane Doe\n\nA paragraph of prose before the payload.\n\n${html}\n\nAnd a paragraph after it.\n`;
    const article = parseTextArticle(text, 'text/markdown');
    for (const p of article.body) expect(p.text).not.toMatch(ACTIVE);
    expect(article.csl.title ?? '').not.toMatch(ACTIVE);
    expect(article.body.map((p) => p.text)).toContain('A paragraph of prose before the payload.');
  });

  it('there are hundreds of them', () => {
    expect(payloads.length).toBeGreaterThan(300);
  });
});
