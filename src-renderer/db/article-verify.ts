import { verifyRights } from '../../src-core/article/verify-rights.ts';
import { alteredParagraphs } from '../../src-core/article/verify-text.ts';
import { decodeSourceText } from '../../src-core/import/decode.ts';
import type { QuireDatabase } from './database.ts';
import type { ArticleRecord, ArticleRepository } from './records.ts';

export function unknownArticle(id: string): Error {
  return new Error(`No article with id "${id}" in the library`);
}

/**
 * Proves a stored article against its original: the bytes against the SHA-256 recorded at
 * import, each notice against the bytes (verifyRights), and the body's display text against
 * the bytes (alteredParagraphs). `getFull` reads a record with its chunked body.
 */
export function createArticleVerifier(
  db: QuireDatabase,
  getFull: (id: string) => Promise<ArticleRecord | undefined>,
): ArticleRepository['verifyArticle'] {
  return async (id, hash, loaded) => {
    const [article, source] = await db.transaction('r', db.articles, db.sources, async () => {
      const record = loaded?.id === id ? loaded : await db.articles.get(id);
      return [record, record && (await db.sources.get(record.source.sha256))] as const;
    });
    if (!article) throw unknownArticle(id);
    if (!source) throw new Error(`The original source of article "${id}" is missing`);
    // The same decoder as the import (BOMs, UTF-16, declared charsets), so offsets mean the
    // same characters; without the import's judgement of the content, so a source stored
    // under older rules is never refused by newer ones.
    // A fetched page is decoded with what its server declared, as its capture was.
    const { fetched } = article.source;
    const { text } = decodeSourceText(
      source.bytes,
      source.fileName,
      fetched ? { charset: fetched.charset, mediaType: fetched.mediaType } : undefined,
    );
    const checks = await verifyRights(article.rights, text, hash);
    // Notices and text matching the stored bytes prove nothing if the bytes changed.
    if ((await hash(source.bytes)) !== article.source.sha256) {
      return {
        source: { status: 'bytes-differ' },
        notices: checks.map(({ notice }) => ({
          notice,
          status: 'hash-differs',
          detail: 'the stored source bytes no longer match their SHA-256',
        })),
      };
    }
    // The caller's loaded record has its whole body; a stored head keeps it in chunks.
    const body = loaded?.id === id && loaded.body ? loaded.body : (await getFull(id))?.body;
    const altered = alteredParagraphs(body ?? [], text);
    return {
      source: altered.length
        ? { status: 'text-differs', paragraphs: altered }
        : { status: 'intact' },
      notices: checks,
    };
  };
}
