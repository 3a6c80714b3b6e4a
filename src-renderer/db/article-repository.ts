import type { ParsedArticle, Sha256 } from '../../src-core/article/model.ts';
import type { QuireDatabase } from './database.ts';
import { applyMetadataPatch, validateMetadataPatch } from './metadata-patch.ts';
import type {
  AddResult,
  ArticleRecord,
  ArticleRepository,
  ImageRecord,
  SearchMetaRecord,
  SourceRecord,
} from './records.ts';
import type { StoredImage } from '../../src-core/capture/offline-images.ts';
import { canonicalUrl } from '../../src-core/text/canonical-url.ts';
import { applyReparse } from './reparse.ts';
import { toSummary } from './summary.ts';
import {
  bodyChunkRecords,
  deleteBody,
  putHead,
  putWithBody,
  storedHead,
  withBody,
} from './body-store.ts';
import { freeCitekey, validateCitekey } from './citekeys.ts';
import { indexArticle, indexNewArticle, searchWriteTables } from './search-index.ts';
import { indexDocument } from '../../src-core/search/index.ts';
import { searchFields } from './search-fields.ts';
import { createArticleVerifier, unknownArticle } from './article-verify.ts';
import { changeTags } from '../../src-core/library/tags.ts';
import { storageError } from './storage-errors.ts';

export interface RepositoryOptions {
  /** Clock for addedAt/updatedAt; tests pass a fake one. */
  now?: () => number;
  /** The platform's SHA-256 (host/sha256.ts in the app), to check bytes against their hash. */
  sha256: Sha256;
}

function isConstraintError(error: unknown): boolean {
  const named = error as { name?: string; inner?: { name?: string } } | null;
  return named?.name === 'ConstraintError' || named?.inner?.name === 'ConstraintError';
}

/** The source key must really be the hash of these bytes, or dedupe and proofs would lie. */
export async function checkSourceMatches(parsed: ParsedArticle, bytes: Uint8Array, sha256: Sha256) {
  if (!(bytes instanceof Uint8Array)) throw new Error('Source bytes must be a Uint8Array');
  if (parsed.source.byteLength !== bytes.byteLength) {
    throw new Error('source.byteLength does not match the source bytes');
  }
  if ((await sha256(bytes)) !== parsed.source.sha256) {
    throw new Error('source.sha256 does not match the source bytes');
  }
}

/** Offline images must be the article's own, and their bytes what their hash says. */
export async function checkImages(
  parsed: ParsedArticle,
  images: readonly StoredImage[],
  sha256: Sha256,
) {
  const known = new Map((parsed.images ?? []).map((i) => [i.id, i.src]));
  for (const image of images) {
    if (!(image.bytes instanceof Uint8Array)) throw new Error('Image bytes must be a Uint8Array');
    if (known.get(image.id) !== image.src) {
      throw new Error(`Image ${image.id} is not one of the article's images`);
    }
    if (image.byteLength !== image.bytes.byteLength) {
      throw new Error(`Image ${image.id}: byteLength does not match its bytes`);
    }
    if ((await sha256(image.bytes)) !== image.sha256) {
      throw new Error(`Image ${image.id}: sha256 does not match its bytes`);
    }
  }
}

/** The records of an article's checked offline images (a copy of their bytes, not a view). */
export function imageRecords(
  articleId: string,
  images: readonly StoredImage[],
  addedAt: number,
): ImageRecord[] {
  return images.map((image) => ({
    key: `${articleId}:${image.id}`,
    articleId,
    imageId: image.id,
    src: image.src,
    mediaType: image.mediaType,
    bytes: image.bytes.slice(),
    sha256: image.sha256,
    byteLength: image.byteLength,
    addedAt,
  }));
}

/** Thrown inside add()'s transaction to abort it when the article is already in the library. */
class Duplicate extends Error {
  constructor(readonly result: AddResult & { status: 'duplicate' }) {
    super('duplicate');
  }
}

export function createArticleRepository(
  db: QuireDatabase,
  { now = Date.now, sha256 }: RepositoryOptions,
): ArticleRepository {
  const findBySource = async (hash: string) =>
    withBody(db, await db.articles.where('source.sha256').equals(hash).first());
  /** The whole record (body read back chunk by chunk), inside the caller's transaction. */
  const getFull = async (id: string) => withBody(db, await db.articles.get(id));
  /** The article already holding these bytes, or the same page by its canonical address. */
  const findDuplicate = async (
    hash: string,
    url: string | null,
  ): Promise<(AddResult & { status: 'duplicate' }) | null> => {
    // Both lookups at once: each request is a round trip to the database.
    const [same, sameUrl] = await Promise.all([
      db.articles.where('source.sha256').equals(hash).first(),
      url ? db.articles.where('canonicalUrl').equals(url).first() : undefined,
    ]);
    const found = same ?? sameUrl;
    if (!found) return null;
    const article = (await withBody(db, found))!;
    return { status: 'duplicate', article, duplicateOf: same ? 'content' : 'url' };
  };

  /** `updatedAt` of a record's next version: later than its last one, even within a millisecond. */
  const nextVersion = (record: { updatedAt: number }) => Math.max(now(), record.updatedAt + 1);

  /**
   * Writes an article, its line in the list and (when what it is searched by changed) its
   * search entry together (the caller's transaction); its body too when it changed, else the
   * stored chunks stay.
   */
  const putArticle = async (
    record: ArticleRecord,
    { bodyChanged = false, searchChanged = true } = {},
  ) => {
    await (bodyChanged ? putWithBody(db, record) : putHead(db, record));
    await db.summaries.put(toSummary(record));
    if (searchChanged) await indexArticle(db, record.id, record);
  };
  /**
   * Adds a new article (add, not put: the unique indexes refuse a second one) with its body,
   * its line in the list and its search entry. The writes go out together: a transaction's
   * requests are queued in order, so waiting for each in turn would only add round trips.
   */
  const addArticle = async (
    record: ArticleRecord,
    doc = indexDocument(searchFields(record)),
    counter?: Promise<SearchMetaRecord | undefined>,
  ) => {
    const chunks = bodyChunkRecords(record.id, record.body);
    await Promise.all([
      db.bodies.bulkPut(chunks),
      db.articles.add(storedHead(record, chunks.length)),
      db.summaries.put(toSummary(record)),
      indexNewArticle(db, record.id, doc, counter),
    ]);
  };
  const BODY_STORES = [db.articles, db.bodies, db.summaries, ...searchWriteTables(db)] as const;

  const verifyArticle = createArticleVerifier(db, getFull);

  return {
    findDuplicate: (parsed) =>
      findDuplicate(parsed.source.sha256, parsed.csl.URL ? canonicalUrl(parsed.csl.URL) : null),

    async add(parsed, bytes, options = {}) {
      const stored = options.images ?? [];
      // Hash before the transaction: awaiting non-IndexedDB work inside one would commit it early.
      await checkSourceMatches(parsed, bytes, sha256);
      await checkImages(parsed, stored, sha256);
      const time = now();
      const article: ArticleRecord = {
        ...parsed,
        images: parsed.images ?? [],
        id: crypto.randomUUID(),
        tags: changeTags([], { add: options.tags ?? [] }),
        collections: [],
        addedAt: time,
        updatedAt: time,
        citekey: '',
        citekeyFixed: false,
        titleOverrides: {},
        canonicalUrl: parsed.csl.URL ? canonicalUrl(parsed.csl.URL) : null,
      };
      const source: SourceRecord = {
        sha256: parsed.source.sha256,
        bytes: bytes.slice(), // a view would store its whole underlying buffer
        mediaType: parsed.source.mediaType,
        fileName: parsed.source.fileName,
        byteLength: bytes.byteLength,
        addedAt: time,
      };
      const images = imageRecords(article.id, stored, time);
      let transaction: IDBTransaction | undefined;
      try {
        // Tokenized before the transaction: CPU work inside one only holds it open longer.
        const doc = indexDocument(searchFields(article));
        await db.transaction('rw', [...BODY_STORES, db.sources, db.images], async (tx) => {
          transaction = tx.idbtrans;
          // Reads and writes in one transaction: no other add can slip in between.
          const counter = db.searchMeta.get('nextDoc');
          const [duplicate, citekey] = await Promise.all([
            findDuplicate(source.sha256, article.canonicalUrl),
            freeCitekey(db, article.csl),
            counter,
          ]);
          if (duplicate) throw new Duplicate(duplicate);
          article.citekey = citekey;
          // A rejected image (or article) aborts the whole transaction: nothing is left behind.
          await Promise.all([
            db.sources.put(source),
            addArticle(article, doc, counter),
            images.length ? db.images.bulkAdd(images) : undefined,
          ]);
        });
        return { status: 'added', article };
      } catch (error) {
        if (error instanceof Duplicate) return error.result;
        // The unique `&source.sha256` index still decides a race the read above cannot see
        // (another window's database connection).
        const existing = isConstraintError(error) ? await findBySource(source.sha256) : undefined;
        if (existing) return { status: 'duplicate', article: existing, duplicateOf: 'content' };
        // The transaction was aborted, so nothing of this article is stored; say why plainly.
        throw storageError(error, transaction);
      }
    },

    images: (articleId) => db.images.where('articleId').equals(articleId).toArray(),

    // The list reads the summaries only: no article body is ever loaded for it.
    list: () => db.summaries.orderBy('addedAt').reverse().toArray(),

    get: (id) => db.transaction('r', db.articles, db.bodies, () => getFull(id)),

    async updateMetadata(id, patch) {
      const clean = validateMetadataPatch(patch); // throws before anything is written
      return db.transaction('rw', BODY_STORES, async () => {
        const record = await getFull(id);
        if (!record) throw unknownArticle(id);
        const updated = applyMetadataPatch(record, clean, now());
        // A key nobody has seen outside the app follows the metadata it is made of.
        if (!record.citekeyFixed) {
          updated.citekey = await freeCitekey(db, updated.csl, record.citekey);
        }
        await putArticle(updated);
        return updated;
      });
    },

    async setCitekey(id, key) {
      const citekey = validateCitekey(key);
      return db.transaction('rw', BODY_STORES, async () => {
        const record = await getFull(id);
        if (!record) throw unknownArticle(id);
        const holder = await db.articles.where('citekey').equals(citekey).first();
        if (holder && holder.id !== id) {
          throw new Error(
            `The key ${citekey} is already used by “${holder.csl.title ?? holder.id}”`,
          );
        }
        const updated = { ...record, citekey, citekeyFixed: true, updatedAt: nextVersion(record) };
        await putArticle(updated, { searchChanged: false });
        return updated;
      });
    },

    fixCitekeys: (ids) =>
      db.transaction('rw', db.articles, async () => {
        await db.articles
          .where('id')
          .anyOf([...ids])
          .filter((r) => !r.citekeyFixed)
          // A change like any other: readers of the record see a new version.
          .modify((record) => {
            record.citekeyFixed = true;
            record.updatedAt = nextVersion(record);
          });
      }),

    async setTitleOverride(id, style, title) {
      return db.transaction('rw', BODY_STORES, async () => {
        const record = await getFull(id);
        if (!record) throw unknownArticle(id);
        const titleOverrides = { ...record.titleOverrides };
        const text = title?.trim();
        if (text) titleOverrides[style] = text;
        else delete titleOverrides[style];
        const updated = { ...record, titleOverrides, updatedAt: nextVersion(record) };
        await putArticle(updated, { searchChanged: false });
        return updated;
      });
    },

    all: () =>
      db.transaction('r', db.articles, db.bodies, async () => {
        const records: ArticleRecord[] = [];
        for (const head of await db.articles.orderBy('addedAt').toArray()) {
          records.push((await withBody(db, head))!);
        }
        return records;
      }),

    reparse: (id, parsed) =>
      db.transaction('rw', [...BODY_STORES, db.sources], async () => {
        const record = await getFull(id);
        if (!record) throw unknownArticle(id);
        // Another window may have got there first; never go back to older rules.
        if (record.parserVersion >= parsed.parserVersion) return record;
        const updated = applyReparse(record, parsed, now());
        await putArticle(updated, { bodyChanged: true });
        if (updated.source.mediaType !== record.source.mediaType) {
          await db.sources.update(record.source.sha256, { mediaType: updated.source.mediaType });
        }
        return updated;
      }),

    remove: (id) =>
      db.transaction('rw', [...BODY_STORES, db.sources, db.images], async () => {
        const article = await getFull(id);
        if (!article) throw unknownArticle(id);
        // Each source belongs to exactly one article (unique index), so it goes too.
        const source = (await db.sources.get(article.source.sha256)) ?? null;
        const images = await db.images.where('articleId').equals(id).toArray();
        const annotations = await db.annotations.where('articleId').equals(id).toArray();
        await db.sources.delete(article.source.sha256);
        await db.images.where('articleId').equals(id).delete();
        await db.annotations.where('articleId').equals(id).delete();
        await deleteBody(db, id);
        await db.articles.delete(id);
        await db.summaries.delete(id);
        await indexArticle(db, id, null);
        return { article, source, images, annotations };
      }),

    async restore({ article, source, images = [], annotations = [] }) {
      if (source && source.sha256 !== article.source.sha256) {
        throw new Error('Cannot restore: the source bytes belong to a different article');
      }
      if (images.some((image) => image.articleId !== article.id)) {
        throw new Error('Cannot restore: an image belongs to a different article');
      }
      if (annotations.some((annotation) => annotation.articleId !== article.id)) {
        throw new Error('Cannot restore: an annotation belongs to a different article');
      }
      try {
        await db.transaction('rw', [...BODY_STORES, db.sources, db.images], async () => {
          await addArticle(article); // add, not put: never overwrite a newer record
          if (source) await db.sources.put(source);
          if (images.length) await db.images.bulkAdd(images);
          if (annotations.length) {
            await db.annotations.bulkAdd(annotations);
            await indexArticle(db, article.id, article); // their notes are searchable again
          }
        });
      } catch (error) {
        if (!isConstraintError(error)) throw storageError(error);
        throw new Error('Cannot restore: the library already holds this article or its source', {
          cause: error,
        });
      }
    },

    sourceBytes: async (hash) => (await db.sources.get(hash))?.bytes,

    verifyNotices: async (id, hash, loaded) => (await verifyArticle(id, hash, loaded)).notices,

    verifyArticle,

    count: () => db.articles.count(),

    async setTags(ids, change) {
      let changed = 0;
      // One article per transaction: a bulk edit of thousands never holds the library locked.
      for (const id of ids) {
        changed += await db.transaction('rw', BODY_STORES, async () => {
          const record = await getFull(id);
          if (!record) return 0;
          const tags = changeTags(record.tags, change);
          if (tags.join('\n') === record.tags.join('\n')) return 0;
          await putArticle({ ...record, tags, updatedAt: nextVersion(record) });
          return 1;
        });
      }
      return changed;
    },

    async setCollections(ids, { add = [], remove = [] }) {
      let changed = 0;
      for (const id of ids) {
        changed += await db.transaction('rw', [...BODY_STORES, db.collections], async () => {
          const record = await getFull(id);
          if (!record) return 0;
          const known = new Set(
            await db.collections
              .where('id')
              .anyOf([...add])
              .primaryKeys(),
          );
          const current = record.collections ?? [];
          const collections = [
            ...current.filter((c) => !remove.includes(c)),
            ...[...new Set(add)].filter((c) => known.has(c) && !current.includes(c)),
          ];
          if (collections.join('\n') === current.join('\n')) return 0;
          await putArticle({ ...record, collections, updatedAt: nextVersion(record) });
          return 1;
        });
      }
      return changed;
    },
  };
}
