// Test support only (not shipped): a realistic library of any size for backup tests and the
// benchmark. Every article is the reference article's bytes followed by generated paragraphs
// (so its rights notices still point at the right bytes), with its own hash; a few are long
// (several body chunks), some have images, many have tags, collections, annotations with
// notes and tags, some have hand-set citation keys or hand-cased titles; there are nested
// collections, a custom style and settings. Deterministic for a given seed.
import type { Paragraph, ParsedArticle } from '../../src-core/article/model.ts';
import type { CapturedImage } from '../../src-core/article/model.ts';
import type { StoredImage } from '../../src-core/capture/offline-images.ts';
import { describeSelection } from '../../src-core/excerpt/anchor.ts';
import { HIGHLIGHT_COLORS } from '../../src-core/excerpt/annotation.ts';
import { displayText } from '../../src-core/excerpt/display-text.ts';
import type { AnnotationTarget } from '../../src-core/excerpt/types.ts';
import { sha256 } from '../host/sha256.ts';
import type { AnnotationRecord, ArticleRecord, Library } from './index.ts';
import { citationKey, uniqueCitekey } from '../../src-core/citation/citation-key.ts';
import { changeTags } from '../../src-core/library/tags.ts';
import { canonicalUrl } from '../../src-core/text/canonical-url.ts';
import { bodyChunkRecords, storedHead } from './body-store.ts';
import { toSummary } from './summary.ts';
import { fixtureText, referenceArticle } from './test-article.ts';

export const TEST_STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Tiny Test Style</title><id>http://example.org/tiny</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>`;

/**
 * Where two records first differ (a path), or null: strict like toStrictEqual (same types,
 * keys, undefined fields, NaN, byte arrays byte for byte) but fast enough for a library's
 * hundreds of thousands of objects, and it names the place that differs.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path} (type)`;
  if (a instanceof Uint8Array) {
    const other = b as Uint8Array;
    if (a.length !== other.length) return `${path} (length)`;
    for (let i = 0; i < a.length; i++) if (a[i] !== other[i]) return `${path}[${i}]`;
    return null;
  }
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length || keys.some((k, i) => k !== otherKeys[i])) {
    // Same keys in the same order: a structured clone keeps the order.
    return `${path} (keys ${keys.join(',')} / ${otherKeys.join(',')})`;
  }
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found !== null) return found;
  }
  return null;
}

/** A small seeded generator (mulberry32): the same library every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [...new Set(fixtureText.toLowerCase().match(/[a-z]{3,}/g) ?? [])];
const TAGS = ['afghanistan', 'ISIS', 'Taliban', 'military', 'to read', 'Méthodes', 'cited'];
const FAMILIES = ['Smith', 'García', 'Nguyen', 'Okafor', 'Müller', 'Kowalski', 'Haddad'];
const SITES = ['Global Research', 'South Front', 'The Review', 'Le Monde diplomatique'];

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

function sentence(random: () => number, words: number): string {
  const text = Array.from({ length: words }, () => pick(random, WORDS)).join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** PNG-signed bytes (the writer stores them without deflating, like real pictures). */
function pictureBytes(random: () => number): Uint8Array {
  const bytes = new Uint8Array(1024 + Math.floor(random() * 4096));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

/** Article `i`: the reference article's text plus generated paragraphs and metadata. */
async function generatedArticle(
  i: number,
  random: () => number,
): Promise<{ parsed: ParsedArticle; bytes: Uint8Array; images: StoredImage[] }> {
  const parsed = referenceArticle();
  // Every 97th article is long: more than one body chunk (body-store.ts).
  const count = i % 97 === 5 ? 1100 : 2 + Math.floor(random() * 25);
  let text = `${fixtureText}\n`;
  const body: Paragraph[] = [...parsed.body];
  for (let k = 0; k < count; k++) {
    const paragraph = sentence(random, 8 + Math.floor(random() * 60));
    text += '\n';
    const start = text.length;
    text += paragraph;
    body.push({
      n: body.length + 1,
      id: `p-${i.toString(16).padStart(8, '0')}${k.toString(16).padStart(8, '0')}`,
      text: paragraph,
      start,
      end: text.length,
      kind: k % 13 === 4 ? 'blockquote' : 'prose',
      spans: [
        { text: 0, textLength: paragraph.length, source: start, sourceLength: paragraph.length },
      ],
    });
  }
  text += `\nArticle number ${i}\n`;
  const bytes = new TextEncoder().encode(text);
  parsed.body = body;
  parsed.headings =
    i % 4 === 0 ? [{ text: 'Background', level: 2, before: 3, start: 0, end: 0 }] : [];
  parsed.csl.title = `${sentence(random, 3 + Math.floor(random() * 6)).slice(0, -1)} (no. ${i})`;
  parsed.csl.author =
    i % 3 === 0
      ? [{ literal: pick(random, SITES) }]
      : [
          { family: pick(random, FAMILIES), given: 'A.' },
          { family: pick(random, FAMILIES), given: 'B.' },
        ];
  parsed.csl.issued = { 'date-parts': [[2000 + (i % 25), 1 + (i % 12), 1 + (i % 28)]] };
  parsed.csl['container-title'] = pick(random, SITES);
  if (i % 5 !== 0) parsed.csl.URL = `https://example.org/articles/${i}`;
  parsed.source = {
    ...parsed.source,
    sha256: await sha256(bytes),
    byteLength: bytes.byteLength,
    fileName: `article-${i}.txt`,
  };
  const images: StoredImage[] = [];
  const captured: CapturedImage[] = [];
  if (i % 20 === 3) {
    for (let k = 0; k < 2; k++) {
      const picture = pictureBytes(random);
      const id = `img-${i.toString(16).padStart(8, '0')}${k.toString(16).padStart(8, '0')}`;
      const src = `https://example.org/images/${i}-${k}.png`;
      captured.push({
        id,
        src,
        alt: `Figure ${k + 1}`,
        caption: k ? 'A caption' : null,
        before: 2,
      });
      images.push({
        id,
        src,
        mediaType: 'image/png',
        bytes: picture,
        sha256: await sha256(picture),
        byteLength: picture.byteLength,
      });
    }
  }
  parsed.images = captured;
  return { parsed, bytes, images };
}

/** An annotation on `article` as the repository makes it (checked quote, cleaned fields). */
function annotationOn(
  article: ArticleRecord,
  random: () => number,
  k: number,
  time: number,
): AnnotationRecord & { target: AnnotationTarget } {
  const display = displayText(article.body);
  const p = 3 + Math.floor(random() * (article.body.length - 3));
  const start = display.starts[p]!;
  const end = start + Math.min(article.body[p]!.text.length, 20 + Math.floor(random() * 40));
  return {
    id: crypto.randomUUID(),
    articleId: article.id,
    target: describeSelection(article.body, start, end, display),
    color: pick(random, HIGHLIGHT_COLORS),
    note: k % 2 ? '' : `Note on ${article.citekey}: ${sentence(random, 6)}`,
    tags: changeTags([], { add: TAGS.filter(() => random() < 0.2) }),
    createdAt: time,
    updatedAt: time,
    parserVersion: article.parserVersion,
  };
}

/**
 * The article records add() would make, written in bulk: through the repository, an article
 * costs tens of milliseconds in fake-indexeddb, and a thousand would dominate the test run.
 * (The search index is left alone: backups do not hold it.)
 */
async function putDirectly(
  library: Library,
  generated: Awaited<ReturnType<typeof generatedArticle>>[],
  tags: string[][],
  clock: () => number,
): Promise<ArticleRecord[]> {
  const { db } = library;
  return db.transaction(
    'rw',
    [db.articles, db.bodies, db.summaries, db.sources, db.images],
    async () => {
      const taken = new Set((await db.articles.orderBy('citekey').keys()).map(String));
      const records: ArticleRecord[] = [];
      for (const [i, { parsed, bytes, images }] of generated.entries()) {
        const time = clock();
        const id = crypto.randomUUID();
        const citekey = uniqueCitekey(citationKey(parsed.csl), taken);
        taken.add(citekey);
        const record: ArticleRecord = {
          ...parsed,
          id,
          tags: changeTags([], { add: tags[i]! }),
          collections: [],
          addedAt: time,
          updatedAt: time,
          citekey,
          citekeyFixed: false,
          titleOverrides: {},
          canonicalUrl: parsed.csl.URL ? canonicalUrl(parsed.csl.URL) : null,
        };
        records.push(record);
        const chunks = bodyChunkRecords(id, record.body);
        await Promise.all([
          db.sources.add({
            sha256: parsed.source.sha256,
            bytes,
            mediaType: parsed.source.mediaType,
            fileName: parsed.source.fileName,
            byteLength: bytes.byteLength,
            addedAt: time,
          }),
          db.bodies.bulkAdd(chunks),
          db.articles.add(storedHead(record, chunks.length)),
          db.summaries.add(toSummary(record)),
          images.length &&
            db.images.bulkAdd(
              images.map((image) => ({
                key: `${id}:${image.id}`,
                articleId: id,
                imageId: image.id,
                src: image.src,
                mediaType: image.mediaType,
                bytes: image.bytes,
                sha256: image.sha256,
                byteLength: image.byteLength,
                addedAt: time,
              })),
            ),
        ]);
      }
      return records;
    },
  );
}

/** How many articles go through the repositories (the rest are written as they would). */
const THROUGH_REPOSITORIES = 24;

/** Fills `library` with `articles` generated articles and everything around them. */
export async function fillTestLibrary(
  library: Library,
  articles: number,
  seed = 12,
): Promise<ArticleRecord[]> {
  const random = seeded(seed);
  let clock = Date.UTC(2023, 0, 1);
  const tick = () => (clock += 1000);
  const added: ArticleRecord[] = [];
  const generated = [];
  const tags = [];
  for (let i = 0; i < articles; i++) {
    generated.push(await generatedArticle(i, random));
    tags.push(TAGS.filter(() => random() < 0.25));
  }
  for (let i = 0; i < Math.min(articles, THROUGH_REPOSITORIES); i++) {
    const { parsed, bytes, images } = generated[i]!;
    const result = await library.articles.add(parsed, bytes, { images, tags: tags[i] });
    if (result.status !== 'added') throw new Error(`article ${i} was not added`);
    added.push(result.article);
  }
  for (let from = THROUGH_REPOSITORIES; from < articles; from += 250) {
    const to = Math.min(articles, from + 250);
    added.push(
      ...(await putDirectly(library, generated.slice(from, to), tags.slice(from, to), tick)),
    );
  }
  // Nested collections: three at the top, two inside each, one inside the first of those.
  const top = [];
  for (const name of ['Thesis', 'Teaching', 'Reading list']) {
    top.push(await library.collections.create(name, null));
  }
  const nested = [];
  for (const parent of top) {
    for (const name of ['Chapter 1', 'Chapter 2']) {
      nested.push(await library.collections.create(name, parent.id));
    }
  }
  nested.push(await library.collections.create('Sources', nested[0]!.id));
  for (const [i, collection] of [...top, ...nested].entries()) {
    const members = added.filter((_, k) => k % 197 === i).map((a) => a.id);
    await library.articles.setCollections(members, { add: [collection.id] });
  }
  // Annotations with notes and tags on a third of the articles: through the repository on
  // the first ones, written directly on the rest.
  const direct: AnnotationRecord[] = [];
  for (const [i, article] of added.entries()) {
    if (i % 3 !== 0) continue;
    for (let k = 0; k < 1 + (i % 4); k++) {
      const annotation = annotationOn(article, random, k, tick());
      if (i < THROUGH_REPOSITORIES) {
        const { target, color, note, tags } = annotation;
        await library.annotations.add(article.id, target, { color, note, tags });
      } else direct.push(annotation);
    }
    // Some notes on the whole article (no quote), as reference imports make them.
    if (i >= THROUGH_REPOSITORIES && i % 30 === 0) {
      direct.push({ ...annotationOn(article, random, 0, tick()), target: null });
    }
  }
  await library.db.annotations.bulkAdd(direct);
  for (const [i, article] of added.entries()) {
    if (i % 50 === 7) await library.articles.setCitekey(article.id, `handset${i}`);
    if (i % 40 === 11)
      await library.articles.setTitleOverride(article.id, 'apa', `Hand-cased title ${i}`);
  }
  await library.articles.fixCitekeys(added.filter((_, i) => i % 10 === 1).map((a) => a.id));
  await library.styles.add(TEST_STYLE);
  await library.settings.set('defaultStyle', 'apa');
  await library.settings.set('theme', 'sepia');
  return added;
}
