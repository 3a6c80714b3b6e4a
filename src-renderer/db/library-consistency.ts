import type { Sha256 } from '../../src-core/article/model.ts';
import type { QuireDatabase } from './database.ts';
import type { ArticleSummary, StoredArticleRecord } from './records.ts';
import { inspectIndex } from './search-check.ts';
import { toSummary } from './summary.ts';

/**
 * Whether every article in the library is whole and nothing is left over from one that is not:
 * the check run after a crash (or a full disk) to prove that no half-written article exists.
 * An article is whole when its source bytes, every body chunk, its summary (equal to the one
 * its record gives) and its search entry are there; a leftover is a source, body chunk,
 * summary, image, annotation or search entry whose article is gone.
 */

export type ProblemKind =
  | 'source-missing'
  | 'source-differs'
  | 'body-chunk-missing'
  | 'body-chunk-extra'
  | 'summary-missing'
  | 'summary-differs'
  | 'search-missing'
  | 'image-unknown'
  | 'image-differs'
  | 'orphan-source'
  | 'orphan-body'
  | 'orphan-summary'
  | 'orphan-image'
  | 'orphan-annotation'
  | 'orphan-search';

export interface LibraryProblem {
  kind: ProblemKind;
  /** The article concerned (for an orphan source: its SHA-256). */
  id: string;
  detail: string;
}

export interface LibraryConsistency {
  /** Articles in the library. */
  articles: number;
  /** Articles with no problem of their own. */
  whole: number;
  /** Every problem found, articles' first, then leftovers; empty when the library is sound. */
  problems: LibraryProblem[];
}

export interface ConsistencyOptions {
  /** When given, source and image bytes are hashed and compared with their recorded SHA-256. */
  sha256?: Sha256;
}

/** Same JSON value (the summary is plain data): key order ignored. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

interface Snapshot {
  heads: StoredArticleRecord[];
  chunkKeys: [string, number][];
  summaries: ArticleSummary[];
  /** Per article: its paragraphs, chunk by chunk (only chunks that exist). */
  bodies: Map<string, StoredArticleRecord['body']>;
  sources: Map<string, { byteLength: number; bytes: Uint8Array }>;
  images: { key: string; articleId: string; imageId: string; sha256: string; bytes: Uint8Array }[];
  annotations: { id: string; articleId: string }[];
}

/** Everything the check reads, in one read transaction: a consistent snapshot. */
function readSnapshot(db: QuireDatabase): Promise<Snapshot> {
  return db.transaction(
    'r',
    [db.articles, db.bodies, db.summaries, db.sources, db.images, db.annotations],
    async () => {
      const heads = await db.articles.toArray();
      const chunkKeys = (await db.bodies.toCollection().primaryKeys()) as [string, number][];
      const bodies = new Map<string, StoredArticleRecord['body']>();
      for (const head of heads) {
        const chunks = await db.bodies.where('articleId').equals(head.id).sortBy('chunk');
        bodies.set(
          head.id,
          chunks.flatMap((c) => c.paragraphs),
        );
      }
      const sources = new Map<string, { byteLength: number; bytes: Uint8Array }>();
      await db.sources.each((s) =>
        sources.set(s.sha256, { byteLength: s.byteLength, bytes: s.bytes }),
      );
      return {
        heads,
        chunkKeys,
        summaries: await db.summaries.toArray(),
        bodies,
        sources,
        images: await db.images.toArray(),
        annotations: await db.annotations.toArray(),
      };
    },
  );
}

/** Checks the whole library. Reads everything once: a command or a test, not a hot path. */
export async function checkLibraryConsistency(
  db: QuireDatabase,
  { sha256 }: ConsistencyOptions = {},
): Promise<LibraryConsistency> {
  const snap = await readSnapshot(db);
  const index = await inspectIndex(db);
  const problems: LibraryProblem[] = [];
  const report = (kind: ProblemKind, id: string, detail: string) =>
    problems.push({ kind, id, detail });

  const ids = new Set(snap.heads.map((h) => h.id));
  const summaries = new Map(snap.summaries.map((s) => [s.id, s]));
  const chunksOf = new Map<string, number[]>();
  for (const [articleId, chunk] of snap.chunkKeys) {
    chunksOf.set(articleId, [...(chunksOf.get(articleId) ?? []), chunk]);
  }
  const missingFromIndex = new Set(index.missingIds);

  for (const head of snap.heads) {
    const { id } = head;
    const source = snap.sources.get(head.source.sha256);
    if (!source) report('source-missing', id, `no source bytes for ${head.source.sha256}`);
    else if (source.byteLength !== head.source.byteLength) {
      report(
        'source-differs',
        id,
        `${source.byteLength} bytes, expected ${head.source.byteLength}`,
      );
    } else if (sha256 && (await sha256(source.bytes)) !== head.source.sha256) {
      report('source-differs', id, 'the source bytes do not match their SHA-256');
    }
    // Records from before bodies were split keep theirs inline (no bodyChunks).
    const expected = head.bodyChunks ?? 0;
    const stored = new Set(chunksOf.get(id) ?? []);
    let bodyWhole = true;
    for (let chunk = 0; chunk < expected; chunk++) {
      if (stored.has(chunk)) continue;
      bodyWhole = false;
      report('body-chunk-missing', id, `part ${chunk + 1} of ${expected}`);
    }
    for (const chunk of stored) {
      if (chunk >= expected) report('body-chunk-extra', id, `part ${chunk + 1} beyond ${expected}`);
    }
    const summary = summaries.get(id);
    const { bodyChunks, ...record } = head;
    const body = bodyChunks === undefined ? head.body : (snap.bodies.get(id) ?? []);
    if (!summary) report('summary-missing', id, 'no line in the library list');
    // (Against a body with a part missing, every summary would differ: one problem is enough.)
    else if (bodyWhole && !sameValue(summary, toSummary({ ...record, body }))) {
      report('summary-differs', id, 'its line in the list does not match the article');
    }
    if (missingFromIndex.has(id)) report('search-missing', id, 'not in the search index');
  }

  const known = new Map(snap.heads.map((h) => [h.id, new Set(h.images.map((i) => i.id))]));
  for (const image of snap.images) {
    const own = known.get(image.articleId);
    if (!own) report('orphan-image', image.articleId, `image ${image.key} of no article`);
    else if (!own.has(image.imageId)) {
      report('image-unknown', image.articleId, `image ${image.imageId} is not the article's`);
    } else if (sha256 && (await sha256(image.bytes)) !== image.sha256) {
      report('image-differs', image.articleId, `image ${image.imageId} does not match its SHA-256`);
    }
  }

  const whole = snap.heads.filter((h) => !problems.some((p) => p.id === h.id)).length;

  const usedSources = new Set(snap.heads.map((h) => h.source.sha256));
  for (const hash of snap.sources.keys()) {
    if (!usedSources.has(hash)) report('orphan-source', hash, 'source bytes of no article');
  }
  for (const [articleId, chunks] of chunksOf) {
    if (!ids.has(articleId)) {
      report('orphan-body', articleId, `${chunks.length} body parts of no article`);
    }
  }
  for (const summary of snap.summaries) {
    if (!ids.has(summary.id)) report('orphan-summary', summary.id, 'a list line of no article');
  }
  for (const annotation of snap.annotations) {
    if (!ids.has(annotation.articleId)) {
      report(
        'orphan-annotation',
        annotation.articleId,
        `annotation ${annotation.id} of no article`,
      );
    }
  }
  for (const id of index.orphanIds) report('orphan-search', id, 'a search entry of no article');
  for (const docNum of [...index.staleDocNums, ...index.stalePending]) {
    report('orphan-search', String(docNum), `search document ${docNum} is no article's`);
  }
  return { articles: snap.heads.length, whole, problems };
}
