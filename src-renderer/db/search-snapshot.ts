import {
  blockRange,
  termsInBlock,
  type IndexSnapshot,
  type SegmentDocs,
  type TermRow,
} from '../../src-core/search/index.ts';
import type { QuireDatabase } from './database.ts';
import { segmentTables } from './search-segments.ts';

/**
 * The read side: an IndexSnapshot over the stored segments, for src-core's runQuery. Segments
 * never change once written, so their document tables and block directories are kept between
 * queries and only new ones are read. Call inside a read transaction over searchReadTables, so a
 * merge running at the same time cannot swap segments between the listing and the reads.
 */
export const searchReadTables = (db: QuireDatabase) => [...segmentTables(db), db.searchDeleted];

interface CachedSegment {
  docs: SegmentDocs;
  firstTerms: string[];
}

export class SegmentCache {
  private readonly segments = new Map<number, CachedSegment>();

  async snapshot(db: QuireDatabase): Promise<IndexSnapshot> {
    const ids = await db.searchSegments.toCollection().primaryKeys();
    const unknown = ids.filter((id) => !this.segments.has(id));
    if (unknown.length) {
      for (const record of await db.searchSegments.bulkGet(unknown)) {
        if (record) {
          this.segments.set(record.id, { docs: record.docs, firstTerms: record.firstTerms });
        }
      }
    }
    const live = new Set(ids);
    for (const id of this.segments.keys()) if (!live.has(id)) this.segments.delete(id);
    const deleted = new Set(await db.searchDeleted.toCollection().primaryKeys());
    const segments = ids.map((id) => ({ id, ...this.segments.get(id)! }));
    return {
      segments,
      isDeleted: (docNum) => deleted.has(docNum),
      read: (from, to, withPositions, limit) =>
        readRows(db, segments, from, to, withPositions, limit),
    };
  }
}

/** The rows of terms in [from, to]: one block read per segment (more for a wide range). */
async function readRows(
  db: QuireDatabase,
  segments: readonly ({ id: number } & CachedSegment)[],
  from: string,
  to: string,
  withPositions: boolean,
  limit: number,
): Promise<TermRow[]> {
  const keys: [number, number][] = [];
  for (const segment of segments) {
    for (const block of blockRange(segment.firstTerms, from, to)) keys.push([segment.id, block]);
  }
  const [blocks, positions] = await Promise.all([
    db.searchBlocks.bulkGet(keys),
    withPositions ? db.searchPositionBlocks.bulkGet(keys) : Promise.resolve([]),
  ]);
  const rows: TermRow[] = [];
  blocks.forEach((block, i) => {
    if (!block || rows.length >= limit) return;
    for (const { term, entry } of termsInBlock(block, positions[i] ?? null, from, to)) {
      if (rows.length >= limit) break;
      rows.push({ segment: block.segment, term, entry });
    }
  });
  return rows;
}
