import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../testing/capture.ts';
import { mutations } from '../../testing/arbitraries.ts';
import { FIXTURES, readFixture } from '../../testing/fixtures.ts';
import { captureHtml, exactnessProblems } from '../../testing/pages.ts';
import type { Paragraph } from '../model.ts';
import type { Span } from '../document/types.ts';

// Property tests of the HTML front end through the whole capture: random strings, tag soups
// from a small grammar, and fixture pages with random edits. Whatever the input, captureSource
// returns (no exception), every notice is exactly `source.slice(start, end)` and every verbatim
// span of a paragraph copies its source.

/** Pieces of HTML, so that random sequences often form real constructs (and broken ones). */
const HTML_PIECES = [
  '<p>',
  '</p>',
  '<div>',
  '</div>',
  '<span>',
  '</span>',
  '<a href="/x">',
  '<a href="javascript:alert(1)">',
  '</a>',
  '<b>',
  '</b>',
  '<em>',
  '</em>',
  '<strong>',
  '</strong>',
  '<small>',
  '</small>',
  '<code>',
  '</code>',
  '<h1>',
  '</h1>',
  '<h2>',
  '</h2>',
  '<ul>',
  '</ul>',
  '<ol>',
  '</ol>',
  '<li>',
  '</li>',
  '<dl><dt>',
  '<dd>',
  '<blockquote>',
  '</blockquote>',
  '<pre>',
  '</pre>',
  '<table>',
  '</table>',
  '<tr>',
  '<td>',
  '</td>',
  '<br>',
  '<br/>',
  '<hr>',
  '<figure>',
  '<img src="https://x.example/a.jpg" alt="alt text">',
  '<figcaption>',
  '</figure>',
  '<article>',
  '</article>',
  '<main>',
  '<nav>',
  '</nav>',
  '<header>',
  '<footer>',
  '</footer>',
  '<aside class="related">',
  '<div class="share">',
  '<div hidden>',
  '<p style="display:none">',
  '<span class="sr-only">',
  '<div aria-hidden="true">',
  '<script>',
  '</script>',
  '<style>',
  '</style>',
  '<template>',
  '</template>',
  '<textarea>',
  '<noscript>',
  '<svg>',
  '<math>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE html>',
  '<html>',
  '<body>',
  '</body>',
  '<title>',
  '</title>',
  '<',
  '>',
  '</',
  '/>',
  '"',
  "'",
  '=',
  '&amp;',
  '&copy;',
  '&copy',
  '&#169;',
  '&#x1F600;',
  '&#8217;',
  '&nbsp;',
  '&notin;',
  '&',
  '&#',
  '&#x;',
  ';',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u0000',
  '\u00a0',
  '\uFEFF',
  '\uD800',
  'é',
  '😀',
  'word',
  'The harbour board met on Tuesday to decide the future of the old market.',
  'Copyright',
  '©',
  '© 2021 Harbour Times. All rights reserved.',
  'Disclaimer: The views expressed are the author’s own.',
  'This work is licensed under a Creative Commons Attribution 4.0 licence.',
  'Fair use notice: this site contains copyrighted material.',
  'This article was originally published in The Tideline.',
  'By Jane Smith',
  'March 3, 2021',
  'Share',
  'Read more:',
  'Advertisement',
];

const tagSoup: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...HTML_PIECES), { maxLength: 120 })
  .map((pieces) => pieces.join(''));

const PAGES = readdirSync(join(FIXTURES, 'pages'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFixture(`pages/${f}`));

const editedPage: fc.Arbitrary<string> = fc.constantFrom(...PAGES).chain((page) => mutations(page));

/**
 * linkedom builds no element at all for a source whose only `<html`/`<body` sits in a comment
 * (the CLI's parser then does not wrap it), and the DOM walk throws on such a document: a known
 * defect with its own expected-failure test below, left out here so the properties can find
 * others.
 */
const hasNoElement = (source: string): boolean => !parseHtml(source).documentElement;

/**
 * The last span of a `<pre>` that ends in a line break still counts the break its display text
 * trimmed (a known defect, tested on its own in dom-blocks.test.ts): tolerated here, and only
 * that shape of it, so the properties can find others.
 */
function preTrailingBreak(source: string): (paragraph: Paragraph, span: Span) => boolean {
  return (paragraph, span) => {
    if (paragraph.kind !== 'preformatted' || span.textLength !== span.sourceLength) return false;
    const copied = source.slice(span.source, span.source + span.sourceLength);
    const kept = copied.replace(/[\r\n]+$/, '');
    return kept.length < copied.length && paragraph.text.startsWith(kept, span.text);
  };
}

function captureSound(source: string): void {
  fc.pre(!hasNoElement(source));
  const article = captureHtml(source);
  expect(
    exactnessProblems(source, article, { tolerate: preTrailingBreak(source), display: false }),
  ).toEqual([]);
}

describe('the HTML front end on any input', () => {
  it('returns for random strings, with exact notices and spans', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), captureSound), {
      numRuns: 200,
    });
  });

  it('returns for random tag soups, with exact notices and spans', () => {
    fc.assert(fc.property(tagSoup, captureSound), { numRuns: 200 });
  });

  it('returns for fixture pages with random insertions, deletions and duplications', () => {
    fc.assert(fc.property(editedPage, captureSound), { numRuns: 100 });
  });

  it('keeps every notice of an unedited fixture page an exact slice', () => {
    for (const page of PAGES) expect(exactnessProblems(page, captureHtml(page))).toEqual([]);
  });

  // dom-blocks reads `doc.body`, which linkedom's getter computes from a documentElement that
  // does not exist; the CLI's parser wraps a fragment in <html><body>, but not one that
  // mentions <html> or <body> (here inside a comment).
  it('returns for a source whose only <html> is inside a comment', () => {
    const source = '<!-- saved from <html> -->\nJust a few words of text.';
    expect(() => captureHtml(source)).not.toThrow();
  });
});
