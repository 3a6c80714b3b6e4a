import { BackupError } from '../../src-core/backup/index.ts';
import type { Paragraph } from '../../src-core/article/model.ts';
import type {
  AnnotationRecord,
  ArticleRecord,
  ArticleSummary,
  BodyChunkRecord,
  CollectionRecord,
  ImageRecord,
  SettingRecord,
  SourceRecord,
  StoredArticleRecord,
  StyleRecord,
} from './records.ts';
import { SCHEMA_V6 } from './schema.ts';
import { isDurableStore } from './backup-dump.ts';

/** A backup's records at the current schema, typed by store and checked for their keys. */
export interface ArchiveLibrary {
  articles: StoredArticleRecord[];
  sources: SourceRecord[];
  images: ImageRecord[];
  bodies: BodyChunkRecord[];
  summaries: ArticleSummary[];
  annotations: AnnotationRecord[];
  collections: CollectionRecord[];
  styles: StyleRecord[];
  settings: SettingRecord[];
}

export const DURABLE_STORES = Object.keys(SCHEMA_V6).filter(
  isDurableStore,
) as (keyof ArchiveLibrary)[];

const isString = (value: unknown) => typeof value === 'string';
const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** What each store's records must have for the restore to handle them (the rest is kept as is). */
const SHAPES: Record<keyof ArchiveLibrary, (r: Record<string, unknown>) => boolean> = {
  articles: (r) =>
    isString(r.id) &&
    isString(r.citekey) &&
    isRecord(r.source) &&
    isString(r.source.sha256) &&
    Array.isArray(r.tags) &&
    Array.isArray(r.collections) &&
    Array.isArray(r.body),
  sources: (r) => isString(r.sha256) && r.bytes instanceof Uint8Array,
  images: (r) =>
    isString(r.key) &&
    isString(r.articleId) &&
    isString(r.imageId) &&
    r.bytes instanceof Uint8Array,
  bodies: (r) => isString(r.articleId) && Number.isInteger(r.chunk) && Array.isArray(r.paragraphs),
  summaries: (r) => isString(r.id),
  annotations: (r) => isString(r.id) && isString(r.articleId) && Array.isArray(r.tags),
  collections: (r) =>
    isString(r.id) && isString(r.name) && (r.parentId === null || isString(r.parentId)),
  styles: (r) => isString(r.id) && isString(r.cslId) && isString(r.xml),
  settings: (r) => isString(r.key) && isString(r.value),
};

/** The same array (a current archive), or equal bytes (records read back after an upgrade). */
function sameBytes(blob: Uint8Array | undefined, bytes: Uint8Array): boolean {
  if (blob === bytes) return true;
  if (!blob || blob.length !== bytes.length) return false;
  for (let i = 0; i < blob.length; i++) if (blob[i] !== bytes[i]) return false;
  return true;
}

/**
 * The archive's stores as typed lists. Refuses a store this schema does not have, a record
 * without what the restore relies on, and bytes that are not what their record's hash says
 * (the reader checked each blob against its own name; this ties the names to the records).
 */
export function archiveLibrary(
  stores: Map<string, unknown[]>,
  blobs: Map<string, Uint8Array>,
): ArchiveLibrary {
  for (const name of stores.keys()) {
    if (!(DURABLE_STORES as string[]).includes(name)) {
      throw new BackupError(
        `The backup holds a store this version of Quire does not know: ${name}`,
      );
    }
  }
  const library = {} as Record<keyof ArchiveLibrary, unknown[]>;
  for (const name of DURABLE_STORES) {
    const records = stores.get(name) ?? [];
    records.forEach((record, i) => {
      if (!isRecord(record) || !SHAPES[name](record)) {
        throw new BackupError(
          `The backup's ${name} record #${i + 1} is not a valid ${name} record`,
        );
      }
    });
    library[name] = records;
  }
  const typed = library as unknown as ArchiveLibrary;
  for (const source of typed.sources) {
    if (!sameBytes(blobs.get(source.sha256), source.bytes)) {
      throw new BackupError(
        `The source ${source.sha256} in the backup does not hold the bytes of that hash`,
      );
    }
  }
  for (const image of typed.images) {
    if (!sameBytes(blobs.get(image.sha256), image.bytes)) {
      throw new BackupError(
        `The image ${image.key} in the backup does not hold the bytes of its hash`,
      );
    }
  }
  return typed;
}

/** Each article's whole record: its head with the body put back from its chunks. */
export function fullArticles(archive: ArchiveLibrary): ArticleRecord[] {
  const chunks = new Map<string, BodyChunkRecord[]>();
  for (const chunk of archive.bodies) {
    chunks.set(chunk.articleId, [...(chunks.get(chunk.articleId) ?? []), chunk]);
  }
  return archive.articles.map(({ bodyChunks, ...head }) => {
    if (bodyChunks === undefined) return head;
    const parts = (chunks.get(head.id) ?? []).sort((a, b) => a.chunk - b.chunk);
    const body: Paragraph[] = [];
    for (let chunk = 0; chunk < bodyChunks; chunk++) {
      const part = parts[chunk];
      if (part?.chunk !== chunk) {
        throw new BackupError(
          `The backup lacks part ${chunk + 1} of the text of article ${head.id}`,
        );
      }
      body.push(...part.paragraphs);
    }
    return { ...head, body };
  });
}
