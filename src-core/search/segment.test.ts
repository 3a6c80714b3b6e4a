import { describe, expect, it } from 'vitest';
import { indexDocument, type ForwardDoc, type IndexedFields } from './document.ts';
import {
  buildSegment,
  mergeSegments,
  positionBytes,
  type BuiltSegment,
  type SegmentInput,
} from './segment.ts';
import { indexedFields } from './test-fields.ts';
import { readDeltas, VarintWriter } from './varint.ts';

const fields = indexedFields;

/** The positions of `term` in a forward doc. */
function forwardPositions(doc: ForwardDoc, term: string): number[] {
  const i = doc.terms.indexOf(term);
  if (i < 0) return [];
  return [...doc.positions.subarray(i === 0 ? 0 : doc.posEnd[i - 1]!, doc.posEnd[i]!)];
}

/** The positions of `term` in the document with `docNum`, read back from a segment. */
function segmentPositions(segment: BuiltSegment, term: string, docNum: number): number[] {
  const local = segment.docs.docNums.indexOf(docNum);
  const entry = segment.terms.get(term);
  if (!entry || local < 0) return [];
  const i = entry.postings.docs.indexOf(local);
  if (i < 0) return [];
  const bytes = positionBytes(entry.positions, i);
  return bytes ? readDeltas(bytes, 0, bytes.length) : [];
}

const DOCS: { docNum: number; id: string; fields: IndexedFields }[] = [
  {
    docNum: 7,
    id: 'taliban',
    fields: fields({
      title: 'Taliban pushes back against ISIS',
      authors: ['South Front'],
      body: ['The Taliban is actively combating ISIS.', 'ISIS members were killed.'],
      tags: ['Afghanistan'],
      year: 2018,
    }),
  },
  {
    docNum: 3,
    id: 'kabul',
    fields: fields({
      title: 'Kabul government',
      body: ['The Kabul government controls only about 56-57% of Afghanistan.'],
      year: 2017,
    }),
  },
  {
    docNum: 12,
    id: 'trump',
    fields: fields({
      title: 'Troops deployed',
      body: ['President Trump increased the number of troops: from 8,500 to 14,000.'],
      notes: ['Compare with the Kabul figures.'],
    }),
  },
  {
    docNum: 20,
    id: 'long',
    fields: fields({ body: ['word '.repeat(300) + 'kabul'] }),
  },
];

const inputs = (docs = DOCS): SegmentInput[] =>
  docs.map(({ docNum, id, fields: f }) => ({ docNum, id, doc: indexDocument(f) }));

describe('varint', () => {
  it('round-trips deltas at every byte-length boundary', () => {
    const values = [0, 1, 127, 128, 255, 16_383, 16_384, 2 ** 21 - 1, 2 ** 21, 2 ** 28 - 1];
    const writer = new VarintWriter();
    for (const v of values) writer.write(v);
    const bytes = writer.finish();
    expect(bytes.length).toBe(1 + 1 + 1 + 2 + 2 + 2 + 3 + 3 + 4 + 4);
    let sum = 0;
    expect(readDeltas(bytes, 0, bytes.length)).toEqual(values.map((v) => (sum += v)));
  });

  it('round-trips the largest 32-bit value in five bytes', () => {
    const writer = new VarintWriter();
    writer.write(2 ** 32 - 1);
    const bytes = writer.finish();
    expect(bytes.length).toBe(5);
    expect(readDeltas(bytes, 0, 5)).toEqual([2 ** 32 - 1]);
  });

  it('grows past its first buffer and appends encoded bytes', () => {
    const writer = new VarintWriter();
    for (let i = 0; i < 1000; i++) writer.write(300);
    const tail = new VarintWriter();
    tail.write(5);
    writer.writeBytes(tail.finish());
    expect(writer.length).toBe(2001);
    const values = readDeltas(writer.finish(), 0, writer.length);
    expect(values).toHaveLength(1001);
    expect(values[999]).toBe(300_000);
    expect(values[1000]).toBe(300_005);
  });

  it('reads a sub-range [start, end) on its own', () => {
    const writer = new VarintWriter();
    for (const v of [1, 200, 3]) writer.write(v);
    const bytes = writer.finish();
    expect(readDeltas(bytes, 1, 3)).toEqual([200]);
    expect(readDeltas(bytes, 3, 4)).toEqual([3]);
    expect(readDeltas(bytes, 2, 2)).toEqual([]);
  });
});

describe('indexDocument', () => {
  it('weights title words 3, author words 2, other words 1 in tf and length', () => {
    const doc = indexDocument(
      fields({ title: 'Kabul', authors: ['Ann Kabul'], body: ['Kabul kabul'], notes: ['x'] }),
    );
    const tf = (term: string) => doc.tfs[doc.terms.indexOf(term)];
    expect(tf('kabul')).toBe(3 + 2 + 1 + 1);
    expect(tf('ann')).toBe(2);
    expect(tf('x')).toBe(1);
    expect(doc.length).toBe(3 + 2 * 2 + 2 + 1);
  });

  it('adds field terms without positions, whole-value terms and the year', () => {
    const doc = indexDocument(DOCS[0]!.fields);
    expect(doc.terms).toEqual([...doc.terms].sort());
    for (const t of ['ti:taliban', 'au:south', 'ta:afghanistan', 'ye:2018']) {
      expect(doc.terms).toContain(t);
      expect(forwardPositions(doc, t)).toEqual([]);
    }
  });

  it('leaves out a year outside 1000..9999', () => {
    expect(indexDocument(fields({ year: 999 })).terms).toEqual([]);
    expect(indexDocument(fields({ year: 10_000 })).terms).toEqual([]);
  });

  it('leaves a gap of positions between title, paragraphs and fields', () => {
    const doc = indexDocument(fields({ title: 'a b', body: ['c', 'd'] }));
    const at = (term: string) => forwardPositions(doc, term)[0]!;
    expect(at('b')).toBe(at('a') + 1);
    expect(at('c') - at('b')).toBeGreaterThan(1);
    expect(at('d') - at('c')).toBeGreaterThan(1);
  });

  it('caps tf at 65,535', () => {
    const doc = indexDocument(fields({ body: ['a '.repeat(70_000)] }));
    expect(doc.tfs[doc.terms.indexOf('a')]).toBe(0xffff);
    expect(forwardPositions(doc, 'a')).toHaveLength(70_000);
  });
});

describe('buildSegment', () => {
  const segment = buildSegment(inputs());

  it('orders documents by number, with their ids and lengths', () => {
    expect([...segment.docs.docNums]).toEqual([3, 7, 12, 20]);
    expect(segment.docs.ids).toEqual(['kabul', 'taliban', 'trump', 'long']);
    const lengths = [3, 7, 12, 20].map(
      (n) => indexDocument(DOCS.find((d) => d.docNum === n)!.fields).length,
    );
    expect([...segment.docs.lengths]).toEqual(lengths);
  });

  it("each term's postings are ascending local indices with the document's tf", () => {
    for (const [term, { postings }] of segment.terms) {
      for (let i = 1; i < postings.docs.length; i++) {
        expect(postings.docs[i]!, term).toBeGreaterThan(postings.docs[i - 1]!);
      }
      expect(postings.tfs.length).toBe(postings.docs.length);
    }
    const kabul = segment.terms.get('kabul')!.postings;
    expect([...kabul.docs]).toEqual([0, 2, 3]);
    expect([...kabul.tfs]).toEqual([3 + 1, 1, 1]);
  });

  it('positions survive the build', () => {
    for (const { docNum, fields: f } of DOCS) {
      const doc = indexDocument(f);
      for (const term of doc.terms) {
        expect(segmentPositions(segment, term, docNum), term).toEqual(forwardPositions(doc, term));
      }
    }
  });

  it('field terms store no positions', () => {
    expect(segment.terms.get('ti:kabul')!.positions).toBeNull();
    expect(segment.terms.get('ye:2018')!.positions).toBeNull();
  });

  it('an empty segment has no documents and no terms', () => {
    const empty = buildSegment([]);
    expect(empty.docs.docNums.length).toBe(0);
    expect(empty.terms.size).toBe(0);
  });
});

describe('mergeSegments', () => {
  const [a, b, c, d] = inputs();
  const parts = [buildSegment([c!, d!]), buildSegment([b!]), buildSegment([a!])];
  const whole = buildSegment(inputs());

  it('gives the same segment as building all the documents at once', () => {
    const merged = mergeSegments(parts, () => false);
    expect([...merged.docs.docNums]).toEqual([3, 7, 12, 20]);
    expect(merged.docs.ids).toEqual(whole.docs.ids);
    expect([...merged.docs.lengths]).toEqual([...whole.docs.lengths]);
    expect([...merged.terms.keys()].sort()).toEqual([...whole.terms.keys()].sort());
    for (const [term, entry] of whole.terms) {
      const got = merged.terms.get(term)!;
      expect([...got.postings.docs], term).toEqual([...entry.postings.docs]);
      expect([...got.postings.tfs], term).toEqual([...entry.postings.tfs]);
    }
  });

  it('positions survive the merge', () => {
    const merged = mergeSegments(parts, () => false);
    for (const { docNum, fields: f } of DOCS) {
      const doc = indexDocument(f);
      for (const term of doc.terms) {
        expect(segmentPositions(merged, term, docNum), term).toEqual(forwardPositions(doc, term));
      }
    }
  });

  it('drops the documents the predicate names, and terms only they held', () => {
    const merged = mergeSegments(parts, (docNum) => docNum === 7 || docNum === 20);
    expect([...merged.docs.docNums]).toEqual([3, 12]);
    expect(merged.docs.ids).toEqual(['kabul', 'trump']);
    expect(merged.terms.has('taliban')).toBe(false);
    expect(merged.terms.has('word')).toBe(false);
    expect([...merged.terms.get('kabul')!.postings.docs]).toEqual([0, 1]);
    expect(segmentPositions(merged, 'kabul', 12)).toEqual(
      forwardPositions(indexDocument(DOCS[2]!.fields), 'kabul'),
    );
  });

  it('merging merged segments again changes nothing', () => {
    const once = mergeSegments(parts, () => false);
    const twice = mergeSegments([once], () => false);
    expect([...twice.docs.docNums]).toEqual([...once.docs.docNums]);
    for (const [term, entry] of once.terms) {
      const got = twice.terms.get(term)!;
      expect([...got.postings.docs]).toEqual([...entry.postings.docs]);
      expect(got.positions?.bytes).toEqual(entry.positions?.bytes);
    }
  });

  it('dropping everything leaves an empty segment', () => {
    const merged = mergeSegments(parts, () => true);
    expect(merged.docs.docNums.length).toBe(0);
    expect(merged.terms.size).toBe(0);
  });
});
