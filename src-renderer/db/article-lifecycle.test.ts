import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord, Library } from './index.ts';
import {
  disposeLibrary,
  fixtureBytes,
  fixtureText,
  openTestLibrary,
  referenceArticle,
} from './test-article.ts';
import { sha256 as webCryptoSha256 } from '../host/sha256.ts';

let library: Library;
let article: ArticleRecord;
beforeEach(async () => {
  library = openTestLibrary();
  article = (await library.articles.add(referenceArticle(), fixtureBytes)).article;
});
afterEach(() => disposeLibrary(library));

describe('ArticleRepository.updateMetadata', () => {
  it('persists the edit, recomputes gaps and bumps updatedAt', async () => {
    const updated = await library.articles.updateMetadata(article.id, {
      title: '  Taliban Pushes Back Against ISIS  ',
      author: [{ family: 'Doe', given: 'Jane' }],
      containerTitle: '',
      issued: null,
      url: 'https://www.globalresearch.ca/video-taliban/5651234',
    });

    expect(updated.csl.title).toBe('Taliban Pushes Back Against ISIS');
    expect(updated.csl.URL).toBe('https://www.globalresearch.ca/video-taliban/5651234');
    expect(updated.csl).not.toHaveProperty('container-title');
    expect(updated.csl).not.toHaveProperty('issued');
    expect(updated.gaps).toEqual(['issued', 'container-title']);
    expect(updated.updatedAt).toBeGreaterThan(article.updatedAt);
    expect(updated.addedAt).toBe(article.addedAt);
    expect(await library.articles.get(article.id)).toEqual(updated);

    const refilled = await library.articles.updateMetadata(article.id, {
      issued: { 'date-parts': [[2018, 8, 15]] },
      containerTitle: 'Global Research',
    });
    expect(refilled.gaps).toEqual([]);
  });

  it('leaves the record untouched when the patch is invalid', async () => {
    const bad: unknown[] = [
      { title: 'x'.repeat(1001) },
      { title: 42 },
      { author: [{ family: 'Doe', literal: 'Doe Inc.' }] },
      { author: [{ given: 'Jane' }] },
      { author: 'South Front' },
      { url: 'javascript:alert(1)' },
      { issued: { 'date-parts': [[2018, 13]] } },
      { rights: [] },
    ];
    for (const patch of bad) {
      await expect(
        library.articles.updateMetadata(article.id, patch as never),
        JSON.stringify(patch),
      ).rejects.toThrow(/^Invalid metadata: /);
    }
    expect(await library.articles.get(article.id)).toEqual(article);
  });

  it('throws on an unknown id', async () => {
    await expect(library.articles.updateMetadata('missing', { title: 'T' })).rejects.toThrow(
      /No article with id "missing"/,
    );
  });
});

describe('ArticleRepository.remove and restore', () => {
  it('removes article and bytes, and restore brings back byte-identical records', async () => {
    const sha = article.source.sha256;
    const sourceBefore = await library.db.sources.get(sha);

    const deleted = await library.articles.remove(article.id);
    expect(deleted).toEqual({ article, source: sourceBefore, images: [], annotations: [] });
    expect(await library.articles.get(article.id)).toBeUndefined();
    expect(await library.articles.sourceBytes(sha)).toBeUndefined();
    expect(await library.articles.count()).toBe(0);

    await library.articles.restore(deleted);
    expect(await library.articles.get(article.id)).toEqual(article);
    expect(await library.db.sources.get(sha)).toEqual(sourceBefore);
    expect(Array.from((await library.articles.sourceBytes(sha)) ?? [])).toEqual(
      Array.from(fixtureBytes),
    );
  });

  it('refuses to restore over an article re-imported in the meantime', async () => {
    const deleted = await library.articles.remove(article.id);
    const reimported = await library.articles.add(referenceArticle(), fixtureBytes);

    await expect(library.articles.restore(deleted)).rejects.toThrow(/already holds/);
    expect(await library.articles.all()).toEqual([reimported.article]);
  });

  it('throws on an unknown id', async () => {
    await expect(library.articles.remove('missing')).rejects.toThrow(/No article/);
    expect(await library.articles.count()).toBe(1);
  });
});

describe('ArticleRepository.verifyNotices', () => {
  it('reports every stored notice intact', async () => {
    const checks = await library.articles.verifyNotices(article.id, webCryptoSha256);
    expect(checks.map((c) => [c.notice.kind, c.status])).toEqual([
      ['republication', 'intact'],
      ['copyright', 'intact'],
      ['disclaimer', 'intact'],
      ['fair-use', 'intact'],
    ]);
    expect(checks[1]?.notice.text).toBe('Copyright © [South Front](#), [South Front](#), 2018');
  });

  it('flags a notice whose stored text was changed behind its back', async () => {
    const rights = article.rights.map((n) =>
      n.kind === 'copyright' ? { ...n, text: n.text.replace('2018', '2019') } : n,
    );
    await library.db.articles.update(article.id, { rights });

    const checks = await library.articles.verifyNotices(article.id, webCryptoSha256);
    expect(checks.map((c) => c.status)).toEqual(['intact', 'text-differs', 'intact', 'intact']);
  });

  it('checks the record the caller already loaded instead of reading it again', async () => {
    const loaded = (await library.articles.get(article.id))!;
    expect(
      (await library.articles.verifyNotices(article.id, webCryptoSha256, loaded)).map(
        (c) => c.status,
      ),
    ).toEqual(['intact', 'intact', 'intact', 'intact']);
    // What is checked is the record handed in (here altered in memory only), against the bytes.
    const altered = {
      ...loaded,
      rights: loaded.rights.map((n, i) => (i === 0 ? { ...n, text: `${n.text}!` } : n)),
    };
    const checks = await library.articles.verifyNotices(article.id, webCryptoSha256, altered);
    expect(checks.map((c) => c.status)).toEqual(['text-differs', 'intact', 'intact', 'intact']);
  });

  it('flags a notice whose stored hash was changed', async () => {
    const rights = article.rights.map((n, i) => (i === 2 ? { ...n, sha256: '0'.repeat(64) } : n));
    await library.db.articles.update(article.id, { rights });

    const checks = await library.articles.verifyNotices(article.id, webCryptoSha256);
    expect(checks.map((c) => c.status)).toEqual(['intact', 'intact', 'hash-differs', 'intact']);
  });

  it('flags every notice when the stored original bytes were altered', async () => {
    const bytes = new TextEncoder().encode(fixtureText.replace('ISIS has', 'ISIS had'));
    await library.db.sources.update(article.source.sha256, { bytes });

    const checks = await library.articles.verifyNotices(article.id, webCryptoSha256);
    expect(checks.every((c) => c.status === 'hash-differs')).toBe(true);
  });

  it('decodes a UTF-8 BOM away, so offsets stay those of the text', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...fixtureBytes]);
    const parsed = referenceArticle();
    parsed.source = {
      ...parsed.source,
      sha256: await webCryptoSha256(withBom),
      byteLength: withBom.byteLength,
    };
    const { article: bomArticle } = await library.articles.add(parsed, withBom);

    const checks = await library.articles.verifyNotices(bomArticle.id, webCryptoSha256);
    expect(checks.every((c) => c.status === 'intact')).toBe(true);
  });

  it('throws on an unknown id', async () => {
    await expect(library.articles.verifyNotices('missing', webCryptoSha256)).rejects.toThrow(
      /No article/,
    );
  });
});

describe('verifyNotices on a source that newer rules would refuse', () => {
  it('still decodes it: stored bytes are re-read, never judged again', async () => {
    // A page of markup without text: today's import refuses it ("no text"), but a record of it
    // saved under older rules must still open and verify.
    const bytes = new TextEncoder().encode('<html><body><p>&nbsp;</p></body></html>\n');
    const parsed = referenceArticle();
    parsed.rights = [];
    parsed.source = {
      ...parsed.source,
      sha256: await webCryptoSha256(bytes),
      byteLength: bytes.byteLength,
      fileName: 'old-page.html',
    };
    const { article: stored } = await library.articles.add(parsed, bytes);
    await expect(library.articles.verifyNotices(stored.id, webCryptoSha256)).resolves.toEqual([]);
  });
});

describe('verifyNotices on a file that was not UTF-8', () => {
  it('decodes the stored bytes as the import did (UTF-16 with a byte-order mark)', async () => {
    const { importArticle } = await import('../../src-core/import/import-article.ts');
    const utf16 = new Uint8Array(2 + fixtureText.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < fixtureText.length; i++) {
      const code = fixtureText.charCodeAt(i);
      utf16[2 + i * 2] = code & 0xff;
      utf16[3 + i * 2] = code >> 8;
    }
    const parsed = await importArticle(
      utf16,
      { fileName: 'utf16.txt' },
      { sha256: webCryptoSha256 },
    );
    const { article: stored } = await library.articles.add(parsed, utf16);
    const checks = await library.articles.verifyNotices(stored.id, webCryptoSha256);
    expect(checks.map((c) => c.status)).toEqual(['intact', 'intact', 'intact', 'intact']);
  });
});
