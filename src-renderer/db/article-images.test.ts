import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CapturedImage, ParsedArticle } from '../../src-core/article/model.ts';
import type { StoredImage } from '../../src-core/capture/offline-images.ts';
import { sha256 as webCryptoSha256 } from '../host/sha256.ts';
import type { Library } from './index.ts';
import {
  disposeLibrary,
  fixtureBytes,
  openTestLibrary,
  referenceArticle,
  variantArticle,
} from './test-article.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 7]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

const captured = (id: string, before = 0): CapturedImage => ({
  id,
  src: `https://img.example/${id}.png`,
  alt: `Picture ${id}`,
  caption: null,
  before,
});

async function storedImage(id: string, bytes = PNG): Promise<StoredImage> {
  return {
    id,
    src: `https://img.example/${id}.png`,
    mediaType: bytes === PNG ? 'image/png' : 'image/jpeg',
    bytes,
    sha256: await webCryptoSha256(bytes),
    byteLength: bytes.byteLength,
  };
}

/** The reference article with a URL and two captured images. */
function withImages(
  parsed: ParsedArticle = referenceArticle(),
  url = 'https://www.globalresearch.ca/video-taliban/5651234',
): ParsedArticle {
  return {
    ...parsed,
    csl: { ...parsed.csl, URL: url },
    images: [captured('img-a'), captured('img-b', 2)],
  };
}

/** Every record of every store. */
async function snapshot(library: Library) {
  const { db } = library;
  return {
    articles: await db.articles.toArray(),
    sources: await db.sources.toArray(),
    images: await db.images.toArray(),
  };
}

let library: Library;
beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => disposeLibrary(library));

describe('ArticleRepository.add with images', () => {
  it('stores the article, its source and its images together, and sets canonicalUrl', async () => {
    const images = [await storedImage('img-a'), await storedImage('img-b', JPEG)];
    const result = await library.articles.add(withImages(), fixtureBytes, { images });
    expect(result.status).toBe('added');
    const { article } = result;
    expect(article.canonicalUrl).toBe('https://www.globalresearch.ca/video-taliban/5651234');
    expect((await library.articles.get(article.id))?.images.map((i) => i.id)).toEqual([
      'img-a',
      'img-b',
    ]);
    const records = await library.articles.images(article.id);
    expect(records.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      {
        key: `${article.id}:img-a`,
        articleId: article.id,
        imageId: 'img-a',
        src: 'https://img.example/img-a.png',
        mediaType: 'image/png',
        bytes: PNG,
        sha256: images[0]!.sha256,
        byteLength: PNG.byteLength,
        addedAt: article.addedAt,
      },
      expect.objectContaining({ imageId: 'img-b', mediaType: 'image/jpeg', bytes: JPEG }),
    ]);
    expect(records[1]!.bytes).toBeInstanceOf(Uint8Array);
    expect(await library.articles.images('someone-else')).toEqual([]);
  });

  it('writes nothing at all when an image record is rejected inside the transaction', async () => {
    const before = await snapshot(library);
    // Two records with the same key: the second add violates the primary key, mid-transaction,
    // after the source and the article were written.
    const image = await storedImage('img-a');
    const failure = library.articles.add(withImages(), fixtureBytes, { images: [image, image] });
    await expect(failure).rejects.toThrow();
    expect(await snapshot(library)).toEqual(before);
    // And the library is usable afterwards: the same article goes in cleanly.
    const ok = await library.articles.add(withImages(), fixtureBytes, { images: [image] });
    expect(ok.status).toBe('added');
    expect(await library.db.images.count()).toBe(1);
  });

  it('refuses images that are not the article’s or whose bytes do not match, before writing', async () => {
    const before = await snapshot(library);
    const stranger = { ...(await storedImage('img-a')), id: 'img-zzz' };
    await expect(
      library.articles.add(withImages(), fixtureBytes, { images: [stranger] }),
    ).rejects.toThrow(/not one of the article's images/);
    const lying = { ...(await storedImage('img-a')), sha256: '0'.repeat(64) };
    await expect(
      library.articles.add(withImages(), fixtureBytes, { images: [lying] }),
    ).rejects.toThrow(/sha256 does not match/);
    expect(await snapshot(library)).toEqual(before);
  });

  it('reports the same address saved again (other bytes) as a duplicate by URL', async () => {
    const first = await library.articles.add(withImages(), fixtureBytes);
    const before = await snapshot(library);
    const variant = await variantArticle('re-saved');
    const again = withImages(
      variant.parsed,
      'HTTPS://www.globalresearch.ca:443/video-taliban/5651234?utm_source=feed#comments',
    );
    const image = await storedImage('img-a');
    const second = await library.articles.add(again, variant.bytes, { images: [image] });
    expect(second).toEqual({ status: 'duplicate', article: first.article, duplicateOf: 'url' });
    expect(await snapshot(library)).toEqual(before);
  });

  it('tells a duplicate by content from one by URL, and keeps www. and bare hosts apart', async () => {
    const first = await library.articles.add(withImages(), fixtureBytes);
    const sameBytes = await library.articles.add(
      withImages(referenceArticle(), 'https://other.example/'),
      fixtureBytes,
    );
    expect(sameBytes).toMatchObject({ status: 'duplicate', duplicateOf: 'content' });
    expect(sameBytes.article.id).toBe(first.article.id);
    const variant = await variantArticle('bare-host');
    const bare = await library.articles.add(
      withImages(variant.parsed, 'https://globalresearch.ca/video-taliban/5651234'),
      variant.bytes,
    );
    expect(bare.status).toBe('added');
  });

  it('findDuplicate answers what add() would, without writing anything', async () => {
    const empty = await snapshot(library);
    expect(await library.articles.findDuplicate(withImages())).toBe(null);
    expect(await snapshot(library)).toEqual(empty);
    const first = await library.articles.add(withImages(), fixtureBytes);
    const variant = await variantArticle('again');
    const byUrl = withImages(
      variant.parsed,
      'https://www.globalresearch.ca/video-taliban/5651234?fbclid=x',
    );
    expect(await library.articles.findDuplicate(byUrl)).toEqual({
      status: 'duplicate',
      article: first.article,
      duplicateOf: 'url',
    });
    expect(
      await library.articles.findDuplicate(withImages(referenceArticle(), 'https://x.example/')),
    ).toMatchObject({
      duplicateOf: 'content',
    });
    const other = await variantArticle('other');
    expect(await library.articles.findDuplicate(other.parsed)).toBe(null);
  });

  it('never treats two articles without a URL as duplicates', async () => {
    const a = await variantArticle('a');
    const b = await variantArticle('b');
    expect((await library.articles.add(a.parsed, a.bytes)).status).toBe('added');
    expect((await library.articles.add(b.parsed, b.bytes)).status).toBe('added');
    expect(await library.articles.count()).toBe(2);
  });
});

describe('deleting an article with images', () => {
  it('deletes its images with it, and undo puts every record back unchanged', async () => {
    const other = await variantArticle('other');
    const kept = await library.articles.add(
      withImages(other.parsed, 'https://b.example/'),
      other.bytes,
      {
        images: [await storedImage('img-a')],
      },
    );
    const images = [await storedImage('img-a'), await storedImage('img-b', JPEG)];
    const { article } = await library.articles.add(withImages(), fixtureBytes, { images });
    const before = await snapshot(library);

    const deleted = await library.articles.remove(article.id);
    expect(deleted.images?.map((i) => i.imageId).sort()).toEqual(['img-a', 'img-b']);
    expect(await library.articles.images(article.id)).toEqual([]);
    // The other article's images stay.
    expect((await library.articles.images(kept.article.id)).length).toBe(1);

    await library.articles.restore(deleted);
    expect(await snapshot(library)).toEqual(before);
  });

  it('restores a deletion recorded before images existed (no images field)', async () => {
    const { article } = await library.articles.add(withImages(), fixtureBytes);
    const { images: _images, ...deleted } = await library.articles.remove(article.id);
    await library.articles.restore(deleted);
    expect(await library.articles.get(article.id)).toEqual(article);
  });

  it('refuses to restore images that belong to another article', async () => {
    const { article } = await library.articles.add(withImages(), fixtureBytes, {
      images: [await storedImage('img-a')],
    });
    const deleted = await library.articles.remove(article.id);
    const forged = { ...deleted, images: deleted.images!.map((i) => ({ ...i, articleId: 'x' })) };
    await expect(library.articles.restore(forged)).rejects.toThrow(/different article/);
    expect(await library.articles.count()).toBe(0);
  });
});

describe('canonicalUrl follows metadata edits', () => {
  it('is recomputed when the URL is edited or removed, and kept otherwise', async () => {
    const { article } = await library.articles.add(withImages(), fixtureBytes);
    const edited = await library.articles.updateMetadata(article.id, {
      url: 'https://example.org/moved?utm_medium=email',
    });
    expect(edited.canonicalUrl).toBe('https://example.org/moved');
    const retitled = await library.articles.updateMetadata(article.id, { title: 'New title' });
    expect(retitled.canonicalUrl).toBe('https://example.org/moved');
    const cleared = await library.articles.updateMetadata(article.id, { url: '' });
    expect(cleared.canonicalUrl).toBeNull();
    expect(
      await library.db.articles.where('canonicalUrl').equals('https://example.org/moved').count(),
    ).toBe(0);
  });
});

describe('re-reading an older record', () => {
  it('takes the images the newer rules found (their offline copies are not made here)', async () => {
    const older = { ...referenceArticle(), parserVersion: 2, images: [] };
    const { article } = await library.articles.add(older, fixtureBytes);
    const updated = await library.articles.reparse(article.id, withImages());
    expect(updated.images.map((i) => i.id)).toEqual(['img-a', 'img-b']);
    expect(await library.articles.images(article.id)).toEqual([]);
  });
});
