import { describe, expect, it } from 'vitest';
import { createCitationEngine } from './engine.ts';
import { fromCiteprocHtml, fromPlainText } from './output-format.ts';
import type { CitableArticle } from './types.ts';
import { CSL_RESOURCES } from '../testing/fixtures.ts';

const ENTRY =
  '<div data-csl-entry-id="x" class="csl-entry">Doe, J. (2020). <i>Fish &#38; chips</i>. <b>Bold</b> &lt;tag&gt; &#x2014; https://a.org/?a=1&#38;b=2</div>\n';

describe('fromCiteprocHtml', () => {
  it('returns the inline HTML of an entry without citeproc’s wrapper', () => {
    expect(fromCiteprocHtml(ENTRY, 'html')).toBe(
      'Doe, J. (2020). <i>Fish &#38; chips</i>. <b>Bold</b> &lt;tag&gt; &#x2014; https://a.org/?a=1&#38;b=2',
    );
  });

  it('decodes entities and drops markup for text', () => {
    expect(fromCiteprocHtml(ENTRY, 'text')).toBe(
      'Doe, J. (2020). Fish & chips. Bold <tag> — https://a.org/?a=1&b=2',
    );
  });

  it('marks italics and bold for Markdown and escapes literal asterisks, HTML and links', () => {
    expect(fromCiteprocHtml(ENTRY, 'markdown')).toBe(
      'Doe, J. (2020). *Fish & chips*. **Bold** \\<tag> — https://a.org/?a=1&b=2',
    );
    expect(fromCiteprocHtml('A *star* and <i>x</i>', 'markdown')).toBe('A \\*star\\* and *x*');
    expect(fromCiteprocHtml('&#60;script&#62;x [Untitled] [a](b) a_b', 'markdown')).toBe(
      '\\<script>x [Untitled] [a\\](b) a_b',
    );
  });

  it('keeps an author that reads like a tag as text in every format, never as markup', () => {
    const engine = createCitationEngine(CSL_RESOURCES);
    const article = {
      csl: {
        id: 'a',
        type: 'webpage',
        title: 'Plain title',
        author: [{ literal: '<script>x</script> Org' }],
        issued: { 'date-parts': [[2018]] },
      },
      originalSource: null,
      body: [{ text: 'p' }],
    } satisfies CitableArticle;
    expect(engine.reference(article, 'apa', 'text')).toBe(
      '<script>x</script> Org. (2018). Plain title.',
    );
    expect(engine.reference(article, 'apa', 'markdown')).toBe(
      '\\<script>x\\</script> Org. (2018). *Plain title*.',
    );
    expect(engine.reference(article, 'apa', 'html')).not.toContain('<script');
  });

  it('drops spans that Markdown cannot express', () => {
    const html = '<i>Title with <span style="font-style:normal;">Ship</span> name</i>';
    expect(fromCiteprocHtml(html, 'markdown')).toBe('*Title with Ship name*');
  });

  it('passes citations (no wrapper) through', () => {
    expect(fromCiteprocHtml('(South Front, 2018, para. 5)', 'text')).toBe(
      '(South Front, 2018, para. 5)',
    );
  });
});

describe('fromPlainText', () => {
  it('escapes HTML only for the html format', () => {
    expect(fromPlainText('a & <b>', 'html')).toBe('a &amp; &lt;b&gt;');
    expect(fromPlainText('a & <b>', 'text')).toBe('a & <b>');
    expect(fromPlainText('a & <b>', 'markdown')).toBe('a & <b>');
  });
});
