import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../../db/index.ts';
import { disposeLibrary, openTestLibrary } from '../../db/test-article.ts';
import { importReferenceFileInto, referenceOutcomes } from './reference-files.ts';

const file = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
};

let library: Library;
beforeEach(() => {
  library = openTestLibrary();
});
afterEach(() => disposeLibrary(library));

describe('importReferenceFileInto', () => {
  it('reports each entry in file order: added, already there (and why), refused (and why)', async () => {
    await importReferenceFileInto(library.references, file('a.bib', '@book{k1, title = {One}}'));
    const outcomes = await importReferenceFileInto(
      library.references,
      file(
        'b.bib',
        `@book{k1, title = {One}}
@book{k2, title = {Two}}
@misc{k3, note = {nothing to cite}}
@book{k4, title = {Three}, doi = {10.1000/a}}
@book{k5, title = {Three again}, doi = {10.1000/A}}`,
      ),
    );
    expect(outcomes.map((o) => [o.status, o.label])).toEqual([
      ['duplicate', 'b.bib, entry 1'],
      ['saved', 'b.bib, entry 2'],
      ['failed', 'b.bib, entry 3 (k3)'],
      ['saved', 'b.bib, entry 4'],
      ['duplicate', 'b.bib, entry 5'],
    ]);
    expect(outcomes[0]).toMatchObject({ title: 'One', note: 'same entry' });
    expect(outcomes[2]).toMatchObject({
      message: 'Not imported: the entry has no title, author, DOI or URL.',
    });
    expect(outcomes[4]).toMatchObject({ note: 'same DOI' });
    expect(await library.articles.count()).toBe(3);
  });

  it('refuses a file that is no reference file as a whole, with the reason', async () => {
    const [outcome] = await importReferenceFileInto(
      library.references,
      file('notes.json', '{"just": "json"}'),
    );
    expect(outcome).toEqual({
      status: 'failed',
      label: 'notes.json',
      message:
        'This JSON file holds no CSL-JSON items (objects with a "type", such as "article-journal")',
    });
    expect(await library.articles.count()).toBe(0);
  });
});

describe('referenceOutcomes', () => {
  it('names a key that was taken and the key given instead', () => {
    const [outcome] = referenceOutcomes(
      'r.ris',
      { problems: [] },
      {
        added: [{ entry: 1, id: 'x', title: 'T' }],
        duplicates: [],
        rekeyed: [{ entry: 1, wanted: 'doe2020', given: 'doe2020a' }],
        refused: [],
      },
    );
    expect(outcome).toMatchObject({
      status: 'saved',
      note: 'its key doe2020 was taken: it is doe2020a',
    });
  });
});
