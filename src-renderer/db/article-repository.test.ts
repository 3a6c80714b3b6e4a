import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Library } from './index.ts';
import {
  disposeLibrary,
  fixtureBytes,
  openTestLibrary,
  referenceArticle,
  variantArticle,
} from './test-article.ts';
import { toSummary } from './summary.ts';

let library: Library;
beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => disposeLibrary(library));

/** Everything in both tables, to prove a failed write changed nothing. */
async function snapshot() {
  return {
    articles: await library.db.articles.toArray(),
    sources: await library.db.sources.toArray(),
  };
}

describe('ArticleRepository.add', () => {
  it('hashes the reference fixture exactly as sha256sum does', () => {
    expect(referenceArticle().source.sha256).toBe(
      '1027c2d2981f8db50944d26a3c16ff3baaea08836abe5f23a54ee0e1411e4e52',
    );
  });

  it('stores the article and its original bytes, and get() returns them unchanged', async () => {
    const parsed = referenceArticle();
    const result = await library.articles.add(parsed, fixtureBytes);

    expect(result.status).toBe('added');
    const stored = await library.articles.get(result.article.id);
    expect(stored).toEqual({
      ...parsed,
      id: result.article.id,
      tags: [],
      collections: [],
      addedAt: expect.any(Number),
      updatedAt: stored?.addedAt,
      citekey: 'southfront2018video',
      citekeyFixed: false,
      titleOverrides: {},
      canonicalUrl: null,
    });
    expect(stored?.csl.author).toEqual([{ literal: 'South Front' }]);

    const bytes = await library.articles.sourceBytes(parsed.source.sha256);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes ?? [])).toEqual(Array.from(fixtureBytes));
    const source = await library.db.sources.get(parsed.source.sha256);
    expect(source).toMatchObject({
      sha256: parsed.source.sha256,
      mediaType: 'text/plain',
      fileName: '000_bfa7ac14e5553cb7.txt',
      byteLength: fixtureBytes.byteLength,
    });
  });

  it('stores only the bytes of a view, not its whole underlying buffer', async () => {
    const padded = new Uint8Array(fixtureBytes.byteLength + 64);
    padded.set(fixtureBytes, 32);
    const view = padded.subarray(32, 32 + fixtureBytes.byteLength);
    await library.articles.add(referenceArticle(), view);

    const bytes = await library.articles.sourceBytes(referenceArticle().source.sha256);
    expect(bytes?.buffer.byteLength).toBe(fixtureBytes.byteLength);
  });

  it('reports a second import of the same bytes as a duplicate and writes nothing', async () => {
    const first = await library.articles.add(referenceArticle(), fixtureBytes);
    const before = await snapshot();

    const again = referenceArticle();
    again.csl.title = 'A different title for the same bytes';
    const second = await library.articles.add(again, fixtureBytes);

    expect(second).toEqual({
      status: 'duplicate',
      article: first.article,
      duplicateOf: 'content',
    });
    expect(await library.articles.count()).toBe(1);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects bytes that do not match the parsed hash or length, writing nothing', async () => {
    const { bytes: otherBytes } = await variantArticle('other');
    await expect(library.articles.add(referenceArticle(), otherBytes)).rejects.toThrow(
      /byteLength does not match/,
    );
    const sameLength = fixtureBytes.slice();
    sameLength[0] = 0x20;
    await expect(library.articles.add(referenceArticle(), sameLength)).rejects.toThrow(
      /sha256 does not match/,
    );
    expect(await snapshot()).toEqual({ articles: [], sources: [] });
  });

  it('rolls back the source write when the article write fails midway', async () => {
    await library.articles.add(referenceArticle(), fixtureBytes);
    const before = await snapshot();
    const { parsed, bytes } = await variantArticle('fails');
    library.db.articles.hook('creating', () => {
      throw new Error('simulated failure after the source was written');
    });

    await expect(library.articles.add(parsed, bytes)).rejects.toThrow(/simulated failure/);
    expect(await snapshot()).toEqual(before);
  });

  it('rolls back when the article cannot be stored at all (not cloneable)', async () => {
    const { parsed, bytes } = await variantArticle('uncloneable');
    parsed.csl.note = (() => 'a function is not data') as unknown as string;

    await expect(library.articles.add(parsed, bytes)).rejects.toThrow();
    expect(await snapshot()).toEqual({ articles: [], sources: [] });
  });
});

describe('ArticleRepository.list and count', () => {
  it('lists summaries newest first', async () => {
    const titles: string[] = [];
    for (const label of ['first', 'second', 'third']) {
      const { parsed, bytes } = await variantArticle(label);
      titles.push(parsed.csl.title ?? '');
      await library.articles.add(parsed, bytes);
    }

    const list = await library.articles.list();
    expect(list.map((s) => s.title)).toEqual(titles.reverse());
    expect(list[0]).toMatchObject({
      authors: 'South Front',
      issued: '2018-08-15',
      containerTitle: 'Global Research',
      gaps: [],
    });
    expect(await library.articles.count()).toBe(3);
  });

  it('keeps the list in step with every write, reading no article for it', async () => {
    const expected = async () => (await library.articles.all()).map(toSummary).reverse();
    const a = await variantArticle('a');
    const b = await variantArticle('b');
    const { article } = await library.articles.add(a.parsed, a.bytes);
    await library.articles.add(b.parsed, b.bytes);
    expect(await library.articles.list()).toEqual(await expected());

    await library.articles.updateMetadata(article.id, { title: 'A New Title' });
    expect((await library.articles.list()).map((s) => s.title)).toContain('A New Title');
    expect(await library.articles.list()).toEqual(await expected());

    const deleted = await library.articles.remove(article.id);
    expect(await library.articles.list()).toEqual(await expected());
    await library.articles.restore(deleted);
    expect(await library.articles.list()).toEqual(await expected());

    // The list is the summaries alone: emptying the articles store behind its back leaves it.
    const before = await library.articles.list();
    await library.db.articles.clear();
    expect(await library.articles.list()).toEqual(before);
  });

  it('returns undefined for an unknown id and an empty list for an empty library', async () => {
    expect(await library.articles.get('no-such-id')).toBeUndefined();
    expect(await library.articles.list()).toEqual([]);
    expect(await library.articles.count()).toBe(0);
  });
});
