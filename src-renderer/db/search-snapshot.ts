import type { IndexSnapshot, SegmentDocs, TermRow } from '../../src-core/search/index.ts';
import type { QuireDatabase } from './database.ts';
import { segmentTables } from './search-segments.ts';

/**
 * The read side: an IndexSnapshot over the stored segments, for src-core's runQuery. Segments
 * never change once written, so their document tables are kept between queries and only new
 * ones are read. Call inside a read transaction over searchReadTables, so a merge running at
 * the same time cannot swap segments between the listing and the reads.
 */
export const searchReadTables = (db: QuireDatabase) => [...segmentTables(db), db.searchDeleted];

export class SegmentCache {
  private readonly docs = new Map<number, SegmentDocs>();

  async snapshot(db: QuireDatabase): Promise<IndexSnapshot> {
    const ids = await db.searchSegments.toCollection().primaryKeys();
    const unknown = ids.filter((id) => !this.docs.has(id));
    if (unknown.length) {
      for (const record of await db.searchSegments.bulkGet(unknown)) {
        if (record) this.docs.set(record.id, record.docs);
      }
    }
    const live = new Set(ids);
    for (const id of this.docs.keys()) if (!live.has(id)) this.docs.delete(id);
    const deleted = new Set(await db.searchDeleted.toCollection().primaryKeys());
    return {
      segments: ids.map((id) => ({ id, docs: this.docs.get(id)! })),
      isDeleted: (docNum) => deleted.has(docNum),
      read: (from, to, withPositions, limit) => readRows(db, from, to, withPositions, limit),
    };
  }
}

async function readRows(
  db: QuireDatabase,
  from: string,
  to: string,
  withPositions: boolean,
  limit: number,
): Promise<TermRow[]> {
  const lower = [from, -Infinity];
  const upper = [to, Infinity];
  const [postings, positions] = await Promise.all([
    db.searchPostings.where(':id').between(lower, upper, true, true).limit(limit).toArray(),
    withPositions
      ? db.searchPositions.where(':id').between(lower, upper, true, true).limit(limit).toArray()
      : Promise.resolve([]),
  ]);
  const byKey = new Map(positions.map((p) => [`${p.segment} ${p.term}`, p]));
  return postings.map(({ term, segment, docs, tfs }) => {
    const position = byKey.get(`${segment} ${term}`);
    return {
      term,
      segment,
      entry: {
        postings: { docs, tfs },
        positions: position ? { bytes: position.bytes, ends: position.ends } : null,
      },
    };
  });
}
