import type { IndexSnapshot, TermRow } from './evaluate.ts';
import type { BuiltSegment } from './segment.ts';

/**
 * An index held in memory: segments plus a deleted set. The database-backed index answers the
 * same interface from IndexedDB; this one serves unit tests and small in-memory uses.
 */
export function memoryIndex(
  segments: readonly BuiltSegment[],
  deleted: ReadonlySet<number> = new Set(),
): IndexSnapshot {
  return {
    segments: segments.map((segment, id) => ({ id, docs: segment.docs })),
    isDeleted: (docNum) => deleted.has(docNum),
    read(from, to, withPositions, limit) {
      const rows: TermRow[] = [];
      segments.forEach((segment, id) => {
        for (const [term, entry] of segment.terms) {
          if (term < from || term > to) continue;
          rows.push({
            segment: id,
            term,
            entry: withPositions ? entry : { postings: entry.postings, positions: null },
          });
        }
      });
      rows.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.segment - b.segment));
      return Promise.resolve(rows.slice(0, limit));
    },
  };
}
