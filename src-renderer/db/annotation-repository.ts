import {
  AnnotationError,
  annotationMatches,
  filterWords,
  checkAnnotationChange,
  type AnnotationChange,
  type HighlightColor,
} from '../../src-core/excerpt/annotation.ts';
import { displayText } from '../../src-core/excerpt/display-text.ts';
import type { AnnotationTarget } from '../../src-core/excerpt/types.ts';
import { withBody } from './body-store.ts';
import type { QuireDatabase } from './database.ts';
import type { AnnotationRecord, ArticleRecord } from './records.ts';
import { indexArticle, searchWriteTables } from './search-index.ts';

/** Narrows the library-wide list; every field is optional. */
export interface AnnotationFilter {
  color?: HighlightColor;
  tag?: string;
  /** Words looked for in the quote, the note and the tags (case and accents ignored). */
  text?: string;
}

export interface AnnotationRepository {
  /** One article's annotations, in reading order. */
  forArticle(articleId: string): Promise<AnnotationRecord[]>;
  /**
   * A new highlight. Refused (AnnotationError) when the article is gone or its text at the
   * target's position is not the target's quote: a highlight is only ever made on the text the
   * reader showed.
   */
  add(
    articleId: string,
    target: AnnotationTarget,
    change?: AnnotationChange,
  ): Promise<AnnotationRecord>;
  update(id: string, change: AnnotationChange): Promise<AnnotationRecord>;
  /** Deletes one and returns it, for undo. */
  remove(id: string): Promise<AnnotationRecord>;
  /** Puts back exactly what remove() returned (refused when its article is gone). */
  restore(record: AnnotationRecord): Promise<void>;
  /** Across the library, newest change first. */
  list(filter?: AnnotationFilter): Promise<AnnotationRecord[]>;
  /** Every tag used on an annotation, sorted. */
  tags(): Promise<string[]>;
}

const gone = () => new AnnotationError('That annotation is no longer in the library');

/** Notes on the whole article first (oldest first), then highlights in reading order. */
const inReadingOrder = (records: AnnotationRecord[]) =>
  records.sort(
    (a, b) =>
      (a.target?.position.start ?? -1) - (b.target?.position.start ?? -1) ||
      a.createdAt - b.createdAt,
  );

export function createAnnotationRepository(
  db: QuireDatabase,
  now: () => number,
): AnnotationRepository {
  const tables = [db.articles, db.bodies, ...searchWriteTables(db)];
  /** The article, read whole inside the caller's transaction, and re-indexed after a change. */
  const article = async (id: string): Promise<ArticleRecord> => {
    const record = await withBody(db, await db.articles.get(id));
    if (!record) throw new AnnotationError('That article is no longer in the library');
    return record;
  };

  return {
    forArticle: async (articleId) =>
      inReadingOrder(await db.annotations.where('articleId').equals(articleId).toArray()),

    async add(articleId, target, change = {}) {
      const clean = checkAnnotationChange(change);
      return db.transaction('rw', tables, async () => {
        const record = await article(articleId);
        const { start, end } = target.position;
        if (displayText(record.body).text.slice(start, end) !== target.quote.exact) {
          throw new AnnotationError(
            'The article changed while you were selecting: select the text again',
          );
        }
        const time = now();
        const annotation: AnnotationRecord = {
          id: crypto.randomUUID(),
          articleId,
          target,
          color: clean.color ?? 'yellow',
          note: clean.note ?? '',
          tags: [...(clean.tags ?? [])],
          createdAt: time,
          updatedAt: time,
          parserVersion: record.parserVersion,
        };
        await db.annotations.add(annotation);
        await indexArticle(db, articleId, record);
        return annotation;
      });
    },

    async update(id, change) {
      const clean = checkAnnotationChange(change);
      return db.transaction('rw', tables, async () => {
        const current = await db.annotations.get(id);
        if (!current) throw gone();
        const updated: AnnotationRecord = {
          ...current,
          ...(clean.color ? { color: clean.color } : {}),
          ...(clean.note !== undefined ? { note: clean.note } : {}),
          ...(clean.tags ? { tags: [...clean.tags] } : {}),
          updatedAt: now(),
        };
        await db.annotations.put(updated);
        // Colour alone changes nothing the index holds.
        if (clean.note !== undefined || clean.tags) {
          await indexArticle(db, current.articleId, await article(current.articleId));
        }
        return updated;
      });
    },

    remove: (id) =>
      db.transaction('rw', tables, async () => {
        const current = await db.annotations.get(id);
        if (!current) throw gone();
        await db.annotations.delete(id);
        const record = await withBody(db, await db.articles.get(current.articleId));
        if (record) await indexArticle(db, record.id, record);
        return current;
      }),

    restore: (annotation) =>
      db.transaction('rw', tables, async () => {
        const record = await article(annotation.articleId);
        await db.annotations.add(annotation); // add: never overwrite a newer one
        await indexArticle(db, record.id, record);
      }),

    async list(filter = {}) {
      const words = filterWords(filter.text ?? '');
      const tag = filter.tag?.trim();
      const base = filter.color
        ? db.annotations.where('color').equals(filter.color)
        : tag
          ? db.annotations.where('tags').equals(tag)
          : db.annotations.toCollection();
      const found = await base
        .filter((a) => (!tag || a.tags.includes(tag)) && annotationMatches(a, words))
        .toArray();
      return found.sort((a, b) => b.updatedAt - a.updatedAt);
    },

    async tags() {
      const keys = await db.annotations.orderBy('tags').uniqueKeys();
      return keys.map(String);
    },
  };
}
