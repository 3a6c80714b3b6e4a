import { describe, expect, it } from 'vitest';
import { blockRange, packSegment, termsInBlock, unpackBlocks } from './blocks.ts';
import { indexDocument } from './document.ts';
import { indexedFields } from './test-fields.ts';
import { buildSegment, positionBytes } from './segment.ts';

const fields = (body: string[]) =>
  indexedFields({ title: 'A title', authors: ['Ann Tide'], body, tags: ['Oceans'], year: 2018 });

/** Three documents with many distinct words, so small blocks split them. */
const segment = buildSegment(
  [0, 1, 2].map((i) => ({
    docNum: i + 1,
    id: `doc-${i}`,
    doc: indexDocument(
      fields([Array.from({ length: 200 }, (_, w) => `word${(w * (i + 1)) % 257}`).join(' ')]),
    ),
  })),
);

describe('packSegment and unpackBlocks', () => {
  it('cut a segment into blocks of sorted terms and give every posting and position back', () => {
    const packed = packSegment(segment, 256);
    expect(packed.blocks.length).toBeGreaterThan(3);
    const all = packed.blocks.flatMap((b) => b.postings.terms);
    expect(all).toEqual([...segment.terms.keys()].sort());
    expect(packed.firstTerms).toEqual(packed.blocks.map((b) => b.postings.terms[0]));
    const unpacked = unpackBlocks(packed.blocks);
    for (const [term, entry] of segment.terms) {
      const back = unpacked.get(term)!;
      expect([...back.postings.docs]).toEqual([...entry.postings.docs]);
      expect([...back.postings.tfs]).toEqual([...entry.postings.tfs]);
      for (let p = 0; p < entry.postings.docs.length; p++) {
        expect([...(positionBytes(back.positions, p) ?? [])]).toEqual([
          ...(positionBytes(entry.positions, p) ?? []),
        ]);
      }
    }
  });

  it('keep field terms (no positions) without positions', () => {
    const unpacked = unpackBlocks(packSegment(segment, 256).blocks);
    expect(unpacked.get('ta:oceans')?.positions).toBeNull();
    expect(unpacked.get('ta:oceans')?.postings.docs.length).toBe(3);
  });
});

describe('blockRange and termsInBlock', () => {
  const packed = packSegment(segment, 256);

  it('find the one block that holds a term, and every block a prefix range spans', () => {
    for (const term of ['word1', 'word200', 'ye:2018', 'a', 'ti:title']) {
      const blocks = blockRange(packed.firstTerms, term, term);
      const found = blocks.flatMap((b) =>
        termsInBlock(packed.blocks[b]!.postings, null, term, term).map((t) => t.term),
      );
      expect(found).toEqual(segment.terms.has(term) ? [term] : []);
    }
    const prefix = blockRange(packed.firstTerms, 'word', 'word\uffff');
    const words = prefix.flatMap((b) =>
      termsInBlock(packed.blocks[b]!.postings, null, 'word', 'word\uffff').map((t) => t.term),
    );
    expect(words).toEqual([...segment.terms.keys()].filter((t) => t.startsWith('word')).sort());
  });

  it('a term before the first block or after the last finds nothing', () => {
    expect(blockRange([], 'a', 'z')).toEqual([]);
    const first = blockRange(packed.firstTerms, '0', '0');
    expect(first).toEqual([0]);
    expect(termsInBlock(packed.blocks[0]!.postings, null, '0', '0')).toEqual([]);
  });
});
