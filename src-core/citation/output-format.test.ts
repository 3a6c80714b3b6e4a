import { describe, expect, it } from 'vitest';
import { fromCiteprocHtml, fromPlainText } from './output-format.ts';

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

  it('marks italics and bold for Markdown and escapes literal asterisks', () => {
    expect(fromCiteprocHtml(ENTRY, 'markdown')).toBe(
      'Doe, J. (2020). *Fish & chips*. **Bold** <tag> — https://a.org/?a=1&b=2',
    );
    expect(fromCiteprocHtml('A *star* and <i>x</i>', 'markdown')).toBe('A \\*star\\* and *x*');
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
