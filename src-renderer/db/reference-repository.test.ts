import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBibtex } from '../../src-core/interop/bibtex-import.ts';
import jabrefLibrary from '../../src-core/test-fixtures/bibtex/better-bibtex/import/97-jabref-2.10-library-groups.bib?raw';
import { isReferenceOnly, type Library } from './index.ts';
import { createLibrarySearch } from '../search/library-search.ts';
import { sha256 } from '../host/sha256.ts';
import { disposeLibrary, fixtureBytes, openTestLibrary, referenceArticle } from './test-article.ts';

const BIB = String.raw`@article{doe2020,
  author = {Doe, Jane and {World Health Organization}},
  title = {Quarantine and the {Plague} of 1720},
  journal = {Journal of Things},
  year = 2020, month = mar,
  doi = {10.1000/xyz.123},
  url = {https://example.org/plague},
  keywords = {history, epidemics; Marseille},
  annote = {Read for chapter 2. Compare with Biraben.},
}
@misc{smith2019,
  author = {Smith, John},
  title = {A page about the weather},
  howpublished = {\url{https://example.org/weather}},
  year = 2019,
  groups = {Reading list},
}`;

const from = { format: 'bibtex' as const, fileName: 'refs.bib' };

let library: Library;
beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => disposeLibrary(library));

async function searchLibrary(query: string): Promise<string[]> {
  const search = createLibrarySearch(library.db);
  await search.flush();
  return (await search.search(query)).hits.map((hit) => hit.id);
}

async function importBib(text = BIB) {
  return library.references.importEntries(importBibtex(text).entries, from);
}

describe('ReferenceRepository.importEntries', () => {
  it('stores each entry as a reference-only article with its metadata, key, tags and source', async () => {
    const report = await importBib();
    expect(report.added.map((a) => a.title)).toEqual([
      'Quarantine and the Plague of 1720',
      'A page about the weather',
    ]);
    const doe = (await library.articles.get(report.added[0]!.id))!;
    expect(isReferenceOnly(doe)).toBe(true);
    expect(doe.body).toEqual([]);
    expect(doe.citekey).toBe('doe2020');
    expect(doe.citekeyFixed).toBe(true);
    expect(doe.csl.author).toEqual([
      { family: 'Doe', given: 'Jane' },
      { literal: 'World Health Organization' },
    ]);
    expect(doe.csl.DOI).toBe('10.1000/xyz.123');
    expect(doe.csl.issued).toEqual({ 'date-parts': [[2020, 3]] });
    expect(doe.tags).toEqual(['history', 'epidemics', 'Marseille']);
    expect(doe.reference?.raw.startsWith('@article{doe2020,')).toBe(true);
    expect(doe.reference?.fileName).toBe('refs.bib');
    const source = await library.articles.sourceBytes(doe.source.sha256);
    expect(new TextDecoder().decode(source)).toBe(doe.reference?.raw);
    const summary = (await library.articles.list()).find((s) => s.id === doe.id)!;
    expect(summary.referenceOnly).toBe(true);
    expect(summary.tags).toEqual(['history', 'epidemics', 'Marseille']);
    expect(await library.articles.verifyArticle(doe.id, sha256, doe)).toMatchObject({
      source: { status: 'intact' },
    });
  });

  it('keeps the notes as notes on the whole article, listed and searchable', async () => {
    const report = await importBib();
    const id = report.added[0]!.id;
    const notes = await library.annotations.forArticle(id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.target).toBeNull();
    expect(notes[0]!.note).toBe('Read for chapter 2. Compare with Biraben.');
    const all = await library.annotations.list({ text: 'biraben' });
    expect(all.map((a) => a.articleId)).toEqual([id]);
    const hits = await searchLibrary('Biraben');
    expect(hits).toContain(id);
    expect(await searchLibrary('tag:Marseille')).toContain(id);
  });

  it('skips entries already in the library: same DOI, same URL or the same entry text', async () => {
    await importBib();
    const again = await importBib();
    expect(again.added).toEqual([]);
    expect(again.duplicates.map((d) => d.by)).toEqual(['entry', 'entry']);
    const sameDoi = await importBib(
      '@article{other, title = {Reprint}, doi = {https://doi.org/10.1000/XYZ.123}}',
    );
    expect(sameDoi.duplicates.map((d) => d.by)).toEqual(['doi']);
    const sameUrl = await importBib(
      '@online{web, title = {Weather again}, url = {https://EXAMPLE.org/weather#top}}',
    );
    expect(sameUrl.duplicates.map((d) => d.by)).toEqual(['url']);
    expect(await library.articles.count()).toBe(2);
  });

  it('stores every entry of a real 911-entry JabRef library', async () => {
    const report = await library.references.importEntries(importBibtex(jabrefLibrary).entries, {
      format: 'bibtex',
      fileName: 'jabref.bib',
    });
    expect(report.refused).toEqual([]);
    expect(report.added).toHaveLength(910);
    // Its entry 899 has the same address as an earlier one (part II of a two-part paper).
    expect(report.duplicates.map((d) => [d.entry, d.by])).toEqual([[899, 'url']]);
    expect(await library.articles.count()).toBe(910);
  }, 60_000);

  it('reports progress after each entry, ending with all of them done', async () => {
    const calls: [number, number][] = [];
    await library.references.importEntries(importBibtex(BIB).entries, from, (done, total) =>
      calls.push([done, total]),
    );
    expect(calls).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
  });

  it('gives a new key, and reports it, when the entry key is taken', async () => {
    await importBib();
    const report = await importBib('@book{doe2020, title = {Another book}, year = 2021}');
    expect(report.added).toHaveLength(1);
    const book = (await library.articles.get(report.added[0]!.id))!;
    expect(book.citekey).not.toBe('doe2020');
    expect(report.rekeyed).toEqual([{ entry: 1, wanted: 'doe2020', given: book.citekey }]);
    expect(book.citekeyFixed).toBe(false);
  });
});

describe('ReferenceRepository.attachPage', () => {
  it('adds the captured page, keeping imported metadata, notes, tags and key', async () => {
    const report = await importBib();
    const id = report.added[0]!.id;
    const before = (await library.articles.get(id))!;
    const page = referenceArticle();
    const attached = await library.references.attachPage(id, page, fixtureBytes);
    expect(isReferenceOnly(attached)).toBe(false);
    expect(attached.body.length).toBe(page.body.length);
    expect(attached.rights.map((r) => r.kind)).toEqual(page.rights.map((r) => r.kind));
    // The imported title and authors win; the page fills what the entry lacked.
    expect(attached.csl.title).toBe('Quarantine and the Plague of 1720');
    expect(attached.csl.author).toEqual(before.csl.author);
    expect(attached.csl['container-title']).toBe('Journal of Things');
    expect(attached.originalSource).toEqual(page.originalSource);
    expect(attached.citekey).toBe('doe2020');
    expect(attached.tags).toEqual(before.tags);
    expect(attached.reference?.raw).toBe(before.reference?.raw);
    expect((await library.annotations.forArticle(id)).map((a) => a.note)).toEqual([
      'Read for chapter 2. Compare with Biraben.',
    ]);
    expect(await library.articles.sourceBytes(before.source.sha256)).toBeUndefined();
    const check = await library.articles.verifyArticle(id, sha256);
    expect(check.source).toEqual({ status: 'intact' });
    expect(check.notices.every((n) => n.status === 'intact')).toBe(true);
    expect(await searchLibrary('Taliban')).toContain(id);
    // Imported again, the same entry is still recognised.
    expect((await importBib()).duplicates.map((d) => d.by)).toEqual(['entry', 'entry']);
  });

  it('refuses a second page and a page another article already holds', async () => {
    const report = await importBib();
    const [first, second] = report.added.map((a) => a.id);
    await library.references.attachPage(first!, referenceArticle(), fixtureBytes);
    await expect(
      library.references.attachPage(first!, referenceArticle(), fixtureBytes),
    ).rejects.toThrow('already has a saved page');
    await expect(
      library.references.attachPage(second!, referenceArticle(), fixtureBytes),
    ).rejects.toThrow('already in your library');
    expect(isReferenceOnly((await library.articles.get(second!))!)).toBe(true);
  });
});
