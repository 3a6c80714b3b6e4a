import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CslName, RightsNotice } from '../../src-core/article/model.ts';
import { QueryCancelled } from '../../src-core/search/index.ts';
import type { Library } from '../db/index.ts';
import { disposeLibrary, openTestLibrary, variantArticle } from '../db/test-article.ts';
import { createLibrarySearch } from './library-search.ts';
import {
  createLibraryView,
  NO_FILTERS,
  type LibraryFilters,
  type LibraryView,
  type SortKey,
  type ViewRequest,
} from './library-view.ts';

let library: Library;
let view: LibraryView;
/** Article label (A…F) by id, and id by label. */
let labelOf: Map<string, string>;
let idOf: Record<string, string>;
/** Collections: parent ⊃ child ⊃ grandchild, and another one beside them. */
let folders: { parent: string; child: string; grandchild: string; other: string };

const LICENCE_TEXT = 'This article is licensed under a Creative Commons Attribution 4.0 licence.';
const CC_NOTICE: RightsNotice = {
  kind: 'licence',
  text: LICENCE_TEXT,
  start: 0,
  end: LICENCE_TEXT.length,
  sha256: '0'.repeat(64),
  display: LICENCE_TEXT,
};

interface Spec {
  label: string;
  title: string;
  author: CslName;
  site: string;
  issued: [number, number?, number?] | null;
  /** The reference article's four notices, none, or one Creative Commons licence. */
  rights: 'reference' | 'none' | 'cc';
  body: string;
  tags?: string[];
  folder?: keyof typeof folders;
}

const FILLER = 'Nothing of interest is written in this paragraph of plain text.';
// Added in this order (addedAt rises one second each).
const SPECS: Spec[] = [
  {
    label: 'A',
    title: 'Apples of Normandy',
    author: { literal: 'Zed Collective' },
    site: 'Beta Times',
    issued: [2015, 3, 2],
    rights: 'reference',
    body: 'An orchard stood here once, near the old mill by the river bend.',
    tags: ['Fruit'],
    folder: 'parent',
  },
  {
    label: 'B',
    title: 'Éclairs and Pastry',
    author: { family: 'Martin', given: 'Ana' },
    site: 'Alpha Post',
    issued: [2020, 1, 1],
    rights: 'none',
    body: FILLER,
    tags: ['Baking'],
    folder: 'child',
  },
  {
    label: 'C',
    title: '“Quoted” Cabbages',
    author: { family: 'Baker', given: 'Carl' },
    site: 'Gamma Daily',
    issued: [2018, 7],
    rights: 'cc',
    body: 'The orchard keeper walks the orchard and shuts the orchard gate.',
  },
  {
    label: 'D',
    title: 'dates',
    author: { literal: 'Young Press' },
    site: 'delta news',
    issued: null,
    rights: 'none',
    body: FILLER,
  },
  {
    label: 'E',
    title: 'Bananas',
    author: { family: 'Adams' },
    site: 'Epsilon',
    issued: [2012],
    rights: 'reference',
    body: FILLER,
    tags: ['fruit', 'Tropical'],
    folder: 'grandchild',
  },
  {
    label: 'F',
    title: '...Figs',
    author: { family: 'Clark', given: 'Zoe' },
    site: 'Zeta Review',
    issued: [2019, 11, 30],
    rights: 'none',
    body: FILLER,
    folder: 'other',
  },
];

async function addArticle(spec: Spec): Promise<string> {
  const { parsed, bytes } = await variantArticle(spec.label);
  parsed.csl.title = spec.title;
  parsed.csl.author = [spec.author];
  parsed.csl['container-title'] = spec.site;
  if (spec.issued) parsed.csl.issued = { 'date-parts': [spec.issued] };
  else delete parsed.csl.issued;
  parsed.originalSource = null;
  if (spec.rights === 'none') parsed.rights = [];
  if (spec.rights === 'cc') parsed.rights = [CC_NOTICE];
  parsed.body = parsed.body.slice(0, 1).map((p) => ({ ...p, text: spec.body }));
  const result = await library.articles.add(parsed, bytes);
  if (result.status !== 'added') throw new Error('not added');
  const id = result.article.id;
  if (spec.tags) await library.articles.setTags([id], { add: spec.tags });
  if (spec.folder) await library.articles.setCollections([id], { add: [folders[spec.folder]] });
  return id;
}

beforeEach(async () => {
  library = openTestLibrary();
  view = createLibraryView(library.db, createLibrarySearch(library.db));
  const parent = (await library.collections.create('Parent', null)).id;
  const child = (await library.collections.create('Child', parent)).id;
  const grandchild = (await library.collections.create('Grandchild', child)).id;
  const other = (await library.collections.create('Other', null)).id;
  folders = { parent, child, grandchild, other };
  idOf = {};
  for (const spec of SPECS) idOf[spec.label] = await addArticle(spec);
  labelOf = new Map(Object.entries(idOf).map(([label, id]) => [id, label]));
});
afterEach(() => disposeLibrary(library));

const request = (over: Partial<ViewRequest> = {}): ViewRequest => ({
  query: '',
  filters: NO_FILTERS,
  sort: 'relevance',
  descending: true,
  ...over,
});
/** The labels of a view's articles, in its order, as one string ("ABC"). */
async function labels(over: Partial<ViewRequest> = {}): Promise<string> {
  const result = await view.view(request(over));
  expect(result.total).toBe(result.ids.length);
  return result.ids.map((id) => labelOf.get(id) ?? '?').join('');
}
const filtered = (filters: Partial<LibraryFilters>, sort: SortKey = 'added') =>
  labels({ filters: { ...NO_FILTERS, ...filters }, sort, descending: false });

describe('the whole library', () => {
  it('is not narrowed and lists every article, newest first, for relevance without a query', async () => {
    const result = await view.view(request());
    expect(result.narrowed).toBe(false);
    expect(result.total).toBe(6);
    expect(result.highlight).toEqual([]);
    expect(result.ids.map((id) => labelOf.get(id)).join('')).toBe('FEDCBA');
  });

  it.each([
    ['added', 'ABCDEF'],
    ['published', 'DEACFB'], // the article without a date first
    ['title', 'AEDBFC'], // "Éclairs" as "eclairs", "“Quoted”" as "quoted", "...Figs" as "figs"
    ['author', 'ECFBDA'], // family names, literal names as written
    ['site', 'BADECF'], // case does not count: "delta news" between Beta and Epsilon
  ] as const)('sorts by %s ascending as %s and descending in reverse', async (sort, order) => {
    expect(await labels({ sort, descending: false })).toBe(order);
    expect(await labels({ sort, descending: true })).toBe([...order].reverse().join(''));
  });
});

describe('searching', () => {
  it('is narrowed and ranks by relevance, with the query words to highlight', async () => {
    const result = await view.view(request({ query: 'orchard' }));
    expect(result.narrowed).toBe(true);
    expect(result.total).toBe(2);
    expect(result.highlight).toEqual(['orchard']);
    // C holds the word three times, A once.
    expect(result.ids.map((id) => labelOf.get(id))).toEqual(['C', 'A']);
  });

  it('puts search results in a chosen order instead of by relevance', async () => {
    expect(await labels({ query: 'orchard', sort: 'title', descending: false })).toBe('AC');
    expect(await labels({ query: 'orchard', sort: 'title', descending: true })).toBe('CA');
    expect(await labels({ query: 'orchard', sort: 'published', descending: false })).toBe('AC');
    expect(await labels({ query: 'orchard', sort: 'site', descending: false })).toBe('AC');
  });

  it('passes the query hints through, with and without something to search for', async () => {
    const unclosed = await view.view(request({ query: '"orchard' }));
    expect(unclosed.hints).toEqual(['A quote was not closed: the phrase runs to the end.']);
    expect(unclosed.total).toBe(2);
    const nothing = await view.view(request({ query: '()' }));
    expect(nothing.narrowed).toBe(false);
    expect(nothing.total).toBe(6);
    expect(nothing.hints).toEqual(['Nothing to search for: type a word.']);
  });

  it('a cancelled view rejects with QueryCancelled', async () => {
    await expect(view.view(request({ query: 'orchard' }), () => true)).rejects.toBeInstanceOf(
      QueryCancelled,
    );
  });
});

describe('filters', () => {
  it('a filter alone narrows the view and keeps the newest-first order for relevance', async () => {
    const result = await view.view(request({ filters: { ...NO_FILTERS, tag: 'fruit' } }));
    expect(result.narrowed).toBe(true);
    expect(result.ids.map((id) => labelOf.get(id)).join('')).toBe('EA');
  });

  it('by tag, ignoring case', async () => {
    expect(await filtered({ tag: 'FRUIT' })).toBe('AE');
    expect(await filtered({ tag: 'Baking' })).toBe('B');
    expect(await filtered({ tag: 'Nowhere' })).toBe('');
  });

  it('by collection, with every collection nested in it', async () => {
    expect(await filtered({ collection: folders.parent })).toBe('ABE');
    expect(await filtered({ collection: folders.child })).toBe('BE');
    expect(await filtered({ collection: folders.grandchild })).toBe('E');
    expect(await filtered({ collection: folders.other })).toBe('F');
  });

  it('by site and by author', async () => {
    expect(await filtered({ site: 'Gamma Daily' })).toBe('C');
    expect(await filtered({ site: 'delta' })).toBe('D');
    expect(await filtered({ author: 'martin' })).toBe('B');
    expect(await filtered({ author: 'Zed Collective' })).toBe('A');
    expect(await filtered({ site: '   ', author: '' })).toBe('ABCDEF');
  });

  it('by years: from, to, and between (the undated article never matches)', async () => {
    expect(await filtered({ yearFrom: 2018 })).toBe('BCF');
    expect(await filtered({ yearTo: 2015 })).toBe('AE');
    expect(await filtered({ yearFrom: 2015, yearTo: 2018 })).toBe('AC');
    expect(await filtered({ yearFrom: 2018, yearTo: 2018 })).toBe('C');
  });

  it('by notice kind, with "cc" for a Creative Commons licence', async () => {
    for (const kind of ['copyright', 'disclaimer', 'fair-use', 'republication']) {
      expect(await filtered({ notice: kind }), kind).toBe('AE');
    }
    expect(await filtered({ notice: 'licence' })).toBe('C');
    expect(await filtered({ notice: 'cc' })).toBe('C');
    expect(await filtered({ notice: 'permission' })).toBe('');
  });

  it('combines filters with each other and with a query, in the order asked', async () => {
    expect(await filtered({ tag: 'fruit', yearFrom: 2014 })).toBe('A');
    expect(await filtered({ collection: folders.parent, notice: 'fair-use' }, 'title')).toBe('AE');
    expect(
      await labels({ query: 'orchard', filters: { ...NO_FILTERS, notice: 'cc' }, sort: 'added' }),
    ).toBe('C');
  });
});

describe('cached orders', () => {
  it('keeps an order until the generation changes, then shows a new article', async () => {
    view.setGeneration('1');
    expect(await labels({ sort: 'added', descending: true })).toBe('FEDCBA');
    const added = await addArticle({
      ...SPECS[0]!,
      label: 'G',
      title: 'Grapes',
      folder: undefined,
    });
    labelOf.set(added, 'G');
    view.setGeneration('1'); // the same version: the cached order stands
    expect(await labels({ sort: 'added', descending: true })).toBe('FEDCBA');
    view.setGeneration('2');
    expect(await labels({ sort: 'added', descending: true })).toBe('GFEDCBA');
    expect(await labels({ sort: 'title', descending: false })).toBe('AEDBFGC');
    expect(await labels({ query: 'grapes', sort: 'title' })).toBe('G');
  });
});
