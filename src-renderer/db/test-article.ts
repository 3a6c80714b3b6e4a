// Test support only (not shipped): builds a realistic ParsedArticle from the reference fixture.
// The fixture comes in through Vite's `?raw` import and hashes through WebCrypto: the renderer's
// tsconfig has no Node types and its lint rules forbid node:* imports, test files included.
import {
  PARSER_VERSION,
  type Paragraph,
  type ParsedArticle,
  type RightsKind,
  type RightsNotice,
} from '../../src-core/article/model.ts';
import { Dexie } from 'dexie';
import fixtureText from '../../src-core/test-fixtures/000_bfa7ac14e5553cb7.txt?raw';
import { openLibrary, type ArticleRecord, type Library } from './index.ts';
import type { ArticleRecordV1 } from './migrations.ts';
import { sha256 as webCryptoSha256 } from '../host/sha256.ts';

export { fixtureText };
/** The fixture is plain UTF-8 without a BOM, so encoding the text gives the file's bytes. */
export const fixtureBytes: Uint8Array = new TextEncoder().encode(fixtureText);

const hashText = (text: string) => webCryptoSha256(new TextEncoder().encode(text));

/** The range of the first line of the fixture that starts with `prefix`. */
function lineStarting(prefix: string): { start: number; end: number; text: string } {
  const start = fixtureText.indexOf(`\n${prefix}`) + 1;
  if (start === 0) throw new Error(`fixture has no line starting with ${prefix}`);
  const newline = fixtureText.indexOf('\n', start);
  const end = newline === -1 ? fixtureText.length : newline;
  return { start, end, text: fixtureText.slice(start, end) };
}

async function paragraph(n: number, prefix: string): Promise<Paragraph> {
  const { start, end, text } = lineStarting(prefix);
  const id = `p-${(await hashText(text)).slice(0, 16)}`;
  const spans = [{ text: 0, textLength: text.length, source: start, sourceLength: text.length }];
  return { n, id, text, start, end, kind: 'prose', spans };
}

async function notice(kind: RightsKind, prefix: string): Promise<RightsNotice> {
  const { start, end, text } = lineStarting(prefix);
  // What a reader sees: Markdown links by their labels.
  const display = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return { kind, text, start, end, sha256: await hashText(text), display };
}

// Computed once; referenceArticle() deep-copies them.
const BODY = await Promise.all([
  paragraph(1, 'ISIS has increased its efforts'),
  paragraph(2, 'According to available data'),
  paragraph(3, 'Over the past few months'),
]);
const RIGHTS = await Promise.all([
  notice('republication', 'The original source of this article is'),
  notice('copyright', 'Copyright ©'),
  notice('disclaimer', 'Disclaimer:'),
  notice('fair-use', 'www.globalresearch.ca contains copyrighted material'),
]);
const FIXTURE_SHA256 = await webCryptoSha256(fixtureBytes);

/** A fresh copy each call, so tests can mutate it freely. */
export function referenceArticle(): ParsedArticle {
  return {
    parserVersion: PARSER_VERSION,
    csl: {
      id: 'south-front-2018',
      type: 'article-newspaper',
      title:
        'Video: Taliban Pushes Back Against ISIS Expansion in Afghanistan. Increased US Troops Deployed',
      author: [{ literal: 'South Front' }],
      issued: { 'date-parts': [[2018, 8, 15]] },
      'container-title': 'Global Research',
    },
    originalSource: { name: 'South Front', url: null },
    keywords: ['Asia', 'Military and WMD', 'US NATO'],
    body: structuredClone(BODY),
    headings: [],
    images: [],
    rights: structuredClone(RIGHTS),
    source: {
      sha256: FIXTURE_SHA256,
      mediaType: 'text/plain',
      byteLength: fixtureBytes.byteLength,
      fileName: '000_bfa7ac14e5553cb7.txt',
    },
    gaps: [],
  };
}

/**
 * The reference article as the Foundation parser (parser version 1) stored it under schema
 * version 1: no parser version, headings, paragraph spans or notice display forms.
 */
export function referenceRecordV1(id = 'foundation-record'): ArticleRecordV1 {
  const { csl, originalSource, keywords, body, rights, source, gaps } = referenceArticle();
  return {
    id,
    csl,
    originalSource,
    keywords,
    body: body.map(({ n, id, text, start, end }) => ({ n, id, text, start, end, kind: 'prose' })),
    rights: rights.map(({ kind, text, start, end, sha256 }) => ({
      kind,
      text,
      start,
      end,
      sha256,
    })),
    source,
    gaps,
    tags: ['afghanistan'],
    addedAt: Date.UTC(2023, 5, 1),
    updatedAt: Date.UTC(2023, 5, 2),
  };
}

/** The citation fields of a stored record: a key of its own, not fixed, no hand-cased titles. */
export const CITATION_DEFAULTS = (id: string) => ({
  citekey: `key-${id}`,
  citekeyFixed: false,
  titleOverrides: {},
});

/** An article record (as the library stores it) from a parsed article. */
export function recordOf(parsed: ParsedArticle, id = 'record'): ArticleRecord {
  return {
    ...parsed,
    id,
    tags: [],
    collections: [],
    addedAt: 1,
    updatedAt: 1,
    ...CITATION_DEFAULTS(id),
    canonicalUrl: null,
  };
}

/** Another valid article: the fixture bytes with a trailing line, so it has its own hash. */
export async function variantArticle(
  label: string,
): Promise<{ parsed: ParsedArticle; bytes: Uint8Array }> {
  const bytes = new TextEncoder().encode(`${fixtureText}\n${label}\n`);
  const parsed = referenceArticle();
  parsed.csl.title = `${parsed.csl.title} (${label})`;
  parsed.source = {
    ...parsed.source,
    sha256: await webCryptoSha256(bytes),
    byteLength: bytes.byteLength,
  };
  return { parsed, bytes };
}

/** A database name no other test uses (delete it in afterEach). */
export const freshDbName = () => `quire-test-${crypto.randomUUID()}`;

/** A library on a fresh database with a clock that ticks one second per call. */
export function openTestLibrary(): Library {
  let clock = Date.UTC(2024, 0, 1);
  return openLibrary(freshDbName(), { now: () => (clock += 1000), sha256: webCryptoSha256 });
}

/** Closes and deletes the database, so no test sees another's data. */
export async function disposeLibrary(library: Library): Promise<void> {
  library.close();
  await Dexie.delete(library.db.name);
}
