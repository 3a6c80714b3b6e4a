import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 as webCryptoSha256 } from '../host/sha256.ts';
import type { ArticleRecord, Library } from './index.ts';
import { disposeLibrary, fixtureBytes, openTestLibrary, referenceArticle } from './test-article.ts';

let library: Library;
let article: ArticleRecord;
beforeEach(async () => {
  library = openTestLibrary();
  const result = await library.articles.add(referenceArticle(), fixtureBytes);
  article = result.article;
});
afterEach(() => disposeLibrary(library));

describe('ArticleRepository.verifyArticle', () => {
  it('proves an untouched article intact: bytes, body text and notices', async () => {
    const check = await library.articles.verifyArticle(article.id, webCryptoSha256);
    expect(check.source).toEqual({ status: 'intact' });
    expect(check.notices.map((c) => c.status)).toEqual(['intact', 'intact', 'intact', 'intact']);
  });

  it('names the paragraph whose stored text was edited in the database', async () => {
    const chunk = (await library.db.bodies.get([article.id, 0]))!;
    const paragraphs = chunk.paragraphs.map((p) =>
      p.n === 2 ? { ...p, text: p.text.replace('According', 'Accordingly') } : p,
    );
    await library.db.bodies.put({ ...chunk, paragraphs });
    const check = await library.articles.verifyArticle(article.id, webCryptoSha256);
    expect(check.source).toEqual({ status: 'text-differs', paragraphs: [2] });
  });

  it('checks the body the caller already loaded', async () => {
    const loaded = (await library.articles.get(article.id))!;
    const body = loaded.body.map((p) => (p.n === 2 ? { ...p, text: `${p.text}!` } : p));
    const check = await library.articles.verifyArticle(article.id, webCryptoSha256, {
      ...loaded,
      body,
    });
    expect(check.source).toEqual({ status: 'text-differs', paragraphs: [2] });
  });

  it('says the stored bytes no longer match their hash, and then trusts no notice', async () => {
    const source = (await library.db.sources.get(article.source.sha256))!;
    const bytes = source.bytes.slice();
    bytes[10] = bytes[10]! ^ 1;
    await library.db.sources.put({ ...source, bytes });
    const check = await library.articles.verifyArticle(article.id, webCryptoSha256);
    expect(check.source).toEqual({ status: 'bytes-differ' });
    expect(check.notices.every((c) => c.status === 'hash-differs')).toBe(true);
  });
});
