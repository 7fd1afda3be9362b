/**
 * Plain, exact references for the corpus engine, kept out of the shipped code: the words of a text as
 * strings, and all-pairs Jaccard. Tests compare CorpusIndex with them; bench/corpus/run.mjs bundles this
 * file to measure recall.
 */
import { intersectIfPossible } from '../../src/corpus/lsh.js';
import { DEFAULTS, type CorpusOptions } from '../../src/corpus/options.js';
import { foldText } from '../../src/text/normalize.js';

/**
 * The words of a text exactly as the Shingler sees them, as strings: the independent reference that
 * `jaccardBruteForce` and the tests compare the hashed sets with.
 */
export function shingleStrings(text: string, shingleSize: number): Set<string> {
  const words = foldText(text)
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
  const out = new Set<string>();
  if (shingleSize === 1) for (const w of words) out.add(w);
  else if (words.length > 0) {
    const n = Math.max(1, words.length - shingleSize + 1);
    for (let i = 0; i < n; i++) out.add(words.slice(i, i + shingleSize).join(' '));
  }
  return out;
}

/**
 * Exact all-pairs reference: every pair of `texts` with Jaccard ≥ threshold over the same shingles
 * (as strings, not hashes) and the same `minShingles` rule as CorpusIndex, as [i, j, similarity] with
 * i < j, sorted. Words are numbered, not hashed, so no collision can blur it. Every pair is considered
 * (only bounds that are exact prune the merge): O(n²), for tests and benchmarks.
 */
export function jaccardBruteForce(texts: string[], threshold: number, options: Pick<CorpusOptions, 'shingleSize' | 'minShingles'> = {}): Array<[number, number, number]> {
  const shingleSize = options.shingleSize ?? DEFAULTS.shingleSize;
  const minShingles = options.minShingles ?? DEFAULTS.minShingles;
  const ids = new Map<string, number>();
  const sets = texts.map((t) => {
    const s = [...shingleStrings(t, shingleSize)].map((w) => {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      return id;
    });
    return Uint32Array.from(s).sort();
  });
  const byLength = texts.map((_, i) => i).filter((i) => sets[i]!.length >= minShingles);
  byLength.sort((a, b) => sets[a]!.length - sets[b]!.length || a - b);
  const out: Array<[number, number, number]> = [];
  for (let p = 0; p < byLength.length; p++) {
    const i = byLength[p]!;
    const a = sets[i]!;
    for (let q = p + 1; q < byLength.length; q++) {
      const j = byLength[q]!;
      const b = sets[j]!;
      if (a.length < threshold * b.length) break;
      const shared = intersectIfPossible(a, 0, a.length, b, 0, b.length, threshold);
      if (shared < 0) continue;
      const sim = shared / (a.length + b.length - shared);
      if (sim >= threshold) out.push(i < j ? [i, j, sim] : [j, i, sim]);
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
