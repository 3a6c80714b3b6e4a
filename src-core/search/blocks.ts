import type { BuiltSegment, Positions, TermEntry } from './segment.ts';

/**
 * A segment as stored: its terms in sorted order, cut into blocks of about BLOCK_BYTES of
 * postings, each block one IndexedDB record. Writing or reading a record costs a round trip to
 * the browser's database process (about 0.1 ms in Chromium), so a segment of 20,000 terms is
 * written as ~100 records, not 40,000, and a query reads one block per term and segment.
 * Positions (for phrases) are in blocks of their own, cut at the same terms, read only when a
 * phrase needs them.
 */
export const BLOCK_BYTES = 64 * 1024;

export interface TermBlock {
  /** Sorted. */
  terms: string[];
  /** Term i's postings are docs/tfs[starts[i] .. starts[i+1]). */
  starts: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
}

export interface PositionBlock {
  /** Posting p's positions are bytes[ends[p-1] .. ends[p]) (0 for the block's first). */
  ends: Uint32Array;
  bytes: Uint8Array;
}

export interface PackedSegment {
  blocks: { postings: TermBlock; positions: PositionBlock }[];
  /** The first term of each block, to find a term's block without reading any. */
  firstTerms: string[];
}

function concat<T extends Uint32Array | Uint16Array | Uint8Array>(
  parts: T[],
  make: (length: number) => T,
): T {
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Cuts a segment's terms into blocks. */
export function packSegment(segment: BuiltSegment, maxBytes = BLOCK_BYTES): PackedSegment {
  const terms = [...segment.terms.keys()].sort();
  const blocks: PackedSegment['blocks'] = [];
  let current: string[] = [];
  let bytes = 0;
  const close = () => {
    if (!current.length) return;
    const entries = current.map((t) => segment.terms.get(t)!);
    const starts = new Uint32Array(entries.length + 1);
    entries.forEach((e, i) => (starts[i + 1] = starts[i]! + e.postings.docs.length));
    const ends: Uint32Array[] = [];
    const byteParts: Uint8Array[] = [];
    let offset = 0;
    for (const { postings, positions } of entries) {
      const termEnds = new Uint32Array(postings.docs.length);
      for (let p = 0; p < termEnds.length; p++) termEnds[p] = offset + (positions?.ends[p] ?? 0);
      if (positions) {
        byteParts.push(positions.bytes);
        offset += positions.bytes.length;
      }
      ends.push(termEnds);
    }
    blocks.push({
      postings: {
        terms: current,
        starts,
        docs: concat(
          entries.map((e) => e.postings.docs),
          (n) => new Uint32Array(n),
        ),
        tfs: concat(
          entries.map((e) => e.postings.tfs),
          (n) => new Uint16Array(n),
        ),
      },
      positions: {
        ends: concat(ends, (n) => new Uint32Array(n)),
        bytes: concat(byteParts, (n) => new Uint8Array(n)),
      },
    });
    current = [];
    bytes = 0;
  };
  for (const term of terms) {
    const entry = segment.terms.get(term)!;
    current.push(term);
    bytes += entry.postings.docs.length * 6 + term.length * 2;
    if (bytes >= maxBytes) close();
  }
  close();
  return { blocks, firstTerms: blocks.map((b) => b.postings.terms[0]!) };
}

/** The blocks (indices) that can hold terms in [from, to]. */
export function blockRange(firstTerms: readonly string[], from: string, to: string): number[] {
  // The last block starting at or before `from` (a term is in the block before the next start).
  let low = 0;
  let high = firstTerms.length - 1;
  let first = 0;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (firstTerms[mid]! <= from) {
      first = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const out: number[] = [];
  for (let b = first; b < firstTerms.length && (b === first || firstTerms[b]! <= to); b++) {
    out.push(b);
  }
  return out;
}

/** A term's positions within a position block, rebased to start at 0. */
function termPositions(block: PositionBlock, from: number, to: number): Positions | null {
  if (to <= from) return null;
  const base = from === 0 ? 0 : block.ends[from - 1]!;
  const last = block.ends[to - 1]!;
  if (last === base) return null;
  const ends = new Uint32Array(to - from);
  for (let p = 0; p < ends.length; p++) ends[p] = block.ends[from + p]! - base;
  return { bytes: block.bytes.subarray(base, last), ends };
}

/** The terms of a block in [from, to], with their postings (and positions when given). */
export function termsInBlock(
  block: TermBlock,
  positions: PositionBlock | null,
  from: string,
  to: string,
): { term: string; entry: TermEntry }[] {
  const out: { term: string; entry: TermEntry }[] = [];
  for (let i = 0; i < block.terms.length; i++) {
    const term = block.terms[i]!;
    if (term < from) continue;
    if (term > to) break;
    const start = block.starts[i]!;
    const end = block.starts[i + 1]!;
    out.push({
      term,
      entry: {
        postings: { docs: block.docs.subarray(start, end), tfs: block.tfs.subarray(start, end) },
        positions: positions ? termPositions(positions, start, end) : null,
      },
    });
  }
  return out;
}

/** A whole segment's terms back from its blocks (for merges). */
export function unpackBlocks(
  blocks: readonly { postings: TermBlock; positions: PositionBlock }[],
): Map<string, TermEntry> {
  const terms = new Map<string, TermEntry>();
  for (const { postings, positions } of blocks) {
    for (const { term, entry } of termsInBlock(postings, positions, '', '\uffff')) {
      terms.set(term, entry);
    }
  }
  return terms;
}
