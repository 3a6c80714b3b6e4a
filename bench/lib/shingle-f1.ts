/**
 * The article-extraction benchmark's body metric, ported from upstream's `evaluate.py`
 * (scrapinghub/article-extraction-benchmark; definition in
 * ../shared/corpora/article-extraction/README.md). Every step mirrors the Python, including its
 * float arithmetic, so the figures can be compared with the published table digit for digit.
 */

/** Python's `\w+` on a `str`: letters and digits of any script plus `_`; combining marks split. */
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Shingle length used by upstream (`ngram_n = 4`). */
const SHINGLE_TOKENS = 4;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Shingles of a token list, counted as a multiset. Keys join tokens with a space, which no
 * token contains. 1–3 tokens give one shingle of all of them; no tokens give none.
 */
export function shingles(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - SHINGLE_TOKENS + 1);
  for (let i = 0; i < last && tokens.length > 0; i++) {
    const key = tokens.slice(i, i + SHINGLE_TOKENS).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  /** Raw shingle counts (upstream only keeps the normalised ones; raw ones help debugging). */
  tp: number;
  fp: number;
  fn: number;
  /** Page precision, or null when the prediction has no shingle (left out of the mean). */
  precision: number | null;
  /** Page recall, or null when the truth has no shingle (left out of the mean). */
  recall: number | null;
  /** Whether the predicted token sequence equals the truth's exactly. */
  exact: boolean;
}

/** Scores one page: multiset shingle matching (`string_shingle_matching` + the score helpers). */
export function scorePage(truth: string, prediction: string): PageScore {
  const trueTokens = tokenize(truth);
  const predTokens = tokenize(prediction);
  const trueShingles = shingles(trueTokens);
  const predShingles = shingles(predTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...trueShingles.keys(), ...predShingles.keys()])) {
    const t = trueShingles.get(key) ?? 0;
    const p = predShingles.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  // Upstream divides the counts by their sum before taking ratios. The ratios are the same in
  // exact arithmetic but not always in floating point, so do it too.
  const sum = tp + fp + fn;
  const [ntp, nfp, nfn] = sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
  return {
    tp,
    fp,
    fn,
    precision: ntp + nfp > 0 ? ratio(ntp, nfp, nfn, nfp) : null,
    recall: ntp + nfn > 0 ? ratio(ntp, nfp, nfn, nfn) : null,
    exact: sameSequence(trueTokens, predTokens),
  };
}

/** `precision_score` / `recall_score`: `miss` is fp for precision and fn for recall. */
function ratio(tp: number, fp: number, fn: number, miss: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && miss === 0) return 0;
  return tp / (tp + miss);
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

export interface Aggregate {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Pages that entered each mean. */
  precisionPages: number;
  recallPages: number;
  pages: number;
}

/**
 * Macro averages over pages (`metrics_from_tp_fp_fns`): each page weighs the same. F1 is the
 * harmonic mean of mean precision and mean recall, not the mean of page F1 values.
 */
export function aggregate(scores: readonly PageScore[]): Aggregate {
  const precisions = scores.flatMap((s) => (s.precision === null ? [] : [s.precision]));
  const recalls = scores.flatMap((s) => (s.recall === null ? [] : [s.recall]));
  const precision = pythonMean(precisions);
  const recall = pythonMean(recalls);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const exact = scores.filter((s) => s.exact).length;
  return {
    precision,
    recall,
    f1,
    accuracy: scores.length > 0 ? exact / scores.length : 0,
    precisionPages: precisions.length,
    recallPages: recalls.length,
    pages: scores.length,
  };
}

/**
 * Python's `statistics.mean` sums floats exactly (as fractions) and rounds once at the end, so
 * a plain running sum can differ in the last bit. Each double is an integer multiple of
 * 2^-1074, so summing those integers as BigInts is exact. Empty input gives 0 (Python would
 * raise; here it only happens when every prediction is empty).
 */
export function pythonMean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let total = 0n;
  for (const v of values) total += scaledInteger(v);
  return rationalToDouble(total, BigInt(values.length) << 1074n);
}

/** v · 2^1074 as an exact integer (v finite). */
function scaledInteger(v: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const scaled = mantissa << BigInt(Math.max(0, exponent - 1));
  return negative ? -scaled : scaled;
}

/** The double nearest to num/den (ties to even), for den > 0 and a normal or zero result. */
function rationalToDouble(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const negative = num < 0n;
  const n = negative ? -num : num;
  // Pick a shift k so that the quotient n·2^k / den has exactly 53 bits.
  let k = 52 - (n.toString(2).length - den.toString(2).length);
  const scale = (s: number): [bigint, bigint] =>
    s >= 0 ? [n << BigInt(s), den] : [n, den << BigInt(-s)];
  let [a, b] = scale(k);
  if (a / b >= 1n << 53n) [a, b] = scale(--k);
  else if (a / b < 1n << 52n) [a, b] = scale(++k);
  let q = a / b;
  const twiceRemainder = (a % b) * 2n;
  if (twiceRemainder > b || (twiceRemainder === b && (q & 1n) === 1n)) q += 1n;
  // q < 2^54 is exact as a double, and so is the power of two while the result stays normal.
  const value = Number(q) * 2 ** -k;
  return negative ? -value : value;
}
