import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../db/index.ts';
import { disposeLibrary, openTestLibrary, variantArticle } from '../db/test-article.ts';
import { mergeSegmentsAsNeeded, flushPending, MERGE_FACTOR } from '../db/search-maintenance.ts';
import { createLibrarySearch, type LibrarySearch } from './library-search.ts';
import { INDEX_VERSION } from '../db/search-index.ts';

let library: Library;
let search: LibrarySearch;

beforeEach(() => {
  library = openTestLibrary();
  search = createLibrarySearch(library.db);
});
afterEach(() => disposeLibrary(library));

/** Adds an article whose title and paragraphs are these texts; returns its id. */
async function addArticle(label: string, title: string, paragraphs: string[], tags?: string[]) {
  const { parsed, bytes } = await variantArticle(label);
  parsed.csl.title = title;
  parsed.body = parsed.body
    .slice(0, 1)
    .flatMap((p) => paragraphs.map((text, i) => ({ ...p, n: i + 1, id: `p-${label}-${i}`, text })));
  const result = await library.articles.add(parsed, bytes);
  if (result.status !== 'added') throw new Error('not added');
  if (tags) await library.articles.setTags([result.article.id], { add: tags });
  return result.article.id;
}

const ids = async (query: string) => (await search.search(query)).hits.map((h) => h.id).sort();

describe('incremental index updates', () => {
  it('finds an article as soon as it is added, by body, title, author and site', async () => {
    const id = await addArticle('a', 'Glaciers of Patagonia', ['The ice fields retreat quickly.']);
    expect(await ids('retreat')).toEqual([id]);
    expect(await ids('patagonia')).toEqual([id]);
    expect(await ids('author:"south front"')).toEqual([id]);
    expect(await ids('site:global')).toEqual([id]);
    expect(await ids('year:2018')).toEqual([id]);
    expect(await ids('year:2019..2020')).toEqual([]);
    // The reference article's notices are indexed too.
    expect(await ids('"fair use"')).toEqual([id]);
  });

  it('follows a metadata edit: the old title no longer matches, the new one does', async () => {
    const id = await addArticle('a', 'Glaciers of Patagonia', ['Ice.']);
    await library.articles.updateMetadata(id, { title: 'Deserts of Atacama' });
    expect(await ids('patagonia')).toEqual([]);
    expect(await ids('atacama')).toEqual([id]);
    expect((await search.search('ice')).total).toBe(1);
  });

  it('forgets a deleted article (not counted) and finds it again after undo', async () => {
    const keep = await addArticle('a', 'Rivers', ['Water flows downhill.']);
    const gone = await addArticle('b', 'Lakes', ['Water stands still.']);
    await search.flush(); // both in a segment: the delete must hide a segment entry
    const deleted = await library.articles.remove(gone);
    const result = await search.search('water');
    expect(result.total).toBe(1);
    expect(result.hits.map((h) => h.id)).toEqual([keep]);
    await library.articles.restore(deleted);
    expect(await ids('water')).toEqual([keep, gone].sort());
    expect(await search.check()).toEqual({ dangling: 0, missing: 0 });
  });

  it('re-indexes tags and collections, which filter without changing the ranking', async () => {
    const a = await addArticle('a', 'Rivers', ['Water flows.'], ['Hydrology']);
    const b = await addArticle('b', 'Lakes', ['Water stands.']);
    expect(await ids('tag:hydrology')).toEqual([a]);
    expect(await ids('water -tag:hydrology')).toEqual([b]);
    await library.articles.setTags([a], { remove: ['Hydrology'] });
    expect(await ids('tag:hydrology')).toEqual([]);
  });
});

describe('segments', () => {
  it('merges a full size class into one segment and purges deleted documents', async () => {
    const added: string[] = [];
    for (let i = 0; i < MERGE_FACTOR; i++) {
      added.push(await addArticle(`m${i}`, `Article ${i}`, [`Common words and token${i}.`]));
      await flushPending(library.db); // one small segment each
    }
    await library.articles.remove(added[0]!);
    expect(await library.db.searchSegments.count()).toBe(MERGE_FACTOR);
    expect(await library.db.searchDeleted.count()).toBe(1);

    expect(await mergeSegmentsAsNeeded(library.db)).toBe(1);
    expect(await library.db.searchSegments.count()).toBe(1);
    expect(await library.db.searchDeleted.count()).toBe(0);
    const result = await search.search('common');
    expect(result.total).toBe(MERGE_FACTOR - 1);
    expect(await ids('token3')).toEqual([added[3]]);
    expect(await ids('token0')).toEqual([]);
    expect(await search.check()).toEqual({ dangling: 0, missing: 0 });
  });
});

describe('consistency check, repair and rebuild', () => {
  it('reports an article missing from the index and an entry for a missing article, and repairs both', async () => {
    const a = await addArticle('a', 'Rivers', ['Water flows.']);
    const b = await addArticle('b', 'Lakes', ['Water stands.']);
    await search.flush();
    // Simulate damage: b's index entry vanishes, a's article vanishes behind the index's back.
    await library.db.searchDocs.delete(b);
    await library.db.articles.delete(a);
    expect(await search.check()).toEqual({ dangling: 2, missing: 1 });
    expect(await search.repair()).toEqual({ dangling: 2, missing: 1 });
    expect(await search.check()).toEqual({ dangling: 0, missing: 0 });
    expect(await ids('water')).toEqual([b]);
  });

  it('a new library needs no rebuild; an index of another version does, and a rebuild indexes every article', async () => {
    const a = await addArticle('a', 'Rivers', ['Water flows.']);
    expect(await search.needsRebuild()).toBe(false);
    await library.db.searchMeta.put({ key: 'version', value: INDEX_VERSION - 1 });
    expect(await search.needsRebuild()).toBe(true);
    const seen: number[] = [];
    await search.rebuild((done) => seen.push(done));
    expect(seen).toEqual([1]);
    expect(await search.needsRebuild()).toBe(false);
    expect(await ids('water')).toEqual([a]);
    expect(await search.indexBytes()).toBeGreaterThan(0);
  });
});
