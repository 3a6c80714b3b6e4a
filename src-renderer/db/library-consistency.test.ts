import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSelection } from '../../src-core/excerpt/anchor.ts';
import { displayText } from '../../src-core/excerpt/display-text.ts';
import { sha256 as webCryptoSha256 } from '../host/sha256.ts';
import type { ArticleRecord, Library } from './index.ts';
import { checkLibraryConsistency, type ProblemKind } from './library-consistency.ts';
import {
  disposeLibrary,
  fixtureBytes,
  openTestLibrary,
  referenceArticle,
  variantArticle,
} from './test-article.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 7]);

let library: Library;
let first: ArticleRecord;
let second: ArticleRecord;
beforeEach(async () => {
  library = openTestLibrary();
  first = (await library.articles.add(referenceArticle(), fixtureBytes)).article;
  const { parsed, bytes } = await variantArticle('second');
  parsed.images = [
    { id: 'pic', src: 'https://img.example/pic.png', alt: '', caption: null, before: 1 },
  ];
  const picture = {
    id: 'pic',
    src: 'https://img.example/pic.png',
    mediaType: 'image/png' as const,
    bytes: PNG,
    sha256: await webCryptoSha256(PNG),
    byteLength: PNG.byteLength,
  };
  second = (await library.articles.add(parsed, bytes, { images: [picture] })).article;
  const quote = 'hit-and-run operations';
  const start = displayText(first.body).text.indexOf(quote);
  await library.annotations.add(
    first.id,
    describeSelection(first.body, start, start + quote.length),
    {
      note: 'a note',
    },
  );
});
afterEach(() => disposeLibrary(library));

const check = () => checkLibraryConsistency(library.db, { sha256: webCryptoSha256 });
const kinds = async () => (await check()).problems.map((p) => p.kind).sort();

describe('checkLibraryConsistency', () => {
  it('finds a library written through the repository whole, every article counted', async () => {
    expect(await check()).toEqual({ articles: 2, whole: 2, problems: [] });
  });

  it('finds a library with an article removed (and its annotations) whole', async () => {
    await library.articles.remove(first.id);
    expect(await check()).toEqual({ articles: 1, whole: 1, problems: [] });
  });

  const damage: [string, ProblemKind[], () => Promise<unknown>][] = [
    ['a missing source', ['source-missing'], () => library.db.sources.delete(first.source.sha256)],
    [
      'source bytes that no longer match their hash',
      ['source-differs'],
      () =>
        library.db.sources.update(first.source.sha256, {
          bytes: fixtureBytes.map((b, i) => (i === 0 ? b ^ 1 : b)),
        }),
    ],
    ['a missing body chunk', ['body-chunk-missing'], () => library.db.bodies.delete([first.id, 0])],
    [
      'a chunk beyond the recorded count',
      ['body-chunk-extra'],
      () => library.db.bodies.put({ articleId: first.id, chunk: 7, paragraphs: [] }),
    ],
    ['a missing summary', ['summary-missing'], () => library.db.summaries.delete(first.id)],
    [
      'a summary that disagrees with its article',
      ['summary-differs'],
      () => library.db.summaries.update(first.id, { title: 'Something else' }),
    ],
    [
      // Its document, still waiting for a segment, is then no article's.
      'a missing search entry',
      ['orphan-search', 'search-missing'],
      () => library.db.searchDocs.delete(first.id),
    ],
    [
      'an image the article does not show',
      ['image-unknown'],
      () => library.db.images.update(`${second.id}:pic`, { imageId: 'other' }),
    ],
    [
      'an image whose bytes changed',
      ['image-differs'],
      () => library.db.images.update(`${second.id}:pic`, { bytes: PNG.slice(0, 5) }),
    ],
    [
      // What a write that stopped half-way would leave: everything but the article's record.
      'an article record gone, everything else of it left behind',
      ['orphan-annotation', 'orphan-body', 'orphan-search', 'orphan-source', 'orphan-summary'],
      () => library.db.articles.delete(first.id),
    ],
    [
      'an image of no article',
      ['orphan-image'],
      () =>
        library.db.images.put({
          key: 'gone:pic',
          articleId: 'gone',
          imageId: 'pic',
          src: 'x',
          mediaType: 'image/png',
          bytes: PNG,
          sha256: 'x',
          byteLength: PNG.byteLength,
          addedAt: 1,
        }),
    ],
  ];

  for (const [what, expected, harm] of damage) {
    it(`reports ${what} (${expected.join(', ')})`, async () => {
      await harm();
      expect(await kinds()).toEqual(expected);
      const result = await check();
      const own = result.problems.filter((p) => !p.kind.startsWith('orphan-'));
      // An article's own problem makes it not whole; leftovers count against no article.
      expect(result.whole).toBe(result.articles - new Set(own.map((p) => p.id)).size);
    });
  }

  it('does not hash bytes unless asked (a changed source of the right length passes)', async () => {
    await library.db.sources.update(first.source.sha256, {
      bytes: fixtureBytes.map((b, i) => (i === 0 ? b ^ 1 : b)),
    });
    expect((await checkLibraryConsistency(library.db)).problems).toEqual([]);
  });
});
