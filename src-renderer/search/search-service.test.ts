import 'fake-indexeddb/auto';
import { INDEX_VERSION } from '../db/search-index.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importArticle } from '../../src-core/import/import-article.ts';
import { sha256 as webCryptoSha256 } from '../host/sha256.ts';
import type { Library } from '../db/index.ts';
import {
  disposeLibrary,
  fixtureBytes,
  openTestLibrary,
  variantArticle,
} from '../db/test-article.ts';
import { NO_FILTERS, type ViewRequest } from './library-view.ts';
import { createInProcessSearchClient, ViewSuperseded, type SearchClient } from './search-client.ts';

let library: Library;
let client: SearchClient;

beforeEach(() => {
  library = openTestLibrary();
  client = createInProcessSearchClient(library.db);
});
afterEach(async () => {
  client.close();
  vi.restoreAllMocks();
  await disposeLibrary(library);
});

/** The reference article as the import reads it: every paragraph, numbered as the reader shows them. */
async function addReference(): Promise<string> {
  const parsed = await importArticle(
    fixtureBytes,
    { fileName: '000_bfa7ac14e5553cb7.txt' },
    { sha256: webCryptoSha256 },
  );
  const result = await library.articles.add(parsed, fixtureBytes);
  if (result.status !== 'added') throw new Error('not added');
  return result.article.id;
}

/** A small article whose only paragraph is this text. */
async function addArticle(label: string, title: string, text: string): Promise<string> {
  const { parsed, bytes } = await variantArticle(label);
  parsed.csl.title = title;
  parsed.body = parsed.body.slice(0, 1).map((p) => ({ ...p, text }));
  const result = await library.articles.add(parsed, bytes);
  if (result.status !== 'added') throw new Error('not added');
  return result.article.id;
}

const request = (query: string): ViewRequest => ({
  query,
  filters: NO_FILTERS,
  sort: 'relevance',
  descending: true,
});

describe('views', () => {
  it('answers a view with the matching articles', async () => {
    const rivers = await addArticle('a', 'Rivers', 'Water flows downhill.');
    await addArticle('b', 'Mountains', 'Rock stands still.');
    const result = await client.view(request('water'), 'g1');
    expect(result.ids).toEqual([rivers]);
    expect(result.total).toBe(1);
    expect(result.narrowed).toBe(true);
    expect(result.highlight).toEqual(['water']);
  });

  it('two searches back to back: the first rejects with ViewSuperseded, the second resolves', async () => {
    const rivers = await addArticle('a', 'Rivers', 'Water flows downhill.');
    const first = client.view(request('water'), 'g1');
    const second = client.view(request('rivers'), 'g1');
    await expect(first).rejects.toBeInstanceOf(ViewSuperseded);
    await expect(second).resolves.toMatchObject({ ids: [rivers], total: 1 });
  });

  it('two unfiltered views back to back: the first rejects too, the second resolves', async () => {
    const rivers = await addArticle('a', 'Rivers', 'Water flows downhill.');
    const first = client.view(request(''), 'g1');
    const second = client.view(request(''), 'g1');
    await expect(first).rejects.toBeInstanceOf(ViewSuperseded);
    await expect(second).resolves.toMatchObject({ ids: [rivers], narrowed: false });
  });

  it('a new generation shows an article added since the last view', async () => {
    const rivers = await addArticle('a', 'Rivers', 'Water flows downhill.');
    expect((await client.view(request(''), 'g1')).ids).toEqual([rivers]);
    const lakes = await addArticle('b', 'Lakes', 'Water stands still.');
    expect((await client.view(request(''), 'g2')).ids).toEqual([lakes, rivers]);
  });
});

describe('snippets', () => {
  it('gives the paragraph number and the marked words for the reference article', async () => {
    const id = await addReference();
    const [snippet, ...rest] = await client.snippets([id], ['central', 'government']);
    expect(rest).toEqual([]);
    expect(snippet!.id).toBe(id);
    expect(snippet!.paragraph).toBe(5);
    expect(snippet!.parts.filter((p) => p.hit).map((p) => p.text)).toEqual([
      'central',
      'government',
    ]);
    // About 60 characters before the first word, cut at a word; the paragraph's end is in.
    expect(snippet!.parts.map((p) => p.text).join('')).toMatch(
      /^Inspector General .* the central government controls .* by the Taliban\.$/,
    );
    expect(snippet!.before).toBe(true);
    expect(snippet!.after).toBe(false);
  });

  it('leaves out articles that are gone or hold none of the words', async () => {
    const rivers = await addArticle('a', 'Rivers', 'Water flows downhill.');
    const rock = await addArticle('b', 'Mountains', 'Rock stands still.');
    const snippets = await client.snippets(['no-such-id', rock, rivers], ['water']);
    expect(snippets.map((s) => s.id)).toEqual([rivers]);
    expect(snippets[0]!.paragraph).toBe(1);
    expect(snippets[0]!.parts).toEqual([
      { text: 'Water', hit: true },
      { text: ' flows downhill.', hit: false },
    ]);
  });
});

describe('index maintenance', () => {
  it('ensureIndex leaves a new library alone, rebuilds an index of another version once, with progress', async () => {
    const rivers = await addArticle('a', 'Rivers', 'Water flows downhill.');
    expect(await client.ensureIndex()).toBe(false);
    await library.db.searchMeta.put({ key: 'version', value: INDEX_VERSION + 1 });
    const progress: [number, number][] = [];
    expect(await client.ensureIndex((done, total) => progress.push([done, total]))).toBe(true);
    expect(progress).toEqual([[1, 1]]);
    expect(await client.ensureIndex()).toBe(false);
    expect((await client.view(request('water'), 'g1')).ids).toEqual([rivers]);
  });

  it('check finds damage, repair mends it, and check then finds none', async () => {
    const a = await addArticle('a', 'Rivers', 'Water flows.');
    const b = await addArticle('b', 'Lakes', 'Water stands.');
    await client.ensureIndex();
    expect(await client.check()).toEqual({ dangling: 0, missing: 0 });
    // b's index entry vanishes; a's article vanishes behind the index's back.
    await library.db.searchDocs.delete(b);
    await library.db.articles.delete(a);
    expect(await client.check()).toEqual({ dangling: 2, missing: 1 });
    expect(await client.repair()).toEqual({ dangling: 2, missing: 1 });
    expect(await client.check()).toEqual({ dangling: 0, missing: 0 });
    expect((await client.view(request('water'), 'g2')).ids).toEqual([b]);
  });
});

describe('errors', () => {
  it('come back as rejections with the error message', async () => {
    vi.spyOn(library.db.searchMeta, 'get').mockRejectedValue(new Error('The disk is on fire'));
    vi.spyOn(library.db.searchPending, 'count').mockRejectedValue(new Error('No room left'));
    await expect(client.ensureIndex()).rejects.toThrow('The disk is on fire');
    const failed = client.view(request('water'), 'g1');
    await expect(failed).rejects.toThrow('No room left');
    await expect(failed).rejects.not.toBeInstanceOf(ViewSuperseded);
  });

  it('closing the client rejects what is still waiting', async () => {
    await addArticle('a', 'Rivers', 'Water flows downhill.');
    const waiting = client.view(request('water'), 'g1');
    client.close();
    await expect(waiting).rejects.toThrow('Search was closed');
  });
});
