import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Library } from './index.ts';
import { migrateArticlesV2toV3, type ArticleRecordV2, type ArticleRecordV3 } from './migrations.ts';
import { disposeLibrary, openTestLibrary, recordOf, variantArticle } from './test-article.ts';

let library: Library;
beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => disposeLibrary(library));

async function addVariant(label: string) {
  const { parsed, bytes } = await variantArticle(label);
  const result = await library.articles.add(parsed, bytes);
  return result.article;
}

describe('citation keys in the library', () => {
  it('gives each added article a readable key, with a, b… when the key is taken', async () => {
    const first = await addVariant('one');
    const second = await addVariant('two');
    const third = await addVariant('three');
    expect([first.citekey, second.citekey, third.citekey]).toEqual([
      'southfront2018video',
      'southfront2018videoa',
      'southfront2018videob',
    ]);
    expect(first.citekeyFixed).toBe(false);
  });

  it('re-keys an article whose details change until the key is fixed, then never', async () => {
    const article = await addVariant('one');
    const edited = await library.articles.updateMetadata(article.id, {
      author: [{ family: 'Müller', given: 'Jörg' }],
      issued: { 'date-parts': [[2020]] },
    });
    expect(edited.citekey).toBe('muller2020video');

    await library.articles.fixCitekeys([article.id]);
    // Fixing the key is a new version of the record, as every write is (the reader keys on it).
    const fixed = await library.articles.get(article.id);
    expect(fixed?.updatedAt).toBeGreaterThan(edited.updatedAt);
    const after = await library.articles.updateMetadata(article.id, {
      issued: { 'date-parts': [[2021]] },
    });
    expect(after.citekey).toBe('muller2020video');
    expect(after.citekeyFixed).toBe(true);
  });

  it('keeps its own key when an edit does not change it (no suffix against itself)', async () => {
    const article = await addVariant('one');
    const edited = await library.articles.updateMetadata(article.id, {
      url: 'https://a.example/x',
    });
    expect(edited.citekey).toBe('southfront2018video');
  });

  it('takes a key typed by the user, fixed; refuses one that is taken or not BibTeX-safe', async () => {
    const one = await addVariant('one');
    const two = await addVariant('two');
    const set = await library.articles.setCitekey(two.id, '  front:isis-2018 ');
    expect(set.citekey).toBe('front:isis-2018');
    expect(set.citekeyFixed).toBe(true);

    await expect(library.articles.setCitekey(two.id, one.citekey)).rejects.toThrow(
      /already used by/u,
    );
    await expect(library.articles.setCitekey(two.id, 'has space')).rejects.toThrow(
      /letters, digits/u,
    );
    await expect(library.articles.setCitekey(two.id, 'a{b}')).rejects.toThrow(/letters, digits/u);
    await expect(library.articles.setCitekey(two.id, '')).rejects.toThrow(/cannot be empty/u);
    expect((await library.articles.get(two.id))?.citekey).toBe('front:isis-2018');
  });

  it('the unique index refuses a second article with the same key even on a direct write', async () => {
    const one = await addVariant('one');
    const other = recordOf((await variantArticle('two')).parsed, 'other');
    await expect(library.db.articles.add({ ...other, citekey: one.citekey })).rejects.toThrow();
  });
});

describe('hand-cased titles', () => {
  it('keeps a title override per style, and removes it when cleared', async () => {
    const article = await addVariant('one');
    const cased = await library.articles.setTitleOverride(
      article.id,
      'apa',
      'Video: Taliban vs ISIS',
    );
    expect(cased.titleOverrides).toEqual({ apa: 'Video: Taliban vs ISIS' });
    await library.articles.setTitleOverride(article.id, 'mla', 'Taliban Versus ISIS');
    const cleared = await library.articles.setTitleOverride(article.id, 'apa', '  ');
    expect(cleared.titleOverrides).toEqual({ mla: 'Taliban Versus ISIS' });
    expect((await library.articles.get(article.id))?.titleOverrides).toEqual({
      mla: 'Taliban Versus ISIS',
    });
  });
});

describe('migrateArticlesV2toV3', () => {
  it('keys the oldest article first and keeps keys a record already has', async () => {
    const parsed = (await variantArticle('x')).parsed;
    const old = (id: string, addedAt: number): ArticleRecordV2 => ({
      ...parsed,
      id,
      tags: [],
      addedAt,
      updatedAt: addedAt,
    });
    const migrated = migrateArticlesV2toV3([old('newer', 20), old('older', 10), old('oldest', 5)]);
    expect(migrated.map((r) => [r.id, r.citekey, r.citekeyFixed])).toEqual([
      ['oldest', 'southfront2018video', false],
      ['older', 'southfront2018videoa', false],
      ['newer', 'southfront2018videob', false],
    ]);
    expect(migrated.every((r) => Object.keys(r.titleOverrides).length === 0)).toBe(true);
    // A record written by a build ahead of its schema version already has the fields.
    const ahead: ArticleRecordV3 = {
      ...old('a', 1),
      citekey: 'mine',
      citekeyFixed: true,
      titleOverrides: { apa: 'X' },
    };
    const kept = migrateArticlesV2toV3([ahead]);
    expect(kept[0]).toMatchObject({
      citekey: 'mine',
      citekeyFixed: true,
      titleOverrides: { apa: 'X' },
    });
  });
});

describe('custom styles and settings', () => {
  const STYLE = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Tiny Test Style</title><id>http://example.org/tiny</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>`;

  it('stores a checked style once, lists it, and removes it', async () => {
    const added = await library.styles.add(STYLE);
    expect(added.status).toBe('added');
    expect(added.style).toMatchObject({
      title: 'Tiny Test Style',
      cslId: 'http://example.org/tiny',
    });
    const again = await library.styles.add(STYLE);
    expect(again).toEqual({ status: 'duplicate', style: added.style });
    expect(await library.styles.list()).toEqual([added.style]);
    await library.styles.remove(added.style.id);
    expect(await library.styles.list()).toEqual([]);
  });

  it('refuses a file that is not a CSL style and stores nothing', async () => {
    await expect(library.styles.add('<style><oops></style>')).rejects.toThrow(
      /not well-formed XML/u,
    );
    await expect(library.styles.add('<html xmlns="x"/>')).rejects.toThrow(/root is <html>/u);
    expect(await library.styles.list()).toEqual([]);
  });

  it('keeps settings such as the default style', async () => {
    expect(await library.settings.get('defaultStyle')).toBeUndefined();
    await library.settings.set('defaultStyle', 'chicago-notes');
    expect(await library.settings.get('defaultStyle')).toBe('chicago-notes');
  });
});
