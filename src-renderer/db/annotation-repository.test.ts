import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationError, MAX_NOTE_LENGTH } from '../../src-core/excerpt/annotation.ts';
import { describeSelection } from '../../src-core/excerpt/anchor.ts';
import { displayText } from '../../src-core/excerpt/display-text.ts';
import type { AnnotationTarget } from '../../src-core/excerpt/types.ts';
import { createLibrarySearch } from '../search/library-search.ts';
import type { ArticleRecord, Library } from './index.ts';
import { disposeLibrary, openTestLibrary, variantArticle } from './test-article.ts';

let library: Library;
beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => disposeLibrary(library));

const QUOTE = 'most of the terrorists are in the province of Nangarhar';
const OTHER = 'hit-and-run operations';

async function addArticle(label = 'a'): Promise<ArticleRecord> {
  const { parsed, bytes } = await variantArticle(label);
  const result = await library.articles.add(parsed, bytes);
  if (result.status !== 'added') throw new Error('not added');
  return result.article;
}

function targetOf(article: ArticleRecord, quote: string): AnnotationTarget {
  const start = displayText(article.body).text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in article: ${quote}`);
  return describeSelection(article.body, start, start + quote.length);
}

async function hits(query: string): Promise<string[]> {
  const search = createLibrarySearch(library.db);
  await search.flush();
  return (await search.search(query)).hits.map((hit) => hit.id);
}

describe('annotations', () => {
  it('stores a highlight with its selectors, paragraph and colour, listed in reading order', async () => {
    const article = await addArticle();
    const later = await library.annotations.add(article.id, targetOf(article, OTHER));
    const first = await library.annotations.add(article.id, targetOf(article, QUOTE), {
      color: 'green',
      note: 'Share of territory',
    });
    expect(first.target?.quote.exact).toBe(QUOTE);
    expect(first.target?.paragraphs.firstN).toBe(2);
    expect(first.color).toBe('green');
    expect(first.parserVersion).toBe(article.parserVersion);
    expect(later.color).toBe('yellow');
    const listed = await library.annotations.forArticle(article.id);
    expect(listed.map((a) => a.id)).toEqual([first.id, later.id]);
  });

  it('refuses a target whose quote is not the text at its position', async () => {
    const article = await addArticle();
    const target = targetOf(article, QUOTE);
    const moved = { ...target, position: { ...target.position, start: 0 } };
    await expect(library.annotations.add(article.id, moved)).rejects.toThrow(AnnotationError);
    expect(await library.db.annotations.count()).toBe(0);
  });

  it('refuses a highlight on an article that is gone, and an unknown colour', async () => {
    const article = await addArticle();
    const target = targetOf(article, QUOTE);
    await expect(library.annotations.add('nope', target)).rejects.toThrow(/no longer/);
    await expect(
      library.annotations.add(article.id, target, { color: 'red' as never }),
    ).rejects.toThrow(/colour/);
    expect(await library.db.annotations.count()).toBe(0);
  });

  it('keeps a note with HTML in it as typed text, and refuses one over the limit unchanged', async () => {
    const article = await addArticle();
    const note = '<img src=x onerror="alert(1)"> **not markdown**';
    const a = await library.annotations.add(article.id, targetOf(article, QUOTE), { note });
    expect((await library.db.annotations.get(a.id))?.note).toBe(note);
    await expect(
      library.annotations.update(a.id, { note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }),
    ).rejects.toThrow(/at most 50,000/);
    expect((await library.db.annotations.get(a.id))?.note).toBe(note);
  });

  it('updates colour, note and tags (cleaned), bumping updatedAt', async () => {
    const article = await addArticle();
    const a = await library.annotations.add(article.id, targetOf(article, QUOTE));
    const updated = await library.annotations.update(a.id, {
      color: 'blue',
      note: 'Key figure  ',
      tags: [' Evidence ', 'evidence', 'Territory'],
    });
    expect(updated).toMatchObject({
      color: 'blue',
      note: 'Key figure',
      tags: ['Evidence', 'Territory'],
    });
    expect(updated.updatedAt).toBeGreaterThan(a.updatedAt);
    expect(await library.db.annotations.get(a.id)).toEqual(updated);
  });

  it('deletes one and restores exactly the same record', async () => {
    const article = await addArticle();
    const a = await library.annotations.add(article.id, targetOf(article, QUOTE), { note: 'n' });
    const removed = await library.annotations.remove(a.id);
    expect(await library.db.annotations.get(a.id)).toBeUndefined();
    await library.annotations.restore(removed);
    expect(await library.db.annotations.get(a.id)).toEqual(a);
    await expect(library.annotations.restore(removed)).rejects.toThrow();
  });

  it('lists across the library newest first, filtered by colour, tag and words of quote or note', async () => {
    const one = await addArticle('one');
    const two = await addArticle('two');
    const a = await library.annotations.add(one.id, targetOf(one, QUOTE), {
      color: 'green',
      tags: ['Territory'],
    });
    const b = await library.annotations.add(two.id, targetOf(two, OTHER), {
      note: 'Regional powers — Élysée',
    });
    expect((await library.annotations.list()).map((x) => x.id)).toEqual([b.id, a.id]);
    expect((await library.annotations.list({ color: 'green' })).map((x) => x.id)).toEqual([a.id]);
    expect((await library.annotations.list({ tag: 'Territory' })).map((x) => x.id)).toEqual([a.id]);
    expect((await library.annotations.list({ text: 'elysee POWERS' })).map((x) => x.id)).toEqual([
      b.id,
    ]);
    expect((await library.annotations.list({ text: 'nangarhar' })).map((x) => x.id)).toEqual([
      a.id,
    ]);
    expect(await library.annotations.tags()).toEqual(['Territory']);
  });

  it('makes notes and annotation tags searchable and answers has:annotations and has:notes', async () => {
    const article = await addArticle();
    const other = await addArticle('other');
    expect(await hits('has:annotations')).toEqual([]);
    const a = await library.annotations.add(article.id, targetOf(article, QUOTE));
    expect(await hits('has:annotations')).toEqual([article.id]);
    expect(await hits('has:notes')).toEqual([]);
    await library.annotations.update(a.id, { note: 'zygomorphic reasoning', tags: ['quokka'] });
    // Only the annotated article: the other one, with the same text, has no such words.
    expect(await hits('zygomorphic')).toEqual([article.id]);
    expect(await hits('quokka')).toEqual([article.id]);
    expect(await hits('nangarhar')).toEqual(expect.arrayContaining([article.id, other.id]));
    expect(await hits('has:notes')).toEqual([article.id]);
    await library.annotations.remove(a.id);
    expect(await hits('zygomorphic')).toEqual([]);
    expect(await hits('has:annotations')).toEqual([]);
  });

  it('lists with colour, tag and words together: each narrows the others', async () => {
    const one = await addArticle('one');
    const a = await library.annotations.add(one.id, targetOf(one, QUOTE), {
      color: 'green',
      tags: ['Territory'],
      note: 'district control',
    });
    await library.annotations.add(one.id, targetOf(one, OTHER), {
      color: 'green',
      note: 'district raids',
    });
    const ids = async (filter: Parameters<typeof library.annotations.list>[0]) =>
      (await library.annotations.list(filter)).map((x) => x.id);
    expect(await ids({ color: 'green', tag: 'Territory', text: 'district' })).toEqual([a.id]);
    expect(await ids({ color: 'blue', tag: 'Territory' })).toEqual([]);
    expect(await ids({ color: 'green', text: 'raids control' })).toEqual([]);
  });

  it('go with their article when it is deleted, and come back with it on undo', async () => {
    const article = await addArticle();
    const a = await library.annotations.add(article.id, targetOf(article, QUOTE), {
      note: 'zygomorphic',
    });
    const deleted = await library.articles.remove(article.id);
    expect(deleted.annotations).toEqual([a]);
    expect(await library.db.annotations.count()).toBe(0);
    expect(await hits('zygomorphic')).toEqual([]);
    await library.articles.restore(deleted);
    expect(await library.annotations.forArticle(article.id)).toEqual([a]);
    expect(await hits('zygomorphic')).toEqual([article.id]);
  });
});
