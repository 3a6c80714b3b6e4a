import { metadataGaps } from '../../src-core/article/gaps.ts';
import {
  PARSER_VERSION,
  type CslItem,
  type ParsedArticle,
  type Sha256,
} from '../../src-core/article/model.ts';
import type { StoredImage } from '../../src-core/capture/offline-images.ts';
import { MAX_NOTE_LENGTH } from '../../src-core/excerpt/annotation.ts';
import type { EntryProblem, ImportedEntry, ReferenceFormat } from '../../src-core/interop/types.ts';
import { canonicalUrl } from '../../src-core/text/canonical-url.ts';
import { checkImages, checkSourceMatches, imageRecords } from './article-repository.ts';
import { putWithBody, storedHead, withBody } from './body-store.ts';
import { freeCitekey, validateCitekey } from './citekeys.ts';
import type { QuireDatabase } from './database.ts';
import { isReferenceOnly, type AnnotationRecord, type ArticleRecord } from './records.ts';
import { indexArticle, searchWriteTables } from './search-index.ts';
import { toSummary } from './summary.ts';
import { unknownArticle } from './article-verify.ts';

/** Why an entry was not added: it is already in the library. */
export type DuplicateBy = 'doi' | 'url' | 'entry';

export interface ReferenceImportReport {
  added: { entry: number; id: string; title: string }[];
  duplicates: { entry: number; title: string; existingId: string; by: DuplicateBy }[];
  /** Entries whose own key was taken (or not a usable key): they got another one. */
  rekeyed: { entry: number; wanted: string; given: string }[];
  refused: EntryProblem[];
}

export interface ReferenceRepository {
  /**
   * Adds imported entries as reference-only articles (no saved page; the entry's text is their
   * source), one transaction each: an entry already in the library (same DOI, same canonical
   * URL or the same entry text) is skipped, the entry's key is kept when it is free and usable.
   * Each entry's notes become notes on the whole article (annotations with a null target).
   */
  importEntries(
    entries: readonly ImportedEntry[],
    from: { format: ReferenceFormat; fileName: string | null },
    /** Called after each entry (added, skipped or refused), for a progress bar. */
    onProgress?: (done: number, total: number) => void,
  ): Promise<ReferenceImportReport>;
  /**
   * Attaches a captured page to a reference-only article: its body, notices, images and
   * source come from the page; the metadata the user imported wins (the page fills the gaps);
   * notes, tags, collections and the key stay. Refused when the article already has a page or
   * another article holds the same page.
   */
  attachPage(
    id: string,
    parsed: ParsedArticle,
    bytes: Uint8Array,
    options?: { images?: readonly StoredImage[] },
  ): Promise<ArticleRecord>;
}

const utf8 = new TextEncoder();

type Outcome =
  { duplicate: string; by: DuplicateBy } | { record: ArticleRecord; rekeyed: string | null };

/** A DOI compared as DOIs are: case-insensitive. */
const doiKey = (doi: unknown) =>
  typeof doi === 'string' && doi.trim() ? doi.trim().toLowerCase() : null;

export function createReferenceRepository(
  db: QuireDatabase,
  { now = Date.now, sha256 }: { now?: () => number; sha256: Sha256 },
): ReferenceRepository {
  const tables = [
    db.articles,
    db.bodies,
    db.summaries,
    db.sources,
    db.images,
    ...searchWriteTables(db),
  ];

  /** DOIs and entry hashes already in the library (neither is indexed: one pass over the heads). */
  const knownKeys = async () => {
    const dois = new Map<string, string>();
    const entries = new Map<string, string>();
    await db.articles.each((record) => {
      const doi = doiKey(record.csl.DOI);
      if (doi) dois.set(doi, record.id);
      if (record.reference) entries.set(record.reference.sha256, record.id);
    });
    return { dois, entries };
  };

  return {
    async importEntries(list, from, onProgress) {
      const report: ReferenceImportReport = { added: [], duplicates: [], rekeyed: [], refused: [] };
      const known = await knownKeys();
      let done = 0;
      for (const entry of list) {
        onProgress?.(done++, list.length);
        const title = entry.csl.title ?? entry.citekey ?? `Entry ${entry.position}`;
        const bytes = utf8.encode(entry.raw);
        const hash = await sha256(bytes);
        const doi = doiKey(entry.csl.DOI);
        const url = typeof entry.csl.URL === 'string' ? canonicalUrl(entry.csl.URL) : null;
        try {
          const outcome = await db.transaction('rw', tables, async (): Promise<Outcome> => {
            const [bySource, byUrl] = await Promise.all([
              db.articles.where('source.sha256').equals(hash).first(),
              url ? db.articles.where('canonicalUrl').equals(url).first() : undefined,
            ]);
            const sameEntry = bySource?.id ?? known.entries.get(hash);
            if (sameEntry) return { duplicate: sameEntry, by: 'entry' as const };
            const sameDoi = doi ? known.dois.get(doi) : undefined;
            if (sameDoi) return { duplicate: sameDoi, by: 'doi' as const };
            if (byUrl) return { duplicate: byUrl.id, by: 'url' as const };

            const time = now();
            const id = crypto.randomUUID();
            const csl: CslItem = { ...entry.csl, id };
            let citekey: string | null = null;
            if (entry.citekey) {
              try {
                const wanted = validateCitekey(entry.citekey);
                if (!(await db.articles.where('citekey').equals(wanted).first())) citekey = wanted;
              } catch {
                // not a key Quire can keep: a new one is made and reported below
              }
            }
            const given = citekey ?? (await freeCitekey(db, csl));
            const record: ArticleRecord = {
              parserVersion: PARSER_VERSION,
              csl,
              originalSource: null,
              keywords: [],
              body: [],
              headings: [],
              images: [],
              rights: [],
              source: {
                sha256: hash,
                mediaType: 'text/plain',
                byteLength: bytes.byteLength,
                fileName: from.fileName,
              },
              gaps: metadataGaps(csl),
              id,
              tags: [...entry.tags],
              collections: [],
              addedAt: time,
              updatedAt: time,
              citekey: given,
              // A key from the user's reference manager is already cited in papers.
              citekeyFixed: citekey !== null,
              titleOverrides: {},
              canonicalUrl: url,
              reference: {
                format: from.format,
                raw: entry.raw,
                sha256: hash,
                fileName: from.fileName,
                importedAt: time,
              },
            };
            const notes: AnnotationRecord[] = entry.notes.map((note, i) => ({
              id: crypto.randomUUID(),
              articleId: id,
              target: null,
              color: 'yellow',
              note: note.slice(0, MAX_NOTE_LENGTH),
              tags: [],
              createdAt: time + i,
              updatedAt: time + i,
              parserVersion: PARSER_VERSION,
            }));
            await Promise.all([
              db.sources.add({
                sha256: hash,
                bytes,
                mediaType: 'text/plain',
                fileName: from.fileName,
                byteLength: bytes.byteLength,
                addedAt: time,
              }),
              db.articles.add(storedHead(record, 0)),
              db.summaries.put(toSummary(record)),
              notes.length ? db.annotations.bulkAdd(notes) : undefined,
            ]);
            await indexArticle(db, id, record);
            return { record, rekeyed: entry.citekey && !citekey ? given : null };
          });
          if ('duplicate' in outcome) {
            report.duplicates.push({
              entry: entry.position,
              title,
              existingId: outcome.duplicate,
              by: outcome.by,
            });
            continue;
          }
          known.entries.set(hash, outcome.record.id);
          if (doi) known.dois.set(doi, outcome.record.id);
          report.added.push({ entry: entry.position, id: outcome.record.id, title });
          if (outcome.rekeyed) {
            report.rekeyed.push({
              entry: entry.position,
              wanted: entry.citekey!,
              given: outcome.rekeyed,
            });
          }
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          report.refused.push({
            entry: entry.position,
            citekey: entry.citekey,
            message: `could not be saved: ${message}`,
          });
        }
      }
      onProgress?.(list.length, list.length);
      return report;
    },

    async attachPage(id, parsed, bytes, options = {}) {
      const stored = options.images ?? [];
      await checkSourceMatches(parsed, bytes, sha256);
      await checkImages(parsed, stored, sha256);
      return db.transaction('rw', [...tables, db.annotations], async () => {
        const record = await withBody(db, await db.articles.get(id));
        if (!record) throw unknownArticle(id);
        if (!isReferenceOnly(record)) throw new Error('This article already has a saved page');
        const holder = await db.articles
          .where('source.sha256')
          .equals(parsed.source.sha256)
          .first();
        if (holder) {
          throw new Error(
            `This page is already in your library as “${holder.csl.title ?? holder.id}”`,
          );
        }
        const time = now();
        // What the user imported wins; the page fills what the entry did not say.
        const csl: CslItem = { ...parsed.csl, ...record.csl, id: record.csl.id };
        const updated: ArticleRecord = {
          ...record,
          parserVersion: parsed.parserVersion,
          csl,
          originalSource: record.originalSource ?? parsed.originalSource,
          keywords: parsed.keywords,
          body: parsed.body,
          headings: parsed.headings,
          images: parsed.images ?? [],
          rights: parsed.rights,
          source: parsed.source,
          gaps: metadataGaps(csl),
          canonicalUrl: csl.URL ? canonicalUrl(csl.URL) : null,
          updatedAt: Math.max(time, record.updatedAt + 1),
        };
        const images = imageRecords(id, stored, time);
        // The entry's text stays in `reference.raw`; the page's bytes are the source now.
        await db.sources.delete(record.source.sha256);
        await db.sources.put({
          sha256: parsed.source.sha256,
          bytes: bytes.slice(),
          mediaType: parsed.source.mediaType,
          fileName: parsed.source.fileName,
          byteLength: bytes.byteLength,
          addedAt: time,
        });
        if (images.length) await db.images.bulkPut(images);
        await putWithBody(db, updated);
        await db.summaries.put(toSummary(updated));
        await indexArticle(db, id, updated);
        return updated;
      });
    },
  };
}
