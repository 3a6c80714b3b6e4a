import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARSER_VERSION, type ParsedArticle } from '../../src-core/article/model.ts';
import { importArticle } from '../../src-core/import/import-article.ts';
import { sha256 as webCryptoSha256 } from '../host/sha256.ts';
import type { ArticleRecord, Library } from './index.ts';
import {
  migrateArticleV1toV2,
  migrateArticlesV2toV3,
  migrateArticleV3toV4,
  migrateArticleV4toV5,
} from './migrations.ts';
import { applyReparse } from './reparse.ts';
import {
  disposeLibrary,
  fixtureBytes,
  openTestLibrary,
  recordOf,
  referenceArticle,
  referenceRecordV1,
  variantArticle,
} from './test-article.ts';

let library: Library;
let old: ArticleRecord;

/** What the current capture rules read from the stored bytes, as the reader asks for it. */
async function reread(bytes: Uint8Array = fixtureBytes): Promise<ParsedArticle> {
  return importArticle(bytes, { fileName: old.source.fileName }, { sha256: webCryptoSha256 });
}

/** A record saved by the Foundation parser (then migrated), which the user has since edited. */
beforeEach(async () => {
  library = openTestLibrary();
  old = migrateArticleV4toV5(
    migrateArticleV3toV4(
      migrateArticlesV2toV3([migrateArticleV1toV2(referenceRecordV1('old'))])[0]!,
    ),
  );
  old.csl = { ...old.csl, title: 'Taliban vs ISIS (my title)', URL: 'https://example.org/a' };
  await library.db.articles.add(old);
  await library.db.sources.add({
    sha256: old.source.sha256,
    bytes: fixtureBytes,
    mediaType: 'text/plain',
    fileName: old.source.fileName,
    byteLength: fixtureBytes.byteLength,
    addedAt: old.addedAt,
  });
});
afterEach(() => disposeLibrary(library));

describe('ArticleRepository.reparse', () => {
  it('swaps in what the current rules read and keeps what the user owns', async () => {
    const parsed = await reread();
    const updated = await library.articles.reparse('old', parsed);

    expect(updated.parserVersion).toBe(PARSER_VERSION);
    expect(updated.body).toEqual(parsed.body);
    expect(updated.body).toHaveLength(15);
    expect(updated.body.every((p) => p.spans.length > 0)).toBe(true);
    expect(updated.headings).toEqual(parsed.headings);
    expect(updated.rights).toEqual(parsed.rights);
    expect(updated.rights.find((n) => n.kind === 'copyright')?.display).toBe(
      'Copyright © South Front, South Front, 2018',
    );
    expect(updated.keywords).toEqual(parsed.keywords);
    // Kept: the edited CSL item, id, tags, original source, when it was added.
    expect(updated.csl).toEqual(old.csl);
    expect(updated).toMatchObject({
      id: 'old',
      tags: old.tags,
      addedAt: old.addedAt,
      originalSource: old.originalSource,
      source: old.source,
    });
    expect(updated.gaps).toEqual([]);
    expect(updated.updatedAt).toBeGreaterThan(old.updatedAt);
    expect(await library.articles.get('old')).toEqual(updated);

    // The new notices are proved against the same stored bytes.
    const checks = await library.articles.verifyNotices('old', webCryptoSha256);
    expect(checks.map((c) => c.status)).toEqual(parsed.rights.map(() => 'intact'));
  });

  it('recomputes the gaps from the kept CSL item, not the parsed one', async () => {
    const edited = { ...old, csl: { ...old.csl } };
    delete edited.csl['container-title'];
    await library.db.articles.put(edited);

    const updated = await library.articles.reparse('old', await reread());
    expect(updated.csl).not.toHaveProperty('container-title');
    expect(updated.gaps).toEqual(['container-title']);
  });

  it('never goes back to older rules and is a no-op when already current', async () => {
    const parsed = await reread();
    const first = await library.articles.reparse('old', parsed);
    const again = await library.articles.reparse('old', { ...parsed, body: [] });
    expect(again).toEqual(first);
    expect(await library.articles.get('old')).toEqual(first);
  });

  it('refuses an article parsed from other bytes and leaves the record as it was', async () => {
    const { parsed } = await variantArticle('other');
    await expect(library.articles.reparse('old', parsed)).rejects.toThrow(/different source/);
    expect(await library.articles.get('old')).toEqual(old);
  });

  it('throws on an unknown id', async () => {
    await expect(library.articles.reparse('missing', await reread())).rejects.toThrow(
      /No article with id "missing"/,
    );
  });
});

describe('applyReparse', () => {
  const ambiguous = (): ParsedArticle => ({
    ...referenceArticle(),
    csl: { ...referenceArticle().csl, issued: { 'date-parts': [[2021, 3, 4]] } },
    gaps: ['issued-ambiguous'],
  });

  it('keeps the ambiguous-date flag only while the kept date is the one found ambiguous', () => {
    const record = recordOf({ ...referenceArticle(), parserVersion: 1 });
    record.csl.issued = { 'date-parts': [[2021, 3, 4]] };
    expect(applyReparse(record, ambiguous(), 10).gaps).toEqual(['issued-ambiguous']);

    record.csl.issued = { 'date-parts': [[2021, 4, 3]] }; // the user settled it
    expect(applyReparse(record, ambiguous(), 10).gaps).toEqual([]);
  });

  it('records the media type the current rules read the bytes as', () => {
    const record = recordOf({ ...referenceArticle(), parserVersion: 1 });
    const parsed = referenceArticle();
    parsed.source = { ...parsed.source, mediaType: 'text/markdown' };
    expect(applyReparse(record, parsed, 10).source).toEqual({
      ...record.source,
      mediaType: 'text/markdown',
    });
  });
});
