/**
 * The threshold-bounded similarities give the plain functions' exact values wherever the threshold is
 * reached, and never turn away a pair that reaches it: random texts and term sets, many thresholds.
 */
import { describe, expect, it } from 'vitest';
import { diceAtLeast, longestSharedRun, reachesWeight } from '../../src/text/similarity-bounds.js';
import { bigramProfile, dice, longestCommonRun, weightedJaccardSorted } from '../../src/text/similarity.js';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20261205);
const WORDS = ['the', 'summit', 'ties', 'trade', 'energy', 'a', 'of', 'deep', 'talks', 'west'];
const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!);
/** A text and an edit of it, so that many pairs are near the thresholds. */
function pair(): [string, string] {
  const a = words(3 + Math.floor(next() * 30));
  const b = a.map((w) => (next() < 0.2 ? WORDS[Math.floor(next() * WORDS.length)]! : w)).filter(() => next() > 0.1);
  return [a.join(' '), b.join(' ')];
}

describe('bounded similarities', () => {
  it('diceAtLeast is dice wherever dice reaches the threshold, and 0 or dice elsewhere', () => {
    for (let k = 0; k < 3000; k++) {
      const [x, y] = pair();
      const a = bigramProfile(x);
      const b = bigramProfile(y);
      const exact = dice(a, b);
      for (const t of [0.3, 0.5, 0.8, 0.9, exact]) {
        const bounded = diceAtLeast(a, b, t);
        if (exact >= t) expect(bounded, `${x} | ${y} @ ${t}`).toBe(exact);
        else expect([0, exact]).toContain(bounded);
      }
    }
  });

  it('reachesWeight never turns away a pair whose weighted Jaccard reaches the threshold, and refuses one clearly under it', () => {
    const terms = 40;
    // Ranks are term ids by weight, heaviest first.
    const weights = Float64Array.from({ length: terms }, (_, r) => 10 / (r + 1));
    const set = () => Int32Array.from([...new Set(Array.from({ length: 1 + Math.floor(next() * 15) }, () => Math.floor(next() * terms)))].sort((p, q) => p - q));
    const total = (s: Int32Array) => s.reduce((n, r) => n + weights[r]!, 0);
    for (let k = 0; k < 3000; k++) {
      const a = set();
      const b = next() < 0.5 ? set() : a.filter(() => next() > 0.2);
      const j = weightedJaccardSorted(a, b, weights, total(a), total(b));
      for (const t of [0.25, 0.5, 0.75, j]) {
        const reaches = reachesWeight(a, b, weights, total(a), total(b), t);
        if (j >= t) expect(reaches).toBe(true);
        if (j < t - 1e-6) expect(reaches).toBe(false);
      }
    }
  });

  it('longestSharedRun finds the run longestCommonRun finds', () => {
    for (let k = 0; k < 3000; k++) {
      const [x, y] = pair();
      const a = x.split(' ');
      const b = y.split(' ');
      expect(longestSharedRun(a, b), `${x} | ${y}`).toEqual(longestCommonRun(a, b));
    }
  });
});
