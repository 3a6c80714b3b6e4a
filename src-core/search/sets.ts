/**
 * Scored document sets within one segment: local indices ascending, with a score each.
 * AND, OR and NOT are merges of sorted arrays: linear in the sizes of their inputs.
 */
export interface ScoredSet {
  docs: Uint32Array;
  scores: Float64Array;
}

export const EMPTY: ScoredSet = { docs: new Uint32Array(0), scores: new Float64Array(0) };

export function intersect(a: ScoredSet, b: ScoredSet): ScoredSet {
  const docs = new Uint32Array(Math.min(a.docs.length, b.docs.length));
  const scores = new Float64Array(docs.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.docs.length && j < b.docs.length) {
    const x = a.docs[i]!;
    const y = b.docs[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      docs[k] = x;
      scores[k++] = a.scores[i++]! + b.scores[j++]!;
    }
  }
  return { docs: docs.subarray(0, k), scores: scores.subarray(0, k) };
}

export function union(a: ScoredSet, b: ScoredSet): ScoredSet {
  const docs = new Uint32Array(a.docs.length + b.docs.length);
  const scores = new Float64Array(docs.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.docs.length || j < b.docs.length) {
    const x = i < a.docs.length ? a.docs[i]! : Infinity;
    const y = j < b.docs.length ? b.docs[j]! : Infinity;
    if (x < y) {
      docs[k] = x;
      scores[k++] = a.scores[i++]!;
    } else if (y < x) {
      docs[k] = y;
      scores[k++] = b.scores[j++]!;
    } else {
      docs[k] = x;
      scores[k++] = a.scores[i++]! + b.scores[j++]!;
    }
  }
  return { docs: docs.subarray(0, k), scores: scores.subarray(0, k) };
}

/** The documents of `a` not in `b`, keeping `a`'s scores. */
export function subtract(a: ScoredSet, b: ScoredSet): ScoredSet {
  const docs = new Uint32Array(a.docs.length);
  const scores = new Float64Array(docs.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < a.docs.length; i++) {
    const x = a.docs[i]!;
    while (j < b.docs.length && b.docs[j]! < x) j++;
    if (j < b.docs.length && b.docs[j] === x) continue;
    docs[k] = x;
    scores[k++] = a.scores[i]!;
  }
  return { docs: docs.subarray(0, k), scores: scores.subarray(0, k) };
}

/** Every document of a segment, scored 0: what a purely negative query starts from. */
export function everything(count: number): ScoredSet {
  const docs = new Uint32Array(count);
  for (let i = 0; i < count; i++) docs[i] = i;
  return { docs, scores: new Float64Array(count) };
}

/** The documents of a set that pass `keep`. */
export function filterSet(set: ScoredSet, keep: (local: number) => boolean): ScoredSet {
  const docs = new Uint32Array(set.docs.length);
  const scores = new Float64Array(docs.length);
  let k = 0;
  for (let i = 0; i < set.docs.length; i++) {
    if (!keep(set.docs[i]!)) continue;
    docs[k] = set.docs[i]!;
    scores[k++] = set.scores[i]!;
  }
  return { docs: docs.subarray(0, k), scores: scores.subarray(0, k) };
}
