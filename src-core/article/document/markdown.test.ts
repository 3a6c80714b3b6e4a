import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { markdownish, mutations } from '../../testing/arbitraries.ts';
import { readFixture, xssPayloads } from '../../testing/fixtures.ts';
import { markdownDocument, nestsTooDeep } from './markdown.ts';
import { documentProblems, sourceRangeOf } from './spans.ts';
import type { Block, SourceDocument } from './types.ts';

const REFERENCE = readFixture('000_bfa7ac14e5553cb7.txt');
const OBSIDIAN = readFixture('markdown/obsidian-web-clipper.md');
const MARKDOWNLOAD = readFixture('markdown/markdownload.md');
const SUBSTACK = readFixture('markdown/substack-post.md');
const WORDPRESS = readFixture('markdown/wordpress-post.md');
const CONVERSATION = readFixture('articles/conversation-clip.md');
const CC_BLOG = readFixture('articles/blog-cc-licence.md');
const REALISTIC = { OBSIDIAN, MARKDOWNLOAD, SUBSTACK, WORDPRESS, CONVERSATION, CC_BLOG, REFERENCE };

const kinds = (doc: SourceDocument): string[] => doc.blocks.map((b) => b.kind);
const texts = (doc: SourceDocument): string[] => doc.blocks.map((b) => b.text);
const marked = (block: Block): [string, string, string?][] =>
  block.marks.map((m) => {
    const piece = block.text.slice(m.start, m.end);
    return m.href === undefined ? [m.type, piece] : [m.type, piece, m.href];
  });
const itemTexts = (block: Block): [string, number][] =>
  (block.items ?? []).map((i) => [block.text.slice(i.start, i.end), i.depth]);

describe('markdownDocument on realistic clips', () => {
  it('reads an Obsidian Web Clipper clip', () => {
    const doc = markdownDocument(OBSIDIAN);
    expect(doc.format).toBe('markdown');
    expect(kinds(doc)).toEqual([
      'paragraph', // breadcrumb
      'heading',
      'paragraph', // byline
      'paragraph', // **In short:** lead
      'paragraph',
      'quote',
      'heading',
      'paragraph',
      'list',
      'table',
      'figure',
      'paragraph', // italic caption
      'paragraph', // the <div> newsletter block is no block at all
      'paragraph', // footnote
    ]);
    const [
      crumbs,
      title,
      byline,
      lead,
      body,
      quote,
      h2,
      ,
      list,
      table,
      figure,
      caption,
      doi,
      note,
    ] = doc.blocks as Block[];
    expect(crumbs!.text).toBe('Home › Science');
    expect(title).toMatchObject({ text: "The Quiet Collapse of Europe's Insects", level: 1 });
    expect(h2).toMatchObject({ text: 'What is driving the decline?', level: 2 });
    expect(byline!.text).toBe('By Anna Kowalska · 2 October 2023 · 9 min read');
    expect(marked(byline!)).toEqual([
      ['strong', 'By Anna Kowalska'],
      ['link', 'Anna Kowalska', 'https://www.example-magazine.com/authors/anna'],
    ]);
    expect(marked(lead!)).toEqual([
      ['strong', 'In short:'],
      ['emphasis', 'more than 75 per cent'],
    ]);
    // Entity decoded, footnote reference dropped, soft line breaks kept.
    expect(body!.text).toBe(
      'Entomologists in Krefeld set up Malaise traps in 1989 & kept them running\n' +
        'until 2016. The result, published in PLOS ONE, alarmed researchers\n' +
        'across the continent.',
    );
    expect(quote!.text).toBe(
      '"We were shocked," said one of the authors.\n\n' +
        '"Nobody expected a decline of this size in protected areas."',
    );
    expect(list).toMatchObject({ ordered: true, level: 0 });
    expect(itemTexts(list!)).toEqual([
      ['Intensive agriculture and pesticides', 0],
      ['neonicotinoids', 1],
      ['loss of hedgerows', 1],
      ['Light pollution', 0],
      ['Climate change', 0],
    ]);
    expect(table!.text).toBe('Period\tBiomass (g/day)\n1989\t9.2\n2016\t2.3');
    expect(figure).toMatchObject({
      text: 'A Malaise trap in a meadow',
      src: 'https://cdn.example-magazine.com/img/trap.jpg',
    });
    expect(marked(caption!)).toEqual([['emphasis', caption!.text]]);
    expect(doi!.text).toBe(
      "Read the study on the publisher's site: https://doi.org/10.1371/journal.pone.0185809.",
    );
    expect(note!.text).toBe('Hallmann C. A. et al. (2017), PLOS ONE 12(10).');
    expect(doc.stated).toMatchObject({
      title: "The Quiet Collapse of Europe's Insects",
      url: 'https://www.example-magazine.com/2023/10/insect-decline',
      authors: [{ name: 'Anna Kowalska', type: null }],
      published: { parts: [2023, 10, 2], ambiguous: false },
      accessed: { parts: [2024, 2, 11], ambiguous: false },
      keywords: ['clippings', 'ecology', 'biodiversity'],
    });
  });

  it('reads a MarkDownload clip', () => {
    const doc = markdownDocument(MARKDOWNLOAD);
    expect(kinds(doc)).toEqual([
      'heading',
      'quote',
      'separator',
      'paragraph',
      'paragraph',
      'paragraph',
      'figure',
      'preformatted',
      'paragraph',
      'preformatted',
    ]);
    expect(doc.blocks[1]!.text).toBe(
      'Excerpt\n\nForty cheap temperature loggers, one summer, and a city map that surprised us.',
    );
    expect(doc.blocks[4]!.text).toContain('about $50 and recorded');
    const links = doc.blocks[5]!;
    expect(links.text).toBe(
      'Parks were up to 4\u00a0°C cooler than the surrounding streets at night. See the map and\nthe raw data.',
    );
    expect(marked(links)).toEqual([
      ['link', 'map', 'https://www.citylab-example.org/map'],
      ['link', 'raw data', 'https://www.citylab-example.org/data.csv'],
    ]);
    expect(doc.blocks[6]).toMatchObject({
      kind: 'figure',
      text: 'Map of night-time temperatures',
      src: 'https://www.citylab-example.org/img/map-small.png',
    });
    expect(doc.blocks[7]!.text).toBe('logger_id,temp_c,timestamp\n17,24.6,2022-07-14T02:10');
    expect(doc.blocks[9]!.text).toBe(
      'import pandas as pd\ndf = pd.read_csv("loggers.csv")  # one row per reading',
    );
    expect(doc.stated).toMatchObject({
      authors: [{ name: 'Priya Raman', type: null }],
      accessed: { parts: [2023, 3, 14] },
      url: 'https://www.citylab-example.org/2023/03/cheap-sensors-heat',
    });
    expect(doc.stated.published).toBeUndefined();
  });

  it('reads a Substack post flattened to Markdown', () => {
    const doc = markdownDocument(SUBSTACK);
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'The Economics of Small Libraries'],
      ['heading', 'Why municipal libraries survive budget cuts better than we think'],
      ['figure', 'Profile picture'],
      ['paragraph', 'Jordan Ellis'],
      ['paragraph', 'Mar 3, 2024'],
      ['paragraph', 'Share'],
      ['paragraph', 'Subscribe now'],
      ['separator', ''],
      [
        'paragraph',
        'Libraries are cheap. A typical branch library costs its town less than a single\n' +
          'road resurfacing project, yet it is often the first line item councils try to cut.',
      ],
      ['paragraph', 'Three observations:'],
      [
        'list',
        "Visits have recovered since 2020:\nadult visits to 90%,\nchildren's visits to 110%.\nLoans of e-books doubled.",
      ],
      ['paragraph', 'Council budgets tell a different story*.'],
      ['figure', ''],
      ['paragraph', 'Chart: library spending per resident, 2010–2023.'],
      [
        'paragraph',
        'Jordan Ellis writes about local government finance. He previously worked at the Institute for Fiscal Studies.',
      ],
      ['paragraph', 'Leave a comment'],
      ['paragraph', 'Share · Like · Restack'],
    ]);
    expect(doc.blocks[2]!.src).toBe('https://substackcdn.example/image/fetch/w_80,h_80/avatar.jpg');
    expect(doc.blocks[12]!.src).toBe('https://substackcdn.example/image/chart.png');
    expect(marked(doc.blocks[8]!)).toEqual([['strong', 'Libraries are cheap.']]);
    expect(marked(doc.blocks[14]!)).toEqual([['emphasis', doc.blocks[14]!.text]]);
    expect(itemTexts(doc.blocks[10]!).map(([, depth]) => depth)).toEqual([0, 1, 1, 0]);
    expect(doc.blocks[10]!.ordered).toBe(false);
    expect(doc.stated).toEqual({});
  });

  it('reads a WordPress post: setext headings, HTML dropped, inline script content dropped', () => {
    const doc = markdownDocument(WORDPRESS);
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Notes from the Archive'],
      ['paragraph', 'Posted by Margaret Chen on January 9, 2022 in History'],
      [
        'paragraph',
        'The letters were found in a box marked misc. 1921–1923. They run to\nforty-two pages — most of them in pencil.',
      ],
      [
        'paragraph',
        'Some lines are barely legible. Transcribed, the first reads: “Dear Ma, the\nharvest is in”. A later letter was\nwritten from Glasgow.',
      ],
      [
        'quote',
        'Item 4 of the collection:\n\nenvelope, postmarked Leith\ntwo pages, ink\n\nRef. MS 1921/4',
      ],
      ['heading', 'Setext heading two'],
      ['paragraph', 'Tags: letters, 1920s'],
      ['paragraph', '© 2022 Archive Notes. All rights reserved.'],
    ]);
    expect(doc.blocks[0]!.level).toBe(1);
    expect(doc.blocks[5]!.level).toBe(2);
  });

  it('shows no Markdown or HTML syntax in any display text', () => {
    for (const [name, source] of Object.entries(REALISTIC)) {
      for (const block of markdownDocument(source).blocks) {
        if (block.kind === 'preformatted') continue;
        const where = `${name}: ${JSON.stringify(block.text)}`;
        expect(block.text, where).not.toMatch(
          /\]\(|\*\*|__|!\[|\[\^|<\/?[a-z!]|&[a-z]+;|^#|^>|\n>/i,
        );
      }
    }
  });

  it('maps every verbatim span exactly, and every visible character to the source', () => {
    for (const [name, source] of Object.entries(REALISTIC)) {
      const doc = markdownDocument(source);
      expect(documentProblems(doc), name).toEqual([]);
      for (const block of doc.blocks) {
        const mapped = new Uint8Array(block.text.length);
        for (const s of block.spans) {
          mapped.fill(1, s.text, s.text + s.textLength);
          if (s.textLength !== s.sourceLength) continue;
          expect(block.text.slice(s.text, s.text + s.textLength), name).toBe(
            source.slice(s.source, s.source + s.sourceLength),
          );
        }
        for (let i = 0; i < block.text.length; i++) {
          if (!mapped[i] && block.text[i]!.trim()) {
            throw new Error(
              `${name}: unmapped ${JSON.stringify(block.text.slice(i - 10, i + 10))}`,
            );
          }
        }
      }
    }
  });

  it('rewrites only the characters that differ from the source', () => {
    const rewritten = (source: string): [string, string][] =>
      markdownDocument(source).blocks.flatMap((b) =>
        b.spans
          .filter((s) => s.textLength !== s.sourceLength)
          .map((s): [string, string] => [
            b.text.slice(s.text, s.text + s.textLength),
            source.slice(s.source, s.source + s.sourceLength),
          ]),
      );
    expect(rewritten(MARKDOWNLOAD)).toEqual([
      ['$', '\\$'],
      ['\u00a0', '&nbsp;'],
    ]);
    expect(rewritten(SUBSTACK)).toEqual([['*', '\\*']]);
    expect(rewritten(REFERENCE)).toEqual([]);
  });

  it('maps a display range back to the source', () => {
    const doc = markdownDocument(OBSIDIAN);
    const body = doc.blocks[4]!;
    const at = body.text.indexOf('PLOS ONE');
    const range = sourceRangeOf(body, at, at + 'PLOS ONE, alarmed'.length);
    // The footnote reference between "ONE" and "," is inside the mapped range.
    expect(OBSIDIAN.slice(range.start, range.end)).toBe('PLOS ONE*,[^1] alarmed');
    const amp = body.text.indexOf('&');
    expect(OBSIDIAN.slice(...Object.values(sourceRangeOf(body, amp, amp + 1)))).toBe('&amp;');
  });
});

describe('markdownDocument block rules', () => {
  const doc = (source: string): SourceDocument => {
    const d = markdownDocument(source);
    expect(documentProblems(d)).toEqual([]);
    return d;
  };

  it('reads a lone asterisk, an empty list and decoration-only paragraphs as separators', () => {
    expect(kinds(doc('a\n\n*\n\nb'))).toEqual(['paragraph', 'separator', 'paragraph']);
    expect(kinds(doc('- \n-\n'))).toEqual(['separator']);
    expect(doc('• • •').blocks[0]).toMatchObject({ kind: 'separator', text: '• • •' });
    expect(kinds(doc('***\n\n- - -\n\n___'))).toEqual(['separator', 'separator', 'separator']);
  });

  it('drops raw HTML blocks, definitions and front matter, and keeps no text of them', () => {
    const d = doc(
      '---\ntitle: T\n---\n<script>\nalert("x")\n</script>\n\n[ref]: https://example.org\n\n<!-- note -->\n\nText',
    );
    expect(texts(d)).toEqual(['Text']);
    expect(d.stated.title).toBe('T');
  });

  it('drops inline HTML and the content of inline hidden elements', () => {
    expect(texts(doc('a <b>bold</b> <script>alert(1)</script>b <style>p{}</style>c'))).toEqual([
      'a bold b c',
    ]);
    // An unclosed hidden element hides the rest of its paragraph, as a browser would.
    expect(texts(doc('before <script>var x = 1;\nstill script\n\nnext'))).toEqual([
      'before',
      'next',
    ]);
    expect(texts(doc('<span>only tags</span>'))).toEqual(['only tags']);
    expect(texts(doc('<img src="x.png">'))).toEqual([]);
  });

  it('keeps link labels and autolink text, with their targets as marks', () => {
    const d = doc(
      'See [the report][r], <https://example.org/a>, www.example.org and me@example.org.\n\n[r]: https://example.org/report',
    );
    expect(d.blocks[0]!.text).toBe(
      'See the report, https://example.org/a, www.example.org and me@example.org.',
    );
    expect(marked(d.blocks[0]!)).toEqual([
      ['link', 'the report', 'https://example.org/report'],
      ['link', 'https://example.org/a', 'https://example.org/a'],
      ['link', 'www.example.org', 'http://www.example.org'],
      ['link', 'me@example.org', 'mailto:me@example.org'],
    ]);
  });

  it('reads code spans and hard line breaks', () => {
    const d = doc('Run `` npm `test` `` now  \nand then\\\nstop');
    expect(d.blocks[0]!.text).toBe('Run npm `test` now\nand then\nstop');
    expect(marked(d.blocks[0]!)).toEqual([['code', 'npm `test`']]);
  });

  it('keeps images out of prose paragraphs', () => {
    expect(texts(doc('![avatar](a.png) By Jane Doe'))).toEqual(['By Jane Doe']);
    expect(doc('![one](1.png)\n![two](2.png)').blocks[0]).toMatchObject({
      kind: 'figure',
      text: 'one\ntwo',
      src: '1.png',
    });
    expect(doc('![x][img]\n\n[img]: https://example.org/i.png').blocks[0]).toMatchObject({
      kind: 'figure',
      src: 'https://example.org/i.png',
    });
  });

  it('reads lists: nesting, loose items, tasks, content after a nested list', () => {
    const d = doc('1. one\n\n   more of one\n\n   - nested\n\n   after nested\n2. [x] two\n3.\n');
    const list = d.blocks[0]!;
    expect(list).toMatchObject({ kind: 'list', ordered: true, level: 0 });
    expect(itemTexts(list)).toEqual([
      ['one\nmore of one', 0],
      ['nested', 1],
      ['after nested', 0],
      ['two', 0],
      ['', 0],
    ]);
    expect(list.text).toBe('one\nmore of one\nnested\nafter nested\ntwo\n');
  });

  it('reads a blockquote as one quote, nested quotes and lists included', () => {
    const d = doc('> outer\n>\n> > inner *em*\n>\n> - a\n> - b');
    expect(d.blocks).toHaveLength(1);
    expect(d.blocks[0]!.text).toBe('outer\n\ninner em\n\na\nb');
    expect(marked(d.blocks[0]!)).toEqual([['emphasis', 'em']]);
  });

  it('reads tables with escaped pipes and inline marks', () => {
    const d = doc('| Name | Note |\n|---|---|\n| **A** | x \\| y |\n| B | |');
    expect(d.blocks[0]).toMatchObject({ kind: 'table', text: 'Name\tNote\nA\tx | y\nB\t' });
    expect(marked(d.blocks[0]!)).toEqual([['strong', 'A']]);
  });

  it('reads footnote definitions as paragraphs and drops footnote references', () => {
    const d = doc('Claim.[^a]\n\n[^a]: Source, *p. 4*.\n\n    Second paragraph of the note.');
    expect(d.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Claim.'],
      ['paragraph', 'Source, p. 4.\n\nSecond paragraph of the note.'],
    ]);
  });

  it('maps code in a blockquote line by line', () => {
    const source = '> ```js\n> const a = 1;\n>   return a;\n> ```';
    const d = doc(source);
    expect(d.blocks[0]).toMatchObject({ kind: 'quote', text: 'const a = 1;\n  return a;' });
    expect(d.blocks[0]!.spans.every((s) => s.textLength === s.sourceLength)).toBe(true);
  });

  it('keeps offsets right after a byte order mark and with CRLF line endings', () => {
    const source = '\uFEFF# Title\r\n\r\n> quoted\r\n> lines\r\n';
    const d = doc(source);
    expect(d.blocks.map((b) => source.slice(b.start, b.end))).toEqual([
      '# Title',
      '> quoted\r\n> lines',
    ]);
    expect(d.blocks[1]!.text).toBe('quoted\nlines');
    expect(d.blocks[1]!.spans).toEqual([
      { text: 0, textLength: 6, source: 14, sourceLength: 6 },
      { text: 6, textLength: 1, source: 20, sourceLength: 2 },
      { text: 7, textLength: 5, source: 24, sourceLength: 5 },
    ]);
  });

  it('reads front matter only at the very start, and broken YAML as no metadata', () => {
    expect(doc('Intro\n\n---\ntitle: Not front matter\n---\n').stated).toEqual({});
    const broken = doc('---\ntitle: "unterminated\n---\nBody');
    expect(broken.stated).toEqual({});
    expect(texts(broken)).toEqual(['Body']);
  });
});

describe('markdownDocument on the reference article', () => {
  const doc = markdownDocument(REFERENCE);

  it('reads the same paragraphs as the text front end, without link syntax', () => {
    expect(documentProblems(doc)).toEqual([]);
    expect(doc.blocks).toHaveLength(32);
    expect(kinds(doc).filter((k) => k !== 'paragraph')).toEqual(['separator']);
    // The lone "*" is an empty list item to CommonMark: a separator.
    expect(doc.blocks[24]).toMatchObject({ kind: 'separator', text: '' });
    expect(REFERENCE.slice(doc.blocks[24]!.start, doc.blocks[24]!.end)).toBe('*');
    expect(texts(doc).slice(0, 9)).toEqual([
      'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
      'By South Front',
      'Global Research, August 15, 2018',
      'South Front',
      'Region: Asia',
      'Theme: Military and WMD, US NATO',
      'War Agenda',
      'In-depth Report: AFGHANISTAN',
      'Note to readers: please click the share buttons above',
    ]);
    expect(marked(doc.blocks[1]!)).toEqual([['link', 'South Front', '#']]);
    expect(doc.blocks[26]!.text).toBe(
      'The original source of this article is South Front\nCopyright © South Front, South Front, 2018',
    );
    expect(doc.blocks[25]!.text).toContain(
      'PayPal: southfront@list.ru or via: http://southfront.org/donate/ or via: https://www.patreon.com/southfront,',
    );
    expect(doc.blocks.at(-1)!.text).toBe('For media inquiries: publications@globalresearch.ca');
    expect(doc.stated).toEqual({});
  });
});

describe('markdownDocument on hostile input', () => {
  const payloads = xssPayloads();

  /** Source ranges no display character may come from: raw HTML and inline hidden elements. */
  function htmlRanges(source: string): [number, number][] {
    const tree = fromMarkdown(source, {
      extensions: [gfm()],
      mdastExtensions: [gfmFromMarkdown()],
    });
    const ranges: [number, number][] = [];
    const visit = (node: Nodes): void => {
      if (node.type === 'html' && node.position) {
        const start = node.position.start.offset!;
        let end = node.position.end.offset!;
        // An unclosed `<?`/`<!--` block at the end is read again past its first blank line
        // (markdownDocument's recovery): only its first part stays raw HTML.
        if (end >= source.trimEnd().length && /^\s*<[?!]/.test(node.value)) {
          const blank = /\n[ \t]*\r?\n/.exec(source.slice(start));
          if (blank) end = Math.min(end, start + blank.index);
        }
        ranges.push([start, end]);
      }
      if ('children' in node) {
        const phrasing =
          node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
        let open: number | null = null;
        for (const child of node.children) {
          if (phrasing && child.type === 'html' && /^<(script|style)\b/i.test(child.value)) {
            open ??= child.position!.start.offset!;
          }
          if (
            phrasing &&
            child.type === 'html' &&
            /^<\/(script|style)\s*>$/i.test(child.value) &&
            open !== null
          ) {
            ranges.push([open, child.position!.end.offset!]);
            open = null;
          }
          visit(child);
        }
        if (open !== null) ranges.push([open, node.position!.end.offset!]);
      }
    };
    visit(tree);
    return ranges;
  }

  it.each(payloads)('never shows raw HTML as text: $id', ({ html }) => {
    // An unterminated HTML block (`<!--`, `<?`) runs to the end in CommonMark; the front end
    // reads on past its first blank line, so the prose after it survives.
    const source = `A paragraph of prose before the payload.\n\n${html}\n\n# Title ${html}\n\nAnd a paragraph after it.\n`;
    const doc = markdownDocument(source);
    expect(documentProblems(doc)).toEqual([]);
    expect(texts(doc)).toContain('A paragraph of prose before the payload.');
    const ranges = htmlRanges(source);
    for (const block of doc.blocks) {
      for (const s of block.spans) {
        for (const [a, z] of ranges) {
          expect(s.source + s.sourceLength <= a || s.source >= z).toBe(true);
        }
      }
    }
  });
});

describe('markdownDocument on the fuzzed clip of words and stray brackets', () => {
  // A small version of the fuzz counterexample (bench/results/fuzz.md): words with runs of
  // `&#` and of `]`. Its 133 KB original took 1.7 s in the parser, since GFM's footnote
  // construct walked back over the whole paragraph on each `]` (now linear: gfm-linear.ts).
  const words = (n: number): string => 'word '.repeat(n);
  const prose = `${words(60)}${'&#'.repeat(100)}${words(400)}${']'.repeat(500)} ${words(200)}${'&#'.repeat(40)}end`;
  const source = `${prose} and a call![^1]\n\n[^1]: The note.\n\nCopyright 2024 Example Press. All rights reserved.\n`;

  it('keeps every word, `&#` and `]` as text, mapped to the source, and the notice verbatim', () => {
    const doc = markdownDocument(source);
    expect(kinds(doc)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(texts(doc)).toEqual([
      `${prose} and a call!`,
      'The note.',
      'Copyright 2024 Example Press. All rights reserved.',
    ]);
    expect(documentProblems(doc)).toEqual([]);
    const first = doc.blocks[0]!;
    const range = sourceRangeOf(first, 0, prose.length);
    expect(source.slice(range.start, range.end)).toBe(prose);
  });
});

describe('markdownDocument keeps its promises on any input', () => {
  const check = (source: string): void => {
    const doc = markdownDocument(source);
    expect(doc.source).toBe(source);
    expect(documentProblems(doc)).toEqual([]);
  };

  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 300 });
  });

  it('on random Markdown-like strings', () => {
    fc.assert(fc.property(markdownish, check), { numRuns: 600 });
  });

  it('on mutations of the reference article and of a clip', () => {
    fc.assert(fc.property(mutations(REFERENCE), check), { numRuns: 60 });
    fc.assert(fc.property(mutations(OBSIDIAN), check), { numRuns: 60 });
  });

  it('reads input nested too deeply for the parser as plain text instead of hanging', () => {
    let indented = '';
    for (let i = 0; i < 150; i++) indented += '  '.repeat(i) + '- x\n';
    for (const source of ['> '.repeat(40_000) + 'deep', '- '.repeat(12_000) + 'x', indented]) {
      expect(nestsTooDeep(source)).toBe(true);
      const doc = markdownDocument(source);
      expect(doc.format).toBe('markdown');
      expect(documentProblems(doc)).toEqual([]);
    }
  });

  it('still parses realistic nesting', () => {
    let nested = '';
    for (let i = 0; i < 20; i++) nested += '  '.repeat(i) + `- level ${i}\n`;
    expect(nestsTooDeep(nested)).toBe(false);
    expect(nestsTooDeep('> > > quoted\n\n' + ' '.repeat(500) + 'indented text')).toBe(false);
    const list = markdownDocument(nested).blocks[0]!;
    expect(list.kind).toBe('list');
    expect(list.items!.map((i) => i.depth)).toEqual([...Array(20).keys()]);
  });
});
