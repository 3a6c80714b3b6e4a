import type { ForwardDoc } from './document.ts';
import { VarintWriter } from './varint.ts';

/**
 * A segment is an immutable inverted index over a batch of articles (Lucene's design): its
 * documents by local index, and per term the local indices that hold it with their weighted
 * counts, plus word positions for phrases. Segments are written once, searched together, and
 * merged into bigger ones; a deleted or re-indexed article is left out at the next merge.
 */
export interface SegmentDocs {
  /**
   * Global document numbers; local index = position in this array. Ascending in a flushed
   * segment; a merged one keeps each part's order (nothing relies on global order).
   */
  docNums: Uint32Array;
  /** The article id of each document. */
  ids: string[];
  /** BM25 lengths. */
  lengths: Uint32Array;
}

export interface Postings {
  /** Local indices, ascending. */
  docs: Uint32Array;
  tfs: Uint16Array;
}

/** Each posting's positions as delta varints; posting i is bytes[ends[i-1] .. ends[i]). */
export interface Positions {
  bytes: Uint8Array;
  ends: Uint32Array;
}

export interface TermEntry {
  postings: Postings;
  positions: Positions | null;
}

export interface BuiltSegment {
  docs: SegmentDocs;
  terms: Map<string, TermEntry>;
}

export interface SegmentInput {
  docNum: number;
  id: string;
  doc: ForwardDoc;
}

class TermAccumulator {
  readonly docs: number[] = [];
  readonly tfs: number[] = [];
  readonly ends: number[] = [];
  writer: VarintWriter | null = null;

  add(local: number, tf: number, positions: Uint32Array | null): void {
    this.docs.push(local);
    this.tfs.push(tf);
    if (positions?.length) {
      this.writer ??= new VarintWriter();
      let previous = 0;
      for (const position of positions) {
        this.writer.write(position - previous);
        previous = position;
      }
    }
    this.ends.push(this.writer?.length ?? 0);
  }

  addBytes(local: number, tf: number, bytes: Uint8Array | null): void {
    this.docs.push(local);
    this.tfs.push(tf);
    if (bytes?.length) {
      this.writer ??= new VarintWriter();
      this.writer.writeBytes(bytes);
    }
    this.ends.push(this.writer?.length ?? 0);
  }

  finish(): TermEntry {
    return {
      postings: { docs: Uint32Array.from(this.docs), tfs: Uint16Array.from(this.tfs) },
      positions: this.writer
        ? { bytes: this.writer.finish(), ends: Uint32Array.from(this.ends) }
        : null,
    };
  }
}

function finishTerms(accumulators: Map<string, TermAccumulator>): Map<string, TermEntry> {
  const terms = new Map<string, TermEntry>();
  for (const [term, accumulator] of accumulators) terms.set(term, accumulator.finish());
  return terms;
}

/** A segment over `inputs` (any order; sorted by document number here). */
export function buildSegment(inputs: readonly SegmentInput[]): BuiltSegment {
  const sorted = [...inputs].sort((a, b) => a.docNum - b.docNum);
  const accumulators = new Map<string, TermAccumulator>();
  sorted.forEach(({ doc }, local) => {
    doc.terms.forEach((term, i) => {
      let accumulator = accumulators.get(term);
      if (!accumulator) accumulators.set(term, (accumulator = new TermAccumulator()));
      const start = i === 0 ? 0 : doc.posEnd[i - 1]!;
      const end = doc.posEnd[i]!;
      accumulator.add(local, doc.tfs[i]!, end > start ? doc.positions.subarray(start, end) : null);
    });
  });
  return {
    docs: {
      docNums: Uint32Array.from(sorted, (s) => s.docNum),
      ids: sorted.map((s) => s.id),
      lengths: Uint32Array.from(sorted, (s) => s.doc.length),
    },
    terms: finishTerms(accumulators),
  };
}

/** The positions bytes of posting `i` (empty when the term has none). */
export function positionBytes(positions: Positions | null, i: number): Uint8Array | null {
  if (!positions) return null;
  const start = i === 0 ? 0 : positions.ends[i - 1]!;
  return positions.bytes.subarray(start, positions.ends[i]!);
}

/**
 * One segment holding the documents of `segments` (ordered by their first document number)
 * except those `drop` names: the merge step that purges deleted and re-indexed articles.
 */
export function mergeSegments(
  segments: readonly BuiltSegment[],
  drop: (docNum: number) => boolean,
): BuiltSegment {
  const ordered = [...segments].sort((a, b) => (a.docs.docNums[0] ?? 0) - (b.docs.docNums[0] ?? 0));
  const docNums: number[] = [];
  const ids: string[] = [];
  const lengths: number[] = [];
  const remaps = ordered.map(({ docs }) =>
    Int32Array.from(docs.docNums, (docNum, local) => {
      if (drop(docNum)) return -1;
      docNums.push(docNum);
      ids.push(docs.ids[local]!);
      lengths.push(docs.lengths[local]!);
      return docNums.length - 1;
    }),
  );
  const accumulators = new Map<string, TermAccumulator>();
  ordered.forEach((segment, s) => {
    const remap = remaps[s]!;
    for (const [term, { postings, positions }] of segment.terms) {
      for (let i = 0; i < postings.docs.length; i++) {
        const local = remap[postings.docs[i]!]!;
        if (local < 0) continue;
        let accumulator = accumulators.get(term);
        if (!accumulator) accumulators.set(term, (accumulator = new TermAccumulator()));
        accumulator.addBytes(local, postings.tfs[i]!, positionBytes(positions, i));
      }
    }
  });
  return {
    docs: {
      docNums: Uint32Array.from(docNums),
      ids,
      lengths: Uint32Array.from(lengths),
    },
    terms: finishTerms(accumulators),
  };
}
