import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../testing/capture.ts';
import type { Block } from '../document/types.ts';
import { domBlocks } from './dom-blocks.ts';

// The DOM walk of the HTML front end: block kinds, display text, marks, hidden content, and the
// spans that tie every display character back to the exact source.

const pageOf = (body: string): string =>
  `<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`;

function blocksOf(body: string): { html: string; blocks: Block[] } {
  const html = pageOf(body);
  return { html, blocks: domBlocks(parseHtml(html), html).blocks };
}

/**
 * Every problem with a block's spans: in order, inside its text and its source range, and each
 * verbatim span exactly the source characters it claims.
 */
function spanProblems(html: string, blocks: readonly Block[]): string[] {
  const problems: string[] = [];
  blocks.forEach((block, n) => {
    let at = 0;
    for (const s of block.spans) {
      const where = `block ${n} (${block.kind}) span at ${s.text}`;
      if (s.text < at) problems.push(`${where}: out of order`);
      at = s.text + s.textLength;
      if (at > block.text.length) problems.push(`${where}: past the text`);
      if (s.source < block.start || s.source + s.sourceLength > block.end)
        problems.push(`${where}: outside the block's source range`);
      if (
        s.textLength === s.sourceLength &&
        block.text.slice(s.text, s.text + s.textLength) !==
          html.slice(s.source, s.source + s.sourceLength)
      )
        problems.push(`${where}: verbatim span differs from the source`);
    }
  });
  return problems;
}

const kinds = (blocks: readonly Block[]): [string, string][] => blocks.map((b) => [b.kind, b.text]);

/** What each span's display text came from, as [display, source] pairs. */
const spanSources = (html: string, block: Block): [string, string][] =>
  block.spans.map((s) => [
    block.text.slice(s.text, s.text + s.textLength),
    html.slice(s.source, s.source + s.sourceLength),
  ]);

describe('block kinds', () => {
  it('reads <p> as paragraphs and h1–h6 as headings with their level', () => {
    const { html, blocks } = blocksOf(
      '<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6><p>Para</p>',
    );
    expect(blocks.map((b) => [b.kind, b.level ?? null, b.text])).toEqual([
      ['heading', 1, 'One'],
      ['heading', 2, 'Two'],
      ['heading', 3, 'Three'],
      ['heading', 4, 'Four'],
      ['heading', 5, 'Five'],
      ['heading', 6, 'Six'],
      ['paragraph', null, 'Para'],
    ]);
    expect(spanProblems(html, blocks)).toEqual([]);
  });

  it('reads a nested list as one list block, each item with its depth and range', () => {
    const { html, blocks } = blocksOf(
      '<ol><li>first</li><li>second<ul><li>inner <em>one</em></li><li>inner two<ol><li>deepest</li></ol></li></ul></li><li>third</li></ol>',
    );
    expect(blocks).toHaveLength(1);
    const [list] = blocks;
    expect(list!.kind).toBe('list');
    expect(list!.ordered).toBe(true);
    expect(list!.text).toBe('first\nsecond\ninner one\ninner two\ndeepest\nthird');
    expect(list!.items?.map((i) => [list!.text.slice(i.start, i.end), i.depth])).toEqual([
      ['first', 0],
      ['second', 0],
      ['inner one', 1],
      ['inner two', 1],
      ['deepest', 2],
      ['third', 0],
    ]);
    expect(spanProblems(html, blocks)).toEqual([]);
  });

  it('reads an unordered list as unordered and a definition list as a list of terms and definitions', () => {
    const { blocks } = blocksOf(
      '<ul><li>a</li><li>b</li></ul><dl><dt>Term</dt><dd>Definition</dd></dl>',
    );
    expect(blocks.map((b) => [b.kind, b.ordered, b.text])).toEqual([
      ['list', false, 'a\nb'],
      ['list', false, 'Term\nDefinition'],
    ]);
  });

  it('reads a blockquote of several paragraphs as one quote block, a line per paragraph', () => {
    const { html, blocks } = blocksOf(
      '<blockquote><p>First line.</p><p>Second <strong>line</strong>.</p><footer>— Someone</footer></blockquote>',
    );
    expect(kinds(blocks)).toEqual([['quote', 'First line.\nSecond line.\n— Someone']]);
    expect(spanProblems(html, blocks)).toEqual([]);
  });

  it('keeps the whitespace of <pre> and reads it as one preformatted block', () => {
    const { html, blocks } = blocksOf('<pre>  indented\n\n<code>x = 1;</code>\n</pre>');
    expect(kinds(blocks)).toEqual([['preformatted', '  indented\n\nx = 1;']]);
    expect(spanProblems(html, blocks)).toEqual([]);
  });

  it('reads a figure as the image (alt text, address) and its caption as a caption block', () => {
    const { html, blocks } = blocksOf(
      '<figure><img src="https://img.example/a.jpg" alt="A ferry at night"><figcaption>The car deck. <span>Photo: A. Person</span></figcaption></figure>',
    );
    expect(blocks.map((b) => [b.kind, b.text, b.src ?? null])).toEqual([
      ['figure', 'A ferry at night', 'https://img.example/a.jpg'],
      ['caption', 'The car deck. Photo: A. Person', null],
    ]);
    expect(spanProblems(html, blocks.slice(1))).toEqual([]);
  });

  it('reads a table of data as one table block, rows on lines and cells apart by tabs', () => {
    const { html, blocks } = blocksOf(
      '<table><caption>Boats</caption><tr><th>Year</th><th>Count</th></tr><tr><td>2009</td><td>0</td></tr></table>',
    );
    expect(kinds(blocks)).toEqual([['table', 'Boats\nYear\tCount\n2009\t0']]);
    expect(spanProblems(html, blocks)).toEqual([]);
  });

  it('reads a table that lays out a page as the paragraphs in its cells', () => {
    const { blocks } = blocksOf(
      '<table><tr><td><p>Left column text.</p></td><td><h2>Right</h2><p>Right column text.</p></td></tr></table>',
    );
    expect(kinds(blocks)).toEqual([
      ['paragraph', 'Left column text.'],
      ['heading', 'Right'],
      ['paragraph', 'Right column text.'],
    ]);
  });

  it('reads <hr> as a separator between paragraphs', () => {
    const { blocks } = blocksOf('<p>Above</p><hr><p>Below</p>');
    expect(kinds(blocks)).toEqual([
      ['paragraph', 'Above'],
      ['separator', ''],
      ['paragraph', 'Below'],
    ]);
  });

  it('cuts a paragraph at <br><br> (whitespace between allowed), and keeps a single <br> as a line break', () => {
    const { html, blocks } = blocksOf('<div>one<br>two<br><br>three<br> \n <br>four</div>');
    expect(kinds(blocks)).toEqual([
      ['paragraph', 'one\ntwo'],
      ['paragraph', 'three'],
      ['paragraph', 'four'],
    ]);
    expect(spanProblems(html, blocks)).toEqual([]);
  });

  it('collapses whitespace runs, CR LF included, to one space and trims block edges', () => {
    const { html, blocks } = blocksOf('<p>\r\n  one \t\r\n two\r\n</p>');
    expect(kinds(blocks)).toEqual([['paragraph', 'one two']]);
    expect(spanSources(html, blocks[0]!)).toEqual([
      ['one', 'one'],
      ['two', 'two'],
    ]);
  });
});

describe('marks', () => {
  it('marks links with their address, emphasis, strong and code over the right words', () => {
    const { blocks } = blocksOf(
      '<p>See <a href="https://x.example/a">the <em>report</em></a>, <strong>now</strong> and <code>run()</code>.</p>',
    );
    const [p] = blocks;
    expect(p!.text).toBe('See the report, now and run().');
    expect(
      p!.marks
        .map((m) => [m.type, p!.text.slice(m.start, m.end), m.href ?? null])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['code', 'run()', null],
      ['emphasis', 'report', null],
      ['link', 'the report', 'https://x.example/a'],
      ['strong', 'now', null],
    ]);
  });

  it('keeps a javascript: link as a link without an address', () => {
    const { blocks } = blocksOf(
      '<p><a href="javascript:alert(1)">click</a> and <a href="/ok">ok</a></p>',
    );
    expect(blocks[0]!.marks).toEqual([
      { type: 'link', start: 0, end: 5 },
      { type: 'link', start: 10, end: 12, href: '/ok' },
    ]);
  });

  it('measures how much of a block sits inside links', () => {
    const { blocks } = blocksOf(
      '<p><a href="/a">Home</a> <a href="/b">News</a></p><p>No links here</p>',
    );
    expect(blocks.map((b) => b.context?.linkDensity)).toEqual([8 / 9, 0]);
  });
});

describe('what a reader never sees', () => {
  it('skips script, style, noscript, template, buttons, forms controls and hidden elements', () => {
    const { html, blocks } = blocksOf(
      [
        '<p>Visible one.</p>',
        '<script>document.write("<p>script text</p>")</script>',
        '<style>p { color: red }</style>',
        '<noscript><p>Enable JavaScript</p></noscript>',
        '<template><p>template text</p></template>',
        '<p>Visible <button>Click</button>two<select><option>Option</option></select>.</p>',
        '<div hidden><p>hidden attribute</p></div>',
        '<p style="display: none">display none</p>',
        '<p style="visibility:hidden">visibility hidden</p>',
        '<div aria-hidden="true">aria hidden icon</div>',
        '<p>Visible <span class="sr-only">screen reader only</span>three.</p>',
        '<p>Visible four.</p>',
      ].join(''),
    );
    expect(kinds(blocks)).toEqual([
      ['paragraph', 'Visible one.'],
      ['paragraph', 'Visible two.'],
      ['paragraph', 'Visible three.'],
      ['paragraph', 'Visible four.'],
    ]);
    expect(spanProblems(html, blocks)).toEqual([]);
  });

  it('keeps an aria-hidden container that holds paragraphs', () => {
    const { blocks } = blocksOf(
      '<div aria-hidden="true"><p>Real text in a hidden-for-a11y box.</p></div>',
    );
    expect(kinds(blocks)).toEqual([['paragraph', 'Real text in a hidden-for-a11y box.']]);
  });
});

describe('spans back to the source', () => {
  it('maps each decoded entity to its whole reference and the rest verbatim', () => {
    const { html, blocks } = blocksOf(
      '<p>Caf&eacute; &amp; bar&nbsp;&#8212; Tom&#8217;s &#x1F600; &copy 2020</p>',
    );
    expect(blocks[0]!.text).toBe('Café & bar — Tom’s 😀 © 2020');
    expect(spanSources(html, blocks[0]!)).toEqual([
      ['Caf', 'Caf'],
      ['é', '&eacute;'],
      ['&', '&amp;'],
      ['bar', 'bar'],
      ['—', '&#8212;'],
      ['Tom', 'Tom'],
      ['’', '&#8217;'],
      ['s', 's'],
      ['😀', '&#x1F600;'],
      ['©', '&copy'],
      ['2020', '2020'],
    ]);
  });

  it('gives each block the source range from its first to its last mapped character', () => {
    const { html, blocks } = blocksOf('<p>First <b>para</b></p>\r\n<p>Second &amp; last</p>');
    expect(blocks.map((b) => html.slice(b.start, b.end))).toEqual([
      'First <b>para',
      'Second &amp; last',
    ]);
  });

  it('maps text after a <script> that holds markup-like strings to its own characters', () => {
    const { html, blocks } = blocksOf(
      '<p>Before</p><script>var t = "<p>After the script</p>"; if (a<b) {}</script><p>After the script</p>',
    );
    expect(kinds(blocks)).toEqual([
      ['paragraph', 'Before'],
      ['paragraph', 'After the script'],
    ]);
    expect(blocks[1]!.start).toBe(html.lastIndexOf('After the script'));
    expect(spanProblems(html, blocks)).toEqual([]);
  });

  it('keeps the spans of a table with stray text between its rows exact', () => {
    const { html, blocks } = blocksOf(
      '<table><tr><td>cell one</td></tr>stray text<tr><td>cell two</td></tr></table><p>After the table</p>',
    );
    expect(blocks.map((b) => b.text).join('\n')).toContain('After the table');
    expect(spanProblems(html, blocks)).toEqual([]);
  });

  // TextBuilder.finish() trims the trailing line breaks of the text but keeps the spans whole:
  // the last span of "<pre>abc\n</pre>" is {text: 0, textLength: 4} over the text "abc".
  it('keeps the spans of a <pre> that ends in a line break inside its text', () => {
    const { html, blocks } = blocksOf('<pre>const a = 1;\nrun(a);\n</pre>');
    expect(kinds(blocks)).toEqual([['preformatted', 'const a = 1;\nrun(a);']]);
    expect(spanProblems(html, blocks)).toEqual([]);
  });

  it('keeps every verbatim span exact across a page saved with CR LF line ends', () => {
    const { html, blocks } = blocksOf(
      '<h1>Title &amp; more</h1>\r\n<p>One\r\ntwo &lt;three&gt;</p>\r\n<ul>\r\n<li>a&nbsp;b</li>\r\n<li>c</li>\r\n</ul>\r\n<blockquote>\r\n<p>q\r\nr</p>\r\n</blockquote>',
    );
    expect(kinds(blocks)).toEqual([
      ['heading', 'Title & more'],
      ['paragraph', 'One two <three>'],
      ['list', 'a b\nc'],
      ['quote', 'q r'],
    ]);
    expect(spanProblems(html, blocks)).toEqual([]);
  });
});

describe('deeply nested pages', () => {
  const DEPTH = 20_000;
  for (const tag of ['div', 'span', 'blockquote', 'ul', 'li', 'b', 'table']) {
    it(`walks ${DEPTH} nested <${tag}> elements without overflowing the stack`, () => {
      const html = pageOf(
        `${`<${tag}>`.repeat(DEPTH)}deep text here${`</${tag}>`.repeat(DEPTH)}<p>After the nest.</p>`,
      );
      const { blocks } = domBlocks(parseHtml(html), html);
      const text = blocks.map((b) => b.text).join('\n');
      expect(text).toContain('deep text here');
      expect(text).toContain('After the nest.');
      expect(spanProblems(html, blocks)).toEqual([]);
    });
  }
});
