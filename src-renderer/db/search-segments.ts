import { type BuiltSegment, type TermEntry } from '../../src-core/search/index.ts';
import type { QuireDatabase } from './database.ts';
import type { SearchPositionRecord, SearchPostingRecord } from './records.ts';

/** Reading and writing whole segments (the caller's transaction). */

export const segmentTables = (db: QuireDatabase) => [
  db.searchSegments,
  db.searchPostings,
  db.searchPositions,
];

export async function writeSegment(db: QuireDatabase, id: number, segment: BuiltSegment) {
  const postings: SearchPostingRecord[] = [];
  const positions: SearchPositionRecord[] = [];
  for (const [term, entry] of segment.terms) {
    postings.push({ term, segment: id, docs: entry.postings.docs, tfs: entry.postings.tfs });
    if (entry.positions) positions.push({ term, segment: id, ...entry.positions });
  }
  await db.searchSegments.put({ id, docs: segment.docs, count: segment.docs.docNums.length });
  await db.searchPostings.bulkPut(postings);
  await db.searchPositions.bulkPut(positions);
}

export async function readSegment(db: QuireDatabase, id: number): Promise<BuiltSegment | null> {
  const meta = await db.searchSegments.get(id);
  if (!meta) return null;
  const [postings, positions] = await Promise.all([
    db.searchPostings.where('segment').equals(id).toArray(),
    db.searchPositions.where('segment').equals(id).toArray(),
  ]);
  const byTerm = new Map(positions.map((p) => [p.term, p]));
  const terms = new Map<string, TermEntry>();
  for (const row of postings) {
    const position = byTerm.get(row.term);
    terms.set(row.term, {
      postings: { docs: row.docs, tfs: row.tfs },
      positions: position ? { bytes: position.bytes, ends: position.ends } : null,
    });
  }
  return { docs: meta.docs, terms };
}

export async function deleteSegments(db: QuireDatabase, ids: readonly number[]) {
  await db.searchPostings.where('segment').anyOf(ids).delete();
  await db.searchPositions.where('segment').anyOf(ids).delete();
  await db.searchSegments.bulkDelete([...ids]);
}
