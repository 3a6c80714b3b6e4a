/**
 * Synthetic library articles, the same for a given (seed, index): a plain-text article (title
 * line, byline, site and date, 8–15 paragraphs of about 1,000 words in all drawn from the Zipf
 * vocabulary, then one or two rights notices) and the ParsedArticle Quire would store for it,
 * with paragraph and notice offsets into that text and the SHA-256 of its exact bytes. Runs in
 * the browser page (and in Node for `--check`): no node:* imports, WebCrypto for hashes.
 */
import {
  PARSER_VERSION,
  type CslName,
  type Paragraph,
  type ParsedArticle,
  type RightsKind,
  type RightsNotice,
} from '../../src-core/article/model.ts';
import { prng } from '../cite/corpus.ts';
import {
  COLLOCATIONS,
  FAMILY,
  GIVEN,
  ORGANISATIONS,
  SITES,
  TAGS,
  vocabulary,
  type Site,
} from './vocabulary.ts';

type Random = () => number;
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const MONTHS =
  'January February March April May June July August September October November December';
const MONTH_NAMES = MONTHS.split(' ');

/** One 32-bit seed per (seed, index): articles can be made in any order, each on its own. */
export function articleSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The article before hashing: what the full scan and MiniSearch read. */
export interface ArticleText {
  index: number;
  text: string;
  title: string;
  authors: CslName[];
  site: Site;
  year: number;
  month: number;
  day: number;
  tags: string[];
  url: string;
  /** [start, end) of each body paragraph in `text`. */
  paragraphs: [number, number][];
  notices: { kind: RightsKind; start: number; end: number }[];
}

/** The first collocations are the most frequent (about one article in three at the top). */
const collocation = (r: Random) => COLLOCATIONS[Math.floor(r() * r() * COLLOCATIONS.length)]!;

function sentence(r: Random, name: () => string): string {
  const { sample } = vocabulary();
  const words: string[] = [];
  const length = int(r, 6, 24);
  while (words.length < length) {
    const x = r();
    if (x < 0.003) words.push(...collocation(r).split(' '));
    else if (x < 0.013) words.push(name());
    else if (x < 0.018) words.push(String(int(r, 1995, 2025)));
    else words.push(sample(r));
    if (words.length > 3 && words.length < length - 2 && r() < 0.06) words.push(`${words.pop()},`);
  }
  words[0] = capital(words[0]!);
  return `${words.join(' ')}.`;
}

function title(r: Random): string {
  const { content, sample } = vocabulary();
  const words: string[] = [];
  const length = int(r, 4, 10);
  while (words.length < length) {
    const x = r();
    if (x < 0.15) words.push(...collocation(r).split(' '));
    else if (x < 0.35 && words.length > 0) words.push(sample(r));
    else words.push(content(r));
  }
  return words.map((w, i) => (i === 0 || w.length > 3 ? capital(w) : w)).join(' ');
}

const personName = (r: Random): CslName => ({ given: pick(r, GIVEN), family: pick(r, FAMILY) });
const nameText = (n: CslName) => n.literal ?? `${n.given} ${n.family}`;

function notice(r: Random, site: Site, year: number): { kind: RightsKind; text: string }[] {
  const x = r();
  if (x < 0.55) {
    return [{ kind: 'copyright', text: `Copyright © ${year} ${site.title}. All rights reserved.` }];
  }
  if (x < 0.75) {
    const licence = pick(r, ['CC BY 4.0', 'CC BY-SA 4.0', 'CC BY-NC-ND 4.0']);
    return [
      {
        kind: 'licence',
        text: `This article is published under a Creative Commons licence (${licence}). You may republish it with credit to ${site.title}.`,
      },
    ];
  }
  if (x < 0.9) {
    return [
      { kind: 'copyright', text: `© ${year} ${site.title}` },
      {
        kind: 'fair-use',
        text: `This site contains copyrighted material the use of which has not always been specifically authorized by the copyright owner. We believe this constitutes a fair use of any such copyrighted material.`,
      },
    ];
  }
  return [
    { kind: 'copyright', text: `Copyright ${site.title} ${year}.` },
    {
      kind: 'disclaimer',
      text: `Disclaimer: the views expressed in this article are the author's own and do not necessarily reflect those of ${site.title}.`,
    },
  ];
}

/** The article's text and fields, without hashing (synchronous, cheap). */
export function composeArticle(seed: number, index: number): ArticleText {
  const r = prng(articleSeed(seed, index));
  const site = pick(r, SITES);
  const authors =
    r() < 0.15
      ? [{ literal: pick(r, ORGANISATIONS) }]
      : Array.from({ length: int(r, 1, r() < 0.8 ? 1 : 3) }, () => personName(r));
  const year = int(r, 1995, 2025);
  const month = int(r, 1, 12);
  const day = int(r, 1, 28);
  const tags = [...new Set(Array.from({ length: int(r, 1, 3) }, () => pick(r, TAGS)))];
  const heading = title(r);
  const slug = heading.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const url = `https://${site.host}/${year}/${String(month).padStart(2, '0')}/${slug}-${index}`;

  const names = [...authors.filter((a) => !a.literal), personName(r), personName(r)];
  const name = () => nameText(pick(r, names));
  const byline = authors.map(nameText).join(authors.length > 2 ? ', ' : ' and ');
  const date = `${day} ${MONTH_NAMES[month - 1]} ${year}`;
  let text = `${heading}\n\nBy ${byline}\n\n${site.title} · ${date}\n\n`;

  const count = int(r, 8, 15);
  const target = int(r, 850, 1150);
  const paragraphs: [number, number][] = [];
  for (let p = 0; p < count; p++) {
    const words = Math.max(20, Math.round((target / count) * (0.7 + 0.6 * r())));
    const sentences: string[] = [];
    let written = 0;
    while (written < words) {
      const s = sentence(r, name);
      sentences.push(s);
      written += s.split(' ').length;
    }
    const start = text.length;
    text += sentences.join(' ');
    paragraphs.push([start, text.length]);
    text += '\n\n';
  }
  const notices: ArticleText['notices'] = [];
  for (const { kind, text: line } of notice(r, site, year)) {
    const start = text.length;
    text += line;
    notices.push({ kind, start, end: text.length });
    text += '\n\n';
  }
  text = text.slice(0, -1);
  return {
    index,
    text,
    title: heading,
    authors,
    site,
    year,
    month,
    day,
    tags,
    url,
    paragraphs,
    notices,
  };
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** FNV-1a twice (two offsets): a cheap 16-hex-digit paragraph id from the text alone. */
function paragraphId(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return `p-${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

const encoder = new TextEncoder();

/** The ParsedArticle of an article text (hashes through WebCrypto). */
export async function parsedArticle(a: ArticleText): Promise<ParsedArticle> {
  const body: Paragraph[] = a.paragraphs.map(([start, end], i) => {
    const text = a.text.slice(start, end);
    const spans = [{ text: 0, textLength: text.length, source: start, sourceLength: text.length }];
    return { n: i + 1, id: paragraphId(text), text, start, end, kind: 'prose', spans };
  });
  const rights: RightsNotice[] = await Promise.all(
    a.notices.map(async ({ kind, start, end }) => {
      const text = a.text.slice(start, end);
      return {
        kind,
        text,
        start,
        end,
        sha256: await sha256Hex(encoder.encode(text)),
        display: text,
      };
    }),
  );
  const bytes = encoder.encode(a.text);
  return {
    parserVersion: PARSER_VERSION,
    csl: {
      id: `bench-${a.index}`,
      type: 'article-newspaper',
      title: a.title,
      author: a.authors,
      issued: { 'date-parts': [[a.year, a.month, a.day]] },
      'container-title': a.site.title,
      URL: a.url,
    },
    originalSource: null,
    keywords: a.tags,
    body,
    headings: [],
    images: [],
    rights,
    source: {
      sha256: await sha256Hex(bytes),
      mediaType: 'text/plain',
      byteLength: bytes.byteLength,
      fileName: `bench-${a.index}.txt`,
    },
    gaps: [],
  };
}

export interface GeneratedArticle {
  parsed: ParsedArticle;
  bytes: Uint8Array;
  /** The library's tags for it (also in `parsed.keywords`). */
  tags: string[];
}

/** Article `index` of the library made from `seed`. */
export async function generateArticle(seed: number, index: number): Promise<GeneratedArticle> {
  const a = composeArticle(seed, index);
  return { parsed: await parsedArticle(a), bytes: encoder.encode(a.text), tags: a.tags };
}
