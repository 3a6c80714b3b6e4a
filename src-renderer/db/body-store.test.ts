import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paragraph, ParsedArticle } from '../../src-core/article/model.ts';
import { CHUNK_CHARS, CHUNK_PARAGRAPHS, chunkBody } from './body-store.ts';
import type { Library } from './index.ts';
import { disposeLibrary, openTestLibrary, variantArticle } from './test-article.ts';

const paragraph = (n: number, text = `Paragraph ${n}.`): Paragraph => ({
  n,
  id: `p${n}`,
  text,
  start: n * 100,
  end: n * 100 + text.length,
  kind: 'prose',
  spans: [{ text: 0, textLength: text.length, source: n * 100, sourceLength: text.length }],
});

const body = (count: number): Paragraph[] =>
  Array.from({ length: count }, (_, i) => paragraph(i + 1));

describe('chunkBody', () => {
  it('cuts at the paragraph limit, keeps order, and loses nothing', () => {
    const long = body(CHUNK_PARAGRAPHS * 2 + 3);
    const chunks = chunkBody(long);
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_PARAGRAPHS, CHUNK_PARAGRAPHS, 3]);
    expect(chunks.flat()).toEqual(long);
    expect(chunkBody([])).toEqual([]);
  });

  it('cuts at the character limit when paragraphs are long', () => {
    const big = [paragraph(1, 'x'.repeat(CHUNK_CHARS)), paragraph(2), paragraph(3)];
    expect(chunkBody(big).map((c) => c.map((p) => p.n))).toEqual([[1], [2, 3]]);
  });
});

describe('articles with long bodies in the library', () => {
  let library: Library;
  beforeEach(() => {
    library = openTestLibrary();
  });
  afterEach(() => disposeLibrary(library));

  async function longArticle(
    label: string,
    paragraphs: number,
  ): Promise<{ parsed: ParsedArticle; bytes: Uint8Array }> {
    const variant = await variantArticle(label);
    return { ...variant, parsed: { ...variant.parsed, body: body(paragraphs) } };
  }

  it('stores the body in chunks apart from the record and gives it back whole and in order', async () => {
    const { parsed, bytes } = await longArticle('long', CHUNK_PARAGRAPHS * 3 + 1);
    const { article } = await library.articles.add(parsed, bytes);
    const head = await library.db.articles.get(article.id);
    expect(head?.body).toEqual([]);
    expect(head?.bodyChunks).toBe(4);
    expect(await library.db.bodies.where('articleId').equals(article.id).count()).toBe(4);
    expect((await library.articles.get(article.id))?.body).toEqual(parsed.body);
    expect((await library.articles.all())[0]?.body).toEqual(parsed.body);
  });

  it('keeps the chunks through a metadata edit, replaces them on re-parse, and removes and restores them', async () => {
    const { parsed, bytes } = await longArticle('edits', CHUNK_PARAGRAPHS + 5);
    const { article } = await library.articles.add(parsed, bytes);
    const updated = await library.articles.updateMetadata(article.id, { title: 'Edited' });
    expect(updated.body).toEqual(parsed.body);
    expect((await library.articles.get(article.id))?.body).toEqual(parsed.body);

    await library.db.articles.update(article.id, { parserVersion: 0 });
    const shorter = { ...parsed, body: body(3) };
    await library.articles.reparse(article.id, shorter);
    expect((await library.articles.get(article.id))?.body).toEqual(shorter.body);
    expect(await library.db.bodies.where('articleId').equals(article.id).count()).toBe(1);

    const deleted = await library.articles.remove(article.id);
    expect(deleted.article.body).toEqual(shorter.body);
    expect(await library.db.bodies.count()).toBe(0);
    await library.articles.restore(deleted);
    expect(await library.articles.get(article.id)).toEqual(deleted.article);
  });

  it('reads a record stored with its body inline (before bodies were split) as it is', async () => {
    const { parsed } = await longArticle('inline', 3);
    const record = {
      ...parsed,
      id: 'inline-1',
      tags: [],
      addedAt: 1,
      updatedAt: 1,
      citekey: 'inline1',
      citekeyFixed: false,
      titleOverrides: {},
      canonicalUrl: null,
      collections: [],
    };
    await library.db.articles.add(record);
    expect(await library.articles.get('inline-1')).toEqual(record);
  });

  it('says which part is missing when a chunk is gone, rather than returning a short body', async () => {
    const { parsed, bytes } = await longArticle('broken', CHUNK_PARAGRAPHS * 2);
    const { article } = await library.articles.add(parsed, bytes);
    await library.db.bodies.delete([article.id, 1]);
    await expect(library.articles.get(article.id)).rejects.toThrow(/missing part 2 of its text/);
  });
});
