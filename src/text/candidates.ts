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
  const terms = weights.length;
  const docFreq = new Int32Array(terms);
  let termCount = 0;
  for (let i = 0; i < records.length; i++) {
    const ids = records[i]!.terms;
    termCount += ids.length;
    for (let k = 0; k < ids.length; k++) docFreq[ids[k]!]!++;
  }
  // Each record's prefix (indexed terms only), flat, and how often each term starts a prefix.
  const prefixTerms = new Int32Array(termCount);
  const prefixStart = new Int32Array(records.length + 1);
  const postingCount = new Int32Array(terms);
  let n = 0;
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!;
    prefixStart[i] = n;
    let suffix = rec.total;
    for (let k = 0; k < rec.terms.length && suffix >= threshold * rec.total; k++) {
      const term = rec.terms[k]!;
      suffix -= weights[term]!;
      if (docFreq[term]! <= maxDocFreq) {
        prefixTerms[n++] = term;
        postingCount[term]!++;
      }
    }
  }
  prefixStart[records.length] = n;
  // Postings of all terms in one array (term t's list at postingStart[t] .. postingEnd[t]), filled in
  // record order as the join goes: no array per term.
  const postingStart = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) postingStart[t + 1] = postingStart[t]! + postingCount[t]!;
  const postingEnd = postingStart.slice(0, terms);
  const postings = new Int32Array(n);
  const pairs: number[] = [];
  const shared = new Int32Array(records.length);
  const touched = new Int32Array(records.length);
  // Indexed loops: this runs once per thread, mostly before V8 has optimised it.
  for (let i = 0; i < records.length; i++) {
    const from = prefixStart[i]!;
    const to = prefixStart[i + 1]!;
    let touchedCount = 0;
    for (let p = from; p < to; p++) {
      const term = prefixTerms[p]!;
      for (let q = postingStart[term]!; q < postingEnd[term]!; q++) {
        const j = postings[q]!;
        if (shared[j] === 0) touched[touchedCount++] = j;
        shared[j]!++;
      }
    }
    const need = Math.min(minShared, to - from);
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t]!;
      if (shared[j]! >= Math.max(1, Math.min(need, prefixStart[j + 1]! - prefixStart[j]!))) pairs.push(j, i);
      shared[j] = 0;
    }
    for (let p = from; p < to; p++) postings[postingEnd[prefixTerms[p]!]!++] = i;
  }
  return pairs;
}

/**
 * Term ids in the join's global order: heaviest first, ties by id. `freqs[id]` is a count the weight falls
 * with (an IDF weight's document frequency), so the order is that of (frequency, id): one numeric sort
 * of packed keys, cheaper than a sort with a comparison function. The result is checked
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
