import type { Paragraph } from '../../src-core/article/model.ts';
import type { QuireDatabase } from './database.ts';
import type { ArticleRecord, BodyChunkRecord, StoredArticleRecord } from './records.ts';

/**
 * An article's body is stored apart from its record, in chunks. IndexedDB turns a stored value
 * back into objects in one go, on the thread that asked, when the request succeeds: a 10 MB
 * body (tens of thousands of paragraph objects) took 160 ms of the UI thread in one task. Read
 * chunk by chunk, one request each, the same work comes in slices of a few milliseconds, and
 * writes that do not touch the body (metadata, citation keys) no longer rewrite it.
 */

/** A chunk closes at this many paragraphs or this many characters of text, whichever first. */
export const CHUNK_PARAGRAPHS = 500;
export const CHUNK_CHARS = 256 * 1024;

/** Splits a body into chunks in order; an empty body is no chunks. Pure. */
export function chunkBody(body: readonly Paragraph[]): Paragraph[][] {
  const chunks: Paragraph[][] = [];
  let current: Paragraph[] = [];
  let chars = 0;
  for (const paragraph of body) {
    current.push(paragraph);
    chars += paragraph.text.length;
    if (current.length >= CHUNK_PARAGRAPHS || chars >= CHUNK_CHARS) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** The record as stored: everything but the body, which is in `bodies`. Pure. */
export function storedHead(record: ArticleRecord, chunks: number): StoredArticleRecord {
  return { ...record, body: [], bodyChunks: chunks };
}

/** The body chunks of a record, ready to store. Pure. */
export function bodyChunkRecords(articleId: string, body: readonly Paragraph[]): BodyChunkRecord[] {
  return chunkBody(body).map((paragraphs, chunk) => ({ articleId, chunk, paragraphs }));
}

/**
 * Writes a record and its body (replacing any older body) inside the caller's transaction.
 * One request per chunk, each awaited: each chunk is serialized in its own task.
 */
export async function putWithBody(db: QuireDatabase, record: ArticleRecord): Promise<void> {
  const chunks = bodyChunkRecords(record.id, record.body);
  await db.bodies.where('articleId').equals(record.id).delete();
  for (const chunk of chunks) await db.bodies.put(chunk);
  await db.articles.put(storedHead(record, chunks.length));
}

/** Writes a record whose body did not change: the stored chunks stay as they are. */
export async function putHead(db: QuireDatabase, record: ArticleRecord): Promise<void> {
  const stored = await db.articles.get(record.id);
  if (stored?.bodyChunks === undefined) return putWithBody(db, record);
  await db.articles.put(storedHead(record, stored.bodyChunks));
}

/**
 * The whole record: the stored head with its body read back chunk by chunk (one request each,
 * so no single task turns the whole body into objects). Records stored before bodies were
 * split (no `bodyChunks`) keep their body inline and come back as they are.
 */
export async function withBody(
  db: QuireDatabase,
  stored: StoredArticleRecord | undefined,
): Promise<ArticleRecord | undefined> {
  if (!stored) return undefined;
  const { bodyChunks, ...record } = stored;
  if (bodyChunks === undefined) return record;
  const body: Paragraph[] = [];
  for (let chunk = 0; chunk < bodyChunks; chunk++) {
    const part = await db.bodies.get([stored.id, chunk]);
    if (!part) throw new Error(`Article "${stored.id}" is missing part ${chunk + 1} of its text`);
    for (const paragraph of part.paragraphs) body.push(paragraph);
  }
  return { ...record, body };
}

/** Deletes an article's body chunks (the caller's transaction). */
export async function deleteBody(db: QuireDatabase, articleId: string): Promise<void> {
  await db.bodies.where('articleId').equals(articleId).delete();
}
