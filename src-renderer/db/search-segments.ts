import { packSegment, unpackBlocks, type BuiltSegment } from '../../src-core/search/index.ts';
import type { QuireDatabase } from './database.ts';

/** Reading and writing whole segments (the caller's transaction). */

export const segmentTables = (db: QuireDatabase) => [
  db.searchSegments,
  db.searchBlocks,
  db.searchPositionBlocks,
];

/** Every block key of a segment. */
const ofSegment = (id: number) => [
  [id, -Infinity],
  [id, Infinity],
];

export async function writeSegment(db: QuireDatabase, id: number, segment: BuiltSegment) {
  const { blocks, firstTerms } = packSegment(segment);
  await db.searchSegments.put({
    id,
    docs: segment.docs,
    count: segment.docs.docNums.length,
    firstTerms,
  });
  await db.searchBlocks.bulkPut(
    blocks.map(({ postings }, block) => ({ ...postings, segment: id, block })),
  );
  await db.searchPositionBlocks.bulkPut(
    blocks.map(({ positions }, block) => ({ ...positions, segment: id, block })),
  );
}

export async function readSegment(db: QuireDatabase, id: number): Promise<BuiltSegment | null> {
  const meta = await db.searchSegments.get(id);
  if (!meta) return null;
  const [lower, upper] = ofSegment(id);
  const [postings, positions] = await Promise.all([
    db.searchBlocks.where(':id').between(lower, upper).toArray(),
    db.searchPositionBlocks.where(':id').between(lower, upper).toArray(),
  ]);
  const blocks = postings.map((p, i) => ({ postings: p, positions: positions[i]! }));
  return { docs: meta.docs, terms: unpackBlocks(blocks) };
}

export async function deleteSegments(db: QuireDatabase, ids: readonly number[]) {
  for (const id of ids) {
    const [lower, upper] = ofSegment(id);
    await db.searchBlocks.where(':id').between(lower, upper).delete();
    await db.searchPositionBlocks.where(':id').between(lower, upper).delete();
  }
  await db.searchSegments.bulkDelete([...ids]);
}
