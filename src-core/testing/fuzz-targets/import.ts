import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ParsedArticle } from '../../article/model.ts';
import { parseHtmlWithLinkedom } from '../../article/html/linkedom-parser.ts';
import { sanitizeParsedPage } from '../../article/html/sanitize-dom.ts';
import { decodeSourceText } from '../../import/decode.ts';
import { importArticle, ImportError, type ImportOptions } from '../../import/import-article.ts';
import { markdownish } from '../arbitraries.ts';
import { nodeSha256, sha256Hex } from '../fixtures.ts';
import {
  fixtureSeeds,
  fuzzBytes,
  garbageBytes,
  pieces,
  referenceSeed,
  sharedCorpusPages,
  xssPageSeeds,
  type FuzzTarget,
} from '../fuzz.ts';

// Fuzz targets: the whole import path (decode, sniff, capture, seal the notices) as the app's
// capture worker runs it, with the linkedom parser and the worker's sanitizer.

const deps = { sha256: nodeSha256, parseHtml: parseHtmlWithLinkedom, sanitize: sanitizeParsedPage };
const refusal = { name: 'ImportError', is: (e: unknown) => e instanceof ImportError };

interface ImportCase {
  bytes: Uint8Array;
  options: ImportOptions;
}

/**
 * What holds for every article Quire accepts: it is no empty success (a title or a paragraph),
 * every paragraph shows text, every notice is the exact text of the decoded source at its range
 * and is sealed with that text's SHA-256, and the record describes the bytes it came from.
 */
export function checkImported(article: ParsedArticle, { bytes, options }: ImportCase): void {
  const { text } = decodeSourceText(bytes, options.fileName, {
    charset: options.charset ?? null,
    mediaType: options.mediaType ?? null,
  });
  assert.ok(article.body.length > 0 || article.csl.title?.trim(), 'an empty article was accepted');
  assert.equal(article.source.byteLength, bytes.length);
  for (const p of article.body) {
    assert.ok(p.text.trim(), `paragraph ${p.n} has no text`);
    assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `paragraph ${p.n} range`);
  }
  const numbers = article.body.map((p) => p.n);
  assert.deepEqual(
    numbers,
    [...numbers].sort((a, b) => a - b),
    'paragraph numbers out of order',
  );
  for (const n of article.rights) {
    assert.equal(n.text, text.slice(n.start, n.end), `${n.kind} notice is not verbatim`);
    assert.ok(n.text.trim(), `${n.kind} notice is blank`);
    assert.equal(n.sha256, sha256Hex(n.text), `${n.kind} notice's seal`);
  }
  if (article.csl.title !== undefined) assert.ok(article.csl.title.trim(), 'blank title');
}

const importTarget = (
  name: string,
  runs: number,
  input: fc.Arbitrary<ImportCase>,
  seedNote: string,
): FuzzTarget<ImportCase> => ({
  name,
  runs,
  input,
  seedNote,
  size: ({ bytes }) => bytes.length,
  call: ({ bytes, options }) => importArticle(bytes, options, deps),
  refusal,
  check: (article: ParsedArticle, input) => checkImported(article, input),
});

const named = (fileName: string) => (bytes: Uint8Array) => ({ bytes, options: { fileName } });

/** Lines plain-text copies are made of: headers, bylines, dates, notices, prose. */
const TEXT_PIECES = [
  'Title of the article\n',
  'By Jane Smith and John Doe\n',
  'South Front\n',
  'Global Research, August 15, 2018\n',
  '15 August 2018\n',
  'Copyright © 2018 Global Research. All rights reserved.\n',
  'Disclaimer: The contents of this article are the sole responsibility of the author.\n',
  'FAIR USE NOTICE: This site contains copyrighted material.\n',
  'This article was originally published on South Front.\n',
  'Licensed under CC BY 4.0.\n',
  'The harbour board met on Tuesday to decide the future of the old market. ',
  'word ',
  '\n',
  '\n\n',
  '\r\n',
  '    ',
  '\t',
  '* ',
  '1. ',
  '“',
  '”',
  '©',
  '(c)',
  '\u00a0',
  '\u0000',
  '\ufeff',
  'www.globalresearch.ca\n',
  'https://example.org/a\n',
  '[South Front](#)',
];

const TEXT_SEEDS = [referenceSeed(), ...fixtureSeeds('articles', ['.txt'])];
export const textImport = importTarget(
  'importArticle text/plain',
  120,
  fuzzBytes(TEXT_SEEDS, { grammar: pieces(TEXT_PIECES) }).map(named('article.txt')),
  `the reference article and ${TEXT_SEEDS.length - 1} text fixtures`,
);

const MARKDOWN_SEEDS = [
  ...fixtureSeeds('markdown', ['.md']),
  ...fixtureSeeds('articles', ['.md']),
  referenceSeed(),
];
export const markdownImport = importTarget(
  'importArticle text/markdown',
  120,
  fuzzBytes(MARKDOWN_SEEDS, { grammar: markdownish }).map(named('clip.md')),
  `${MARKDOWN_SEEDS.length - 1} Markdown fixtures and the reference article`,
);

/** Pieces of pages whose metadata (meta tags, JSON-LD, bylines) the HTML reader extracts. */
const HTML_PIECES = [
  '<!doctype html><html><head>',
  '<title>The harbour vote</title>',
  '<meta name="author" content="Jane Smith">',
  '<meta name="citation_author" content="Smith, Jane">',
  '<meta name="citation_publication_date" content="2021/02/31">',
  '<meta property="og:title" content="',
  '<meta property="article:published_time" content="2021-03-04T10:00:00Z">',
  '<meta property="og:site_name" content="Harbour Times">',
  '<meta name="dc.rights" content="© Harbour Times">',
  '<meta charset="shift_jis">',
  '<link rel="canonical" href="https://example.org/a">',
  '<script type="application/ld+json">',
  '{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","author":',
  '{"@type":"Person","name":',
  '[{"name":"A"},{"name":null},7,',
  '"datePublished":"2021-13-45"',
  '"@graph":[',
  '}',
  ']',
  '</script>',
  '</head><body>',
  '<article>',
  '</article>',
  '<h1>',
  '</h1>',
  '<p>',
  '</p>',
  '<p class="byline">By <a rel="author" href="/jane">Jane Smith</a></p>',
  '<time datetime="2021-03-04">4 March 2021</time>',
  '<footer><p>© 2021 Harbour Times. All rights reserved.</p></footer>',
  '<div>',
  '</div>',
  '<img src="data:image/png;base64,AAAA" alt="x">',
  '<img srcset="a.jpg 1x, b.jpg 2x">',
  '<a href="javascript:alert(1)">',
  '</a>',
  '<svg><script>alert(1)</script></svg>',
  '<template>',
  '<!--',
  '-->',
  'The harbour board met on Tuesday to decide the future of the old market. ',
  '&copy;',
  '&#0;',
  '&#xD800;',
  '"',
  '<',
  '>',
  ' ',
  '\n',
];

const corpus = sharedCorpusPages();
const HTML_SEEDS = [
  ...fixtureSeeds('html', ['.html']),
  ...fixtureSeeds('pages', ['.html']),
  ...xssPageSeeds(20),
  ...corpus.pages,
];
/** Options an HTML page arrives with: a saved file, or a fetch with its server's declarations. */
const htmlOptions: fc.Arbitrary<ImportOptions> = fc.record({
  fileName: fc.constantFrom('page.html', 'page.htm', 'index', null, 'page.txt'),
  url: fc.constantFrom(null, 'https://example.org/news/2021/harbour.html', 'http://127.0.0.1/x'),
  charset: fc.constantFrom(
    null,
    'utf-8',
    'iso-8859-1',
    'shift_jis',
    'utf-16le',
    'none',
    'x-user-defined',
  ),
  mediaType: fc.constantFrom(null, 'text/html', 'text/plain', 'application/xhtml+xml'),
});
export const htmlImport = importTarget(
  'importArticle text/html',
  60,
  fc.record({
    bytes: fuzzBytes(HTML_SEEDS, { grammar: pieces(HTML_PIECES) }),
    options: htmlOptions,
  }),
  `${HTML_SEEDS.length - corpus.pages.length} HTML fixtures and XSS pages; ${corpus.note}`,
);

/** Real binary files of the project (screenshots), cut at random and with random bytes changed. */
function binaryFiles(): fc.Arbitrary<Uint8Array> {
  const dir = join(import.meta.dirname, '../../../docs/screenshots');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.png'))
    .sort()
    .slice(0, 4)
    .map((name) => new Uint8Array(readFileSync(join(dir, name))).subarray(0, 64 * 1024));
  return fc
    .tuple(
      fc.constantFrom(...files),
      fc.nat(),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 8 }),
    )
    .map(([file, cut, flips]) => {
      // The first 16 bytes (signature and header length, with its NULs) are kept: a file cut or
      // changed there may really be text.
      const bytes = file.slice(0, 16 + (cut % (file.length - 15)));
      for (const [at, mask] of flips) {
        const i = 16 + (at % Math.max(1, bytes.length - 16));
        if (i < bytes.length) bytes[i] = bytes[i]! ^ mask;
      }
      return bytes;
    });
}

export const garbageImport: FuzzTarget<ImportCase> = {
  name: 'importArticle garbage',
  runs: 300,
  input: fc.record({
    bytes: fc.oneof(garbageBytes(), binaryFiles()),
    options: fc.record({
      fileName: fc.constantFrom('article.txt', 'clip.md', 'page.html', null, 'photo.png'),
    }),
  }),
  seedNote: 'random bytes, binary headers, blank and NUL files, the project screenshots',
  size: ({ bytes }) => bytes.length,
  call: ({ bytes, options }) => importArticle(bytes, options, deps),
  refusal,
  expect: 'refusal',
};
