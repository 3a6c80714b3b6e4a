import type { ParsedArticle, Sha256 } from '../../src-core/article/model.ts';
import { verifyRights, type NoticeCheck } from '../../src-core/article/verify-rights.ts';
import type { QuireDatabase } from './database.ts';
import { applyMetadataPatch, validateMetadataPatch } from './metadata-patch.ts';
import type { ArticleRecord, ArticleRepository, SourceRecord } from './records.ts';
import { applyReparse } from './reparse.ts';
import { toSummary } from './summary.ts';
import { freeCitekey, validateCitekey } from './citekeys.ts';
import { decodeSourceText } from '../../src-core/import/decode.ts';

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

function unknownArticle(id: string): Error {
  return new Error(`No article with id "${id}" in the library`);
}

/** The source key must really be the hash of these bytes, or dedupe and proofs would lie. */
async function checkSourceMatches(parsed: ParsedArticle, bytes: Uint8Array, sha256: Sha256) {
  if (!(bytes instanceof Uint8Array)) throw new Error('Source bytes must be a Uint8Array');
  if (parsed.source.byteLength !== bytes.byteLength) {
    throw new Error('source.byteLength does not match the source bytes');
  }
  if ((await sha256(bytes)) !== parsed.source.sha256) {
    throw new Error('source.sha256 does not match the source bytes');
  }
}

export function createArticleRepository(
  db: QuireDatabase,
  { now = Date.now, sha256 }: RepositoryOptions,
): ArticleRepository {
  const findBySource = (hash: string) => db.articles.where('source.sha256').equals(hash).first();

  return {
    async add(parsed, bytes) {
      // Hash before the transaction: awaiting non-IndexedDB work inside one would commit it early.
      await checkSourceMatches(parsed, bytes, sha256);
      const time = now();
      const article: ArticleRecord = {
        ...parsed,
        id: crypto.randomUUID(),
        tags: [],
        addedAt: time,
        updatedAt: time,
        citekey: '',
        citekeyFixed: false,
        titleOverrides: {},
      };
      const source: SourceRecord = {
        sha256: parsed.source.sha256,
        bytes: bytes.slice(), // a view would store its whole underlying buffer
        mediaType: parsed.source.mediaType,
        fileName: parsed.source.fileName,
        byteLength: bytes.byteLength,
        addedAt: time,
      };
      try {
        // The unique `&source.sha256` index decides what a duplicate is; a rejected add
        // aborts the whole transaction, so the source write is rolled back too.
        await db.transaction('rw', db.articles, db.sources, async () => {
          article.citekey = await freeCitekey(db, article.csl);
          await db.sources.put(source);
          await db.articles.add(article);
        });
        return { status: 'added', article };
      } catch (error) {
        const existing = isConstraintError(error) ? await findBySource(source.sha256) : undefined;
        if (existing) return { status: 'duplicate', article: existing };
        throw error;
      }
    },

    async list() {
      const records = await db.articles.orderBy('addedAt').reverse().toArray();
      return records.map(toSummary);
    },

    get: (id) => db.articles.get(id),

    async updateMetadata(id, patch) {
      const clean = validateMetadataPatch(patch); // throws before anything is written
      return db.transaction('rw', db.articles, async () => {
        const record = await db.articles.get(id);
        if (!record) throw unknownArticle(id);
        const updated = applyMetadataPatch(record, clean, now());
        // A key nobody has seen outside the app follows the metadata it is made of.
        if (!record.citekeyFixed) {
          updated.citekey = await freeCitekey(db, updated.csl, record.citekey);
        }
        await db.articles.put(updated);
        return updated;
      });
    },

    async setCitekey(id, key) {
      const citekey = validateCitekey(key);
      return db.transaction('rw', db.articles, async () => {
        const record = await db.articles.get(id);
        if (!record) throw unknownArticle(id);
        const holder = await db.articles.where('citekey').equals(citekey).first();
        if (holder && holder.id !== id) {
          throw new Error(
            `The key ${citekey} is already used by “${holder.csl.title ?? holder.id}”`,
          );
        }
        const updated = { ...record, citekey, citekeyFixed: true, updatedAt: now() };
        await db.articles.put(updated);
        return updated;
      });
    },

    fixCitekeys: (ids) =>
      db.transaction('rw', db.articles, async () => {
        await db.articles
          .where('id')
          .anyOf([...ids])
          .filter((r) => !r.citekeyFixed)
          .modify({ citekeyFixed: true });
      }),

    async setTitleOverride(id, style, title) {
      return db.transaction('rw', db.articles, async () => {
        const record = await db.articles.get(id);
        if (!record) throw unknownArticle(id);
        const titleOverrides = { ...record.titleOverrides };
        const text = title?.trim();
        if (text) titleOverrides[style] = text;
        else delete titleOverrides[style];
        const updated = { ...record, titleOverrides, updatedAt: now() };
        await db.articles.put(updated);
        return updated;
      });
    },

    all: () => db.articles.orderBy('addedAt').toArray(),

    reparse: (id, parsed) =>
      db.transaction('rw', db.articles, db.sources, async () => {
        const record = await db.articles.get(id);
        if (!record) throw unknownArticle(id);
        // Another window may have got there first; never go back to older rules.
        if (record.parserVersion >= parsed.parserVersion) return record;
        const updated = applyReparse(record, parsed, now());
        await db.articles.put(updated);
        if (updated.source.mediaType !== record.source.mediaType) {
          await db.sources.update(record.source.sha256, { mediaType: updated.source.mediaType });
        }
        return updated;
      }),

    remove: (id) =>
      db.transaction('rw', db.articles, db.sources, async () => {
        const article = await db.articles.get(id);
        if (!article) throw unknownArticle(id);
        // Each source belongs to exactly one article (unique index), so it goes too.
        const source = (await db.sources.get(article.source.sha256)) ?? null;
        await db.sources.delete(article.source.sha256);
        await db.articles.delete(id);
        return { article, source };
      }),

    async restore({ article, source }) {
      if (source && source.sha256 !== article.source.sha256) {
        throw new Error('Cannot restore: the source bytes belong to a different article');
      }
      try {
        await db.transaction('rw', db.articles, db.sources, async () => {
          await db.articles.add(article); // add, not put: never overwrite a newer record
          if (source) await db.sources.put(source);
        });
      } catch (error) {
        if (!isConstraintError(error)) throw error;
        throw new Error('Cannot restore: the library already holds this article or its source', {
          cause: error,
        });
      }
    },

    sourceBytes: async (hash) => (await db.sources.get(hash))?.bytes,

    async verifyNotices(id, hash): Promise<NoticeCheck[]> {
      const [article, source] = await db.transaction('r', db.articles, db.sources, async () => {
        const record = await db.articles.get(id);
        return [record, record && (await db.sources.get(record.source.sha256))] as const;
      });
      if (!article) throw unknownArticle(id);
      if (!source) throw new Error(`The original source of article "${id}" is missing`);
      // The same decoder as the import (BOMs, UTF-16, declared charsets), so offsets mean the
      // same characters; without the import's judgement of the content, so a source stored
      // under older rules is never refused by newer ones.
      const { text } = decodeSourceText(source.bytes, source.fileName);
      const checks = await verifyRights(article.rights, text, hash);
      // Notices matching the stored bytes prove nothing if the bytes themselves changed.
      if ((await hash(source.bytes)) === article.source.sha256) return checks;
      return checks.map(({ notice }) => ({
        notice,
        status: 'hash-differs',
        detail: 'the stored source bytes no longer match their SHA-256',
      }));
    },

    count: () => db.articles.count(),
  };
}
