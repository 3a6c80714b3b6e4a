// Test support only (not shipped): the articles of a realistic library, in the record shape each
// past schema version stored. Read through the current importer once, then cut down to the frozen
// record types of migrations.ts, so a field a later version added never leaks into an older
// library (where today's types would hide the difference).
import type { CapturedImage, ParsedArticle } from '../../src-core/article/model.ts';
import { importArticle } from '../../src-core/import/import-article.ts';
import { withLibraryCitekeys } from '../../src-core/citation/library-keys.ts';
import referenceText from '../../src-core/test-fixtures/000_bfa7ac14e5553cb7.txt?raw';
import insectsText from '../../src-core/test-fixtures/markdown/obsidian-web-clipper.md?raw';
import substackText from '../../src-core/test-fixtures/markdown/substack-post.md?raw';
import ccBlogText from '../../src-core/test-fixtures/articles/blog-cc-licence.md?raw';
import twoAuthorsText from '../../src-core/test-fixtures/articles/print-view-two-authors.txt?raw';
import { sha256 } from '../host/sha256.ts';
import type {
  ArticleRecordV1,
  ArticleRecordV2,
  ArticleRecordV3,
  ArticleRecordV4,
  ParagraphV1,
} from './migrations.ts';
import type { ArticleRecord, ImageRecord, SourceRecord } from './records.ts';

/** One article of the sample library: its bytes, what the importer read, and library facts. */
export interface SampleArticle {
  id: string;
  bytes: Uint8Array;
  parsed: ParsedArticle;
  addedAt: number;
  updatedAt: number;
  tags: string[];
  /** What the 3 → 4 upgrade must derive from `csl.URL` (written out, not computed). */
  canonicalUrl: string | null;
}

/** A long field report: more paragraphs than one body chunk holds, and a disclaimer at its end. */
function longReport(): string {
  const lines = ['# Field notes from the Orkney seabird count, 1990 to 2023', ''];
  lines.push('By Morag Flett, Orkney Seabird Group, 4 March 2024', '');
  for (let i = 1; i <= 1_150; i++) {
    lines.push(
      `Entry ${i}: on transect ${(i % 37) + 1} we counted ${(i * 7) % 113} fulmars and ` +
        `${(i * 11) % 71} kittiwakes; the wind was ${['calm', 'fresh', 'strong'][i % 3]}.`,
      '',
    );
    if (i % 400 === 0) lines.push(`## Season ${i / 400}`, '');
  }
  lines.push(
    'Disclaimer: the counts above are provisional and were not reviewed by the survey board.',
  );
  return `${lines.join('\n')}\n`;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 9, 30);

/** The sample library, oldest first: varied formats, rights notices, headings, lists, tables. */
const SOURCES = [
  {
    id: 'a-reference',
    fileName: '000_bfa7ac14e5553cb7.txt',
    text: referenceText,
    url: 'https://www.globalresearch.ca/video-taliban-isis/5650000?utm_source=rss&utm_medium=rss',
    canonicalUrl: 'https://www.globalresearch.ca/video-taliban-isis/5650000',
    tags: ['afghanistan', 'Military'],
    addedAt: day(2023, 6, 1),
  },
  {
    id: 'b-insects',
    fileName: 'insect-decline.md',
    text: insectsText,
    url: 'https://www.example-magazine.com/2023/10/insect-decline#top',
    canonicalUrl: 'https://www.example-magazine.com/2023/10/insect-decline',
    tags: ['ecology'],
    addedAt: day(2023, 7, 14),
  },
  {
    id: 'c-cc-blog',
    fileName: 'urban-heat.md',
    text: ccBlogText,
    url: null,
    canonicalUrl: null,
    tags: [],
    addedAt: day(2023, 8, 2),
  },
  {
    id: 'd-two-authors',
    fileName: 'economic-crisis.txt',
    text: twoAuthorsText,
    url: 'HTTPS://WWW.GlobalResearch.ca:443/economic-crisis-deepens/5705184?fbclid=x',
    canonicalUrl: 'https://www.globalresearch.ca/economic-crisis-deepens/5705184',
    tags: ['Économie', 'europe'],
    addedAt: day(2023, 9, 20),
  },
  {
    id: 'e-substack',
    fileName: 'substack-post.md',
    text: substackText,
    url: 'ftp://mirror.example.org/substack-post.md',
    canonicalUrl: null,
    tags: [],
    addedAt: day(2023, 11, 5),
  },
  {
    id: 'f-seabirds',
    fileName: 'seabird-count.md',
    text: longReport(),
    url: 'https://orkney-seabirds.example.org/reports/2023',
    canonicalUrl: 'https://orkney-seabirds.example.org/reports/2023',
    tags: ['birds', 'long read'],
    addedAt: day(2024, 1, 9),
  },
  {
    // The reference article again, saved later from a mirror: same readable citation key.
    id: 'g-reference-mirror',
    fileName: 'taliban-mirror.txt',
    text: `${referenceText}\nMirrored for the reading group.\n`,
    url: 'https://mirror.example.net/taliban',
    canonicalUrl: 'https://mirror.example.net/taliban',
    tags: ['afghanistan'],
    addedAt: day(2024, 2, 29),
  },
] as const;

/** The importer's reading, done once per test file (a few seconds on a busy machine). */
let read: Promise<SampleArticle[]> | null = null;

/** The sample library, oldest first (fresh copies each call, so tests may change them). */
export async function sampleArticles(): Promise<SampleArticle[]> {
  read ??= readSamples();
  return structuredClone(await read);
}

function readSamples(): Promise<SampleArticle[]> {
  return Promise.all(
    SOURCES.map(async (s) => {
      const bytes = utf8(s.text);
      const parsed = await importArticle(bytes, { fileName: s.fileName }, { sha256 });
      // The address it was saved from, as the metadata editor or a URL capture writes it.
      if (s.url) parsed.csl = { ...parsed.csl, URL: s.url };
      return {
        id: s.id,
        bytes,
        parsed,
        addedAt: s.addedAt,
        updatedAt: s.addedAt + 60_000,
        tags: [...s.tags],
        canonicalUrl: s.canonicalUrl,
      };
    }),
  );
}

export const sourceRecord = (a: SampleArticle): SourceRecord => ({
  sha256: a.parsed.source.sha256,
  bytes: a.bytes.slice(),
  mediaType: a.parsed.source.mediaType,
  fileName: a.parsed.source.fileName,
  byteLength: a.bytes.byteLength,
  addedAt: a.addedAt,
});

/** Schema 1 (Foundation parser): three paragraph kinds, no headings, spans, images or display. */
export function articleV1(a: SampleArticle): ArticleRecordV1 {
  const { csl, originalSource, keywords, body, rights, source, gaps } = structuredClone(a.parsed);
  const kinds = new Set<string>(['prose', 'blockquote', 'list']);
  return {
    id: a.id,
    csl,
    originalSource,
    keywords,
    body: body.map(({ n, id, text, start, end, kind }): ParagraphV1 => ({
      n,
      id,
      text,
      start,
      end,
      kind: kinds.has(kind) ? (kind as ParagraphV1['kind']) : 'prose',
    })),
    rights: rights.map(({ kind, text, start, end, sha256 }) => ({
      kind,
      text,
      start,
      end,
      sha256,
    })),
    source,
    gaps,
    tags: [...a.tags],
    addedAt: a.addedAt,
    updatedAt: a.updatedAt,
  };
}

/** Schema 2 (capture engine, parser version 2): headings, spans, notice display; no images. */
export function articleV2(a: SampleArticle): ArticleRecordV2 {
  const { images: _none, ...parsed } = structuredClone(a.parsed);
  return {
    ...parsed,
    parserVersion: 2,
    id: a.id,
    tags: [...a.tags],
    addedAt: a.addedAt,
    updatedAt: a.updatedAt,
  };
}

/** The citation key the user typed for the insects article (so it is fixed). */
export const FIXED_CITEKEY = 'Kowalska:insects-2023';
/** Titles the user cased by hand, by article and style. */
export const TITLE_OVERRIDES: Record<string, Record<string, string>> = {
  'a-reference': { apa: 'Video: Taliban pushes back against ISIS expansion in Afghanistan' },
  'd-two-authors': { bibtex: 'The {Economic} Crisis Deepens', mla: 'The Economic Crisis Deepens' },
};

/** Schema 3 (citation engine): keys as the app gave them at import, oldest first. */
export function articlesV3(samples: readonly SampleArticle[]): ArticleRecordV3[] {
  const records = samples.map((a) => ({
    ...articleV2(a),
    citekey: a.id === 'b-insects' ? FIXED_CITEKEY : undefined,
    citekeyFixed: a.id === 'b-insects',
    titleOverrides: structuredClone(TITLE_OVERRIDES[a.id] ?? {}),
  }));
  return withLibraryCitekeys(records);
}

/** Schema 4 (capture in the app, parser version 3): images and the canonical URL. */
export function articlesV4(samples: readonly SampleArticle[]): ArticleRecordV4[] {
  return articlesV3(samples).map((r, i) => {
    const a = samples[i]!;
    return {
      ...r,
      parserVersion: 3,
      images: structuredClone(a.parsed.images),
      canonicalUrl: a.canonicalUrl,
    };
  });
}

/** The collections of the sample library (schema 5): nested under "Research". */
export const COLLECTIONS = [
  { id: 'col-research', name: 'Research', parentId: null, addedAt: day(2024, 3, 1) },
  {
    id: 'col-insects',
    name: 'Insects & pollinators',
    parentId: 'col-research',
    addedAt: day(2024, 3, 1) + 1,
  },
  { id: 'col-europe', name: 'Europe', parentId: 'col-research', addedAt: day(2024, 3, 2) },
  { id: 'col-crisis', name: '2020 crisis', parentId: 'col-europe', addedAt: day(2024, 3, 3) },
  { id: 'col-reading', name: 'To read', parentId: null, addedAt: day(2024, 3, 4) },
];

const MEMBERSHIP: Record<string, string[]> = {
  'a-reference': ['col-reading'],
  'b-insects': ['col-research', 'col-insects'],
  'd-two-authors': ['col-crisis', 'col-reading'],
  'f-seabirds': ['col-research'],
};

/** Schema 5 (library and search): collections on articles; tags as the user typed them. */
export function articlesV5(samples: readonly SampleArticle[]): ArticleRecord[] {
  return articlesV4(samples).map((r) => ({
    ...r,
    tags: r.id === 'c-cc-blog' ? ['open data'] : r.tags,
    collections: [...(MEMBERSHIP[r.id] ?? [])],
  }));
}

/** A small raster image's bytes (a PNG signature and header, then filler). */
function pngBytes(seed: number): Uint8Array {
  const bytes = new Uint8Array(96);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  for (let i = 16; i < bytes.length; i++) bytes[i] = (i * 31 + seed * 17) & 0xff;
  return bytes;
}

/** The offline copies of an article's images (schema 4 on), as the importer stores them. */
export async function imageRecords(
  articleId: string,
  images: readonly CapturedImage[],
  addedAt: number,
): Promise<ImageRecord[]> {
  return Promise.all(
    images.map(async (image, i) => {
      const bytes = pngBytes(i + articleId.length);
      return {
        key: `${articleId}:${image.id}`,
        articleId,
        imageId: image.id,
        src: image.src,
        mediaType: 'image/png' as const,
        bytes,
        sha256: await sha256(bytes),
        byteLength: bytes.byteLength,
        addedAt,
      };
    }),
  );
}
