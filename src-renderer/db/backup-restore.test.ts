import 'fake-indexeddb/auto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupError } from '../../src-core/backup/index.ts';
import { describeSelection } from '../../src-core/excerpt/anchor.ts';
import { displayText } from '../../src-core/excerpt/display-text.ts';
import { createLibrarySearch } from '../search/library-search.ts';
import { TEST_STYLE, firstDifference } from './backup-test-library.ts';
import { exportLibraryArchive, restoreLibraryArchive, type RestoreReport } from './backup.ts';
import type { AnnotationRecord, ArticleRecord, Library } from './index.ts';
import { annotationTitle } from './backup-merge-plan.ts';
import { disposeLibrary, openTestLibrary, variantArticle } from './test-article.ts';

const open: Library[] = [];
const library = () => {
  const opened = openTestLibrary();
  open.push(opened);
  return opened;
};
afterEach(async () => {
  vi.restoreAllMocks();
  for (const l of open.splice(0)) await disposeLibrary(l);
});

async function add(into: Library, label: string, tags: string[] = []): Promise<ArticleRecord> {
  const { parsed, bytes } = await variantArticle(label);
  const result = await into.articles.add(parsed, bytes, { tags });
  return result.article;
}

async function annotate(into: Library, article: ArticleRecord, quote: string, note: string) {
  const start = displayText(article.body).text.indexOf(quote);
  return into.annotations.add(
    article.id,
    describeSelection(article.body, start, start + quote.length),
    {
      note,
      tags: ['evidence'],
    },
  );
}

/** Every store, the search index's included: what "unchanged" is checked against. */
async function everything(into: Library): Promise<Record<string, unknown[]>> {
  const db = into.db;
  return db.transaction('r', db.tables, async () =>
    Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]))),
  );
}

async function expectUnchanged(into: Library, before: Record<string, unknown[]>) {
  expect(firstDifference(await everything(into), before)).toBeNull();
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: Error) => error,
  );
}

/** A library of three articles with tags, nested collections, notes, a style and settings. */
async function richLibrary() {
  const from = library();
  const a = await add(from, 'a', ['kept']);
  const b = await add(from, 'b', ['second']);
  const c = await add(from, 'c');
  const thesis = await from.collections.create('Thesis', null);
  const chapter = await from.collections.create('Chapter 1', thesis.id);
  await from.articles.setCollections([a.id, b.id], { add: [chapter.id] });
  await from.articles.setTags([a.id], { add: ['from the backup'] });
  const note = await annotate(from, a, 'most of the terrorists', 'Nangarhar share');
  await annotate(from, b, 'hit-and-run operations', 'tactics');
  await from.styles.add(TEST_STYLE);
  await from.settings.set('defaultStyle', 'apa');
  await from.settings.set('theme', 'sepia');
  return { from, a, b, c, thesis, chapter, note, archive: await exportLibraryArchive(from) };
}

describe('restore into an empty library', () => {
  it('refuses a library that is not empty and writes nothing', async () => {
    const { archive } = await richLibrary();
    const to = library();
    await add(to, 'other');
    const before = await everything(to);
    const error = await refusal(restoreLibraryArchive(to, archive, { mode: 'empty' }));
    expect(error).toBeInstanceOf(BackupError);
    expect(error.message).toMatch(/library is not empty/);
    await expectUnchanged(to, before);
  });

  it('replaces the settings an empty library already has, and says so', async () => {
    const { archive } = await richLibrary();
    const to = library();
    await to.settings.set('defaultStyle', 'mla');
    const report = await restoreLibraryArchive(to, archive, { mode: 'empty' });
    expect(await to.settings.get('defaultStyle')).toBe('apa');
    expect(report.conflicts).toEqual([
      {
        kind: 'setting',
        id: 'defaultStyle',
        resolution: expect.stringMatching(/apa.*replaced.*mla/),
      },
    ]);
  });

  it('leaves the library exactly as it was when a write fails midway (quota)', async () => {
    const { archive } = await richLibrary();
    const to = library();
    await to.settings.set('theme', 'dark');
    const before = await everything(to);
    vi.spyOn(to.db.annotations, 'bulkAdd').mockRejectedValue(
      new DOMException('The quota has been exceeded', 'QuotaExceededError'),
    );
    const error = await refusal(restoreLibraryArchive(to, archive, { mode: 'empty' }));
    expect(error.message).toMatch(/quota/);
    await expectUnchanged(to, before);
  });

  it('refuses an archive from a newer schema version, writing nothing', async () => {
    const { archive } = await richLibrary();
    const files = unzipSync(archive);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    files['manifest.json'] = strToU8(JSON.stringify({ ...manifest, schemaVersion: 99 }));
    const to = library();
    const before = await everything(to);
    const error = await refusal(
      restoreLibraryArchive(to, zipSync(files as Zippable), { mode: 'empty' }),
    );
    expect(error.message).toMatch(/newer version of Quire \(database version 99/);
    await expectUnchanged(to, before);
  });
});

describe('tampered archives', () => {
  it('are refused, naming the record or blob, with the library unchanged', async () => {
    const { archive, a } = await richLibrary();
    const to = library();
    await add(to, 'already here');
    const before = await everything(to);

    const files = unzipSync(archive);
    const articles = strFromU8(files['stores/articles.jsonl']!);
    const record = {
      ...files,
      'stores/articles.jsonl': strToU8(articles.replace('South Front', 'South Frunt')),
    };
    const error = await refusal(restoreLibraryArchive(to, zipSync(record), { mode: 'merge' }));
    expect(error).toBeInstanceOf(BackupError);
    expect(error.message).toMatch(/articles record "[0-9a-f-]{36}" does not match its SHA-256/);

    const blob = { ...files };
    const bytes = blob[`blobs/${a.source.sha256}`]!.slice();
    bytes[10] = bytes[10]! ^ 1;
    blob[`blobs/${a.source.sha256}`] = bytes;
    const blobError = await refusal(restoreLibraryArchive(to, zipSync(blob), { mode: 'merge' }));
    expect(blobError.message).toContain(`blob ${a.source.sha256} does not match its SHA-256`);

    const garbage = await refusal(
      restoreLibraryArchive(to, strToU8('not a backup'), { mode: 'merge' }),
    );
    expect(garbage.message).toMatch(/not a Quire backup/);
    await expectUnchanged(to, before);
  });
});

describe('merge into a library that has content', () => {
  async function mergeCase() {
    const rich = await richLibrary();
    const to = library();
    // The same bytes as the backup's article a, other tags; and an article whose key the
    // backup's b would take.
    const mine = await add(to, 'a', ['mine']);
    const rival = await add(to, 'x');
    await to.db.transaction('rw', to.db.articles, async () => {
      await to.db.articles.update(rival.id, { citekey: rich.b.citekey });
    });
    const thesis = await to.collections.create('Thesis', null);
    await to.settings.set('defaultStyle', 'mla');
    const report = await restoreLibraryArchive(to, rich.archive, { mode: 'merge' });
    return { ...rich, to, mine, rival, thesis, report };
  }

  it('skips an article whose original bytes are already there, adding its tags, collections and notes to the library’s copy', async () => {
    const { to, mine, a, report, thesis } = await mergeCase();
    expect(report.skipped).toContainEqual({
      kind: 'article',
      id: a.id,
      title: a.csl.title,
      reason: expect.stringMatching(
        /same original bytes.*tags kept, from the backup.*1 collection/,
      ),
    });
    const copy = (await to.articles.get(mine.id))!;
    expect(copy.tags).toEqual(['mine', 'kept', 'from the backup']);
    const chapter = (await to.collections.list()).find((c) => c.name === 'Chapter 1')!;
    expect(chapter.parentId).toBe(thesis.id);
    expect(copy.collections).toEqual([chapter.id]);
    const notes = await to.annotations.forArticle(mine.id);
    expect(notes.map((n) => n.note)).toEqual(['Nangarhar share']);
    expect(await to.articles.count()).toBe(4); // mine, rival, b, c
  });

  it('adds the other articles with their ids, gives a taken citation key a free one and reports it', async () => {
    const { to, b, c, rival, report } = await mergeCase();
    const added = (await to.articles.get(b.id))!;
    expect(added.citekey).not.toBe(b.citekey);
    expect(added.citekey.startsWith(b.citekey)).toBe(true);
    expect((await to.articles.get(rival.id))!.citekey).toBe(b.citekey);
    expect(report.conflicts).toContainEqual({
      kind: 'citekey',
      id: b.id,
      title: b.csl.title,
      resolution: expect.stringContaining(`its key ${b.citekey} is taken`),
    });
    expect((await to.articles.get(c.id))!.citekey).toBe(c.citekey);
    expect(report.added).toEqual({
      articles: 2,
      annotations: 2,
      collections: 1,
      styles: 1,
      settings: 1,
    });
  });

  it('keeps a setting the library has and reports the backup’s value; adds the ones it lacks', async () => {
    const { to, report } = await mergeCase();
    expect(await to.settings.get('defaultStyle')).toBe('mla');
    expect(await to.settings.get('theme')).toBe('sepia');
    expect(report.conflicts).toContainEqual({
      kind: 'setting',
      id: 'defaultStyle',
      resolution: 'kept the current value (mla); the backup had apa',
    });
  });

  it('merges collections by name under the same parent, never making a second “Thesis”', async () => {
    const { to } = await mergeCase();
    const names = (await to.collections.list()).map((c) => c.name).sort();
    expect(names).toEqual(['Chapter 1', 'Thesis']);
  });

  it('makes the merged articles and notes searchable', async () => {
    const { to, b, mine } = await mergeCase();
    const search = createLibrarySearch(to.db);
    const hits = async (q: string) => (await search.search(q)).hits.map((h) => h.id).sort();
    expect(await hits('Taliban')).toHaveLength(4);
    expect(await hits('tactics')).toEqual([b.id]);
    expect(await hits('Nangarhar share')).toEqual([mine.id]);
    expect(await hits('tag:second')).toEqual([b.id]);
  });

  it('adds nothing the second time, reporting everything as already there', async () => {
    const { to, archive } = await mergeCase();
    const before = await everything(to);
    const again = await restoreLibraryArchive(to, archive, { mode: 'merge' });
    expect(again.added).toEqual({
      articles: 0,
      annotations: 0,
      collections: 0,
      styles: 0,
      settings: 0,
    });
    expect(again.skipped.filter((s) => s.kind === 'article')).toHaveLength(3);
    expect(again.skipped.filter((s) => s.kind === 'annotation')).toHaveLength(2);
    expect(again.conflicts.map((c) => c.kind)).toEqual(['setting']);
    await expectUnchanged(to, before);
  });

  it('never overwrites a record whose id holds other content: keeps the library’s and reports it', async () => {
    const { archive, note, chapter, c } = await richLibrary();
    const to = library();
    await restoreLibraryArchive(to, archive, { mode: 'empty' });
    await to.annotations.update(note.id, { note: 'edited since the backup' });
    await to.collections.rename(chapter.id, 'Chapter one');
    // Another article under c's id: other bytes.
    await to.articles.remove(c.id);
    const other = await variantArticle('other bytes');
    const otherAdded = await to.articles.add(other.parsed, other.bytes);
    const otherRemoved = await to.articles.remove(otherAdded.article.id);
    await to.articles.restore({ ...otherRemoved, article: { ...otherRemoved.article, id: c.id } });

    const report: RestoreReport = await restoreLibraryArchive(to, archive, { mode: 'merge' });
    expect((await to.annotations.forArticle(note.articleId)).map((n) => n.note)).toEqual([
      'edited since the backup',
    ]);
    expect((await to.collections.list()).find((x) => x.id === chapter.id)!.name).toBe(
      'Chapter one',
    );
    expect(report.conflicts).toEqual(
      expect.arrayContaining([
        {
          kind: 'annotation',
          id: note.id,
          title: 'most of the terrorists',
          resolution: "the library's version differs and was kept",
        },
        expect.objectContaining({ kind: 'collection', id: chapter.id }),
        expect.objectContaining({
          kind: 'article',
          id: c.id,
          resolution: expect.stringMatching(/new id/),
        }),
      ]),
    );
    expect((await to.articles.get(c.id))!.source.sha256).toBe(other.parsed.source.sha256);
    const copies = (await to.articles.all()).filter((x) => x.source.sha256 === c.source.sha256);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.id).not.toBe(c.id);
  });

  it('leaves the library exactly as it was when a write fails midway', async () => {
    const { archive } = await richLibrary();
    const to = library();
    await add(to, 'a', ['mine']);
    await to.settings.set('defaultStyle', 'mla');
    const before = await everything(to);
    vi.spyOn(to.db.summaries, 'put').mockRejectedValue(new Error('disk full'));
    const error = await refusal(restoreLibraryArchive(to, archive, { mode: 'merge' }));
    expect(error.message).toMatch(/disk full/);
    await expectUnchanged(to, before);
  });
});

describe('annotationTitle', () => {
  const base = { target: null, note: '' } as unknown as AnnotationRecord;
  it('names a highlight by the start of its quote, on one line, and a whole-article note by its text', () => {
    const quote = (exact: string) =>
      ({ ...base, target: { quote: { exact } } }) as unknown as AnnotationRecord;
    expect(annotationTitle(quote('most of\n the terrorists'))).toBe('most of the terrorists');
    expect(annotationTitle(quote('x'.repeat(80)))).toBe(`${'x'.repeat(59)}…`);
    expect(annotationTitle({ ...base, note: 'Check the methods section.' })).toBe(
      'Check the methods section.',
    );
  });
});
