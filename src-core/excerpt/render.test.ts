import { beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { ParsedArticle } from '../article/model.ts';
import { createCitationEngine } from '../citation/index.ts';
import { importArticle } from '../import/import-article.ts';
import { CSL_RESOURCES, nodeSha256, readFixtureBytes, sha256Hex } from '../testing/fixtures.ts';
import { buildExcerpt, buildExcerptSource } from './build.ts';
import { displayText } from './display-text.ts';
import { renderExcerpts } from './render.ts';
import type { Excerpt, ExcerptDocument, ExcerptNotice } from './types.ts';

const engine = createCitationEngine(CSL_RESOURCES);
const FILE = '000_bfa7ac14e5553cb7.txt';
const QUOTE = 'the central government controls only about 56-57% of Afghanistan';
const HOSTILE =
  '<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))\n- *not* a list';
/** A notice with what breaks naive output: CRLF, blanks at the ends, backticks, markup. */
const TRICKY_TEXT =
  '  Licence: CC BY 4.0 ``` <b>see</b>\r\nhttps://creativecommons.org/licenses/by/4.0/\n';
const TRICKY: ExcerptNotice = {
  kind: 'licence',
  display: 'Licence: CC BY 4.0 ``` <b>see</b>',
  text: TRICKY_TEXT,
  sha256: sha256Hex(TRICKY_TEXT),
};

let article: ParsedArticle;
let one: Excerpt;
let two: Excerpt;
let doc: ExcerptDocument;

beforeAll(async () => {
  article = await importArticle(readFixtureBytes(FILE), { fileName: FILE }, { sha256: nodeSha256 });
  const options = { style: 'apa', sha256: nodeSha256, sourceId: FILE };
  one = await buildExcerpt(
    article,
    engine,
    { quote: QUOTE },
    { ...options, note: HOSTILE, tags: ['SIGAR', 'a_b'] },
  );
  const display = displayText(article.body);
  two = await buildExcerpt(
    article,
    engine,
    { start: display.starts[3]!, end: display.starts[5]! },
    options,
  );
  doc = {
    style: { id: 'apa', title: 'APA 7' },
    excerpts: [one, two],
    created: '2025-05-01T10:00:00.000Z',
  };
});

/** As the acceptance checker compares: no emphasis marks, straight quotes, one space. */
const norm = (s: string): string =>
  s
    .replace(/[*_]/gu, '')
    .replace(/[“”]/gu, '"')
    .replace(/[‘’]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();

describe('text', () => {
  it('puts the citation right after the quoted words', () => {
    expect(renderExcerpts(doc, 'text')).toContain(`“${QUOTE}” (South Front, 2018, para. 5)\n`);
  });

  it('holds the quote, citation, note, tags, reference, hashes and every notice exactly', () => {
    const text = renderExcerpts(doc, 'text');
    expect(text).toContain(`Note: ${HOSTILE}\n`);
    expect(text).toContain('Tags: SIGAR, a_b\n');
    expect(text).toContain(`Reference: ${engine.reference(article, 'apa', 'text')}\n`);
    expect(text).toContain(`Quote SHA-256: ${sha256Hex(QUOTE)}\n`);
    expect(text).toContain(`Source SHA-256: ${article.source.sha256}\n`);
    for (const notice of article.rights) {
      expect(text).toContain(notice.text);
      expect(text).toContain(notice.display);
      expect(text).toContain(notice.sha256);
    }
    expect(norm(text)).toContain(norm(`"${QUOTE}" (South Front, 2018, para. 5)`));
  });

  it('labels a notice whose source text differs from what the reader shows', () => {
    const copyright = article.rights.find((n) => n.kind === 'copyright')!;
    expect(copyright.text).not.toBe(copyright.display);
    expect(renderExcerpts(doc, 'text')).toContain(
      `Copyright:\n${copyright.display}\nExact text in the source:\n${copyright.text}\n`,
    );
  });

  it('quotes each paragraph of a two-paragraph quote on its own, one closing mark', () => {
    const [p4, p5] = [article.body[3]!.text, article.body[4]!.text];
    expect(renderExcerpts(doc, 'text')).toContain(
      `“${p4}\n\n“${p5}” (South Front, 2018, paras. 4–5)\n`,
    );
  });

  it('groups excerpts by source in order of first appearance, each source closed by its reference', () => {
    const other = { ...one, source: buildExcerptSource(article, engine, 'apa', 'copy.txt') };
    const text = renderExcerpts({ ...doc, excerpts: [one, other, two] }, 'text');
    const at = (s: string, from = 0): number => text.indexOf(s, from);
    const firstReference = at('Reference:');
    // A's second excerpt comes before A's reference; B's excerpt after it.
    expect(at(`“${QUOTE}`)).toBeLessThan(at(`“${article.body[3]!.text}`));
    expect(at(`“${article.body[3]!.text}`)).toBeLessThan(firstReference);
    expect(at(`“${QUOTE}`, firstReference)).toBeGreaterThan(firstReference);
    expect(text.split('Reference:')).toHaveLength(3);
    expect(text.split(`Source SHA-256: ${article.source.sha256}`)).toHaveLength(3);
  });
});

/** Every node of a Markdown tree, depth first. */
function nodes(tree: Nodes): Nodes[] {
  return [tree, ...('children' in tree ? tree.children.flatMap((c) => nodes(c)) : [])];
}
const parseMarkdown = (md: string): Root =>
  fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

describe('Markdown', () => {
  const withTricky = (): ExcerptDocument => ({
    ...doc,
    excerpts: [
      { ...one, source: { ...one.source, notices: [...one.source.notices, TRICKY] } },
      two,
    ],
  });

  it('quotes in a blockquote with the citation on its last line', () => {
    const md = renderExcerpts(doc, 'markdown');
    expect(md).toContain(`> “${QUOTE}” (South Front, 2018, para. 5)\n`);
    const quotes = nodes(parseMarkdown(md)).filter((n) => n.type === 'blockquote');
    expect(quotes).toHaveLength(2);
    expect(quotes[1]!.children).toHaveLength(2);
  });

  it('keeps a hostile note as text: no HTML, no link, no list', () => {
    const tree = parseMarkdown(renderExcerpts(doc, 'markdown'));
    const types = new Set(nodes(tree).map((n) => n.type));
    for (const type of ['html', 'link', 'list']) expect(types.has(type as never)).toBe(false);
    const note = tree.children.find(
      (n) =>
        n.type === 'paragraph' &&
        nodes(n).some((c) => c.type === 'text' && c.value.startsWith(' <script>')),
    );
    expect(new Set(nodes(note!).map((n) => n.type))).toEqual(
      new Set(['paragraph', 'strong', 'text', 'break']),
    );
    const text = nodes(note!).map((n) =>
      n.type === 'text' ? n.value : n.type === 'break' ? '\n' : '',
    );
    expect(text.join('')).toBe(`Note: ${HOSTILE}`);
  });

  it("puts each notice's exact text in a fenced block that gives it back byte for byte", () => {
    const code = nodes(parseMarkdown(renderExcerpts(withTricky(), 'markdown')))
      .filter((n) => n.type === 'code')
      .map((n) => (n.type === 'code' ? n.value : ''));
    for (const n of [...article.rights, TRICKY]) expect(code).toContain(n.text);
    expect(renderExcerpts(withTricky(), 'markdown')).toContain(
      `\`\`\`\`text\n${TRICKY_TEXT}\n\`\`\`\`\n`,
    );
  });
});

describe('HTML', () => {
  const parse = (html: string) =>
    parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;

  it('is one fragment without script, image, handler or link', () => {
    const html = renderExcerpts(doc, 'html');
    const document = parse(html);
    expect(document.body.children).toHaveLength(1);
    expect(document.querySelectorAll('script, img, a, iframe, style, link')).toHaveLength(0);
    for (const el of document.querySelectorAll('*'))
      expect(el.getAttributeNames().filter((a: string) => a.startsWith('on'))).toEqual([]);
    expect(html).not.toMatch(/<script|<img/iu);
  });

  it('shows the hostile note as its own text', () => {
    const note = [...parse(renderExcerpts(doc, 'html')).querySelectorAll('p')].find((p) =>
      p.textContent?.startsWith('Note:'),
    );
    expect(note?.textContent).toBe(`Note: ${HOSTILE}`);
  });

  it("gives back every notice's display and exact text byte for byte, CRLF included", () => {
    const tricky = { ...doc, excerpts: [{ ...one, source: { ...one.source, notices: [TRICKY] } }] };
    const document = parse(renderExcerpts(tricky, 'html'));
    expect(document.querySelector('.notice')?.textContent).toBe(TRICKY.display);
    expect(document.querySelector('.notice-source')?.textContent).toBe(TRICKY_TEXT);
    const all = parse(renderExcerpts(doc, 'html'));
    const shown = [...all.querySelectorAll('.notice')].map((d) => d.textContent);
    const exact = [...all.querySelectorAll('.notice-source')].map((d) => d.textContent);
    expect(shown).toEqual(article.rights.map((n) => n.display));
    expect(exact).toEqual(article.rights.filter((n) => n.text !== n.display).map((n) => n.text));
  });

  it('cites in the quote block and keeps the reference italics', () => {
    const document = parse(renderExcerpts(doc, 'html'));
    expect(document.querySelector('blockquote p')?.textContent).toBe(
      `“${QUOTE}” (South Front, 2018, para. 5)`,
    );
    expect(document.querySelectorAll('blockquote')[1]?.querySelectorAll('p')).toHaveLength(2);
    expect(renderExcerpts(doc, 'html')).toContain(
      `<strong>Reference:</strong> ${engine.reference(article, 'apa', 'html')}`,
    );
  });
});

describe('hostile article data', () => {
  const TITLE = '<img src=x onerror=alert(1)> [t](javascript:x) Title ##';
  const AUTHOR = '<script>alert(2)</script> Org';
  const NOTICE = '<b>Copyright</b> [owner](javascript:alert(3)) <https://evil.example>';
  let hostile: ExcerptDocument;

  beforeAll(async () => {
    const notice: ExcerptNotice = {
      kind: 'copyright',
      display: NOTICE,
      text: NOTICE,
      sha256: sha256Hex(NOTICE),
    };
    const bad = {
      ...article,
      csl: { ...article.csl, title: TITLE, author: [{ literal: AUTHOR }] },
      rights: [{ ...article.rights[0]!, ...notice, start: 0, end: NOTICE.length }],
    };
    const options = { style: 'apa', sha256: nodeSha256, sourceId: 'bad' };
    const source = buildExcerptSource(bad, engine, 'apa', 'bad');
    const excerpt = await buildExcerpt(bad, engine, { quote: QUOTE }, { ...options, source });
    hostile = { style: { id: 'apa', title: 'APA 7' }, excerpts: [excerpt], created: 'now' };
  });

  it('keeps a title, author and notice that look like markup as text in Markdown', () => {
    const md = renderExcerpts(hostile, 'markdown');
    const types = new Set(nodes(parseMarkdown(md)).map((n) => n.type));
    for (const type of ['html', 'link', 'image']) expect(types.has(type as never)).toBe(false);
    const heading = nodes(parseMarkdown(md)).find((n) => n.type === 'heading' && n.depth === 2);
    expect(
      heading &&
        nodes(heading)
          .map((n) => (n.type === 'text' ? n.value : ''))
          .join(''),
    ).toBe(TITLE);
  });

  it('keeps them as text in HTML: no element, handler or link comes from the data', () => {
    const html = renderExcerpts(hostile, 'html');
    const document = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
    expect(document.querySelectorAll('script, img, a, iframe, style, link, b')).toHaveLength(0);
    for (const el of document.querySelectorAll('*'))
      expect(el.getAttributeNames().filter((a: string) => a.startsWith('on'))).toEqual([]);
    expect(document.querySelector('h2')?.textContent).toBe(TITLE);
    expect(document.querySelector('.notice')?.textContent).toBe(NOTICE);
    expect(document.body.textContent).toContain(AUTHOR);
  });

  it('prints them as they are in plain text', () => {
    const text = renderExcerpts(hostile, 'text');
    for (const s of [TITLE, AUTHOR, NOTICE]) expect(text).toContain(s);
  });
});
