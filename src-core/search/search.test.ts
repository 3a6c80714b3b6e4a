import { describe, expect, it } from 'vitest';
import { readFixture } from '../testing/fixtures.ts';
import { indexDocument, type IndexedFields } from './document.ts';
import {
  MAX_EXPANSIONS,
  MIN_PREFIX,
  QueryCancelled,
  runQuery,
  type IndexSnapshot,
} from './evaluate.ts';
import { indexedFields } from './test-fields.ts';
import { memoryIndex } from './memory-index.ts';
import { parseQuery } from './query.ts';
import { buildSegment, mergeSegments, type SegmentInput } from './segment.ts';

const fields = indexedFields;

/** The reference article (South Front via Global Research, 2018) as the index reads it. */
function referenceArticle(): IndexedFields {
  const blocks = readFixture('000_bfa7ac14e5553cb7.txt')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim());
  const first = blocks.findIndex((b) => b.startsWith('ISIS has increased its efforts'));
  const last = blocks.findIndex((b) => b.startsWith('Russia, China and as well as'));
  return fields({
    title: blocks[0]!,
    authors: ['South Front'],
    sites: ['Global Research', 'globalresearch.ca'],
    body: blocks.slice(first, last + 1),
    notices: blocks.filter((b) => /^(Copyright|Disclaimer|www\.globalresearch)/m.test(b)),
    tags: ['Afghanistan', 'Military and WMD'],
    year: 2018,
    noticeKinds: ['copyright', 'disclaimer', 'fair-use'],
  });
}

const LIBRARY: Record<string, Partial<IndexedFields>> = {
  reference: referenceArticle(),
  elysee: fields({
    title: 'Le président reçoit à l’Élysée',
    authors: ['Marie Dupont'],
    sites: ['Le Monde'],
    body: ['Le président a reçu les ministres à l’Élysée pour parler du climat.'],
    tags: ['France', 'Climate Change'],
    year: 2019,
  }),
  climate: fields({
    title: 'Climate change and the Kabul water crisis',
    authors: ['John Smith'],
    sites: ['The Guardian'],
    body: ['Drought has emptied the wells of Kabul.', 'The Kabul government asks for help.'],
    notes: ['Check the figures against the UN report.'],
    tags: ['climate change', 'Afghanistan'],
    year: 2020,
    has: ['notes'],
  }),
  governance: fields({
    title: 'Governance in Iraq',
    authors: ['Jane Smithson'],
    sites: ['Foreign Policy'],
    body: ['The governor met the government about governance after the war in Iraq.'],
    tags: ['Iraq'],
    year: 2010,
  }),
  syria: fields({
    title: 'Syria after the caliphate',
    authors: ['Ahmed Karimi'],
    body: ['Fighters who fled Syria joined ISIS cells in the east.'],
    year: 2016,
    noticeKinds: ['cc'],
    collections: ['c1'],
  }),
  paragraphs: fields({
    title: 'Notes from Kabul',
    body: ['The delegation landed in Kabul', 'Government ministers met them later.'],
    year: 2015,
  }),
};

const input = (docNum: number, id: string, f: Partial<IndexedFields>): SegmentInput => ({
  docNum,
  id,
  doc: indexDocument(fields(f)),
});
/** docNum = 10 × (position + 1), so segments can split the library anywhere. */
const INPUTS = Object.entries(LIBRARY).map(([id, f], i) => input((i + 1) * 10, id, f));
const docNumOf = (id: string) => INPUTS.find((i) => i.id === id)!.docNum;
const oneSegment = () => memoryIndex([buildSegment(INPUTS)]);
const split = () => [INPUTS.slice(0, 2), INPUTS.slice(2, 3), INPUTS.slice(3)].map(buildSegment);
/** A one-segment library of small articles, for ranking tests. */
const tiny = (docs: Record<string, Partial<IndexedFields>>) =>
  memoryIndex([buildSegment(Object.entries(docs).map(([id, f], i) => input(i + 1, id, f)))]);

const search = (query: string, index: IndexSnapshot = oneSegment(), limit?: number) =>
  runQuery(parseQuery(query), index, { limit });
const ids = async (query: string, index?: IndexSnapshot) =>
  (await search(query, index)).hits.map((h) => h.id).sort();

describe('boolean queries', () => {
  it('plain words: every word required', async () => {
    expect(await ids('isis taliban')).toEqual(['reference']);
    expect(await ids('isis')).toEqual(['reference', 'syria']);
    expect(await ids('kabul drought')).toEqual(['climate']);
  });

  it('OR: either word', async () => {
    expect(await ids('drought OR caliphate')).toEqual(['climate', 'reference', 'syria']);
    expect(await ids('(drought OR caliphate) isis')).toEqual(['reference', 'syria']);
  });

  it('NOT and minus exclude', async () => {
    expect(await ids('kabul -isis')).toEqual(['climate', 'paragraphs']);
    expect(await ids('kabul NOT (isis OR drought)')).toEqual(['paragraphs']);
  });

  it('a purely negative query returns every document without the word', async () => {
    expect(await ids('-isis')).toEqual(['climate', 'elysee', 'governance', 'paragraphs']);
    expect(await ids('-isis -kabul')).toEqual(['elysee', 'governance']);
    const result = await search('-isis');
    expect(result.total).toBe(4);
  });

  it('a word no document holds gives nothing', async () => {
    const result = await search('zeppelin');
    expect(result).toEqual({ total: 0, hits: [], hints: [] });
    expect(await ids('isis zeppelin')).toEqual([]);
  });

  it('an empty query gives nothing and no error', async () => {
    expect(await search('')).toEqual({ total: 0, hits: [], hints: [] });
  });

  it('words only in notes or notices are found', async () => {
    expect(await ids('figures')).toEqual(['climate']);
    expect(await ids('globalization')).toEqual(['reference']);
  });
});

describe('counts and limits', () => {
  it('total counts every match; hits holds at most limit, best first', async () => {
    const all = await search('the');
    expect(all.total).toBe(5);
    const top = await search('the', oneSegment(), 2);
    expect(top.total).toBe(5);
    expect(top.hits).toEqual(all.hits.slice(0, 2));
    const none = await search('the', oneSegment(), 0);
    expect(none.total).toBe(5);
    expect(none.hits).toEqual([]);
  });

  it('a limit that cuts through equal scores keeps the newest', async () => {
    const result = await search('-zeppelin', oneSegment(), 2);
    expect(result.total).toBe(6);
    expect(result.hits.map((h) => h.id)).toEqual(['paragraphs', 'syria']);
  });

  it('a negative or fractional limit does not throw', async () => {
    expect((await search('the', oneSegment(), -1)).hits).toEqual([]);
    expect((await search('the', oneSegment(), 1.5)).hits).toHaveLength(1);
  });

  it('equal scores (filters only) come newest first', async () => {
    const result = await search('tag:"climate change"');
    expect(result.hits.map((h) => h.id)).toEqual(['climate', 'elysee']);
    expect(result.hits.every((h) => h.score === 0)).toBe(true);
  });
});

describe('BM25 ranking', () => {
  it('a title word ranks above the same word once in the body', async () => {
    const index = tiny({
      body: { title: 'Weather report', body: ['A long dry drought season in the north.'] },
      title: { title: 'Drought report', body: ['A long dry weather season in the north.'] },
    });
    expect((await search('drought', index)).hits.map((h) => h.id)).toEqual(['title', 'body']);
  });

  it('a higher term frequency ranks higher at equal length', async () => {
    const index = tiny({
      once: { body: ['drought rain rain rain rain'] },
      thrice: { body: ['drought drought drought rain rain'] },
      twice: { body: ['drought drought rain rain rain'] },
    });
    const hits = (await search('drought', index)).hits;
    expect(hits.map((h) => h.id)).toEqual(['thrice', 'twice', 'once']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('a rarer word weighs more', async () => {
    const index = tiny({
      a: { body: ['common filler'] },
      b: { body: ['common filler'] },
      c: { body: ['common filler'] },
      rare: { body: ['rare filler'] },
    });
    const hits = (await search('rare OR common', index)).hits;
    expect(hits[0]!.id).toBe('rare');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('tags and years filter without changing the ranking', async () => {
    const plain = await search('kabul');
    const filtered = await search('kabul tag:afghanistan year:2000..2030');
    const scores = new Map(plain.hits.map((h) => [h.id, h.score]));
    for (const hit of filtered.hits) expect(hit.score).toBeCloseTo(scores.get(hit.id)!, 12);
  });
});

describe('phrases and prefixes', () => {
  it('a phrase matches consecutive words only', async () => {
    expect(await ids('"kabul government"')).toEqual(['climate', 'reference']);
    expect(await ids('"government kabul"')).toEqual([]);
    expect(await ids('"taliban operation"')).toEqual(['reference']);
    expect(await ids('"taliban the operation"')).toEqual([]);
  });

  it('a phrase never spans two paragraphs or the title and the body', async () => {
    expect(await ids('kabul government')).toContain('paragraphs');
    expect(await ids('"kabul government"')).not.toContain('paragraphs');
    expect(await ids('"from kabul the delegation"')).toEqual([]);
  });

  it('a hyphenated word is searched as a phrase', async () => {
    expect(await ids('hit-and-run')).toEqual(['reference']);
    expect(await ids('"self-proclaimed caliphate"')).toEqual(['reference']);
  });

  it('a prefix matches every word it starts', async () => {
    expect(await ids('govern*')).toEqual(['climate', 'governance', 'paragraphs', 'reference']);
    expect(await ids('caliph*')).toEqual(['reference', 'syria']);
    expect(await ids('tag:clim*')).toEqual(['climate', 'elysee']);
  });

  it(`a prefix shorter than ${MIN_PREFIX} letters is searched as a word, with a hint`, async () => {
    const result = await search('g* OR g*');
    expect(result.hints).toEqual(['“g*” is too short for a prefix: add a letter.']);
    expect(result.total).toBe(0);
  });

  it(`a prefix of more than ${MAX_EXPANSIONS} words is cut, with a hint`, async () => {
    const words = Array.from({ length: MAX_EXPANSIONS + 50 }, (_, i) => `pre${i + 1000}`);
    const index = tiny(Object.fromEntries(words.map((w) => [w, { body: [w] }])));
    const result = await search('pre*', index);
    expect(result.total).toBe(MAX_EXPANSIONS);
    expect(result.hints).toEqual(['“pre*” matches too many words: only some were searched.']);
  });

  it('names a field prefix the way it is typed in its hint', async () => {
    const index = tiny({ a: { body: ['word'] } });
    expect((await search('tag:c*', index)).hints).toEqual([
      '“tag:c*” is too short for a prefix: add a letter.',
    ]);
  });
});

describe('fields', () => {
  it('author:, title: and site: search that field only', async () => {
    expect(await ids('author:smith')).toEqual(['climate']);
    expect(await ids('author:smith*')).toEqual(['climate', 'governance']);
    expect(await ids('title:kabul')).toEqual(['climate', 'paragraphs']);
    expect(await ids('site:"global research"')).toEqual(['reference']);
    expect(await ids('site:globalresearch.ca')).toEqual(['reference']);
  });

  it('year:, year ranges and open ranges', async () => {
    expect(await ids('year:2018')).toEqual(['reference']);
    expect(await ids('year:2016..2019')).toEqual(['elysee', 'reference', 'syria']);
    expect(await ids('year:2019..2016')).toEqual(['elysee', 'reference', 'syria']);
    expect(await ids('year:..2010')).toEqual(['governance']);
    expect(await ids('year:2019..')).toEqual(['climate', 'elysee']);
  });

  it('tag:, collection:, notice: and has: match whole values', async () => {
    expect(await ids('tag:"climate change"')).toEqual(['climate', 'elysee']);
    expect(await ids('tag:climate')).toEqual([]);
    expect(await ids('tag:afghanistan')).toEqual(['climate', 'reference']);
    expect(await ids('tag:"military and wmd"')).toEqual(['reference']);
    expect(await ids('collection:c1')).toEqual(['syria']);
    expect(await ids('notice:fair-use')).toEqual(['reference']);
    expect(await ids('notice:cc')).toEqual(['syria']);
    expect(await ids('has:notes')).toEqual(['climate']);
  });

  it('field words are not plain words, and plain words are not field terms', async () => {
    expect(await ids('title:drought')).toEqual([]);
    expect(await ids('smithson')).toEqual(['governance']);
  });
});

describe('folding', () => {
  it('case and diacritics never decide a match', async () => {
    for (const q of ['elysee', 'ÉLYSÉE', 'Elysée', 'élysée'])
      expect(await ids(q)).toEqual(['elysee']);
    expect(await ids('president recoit')).toEqual(['elysee']);
    expect(await ids('TALIBAN')).toEqual(['reference']);
  });
});

describe('deleted documents', () => {
  const deleted = new Set([docNumOf('syria')]);

  it('are never returned and never counted', async () => {
    const index = memoryIndex([buildSegment(INPUTS)], deleted);
    const isis = await search('isis', index);
    expect(isis.hits.map((h) => h.id)).toEqual(['reference']);
    expect(isis.total).toBe(1);
    expect((await search('-kabul', index)).hits.map((h) => h.id)).not.toContain('syria');
    expect((await search('the', index)).total).toBe(4);
  });
});

describe('segments', () => {
  const QUERIES = ['the', 'kabul', 'isis OR drought', '"kabul government"', 'govern*', '-isis'];
  QUERIES.push('kabul -drought', 'year:2010..2020 the', 'author:smith*', 'tag:afghanistan isis');

  const same = async (index: IndexSnapshot, expected: IndexSnapshot) => {
    for (const q of QUERIES) {
      const [got, want] = [await search(q, index), await search(q, expected)];
      const wantIds = want.hits.map((h) => h.id);
      expect(got.total, q).toBe(want.total);
      expect(
        got.hits.map((h) => h.id),
        q,
      ).toEqual(wantIds);
      got.hits.forEach((h, i) => expect(h.score, q).toBeCloseTo(want.hits[i]!.score, 9));
    }
  };

  it('one segment, several segments and their merge give the same results', async () => {
    await same(memoryIndex(split()), oneSegment());
    await same(memoryIndex(split().reverse()), oneSegment());
    await same(memoryIndex([mergeSegments(split(), () => false)]), oneSegment());
  });

  it('deleted documents behave the same in one segment and in several', async () => {
    const deleted = new Set([docNumOf('reference'), docNumOf('paragraphs')]);
    await same(memoryIndex(split(), deleted), memoryIndex([buildSegment(INPUTS)], deleted));
  });

  it('a merge that drops documents equals an index without them', async () => {
    const drop = (docNum: number) => docNum === docNumOf('syria');
    const merged = memoryIndex([mergeSegments(split(), drop)]);
    await same(merged, memoryIndex([buildSegment(INPUTS.filter((i) => !drop(i.docNum)))]));
    expect(await ids('isis', merged)).toEqual(['reference']);
  });
});

describe('cancellation', () => {
  it('a cancelled query throws QueryCancelled', async () => {
    const run = runQuery(parseQuery('isis'), oneSegment(), { cancelled: () => true });
    await expect(run).rejects.toBeInstanceOf(QueryCancelled);
  });
});
