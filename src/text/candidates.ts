/**
 * Candidate pairs for near-duplicate verification without comparing all pairs: weighted prefix
 * filtering (Chaudhuri et al. 2006; Bayardo et al. "All-pairs", 2007), with two documented relaxations
 * that keep large threads fast.
 *
 * Each record is a set of term ids with weights. If weighted Jaccard J(x, y) ≥ t then the shared weight
 * O ≥ t·W(x) (because J = O / (Wx + Wy − O) and Wy ≥ O). Sort every record's terms in one global order
 * (rarest, i.e. heaviest, first) and cut each record after the shortest prefix whose remaining suffix
 * weighs less than t·W: two records with J ≥ t must then share a term in both prefixes.
 *
 * Relaxations: (1) terms found in more than `maxDocFreq` records are not indexed (like stopwords: they
 * weigh little, and a pair whose prefixes share only such terms is two generic texts, not a copy);
 * (2) a pair must share at least `minShared` indexed prefix terms (records with fewer prefix terms need
 * as many as they have). With maxDocFreq = Infinity and minShared = 1 the join is exact.
 */

export interface WeightedRecord {
  /** Term ids, sorted in the global order (heaviest first, ties by id). */
  terms: Int32Array;
  /** Sum of the record's term weights. */
  total: number;
}

export interface PrefixFilterOptions {
  threshold: number;
  maxDocFreq?: number;
  minShared?: number;
}

/**
 * Pairs (i < j) that may have weighted Jaccard ≥ threshold, flat: pair k is (pairs[2k], pairs[2k + 1]).
 * `weights[termId]` must be positive.
 */
export function prefixFilterPairs(
  records: readonly WeightedRecord[],
  weights: Float64Array,
  { threshold, maxDocFreq = Number.POSITIVE_INFINITY, minShared = 1 }: PrefixFilterOptions,
): number[] {
  const docFreq = new Int32Array(weights.length);
  for (const rec of records) for (const t of rec.terms) docFreq[t]!++;
  // Term ids are dense (0 .. weights.length - 1): postings by index, not in a Map (filled, so the array
  // stays a fast one however many terms there are).
  const postings: Array<number[] | undefined> = [];
  for (let t = 0; t < weights.length; t++) postings.push(undefined);
  const pairs: number[] = [];
  const shared = new Int32Array(records.length);
  const prefixLength = new Int32Array(records.length);
  const touched: number[] = [];
  const prefix: number[] = [];
  // Indexed loops: this runs once per thread, mostly before V8 has optimised it.
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!;
    let suffix = rec.total;
    prefix.length = 0;
    for (let k = 0; k < rec.terms.length && suffix >= threshold * rec.total; k++) {
      const term = rec.terms[k]!;
      suffix -= weights[term]!;
      if (docFreq[term]! <= maxDocFreq) prefix.push(term);
    }
    for (let p = 0; p < prefix.length; p++) {
      const list = postings[prefix[p]!];
      if (!list) continue;
      for (let q = 0; q < list.length; q++) {
        const j = list[q]!;
        if (shared[j] === 0) touched.push(j);
        shared[j]!++;
      }
    }
    const need = Math.min(minShared, prefix.length);
    for (let t = 0; t < touched.length; t++) {
      const j = touched[t]!;
      if (shared[j]! >= Math.max(1, Math.min(need, prefixLength[j]!))) pairs.push(j, i);
      shared[j] = 0;
    }
    touched.length = 0;
    prefixLength[i] = prefix.length;
    for (let p = 0; p < prefix.length; p++) {
      const list = postings[prefix[p]!];
      if (list) list.push(i);
      else postings[prefix[p]!] = [i];
    }
  }
  return pairs;
}

/**
 * Term ids in the join's global order: heaviest first, ties by id. `freqs[id]` is a count the weight falls
 * with (an IDF weight's document frequency), so the order is that of (frequency, id): one numeric sort
 * of packed keys, where a comparison function over ~10k terms cost ~25 ms cold. The result is checked
 * against the weights; should two frequencies ever give one weight, the comparison sort decides.
 */
export function heaviestFirst(weights: Float64Array, freqs: readonly number[]): Int32Array {
  const n = weights.length;
  const keys = new Float64Array(n);
  for (let id = 0; id < n; id++) keys[id] = freqs[id]! * n + id;
  keys.sort();
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[r] = keys[r]! % n;
  for (let r = 1; r < n; r++) {
    const a = order[r - 1]!;
    const b = order[r]!;
    if (weights[a]! < weights[b]! || (weights[a] === weights[b] && a > b)) {
      return Int32Array.from(weights.keys()).sort((x, y) => weights[y]! - weights[x]! || x - y);
    }
  }
  return order;
}
