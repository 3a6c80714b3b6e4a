import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paragraph, RightsNotice } from '../../src-core/article/model.ts';
import { citationKey } from '../../src-core/citation/citation-key.ts';
import { foldText } from '../../src-core/search/fold.ts';
import { sha256 } from '../host/sha256.ts';
import { createLibrarySearch } from '../search/library-search.ts';
import { chunkBody, withBody } from './body-store.ts';
import { validateCitekey } from './citekeys.ts';
import { QuireDatabase } from './database.ts';
import {
  COLLECTIONS,
  FIXED_CITEKEY,
  TITLE_OVERRIDES,
  type SampleArticle,
} from './legacy-articles.ts';
import {
  buildLegacyLibrary,
  PAST_SCHEMAS,
  type LegacyLibrary,
  type PastVersion,
} from './legacy-libraries.ts';
import type { ArticleRecord } from './records.ts';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V6 } from './schema.ts';
import { checkIndex } from './search-check.ts';
import { toSummary } from './summary.ts';
import { freshDbName } from './test-article.ts';

/**
 * Every past schema version, upgraded to the current one: nothing lost or changed but what each
 * migration documents. One row per upgrade step: a new version adds its row (and its builder in
 * legacy-libraries.ts), and the guard test below fails until it does.
 */
interface UpgradeStep {
  /** The version this step upgrades to. */
  to: number;
  /** Stores whose records the step rewrites or creates; every other store must stay as it was. */
  rewrites: string[];
  /**
   * The article the step must produce from the one it read (its documented additions, written
   * out here rather than by calling the migration). `after` is what the upgrade stored, for the
   * values that are checked on their own (citation keys).
   */
  expect(record: Record<string, unknown>, sample: SampleArticle, after: ArticleRecord): void;
}

const STEPS: UpgradeStep[] = [
  {
    to: 2,
    rewrites: ['articles'],
    expect(record) {
      // Parser version 1, no headings kept, no map to the source, notices shown as they are.
      record.parserVersion = 1;
      record.headings = [];
      record.body = (record.body as Paragraph[]).map((p) => ({ ...p, spans: [] }));
      record.rights = (record.rights as RightsNotice[]).map((n) => ({ ...n, display: n.text }));
    },
  },
  {
    to: 3,
    rewrites: ['articles'],
    expect(record, _sample, after) {
      // Keys are checked by their own test (unique, readable, oldest first).
      record.citekey = after.citekey;
      record.citekeyFixed = false;
      record.titleOverrides = {};
    },
  },
  {
    to: 4,
    rewrites: ['articles', 'bodies', 'summaries'],
    expect(record, sample) {
      record.canonicalUrl = sample.canonicalUrl;
      record.images = [];
    },
  },
  {
    to: 5,
    rewrites: ['articles', 'summaries'],
    expect(record) {
      record.collections = [];
    },
  },
  { to: 6, rewrites: [], expect() {} },
];

const PAST_VERSIONS = Object.keys(PAST_SCHEMAS).map(Number) as PastVersion[];

describe('the schema history', () => {
  it('has a library builder for every past version and an upgrade step for every version since 1', () => {
    expect(PAST_VERSIONS).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1),
    );
    expect(STEPS.map((s) => s.to)).toEqual(PAST_VERSIONS.map((v) => v + 1));
  });
});

const decoder = new TextDecoder();
const stores = (schema: object) => Object.keys(schema).sort();

describe.each(PAST_VERSIONS)(
  'a library made at schema version %i, opened by this Quire',
  (version) => {
    let name: string;
    let old: LegacyLibrary;
    let db: QuireDatabase;
    /** The upgraded articles, whole (body read back from its chunks), by id. */
    let upgraded: Map<string, ArticleRecord>;
    const steps = STEPS.filter((s) => s.to > version);

    beforeAll(async () => {
      name = freshDbName();
      old = await buildLegacyLibrary(version, name);
      db = new QuireDatabase(name);
      await db.open();
      upgraded = new Map();
      for (const head of await db.articles.toArray()) {
        upgraded.set(head.id, (await withBody(db, head))!);
      }
      // Reading the sample library and building the old database take seconds on a busy machine.
    }, 60_000);
    afterAll(async () => {
      db.close();
      await Dexie.delete(name);
    });

    it('opens at the current version with the current stores and as many articles as it had', async () => {
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      expect(db.tables.map((t) => t.name).sort()).toEqual(stores(SCHEMA_V6));
      expect(old.articles).toHaveLength(7);
      expect([...upgraded.keys()].sort()).toEqual(old.articles.map((a) => a.id).sort());
      expect(await db.sources.count()).toBe(old.samples.length);
      expect(await db.summaries.count()).toBe(old.articles.length);
      // Every body in chunks, none lost: the long report spans three.
      const chunks = old.samples.map((s) => chunkBody(s.parsed.body).length);
      expect(chunks).toContain(3);
      expect(await db.bodies.count()).toBe(chunks.reduce((a, b) => a + b));
      for (const head of await db.articles.toArray()) expect(head.body).toEqual([]);
      expect(await db.annotations.count()).toBe(0);
    });

    it('keeps every article whole (metadata, body text, headings, notices, tags), adding only the documented fields', () => {
      for (const stored of old.articles) {
        const sample = old.samples.find((s) => s.id === stored.id)!;
        const after = upgraded.get(stored.id)!;
        const expected = structuredClone(stored) as unknown as Record<string, unknown>;
        for (const step of steps) step.expect(expected, sample, after);
        expect(after).toStrictEqual(expected);
      }
    });

    it('keeps each rights notice byte for byte, still matching its stored source bytes and hash', async () => {
      let notices = 0;
      const kinds = new Set<string>();
      for (const sample of old.samples) {
        const after = upgraded.get(sample.id)!;
        const source = await db.sources.get(after.source.sha256);
        expect(source?.bytes).toEqual(sample.bytes);
        const text = decoder.decode(source!.bytes);
        expect(after.rights.map((n) => n.text)).toEqual(sample.parsed.rights.map((n) => n.text));
        for (const notice of after.rights) {
          expect(text.slice(notice.start, notice.end)).toBe(notice.text);
          expect(await sha256(new TextEncoder().encode(notice.text))).toBe(notice.sha256);
          kinds.add(notice.kind);
          notices++;
        }
      }
      expect(notices).toBeGreaterThanOrEqual(12);
      expect([...kinds].sort()).toEqual(
        ['copyright', 'disclaimer', 'fair-use', 'licence', 'republication'].sort(),
      );
    });

    it('leaves every store no upgrade since then rewrites exactly as it was (sources, images, styles, settings, collections, search)', async () => {
      const rewritten = new Set(steps.flatMap((s) => s.rewrites));
      const kept = stores(PAST_SCHEMAS[version]).filter((store) => !rewritten.has(store));
      expect(kept).toContain('sources');
      for (const store of kept) {
        expect(await db.table(store).toArray(), store).toStrictEqual(old.stores[store]);
      }
      if (version >= 3) {
        expect((await db.styles.toArray()).map((s) => s.xml)).toEqual(
          (old.stores.styles as { xml: string }[]).map((s) => s.xml),
        );
        expect(await db.settings.get('defaultStyle')).toBeDefined();
      }
      if (version >= 4) expect(await db.images.count()).toBe(3);
      else expect(await db.images.count()).toBe(0);
      if (version >= 5) {
        const collections = await db.collections.toArray();
        collections.sort((a, b) => a.addedAt - b.addedAt);
        expect(collections).toStrictEqual(COLLECTIONS);
        expect(await db.collections.where('parentId').equals('col-europe').primaryKeys()).toEqual([
          'col-crisis',
        ]);
      } else expect(await db.collections.count()).toBe(0);
    });

    it('gives every article a citation key, unique and readable, keeping the fixed one and title overrides', () => {
      const records = [...upgraded.values()];
      const keys = records.map((r) => r.citekey);
      expect(new Set(keys).size).toBe(records.length);
      for (const key of keys) expect(validateCitekey(key)).toBe(key);
      const reference = upgraded.get('a-reference')!;
      const mirror = upgraded.get('g-reference-mirror')!;
      // The older of two articles with the same readable key keeps it plain.
      expect(reference.citekey).toBe(citationKey(reference.csl));
      expect(mirror.citekey).toBe(`${citationKey(mirror.csl)}a`);
      if (version >= 3) {
        expect(upgraded.get('b-insects')).toMatchObject({
          citekey: FIXED_CITEKEY,
          citekeyFixed: true,
        });
        for (const [id, overrides] of Object.entries(TITLE_OVERRIDES)) {
          expect(upgraded.get(id)?.titleOverrides).toEqual(overrides);
        }
      } else {
        expect(records.every((r) => !r.citekeyFixed)).toBe(true);
        expect(upgraded.get('b-insects')?.citekey).toBe(
          citationKey(upgraded.get('b-insects')!.csl),
        );
      }
    });

    it('finds articles through every index: source hash, citation key, canonical URL, tags, collections', async () => {
      for (const record of upgraded.values()) {
        expect(
          await db.articles.where('source.sha256').equals(record.source.sha256).primaryKeys(),
        ).toEqual([record.id]);
        expect(await db.articles.where('citekey').equals(record.citekey).primaryKeys()).toEqual([
          record.id,
        ]);
      }
      const byUrl = await db.articles
        .where('canonicalUrl')
        .equals('https://www.globalresearch.ca/economic-crisis-deepens/5705184')
        .primaryKeys();
      expect(byUrl).toEqual(['d-two-authors']);
      expect((await db.summaries.where('tags').equals('afghanistan').primaryKeys()).sort()).toEqual(
        ['a-reference', 'g-reference-mirror'],
      );
      const inResearch = await db.summaries
        .where('collections')
        .equals('col-research')
        .primaryKeys();
      expect(inResearch.sort()).toEqual(version >= 5 ? ['b-insects', 'f-seabirds'] : []);
    });

    it('writes one summary per article, as the library list reads it', async () => {
      const summaries = await db.summaries.orderBy('addedAt').toArray();
      const records = [...upgraded.values()].sort((a, b) => a.addedAt - b.addedAt);
      expect(summaries).toStrictEqual(records.map(toSummary));
      const seabirds = summaries.find((s) => s.id === 'f-seabirds')!;
      expect(seabirds.paragraphs).toBeGreaterThan(1_000);
      expect(seabirds.words).toBeGreaterThan(15_000);
      if (version >= 5) expect(summaries).toStrictEqual(old.stores.summaries);
    });

    it('searches: after the index maintenance the app runs, a word of each article finds it', async () => {
      const search = createLibrarySearch(db);
      // The search worker rebuilds an index only when there is none of this version.
      expect(await search.needsRebuild()).toBe(version < 5);
      if (await search.needsRebuild()) await search.rebuild();
      expect(await checkIndex(db)).toEqual({ dangling: 0, missing: 0 });
      const texts = new Map(
        [...upgraded.values()].map((r) => [
          r.id,
          foldText(
            [r.csl.title, ...r.headings.map((h) => h.text), ...r.body.map((p) => p.text)].join(' '),
          ),
        ]),
      );
      if (version >= 5) {
        // The index as the app left it: two articles re-indexed since the last flush.
        expect(old.stores.searchPending).toHaveLength(2);
        expect(old.stores.searchDeleted).toHaveLength(2);
      }
      // Tags as they are now, not as they were when first indexed.
      const tagged = (await search.search('tag:afghanistan')).hits.map((h) => h.id);
      expect(tagged.sort()).toEqual(['a-reference', 'g-reference-mirror']);
      for (const record of upgraded.values()) {
        const word = rarestWord(record, texts);
        const hits = (await search.search(word)).hits.map((h) => h.id);
        expect(hits, `${record.id}: ${word}`).toContain(record.id);
        for (const hit of hits) expect(texts.get(hit), word).toContain(word);
      }
    });
  },
);

/** The article's longest word that the fewest other articles contain. */
function rarestWord(record: ArticleRecord, texts: Map<string, string>): string {
  const words = new Set(
    foldText(record.body.map((p) => p.text).join(' ')).match(/\p{L}{5,}/gu) ?? [],
  );
  let best = '';
  let bestCount = Infinity;
  for (const word of words) {
    const count = [...texts.values()].filter((t) => t.includes(word)).length;
    if (count < bestCount || (count === bestCount && word.length > best.length)) {
      best = word;
      bestCount = count;
    }
  }
  return best;
}
