import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrarySearch } from '../search/library-search.ts';
import type { Library } from './index.ts';
import { disposeLibrary, openTestLibrary, variantArticle } from './test-article.ts';

let library: Library;

beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => disposeLibrary(library));

async function addArticle(label: string): Promise<string> {
  const { parsed, bytes } = await variantArticle(label);
  const result = await library.articles.add(parsed, bytes);
  if (result.status !== 'added') throw new Error('not added');
  return result.article.id;
}

const record = async (id: string) => (await library.db.articles.get(id))!;
const summary = async (id: string) => (await library.db.summaries.get(id))!;
const taggedWith = (tag: string) =>
  library.db.summaries.where('tags').equals(tag).primaryKeys() as Promise<string[]>;
const sorted = (ids: string[]) => [...ids].sort();

describe('setTags', () => {
  it('adds tags to several articles, returns how many changed and bumps updatedAt', async () => {
    const a = await addArticle('a');
    const b = await addArticle('b');
    const before = await record(a);
    expect(await library.articles.setTags([a, b], { add: ['Climate', ' Ice  sheets '] })).toBe(2);
    expect((await record(a)).tags).toEqual(['Climate', 'Ice sheets']);
    expect((await record(a)).updatedAt).toBeGreaterThan(before.updatedAt);
    expect((await summary(b)).tags).toEqual(['Climate', 'Ice sheets']);
    expect(sorted(await taggedWith('Climate'))).toEqual(sorted([a, b]));
  });

  it('ignores case and accents: an existing tag is not added twice, nothing changes', async () => {
    const a = await addArticle('a');
    await library.articles.setTags([a], { add: ['Élan'] });
    const before = await record(a);
    expect(await library.articles.setTags([a], { add: ['elan', 'ÉLAN'] })).toBe(0);
    const after = await record(a);
    expect(after.tags).toEqual(['Élan']);
    expect(after.updatedAt).toBe(before.updatedAt);
  });

  it('removes tags ignoring case, counting only the articles that had them', async () => {
    const a = await addArticle('a');
    const b = await addArticle('b');
    await library.articles.setTags([a], { add: ['Climate', 'Oceans'] });
    expect(await library.articles.setTags([a, b], { remove: ['CLIMATE'] })).toBe(1);
    expect((await record(a)).tags).toEqual(['Oceans']);
    expect((await summary(a)).tags).toEqual(['Oceans']);
    expect(await taggedWith('Climate')).toEqual([]);
    expect(await taggedWith('Oceans')).toEqual([a]);
  });

  it('adds and removes in one change', async () => {
    const a = await addArticle('a');
    await library.articles.setTags([a], { add: ['Old'] });
    expect(await library.articles.setTags([a], { add: ['New'], remove: ['old'] })).toBe(1);
    expect((await summary(a)).tags).toEqual(['New']);
  });

  it('skips unknown article ids', async () => {
    const a = await addArticle('a');
    expect(await library.articles.setTags(['no-such-article', a], { add: ['Climate'] })).toBe(1);
    expect(await library.db.articles.count()).toBe(1);
    expect(await library.db.summaries.count()).toBe(1);
  });

  it('re-indexes the article: search finds it by tag:, and no longer once removed', async () => {
    const search = createLibrarySearch(library.db);
    const a = await addArticle('a');
    const b = await addArticle('b');
    await library.articles.setTags([a], { add: ['Climate change'] });
    const ids = async (query: string) => (await search.search(query)).hits.map((h) => h.id);
    expect(await ids('tag:"climate change"')).toEqual([a]);
    expect(await ids('tag:CLIMATE*')).toEqual([a]);
    expect(await ids('tag:climate')).toEqual([]); // a whole tag, not one of its words
    await library.articles.setTags([a], { remove: ['climate CHANGE'] });
    await library.articles.setTags([b], { add: ['Climate change'] });
    expect(await ids('tag:"climate change"')).toEqual([b]);
  });
});

describe('setCollections', () => {
  it('adds to known collections, records it in the summary and its index', async () => {
    const a = await addArticle('a');
    const one = await library.collections.create('One', null);
    const two = await library.collections.create('Two', null);
    const before = await record(a);
    expect(await library.articles.setCollections([a], { add: [one.id, two.id] })).toBe(1);
    expect((await record(a)).collections).toEqual([one.id, two.id]);
    expect((await record(a)).updatedAt).toBeGreaterThan(before.updatedAt);
    expect((await summary(a)).collections).toEqual([one.id, two.id]);
    expect(await library.db.summaries.where('collections').equals(two.id).primaryKeys()).toEqual([
      a,
    ]);
    const search = createLibrarySearch(library.db);
    expect((await search.search(`collection:"${one.id}"`)).hits.map((h) => h.id)).toEqual([a]);
  });

  it('ignores unknown collection ids, and an id already there or given twice', async () => {
    const a = await addArticle('a');
    const one = await library.collections.create('One', null);
    expect(await library.articles.setCollections([a], { add: ['no-such-collection'] })).toBe(0);
    expect((await record(a)).collections).toEqual([]);
    expect(
      await library.articles.setCollections([a], { add: [one.id, 'no-such-collection', one.id] }),
    ).toBe(1);
    expect((await record(a)).collections).toEqual([one.id]);
    expect(await library.articles.setCollections([a], { add: [one.id] })).toBe(0);
  });

  it('removes collections, counting only the articles that were in them', async () => {
    const a = await addArticle('a');
    const b = await addArticle('b');
    const one = await library.collections.create('One', null);
    await library.articles.setCollections([a], { add: [one.id] });
    expect(await library.articles.setCollections([a, b], { remove: [one.id] })).toBe(1);
    expect((await summary(a)).collections).toEqual([]);
    expect(await library.db.summaries.where('collections').equals(one.id).count()).toBe(0);
  });

  it('skips unknown article ids', async () => {
    const a = await addArticle('a');
    const one = await library.collections.create('One', null);
    expect(await library.articles.setCollections(['no-such-article', a], { add: [one.id] })).toBe(
      1,
    );
    expect(await library.db.articles.count()).toBe(1);
  });
});

describe('add with tags', () => {
  it('stores an import’s own tags cleaned and once each, searchable at once', async () => {
    const { parsed, bytes } = await variantArticle('tagged');
    const result = await library.articles.add(parsed, bytes, {
      tags: ['  Oceans ', 'oceans', 'Field work'],
    });
    expect(result.article.tags).toEqual(['Oceans', 'Field work']);
    expect((await library.db.summaries.get(result.article.id))?.tags).toEqual([
      'Oceans',
      'Field work',
    ]);
    const search = createLibrarySearch(library.db);
    expect((await search.search('tag:"field work"')).hits.map((h) => h.id)).toEqual([
      result.article.id,
    ]);
  });
});
