import { beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import type { ParsedArticle } from '../article/model.ts';
import { createCitationEngine } from '../citation/index.ts';
import { importArticle } from '../import/import-article.ts';
import { CSL_RESOURCES, nodeSha256, readFixtureBytes, sha256Hex } from '../testing/fixtures.ts';
import { buildExcerpt } from './build.ts';
import { displayText } from './display-text.ts';
import { excerptsToDocx } from './docx.ts';
import type { ExcerptDocument, ExcerptNotice } from './types.ts';

const engine = createCitationEngine(CSL_RESOURCES);
const FILE = '000_bfa7ac14e5553cb7.txt';
const QUOTE = 'the central government controls only about 56-57% of Afghanistan';
const NOTE = 'Compare <b>SIGAR</b> Q3 & "Long War Journal" figures';
const MULTILINE_TEXT = '  Licence: CC BY 4.0\r\n\r\nhttps://creativecommons.org/licenses/by/4.0/';
const MULTILINE: ExcerptNotice = {
  kind: 'licence',
  display: 'Licence: CC BY 4.0 https://creativecommons.org/licenses/by/4.0/',
  text: MULTILINE_TEXT,
  sha256: sha256Hex(MULTILINE_TEXT),
};

let article: ParsedArticle;
let doc: ExcerptDocument;
let raw: string;

/** Word's paragraphs come back separated by blank lines: one newline per break, as typed. */
const paragraphsAsLines = (text: string): string => text.replace(/\n\n/gu, '\n');

async function docxText(document: ExcerptDocument): Promise<string> {
  const bytes = await excerptsToDocx(document);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return paragraphsAsLines(value);
}

beforeAll(async () => {
  article = await importArticle(readFixtureBytes(FILE), { fileName: FILE }, { sha256: nodeSha256 });
  const options = { style: 'apa', sha256: nodeSha256, sourceId: FILE };
  const one = await buildExcerpt(article, engine, { quote: QUOTE }, { ...options, note: NOTE });
  const display = displayText(article.body);
  const two = await buildExcerpt(
    article,
    engine,
    { start: display.starts[3]!, end: display.starts[5]! },
    options,
  );
  const source = { ...one.source, notices: [...one.source.notices, MULTILINE] };
  doc = {
    style: { id: 'apa', title: 'APA 7' },
    excerpts: [
      { ...one, source },
      { ...two, source },
    ],
    created: '2025-05-01T10:00:00.000Z',
  };
  raw = await docxText(doc);
});

describe('excerptsToDocx, read back with mammoth', () => {
  it('is a zip (Office Open XML) file', async () => {
    const bytes = await excerptsToDocx(doc);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // "PK"
  });

  it('holds the quote followed by its in-text citation', () => {
    expect(raw).toContain(`“${QUOTE}” (South Front, 2018, para. 5)`);
  });

  it('quotes a two-paragraph excerpt as two paragraphs', () => {
    const [p4, p5] = [article.body[3]!.text, article.body[4]!.text];
    expect(raw).toContain(`“${p4}\n“${p5}” (South Front, 2018, paras. 4–5)`);
  });

  it('holds the note as typed, the reference and both hashes', () => {
    expect(raw).toContain(`Note: ${NOTE}`);
    expect(raw).toContain(`Reference: ${engine.reference(article, 'apa', 'text')}`);
    expect(raw).toContain(`Quote SHA-256: ${sha256Hex(QUOTE)}`);
    expect(raw).toContain(`Source SHA-256: ${article.source.sha256}`);
  });

  it("holds every notice's exact text, line breaks and leading blanks included", () => {
    for (const n of [...article.rights, MULTILINE]) {
      expect(raw).toContain(n.text.replace(/\r\n?/gu, '\n'));
      expect(raw).toContain(n.display);
    }
  });

  it('keeps the italics of the APA reference', async () => {
    const bytes = await excerptsToDocx(doc);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toContain('<em>Video: Taliban pushes back against ISIS expansion in Afghanistan.');
  });

  it('writes a file even when a notice holds characters XML cannot carry', async () => {
    const control = { ...MULTILINE, text: 'Copyright\u0007 2018\u000c' };
    const source = { ...doc.excerpts[0]!.source, notices: [control] };
    const text = await docxText({ ...doc, excerpts: [{ ...doc.excerpts[0]!, source }] });
    expect(text).toContain('Copyright\ufffd 2018\ufffd');
  });
});
