import { describe, expect, it } from 'vitest';
import { rng } from '../helpers.js';
import { heaviestFirst, prefixFilterPairs } from '../../src/text/candidates.js';
import { weightedJaccardSorted } from '../../src/text/similarity.js';

/** Random weighted sets; the exact join (no relaxations) must find every pair at or above t. */
describe('prefixFilterPairs', () => {
  const rand = rng(7);
  const vocabulary = 60;
  const weights = Float64Array.from({ length: vocabulary }, () => 0.5 + rand() * 4);
  // Random sets, a third of them light edits of an earlier set (one term added or swapped), so every
  // threshold has pairs to find.
  const sets: Int32Array[] = [];
  for (let n = 0; n < 300; n++) {
    const s = new Set<number>();
    if (n > 10 && rand() < 0.33) {
      for (const t of sets[Math.floor(rand() * n)]!) s.add(t);
      if (rand() < 0.5) s.delete([...s][Math.floor(rand() * s.size)]!);
      s.add(Math.floor(rand() * vocabulary));
    } else {
      const size = 3 + Math.floor(rand() * 8);
      while (s.size < size) s.add(Math.floor(rand() ** 2 * vocabulary));
    }
    sets.push(Int32Array.from(s).sort());
  }
  const totals = sets.map((s) => s.reduce((a, t) => a + weights[t]!, 0));
  const records = sets.map((s, i) => ({ terms: Int32Array.from([...s].sort((x, y) => weights[y]! - weights[x]! || x - y)), total: totals[i]! }));

  it.each([0.25, 0.5, 0.8])('exact mode finds every pair with weighted Jaccard ≥ %s', (t) => {
    const truth: string[] = [];
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        if (weightedJaccardSorted(sets[i]!, sets[j]!, weights, totals[i]!, totals[j]!) >= t) truth.push(`${i},${j}`);
      }
    }
    expect(truth.length).toBeGreaterThan(10);
    const found = new Set(pairsOf(prefixFilterPairs(records, weights, { threshold: t })).map(([i, j]) => `${i},${j}`));
    for (const pair of truth) expect(found.has(pair), pair).toBe(true);
    // and it prunes: far fewer candidates than all pairs at high thresholds
    if (t >= 0.8) expect(found.size).toBeLessThan((sets.length * (sets.length - 1)) / 2 / 4);
  });

  it('applies the documented relaxations exactly: terms in more than maxDocFreq records are not indexed, and a pair shares min(minShared, both prefix lengths) prefix terms', () => {
    // The join as the module comment defines it, written plainly: prefixes, then every earlier record
    // counted by shared indexed prefix terms, in the order records were first met.
    const reference = (threshold: number, maxDocFreq: number, minShared: number) => {
      const docFreq = new Map<number, number>();
      for (const r of records) for (const t of r.terms) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
      const prefixes = records.map((r) => {
        const prefix: number[] = [];
        let suffix = r.total;
        for (const t of r.terms) {
          if (suffix < threshold * r.total) break;
          suffix -= weights[t]!;
          if (docFreq.get(t)! <= maxDocFreq) prefix.push(t);
        }
        return prefix;
      });
      const pairs: number[] = [];
      for (let i = 0; i < records.length; i++) {
        const shared = new Map<number, number>();
        for (const t of prefixes[i]!) for (let j = 0; j < i; j++) if (prefixes[j]!.includes(t)) shared.set(j, (shared.get(j) ?? 0) + 1);
        // Earlier records in the order the postings meet them: by prefix term, then by record.
        const order: number[] = [];
        for (const t of prefixes[i]!) for (let j = 0; j < i; j++) if (prefixes[j]!.includes(t) && !order.includes(j)) order.push(j);
        const need = Math.min(minShared, prefixes[i]!.length);
        for (const j of order) if (shared.get(j)! >= Math.max(1, Math.min(need, prefixes[j]!.length))) pairs.push(j, i);
      }
      return pairs;
    };
    for (const [threshold, maxDocFreq, minShared] of [[0.25, 20, 2], [0.5, 8, 3], [0.25, Number.POSITIVE_INFINITY, 2], [0.8, 12, 1]] as const) {
      expect(prefixFilterPairs(records, weights, { threshold, maxDocFreq, minShared }), `${threshold} ${maxDocFreq} ${minShared}`).toEqual(reference(threshold, maxDocFreq, minShared));
    }
  });

  it('never pairs a record with itself and lists each pair once', () => {
    const flat = prefixFilterPairs(records, weights, { threshold: 0.25 });
    expect(flat.length % 2).toBe(0);
    const pairs = pairsOf(flat);
    const keys = pairs.map(([i, j]) => `${i},${j}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [i, j] of pairs) expect(i).toBeLessThan(j);
  });
});

/** The flat list of pairs as [i, j] tuples. */
function pairsOf(flat: number[]): Array<[number, number]> {
  return Array.from({ length: flat.length / 2 }, (_, k) => [flat[2 * k]!, flat[2 * k + 1]!]);
}

describe('heaviestFirst', () => {
  const bySort = (weights: Float64Array) => Array.from(Int32Array.from(weights.keys()).sort((x, y) => weights[y]! - weights[x]! || x - y));

  it('orders terms as sorting by weight (heaviest first, ties by id) does, for IDF weights of document frequencies', () => {
    const random = rng(21);
    for (const [terms, docs] of [[0, 10], [1, 10], [50, 3], [2000, 5000], [20_000, 1_000_000]] as const) {
      const freqs = Array.from({ length: terms }, () => Math.floor(random() ** 3 * docs));
      const weights = Float64Array.from(freqs, (f) => Math.log(1 + (docs + 1) / (f + 0.5)));
      expect(Array.from(heaviestFirst(weights, freqs))).toEqual(bySort(weights));
    }
  });

  it('falls back to the comparison when two frequencies give one weight, or weights do not fall with frequency', () => {
    const freqs = [3, 1, 2, 1, 3];
    // Frequencies 1 and 2 share a weight here: the order must still be by weight, then id.
    const tied = Float64Array.from([1, 2, 2, 2, 1]);
    expect(Array.from(heaviestFirst(tied, freqs))).toEqual(bySort(tied));
    const rising = Float64Array.from([5, 1, 3, 1, 5]);
    expect(Array.from(heaviestFirst(rising, freqs))).toEqual(bySort(rising));
  });
});
