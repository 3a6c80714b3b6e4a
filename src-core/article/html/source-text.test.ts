import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../testing/capture.ts';
import { SourceAligner, sourceTextChunks, type NodePiece } from './source-text.ts';

// The source side of the HTML front end: htmlparser2's text runs with exact ranges, and the
// aligner that finds each DOM text node among them.

/** Every problem with pieces of `data`: a verbatim piece must copy its source exactly. */
function pieceProblems(source: string, data: string, pieces: readonly NodePiece[]): string[] {
  const problems: string[] = [];
  let at = 0;
  for (const p of pieces) {
    if (p.offset < at) problems.push(`piece at ${p.offset} out of order`);
    at = p.offset + p.length;
    if (p.offset + p.length > data.length) problems.push(`piece at ${p.offset} past the data`);
    if (p.source < 0 || p.source + p.sourceLength > source.length)
      problems.push(`piece at ${p.offset} outside the source`);
    if (
      p.length === p.sourceLength &&
      data.slice(p.offset, p.offset + p.length) !== source.slice(p.source, p.source + p.length)
    )
      problems.push(`verbatim piece at ${p.offset} differs from its source`);
  }
  return problems;
}

/** The DOM's text nodes in document order, skipping what a reader never sees (as the walk does). */
function textNodes(doc: Document): Text[] {
  const out: Text[] = [];
  const stack: Node[] = [doc.body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) out.push(node as Text);
    const children: Node[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
    stack.push(...children.reverse());
  }
  return out;
}

const covered = (pieces: readonly NodePiece[]): number => pieces.reduce((n, p) => n + p.length, 0);

describe('sourceTextChunks', () => {
  it('gives each text run and each character reference its exact source range', () => {
    const html = '<p>Fish &amp; chips&nbsp;for&#8217;s &#x1F600;</p>';
    const { chunks } = sourceTextChunks(html);
    expect(chunks.map((c) => [c.text, html.slice(c.start, c.end)])).toEqual([
      ['Fish ', 'Fish '],
      ['&', '&amp;'],
      [' chips', ' chips'],
      ['\u00a0', '&nbsp;'],
      ['for', 'for'],
      ['’', '&#8217;'],
      ['s ', 's '],
      ['😀', '&#x1F600;'],
    ]);
  });

  it('decodes a legacy reference written without its semicolon as the DOM does', () => {
    const html = '<p>&copy 2020 &amp b</p>';
    const { chunks } = sourceTextChunks(html);
    expect(chunks.map((c) => c.text).join('')).toBe('© 2020 & b');
    expect(chunks.filter((c) => c.text === '©').map((c) => html.slice(c.start, c.end))).toEqual([
      '&copy',
    ]);
  });

  it('starts the body at the first run after <body>, so head text is never matched', () => {
    const html =
      '<html><head><title>Same words</title></head><body><p>Same words</p></body></html>';
    const text = sourceTextChunks(html);
    expect(text.chunks[text.bodyChunk]).toEqual({
      text: 'Same words',
      start: html.lastIndexOf('Same words'),
      end: html.lastIndexOf('Same words') + 10,
    });
  });

  it('reports a page without <body> from its first run', () => {
    expect(sourceTextChunks('just words').bodyChunk).toBe(0);
  });
});

describe('SourceAligner', () => {
  it('maps a text node with entities into verbatim runs and one piece per reference', () => {
    const html = '<body><p>Tom &amp; Jerry&#8217;s &copy; 2020</p></body>';
    const pieces = new SourceAligner(sourceTextChunks(html)).align('Tom & Jerry’s © 2020');
    expect(pieces.map((p) => html.slice(p.source, p.source + p.sourceLength))).toEqual([
      'Tom ',
      '&amp;',
      ' Jerry',
      '&#8217;',
      's ',
      '&copy;',
      ' 2020',
    ]);
    expect(pieceProblems(html, 'Tom & Jerry’s © 2020', pieces)).toEqual([]);
  });

  it('maps the LF of a browser DOM back to CR LF and to a lone CR, as rewritten pieces', () => {
    const html = '<body><pre>one\r\ntwo\rthree</pre></body>';
    const data = 'one\ntwo\nthree';
    const pieces = new SourceAligner(sourceTextChunks(html)).align(data);
    expect(
      pieces.map((p) => [
        data.slice(p.offset, p.offset + p.length),
        html.slice(p.source, p.source + p.sourceLength),
      ]),
    ).toEqual([
      ['one', 'one'],
      ['\n', '\r\n'],
      ['two', 'two'],
      ['\n', '\r'],
      ['three', 'three'],
    ]);
  });

  it('maps a U+FFFD the DOM put for a NUL to the NUL', () => {
    const html = '<body><p>a\u0000b</p></body>';
    const pieces = new SourceAligner(sourceTextChunks(html)).align('a\ufffdb');
    expect(covered(pieces)).toBe(3);
    expect(pieces.map((p) => html.slice(p.source, p.source + p.sourceLength)).join('')).toBe(
      'a\u0000b',
    );
  });

  it('steps over script text it is told about and finds the text after the <script>', () => {
    const html =
      '<body><p>Before</p><script>var s = "<p>After the script</p>";</script><p>After the script</p></body>';
    const aligner = new SourceAligner(sourceTextChunks(html));
    expect(covered(aligner.align('Before'))).toBe(6);
    aligner.align('var s = "<p>After the script</p>";');
    const after = aligner.align('After the script');
    expect(after).toEqual([
      { offset: 0, length: 16, source: html.lastIndexOf('After the script'), sourceLength: 16 },
    ]);
  });

  it('finds text after a script it was not told about by searching ahead', () => {
    const html =
      '<body><p>Before</p><script>if (a < b) run();</script><p>After the script</p></body>';
    const aligner = new SourceAligner(sourceTextChunks(html));
    aligner.align('Before');
    const pieces = aligner.align('After the script');
    expect(pieces).toHaveLength(1);
    expect(html.slice(pieces[0]!.source, pieces[0]!.source + 16)).toBe('After the script');
  });

  it('maps text a browser moved out of a table to nothing rather than to other characters', () => {
    // A browser DOM puts stray table text before the table (foster parenting): the DOM order
    // is "stray text", "cell one", "cell two"; the source order is cell one, stray, cell two.
    const html =
      '<body><table><tr><td>cell one</td></tr>stray text<tr><td>cell two</td></tr></table></body>';
    const aligner = new SourceAligner(sourceTextChunks(html));
    const results = ['stray text', 'cell one', 'cell two'].map((data) => ({
      data,
      pieces: aligner.align(data),
    }));
    for (const { data, pieces } of results) expect(pieceProblems(html, data, pieces)).toEqual([]);
    expect(covered(results[0]!.pieces)).toBe(10);
    expect(covered(results[2]!.pieces)).toBe(8);
  });

  it('maps text that is not in the source (made by the DOM) to nothing', () => {
    const aligner = new SourceAligner(sourceTextChunks('<body><p>Only this text</p></body>'));
    expect(aligner.align('Some other words entirely')).toEqual([]);
    expect(aligner.align('abc')).toEqual([]);
    expect(aligner.align('')).toEqual([]);
  });

  it('aligns every text node of a linkedom page with entities, CR LF, script and a table exactly', () => {
    const html = [
      '<!DOCTYPE html><html><head><title>T &amp; U</title></head><body>',
      '<p>Caf&eacute; &amp; bar&nbsp;&#8212; open\r\nlate</p>',
      '<script>var x = "<p>not text</p>";</script>',
      '<p>After the script &lt;tag&gt;</p>',
      '<table><tr><td>cell</td></tr>stray<tr><td>two</td></tr></table>',
      '<div>',
      '<b>'.repeat(50),
      'deep',
      '</b>'.repeat(50),
      '</div></body></html>',
    ].join('\r\n');
    const doc = parseHtml(html);
    const aligner = new SourceAligner(sourceTextChunks(html));
    let mapped = 0;
    for (const node of textNodes(doc)) {
      const pieces = aligner.align(node.data);
      expect(pieceProblems(html, node.data, pieces)).toEqual([]);
      mapped += covered(pieces);
    }
    expect(mapped).toBeGreaterThan('Café & bar — open late After the script <tag> deep'.length);
  });

  it('bounds its search: a node matching nowhere among many near-misses returns nothing', () => {
    const html = `<body><p>${'abcdefgh'.repeat(20_000)}</p></body>`;
    const aligner = new SourceAligner(sourceTextChunks(html));
    expect(aligner.align('abcdefghX')).toEqual([]);
    expect(covered(aligner.align('abcdefgh'.repeat(20_000)))).toBe(160_000);
  });
});
