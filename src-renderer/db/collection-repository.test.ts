import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Library } from './index.ts';
import { disposeLibrary, openTestLibrary, variantArticle } from './test-article.ts';

let library: Library;

beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => disposeLibrary(library));

async function addArticle(label: string, collections: string[]): Promise<string> {
  const { parsed, bytes } = await variantArticle(label);
  const result = await library.articles.add(parsed, bytes);
  if (result.status !== 'added') throw new Error('not added');
  await library.articles.setCollections([result.article.id], { add: collections });
  return result.article.id;
}

/** Each collection's name → its parent's name (null at the top). */
async function tree(): Promise<Record<string, string | null>> {
  const all = await library.collections.list();
  const names = new Map(all.map((c) => [c.id, c.name]));
  return Object.fromEntries(
    all.map((c) => [c.name, c.parentId === null ? null : (names.get(c.parentId) ?? '?')]),
  );
}

describe('create', () => {
  it('creates collections at the top and nested, with a cleaned name and the time', async () => {
    const top = await library.collections.create('  Climate   research ', null);
    const nested = await library.collections.create('Glaciers', top.id);
    expect(top).toMatchObject({ name: 'Climate research', parentId: null });
    expect(nested.parentId).toBe(top.id);
    expect(nested.addedAt).toBeGreaterThan(top.addedAt);
    expect(await tree()).toEqual({ 'Climate research': null, Glaciers: 'Climate research' });
  });

  it('refuses a blank name and an unknown parent, and stores nothing', async () => {
    await expect(library.collections.create('   ', null)).rejects.toThrow(
      'A collection needs a name',
    );
    await expect(library.collections.create('Orphan', 'no-such-collection')).rejects.toThrow(
      'That collection is no longer in the library',
    );
    expect(await library.collections.list()).toEqual([]);
  });
});

describe('rename', () => {
  it('renames, cleaning the new name', async () => {
    const { id } = await library.collections.create('Climate', null);
    await library.collections.rename(id, ' Weather\tand  climate ');
    expect(await tree()).toEqual({ 'Weather and climate': null });
  });

  it('accepts the name it already has', async () => {
    const { id } = await library.collections.create('Climate', null);
    await expect(library.collections.rename(id, 'Climate')).resolves.toBeUndefined();
    await expect(library.collections.rename(id, ' Climate ')).resolves.toBeUndefined();
    expect(await tree()).toEqual({ Climate: null });
  });

  it('refuses a blank name and an unknown collection', async () => {
    const { id } = await library.collections.create('Climate', null);
    await expect(library.collections.rename(id, ' \n ')).rejects.toThrow(
      'A collection needs a name',
    );
    await expect(library.collections.rename('no-such-collection', 'X')).rejects.toThrow(
      'That collection is no longer in the library',
    );
    expect(await tree()).toEqual({ Climate: null });
  });
});

describe('move', () => {
  it('moves a collection under another and back to the top', async () => {
    const a = await library.collections.create('A', null);
    const b = await library.collections.create('B', null);
    await library.collections.move(b.id, a.id);
    expect(await tree()).toEqual({ A: null, B: 'A' });
    await library.collections.move(b.id, null);
    expect(await tree()).toEqual({ A: null, B: null });
  });

  it('refuses to put a collection inside itself or one of its descendants', async () => {
    const a = await library.collections.create('A', null);
    const b = await library.collections.create('B', a.id);
    const c = await library.collections.create('C', b.id);
    for (const target of [a.id, b.id, c.id]) {
      await expect(library.collections.move(a.id, target)).rejects.toThrow(
        'A collection cannot go inside itself',
      );
    }
    await expect(library.collections.move(b.id, c.id)).rejects.toThrow(
      'A collection cannot go inside itself',
    );
    expect(await tree()).toEqual({ A: null, B: 'A', C: 'B' });
  });

  it('refuses an unknown parent', async () => {
    const a = await library.collections.create('A', null);
    await expect(library.collections.move(a.id, 'no-such-collection')).rejects.toThrow(
      'That collection is no longer in the library',
    );
    expect(await tree()).toEqual({ A: null });
  });
});

describe('remove', () => {
  it('removes one collection and returns its id', async () => {
    const a = await library.collections.create('A', null);
    const b = await library.collections.create('B', null);
    expect(await library.collections.remove(a.id)).toEqual([a.id]);
    expect((await library.collections.list()).map((c) => c.id)).toEqual([b.id]);
  });

  it('removes the nested collections too and takes their articles out, keeping the articles', async () => {
    const top = await library.collections.create('Top', null);
    const mid = await library.collections.create('Mid', top.id);
    const low = await library.collections.create('Low', mid.id);
    const other = await library.collections.create('Other', null);
    const inTop = await addArticle('top', [top.id]);
    const inMid = await addArticle('mid', [mid.id, other.id]);
    const inLow = await addArticle('low', [low.id]);
    const inBoth = await addArticle('both', [mid.id, low.id]);
    const before = await library.db.articles.get(inMid);

    const removed = await library.collections.remove(mid.id);
    expect(removed.sort()).toEqual([mid.id, low.id].sort());
    expect(await tree()).toEqual({ Top: null, Other: null });

    // The articles stay, out of the removed collections, in their others.
    expect(await library.articles.count()).toBe(4);
    const collectionsOf = async (id: string) => ({
      article: (await library.db.articles.get(id))!.collections,
      summary: (await library.db.summaries.get(id))!.collections,
    });
    expect(await collectionsOf(inTop)).toEqual({ article: [top.id], summary: [top.id] });
    expect(await collectionsOf(inMid)).toEqual({ article: [other.id], summary: [other.id] });
    expect(await collectionsOf(inLow)).toEqual({ article: [], summary: [] });
    expect(await collectionsOf(inBoth)).toEqual({ article: [], summary: [] });
    expect((await library.db.articles.get(inMid))!.updatedAt).toBeGreaterThan(before!.updatedAt);

    // The summaries' collection index no longer finds them under the removed ids.
    const members = await library.db.summaries
      .where('collections')
      .anyOf([mid.id, low.id])
      .primaryKeys();
    expect(members).toEqual([]);
  });
});
