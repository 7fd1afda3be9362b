import { describe, expect, it } from 'vitest';
import { BAND_WEIGHTS, choose } from '../../src/corpus/index.js';
import { bandKeys, collisionProbability, OnePermutationHasher, optimalBands } from '../../src/corpus/minhash.js';
import { rng } from './gen.js';

function randomSet(n: number, random: () => number): Uint32Array {
  const s = new Set<number>();
  while (s.size < n) s.add(Math.floor(random() * 4294967296));
  return Uint32Array.from(s).sort();
}

/** Two sorted sets of `size` elements sharing `shared`: Jaccard shared / (2·size − shared). */
function pair(size: number, shared: number, random: () => number): [Uint32Array, Uint32Array] {
  const all = randomSet(2 * size - shared, random);
  const common = all.subarray(0, shared);
  const a = Uint32Array.from([...common, ...all.subarray(shared, size)]).sort();
  const b = Uint32Array.from([...common, ...all.subarray(size)]).sort();
  return [a, b];
}

describe('LSH parameters', () => {
  it('reproduces datasketch for its default weights', () => {
    // datasketch MinHashLSH(threshold=0.8, num_perm=128) uses b = 9, r = 13.
    expect(optimalBands(0.8, 128, { falsePositive: 0.5, falseNegative: 0.5 })).toEqual({ bands: 9, rows: 13 });
  });

  it('chooses 10 bands × 6 rows for t = 0.8 and 64 permutations, with the documented S-curve', () => {
    expect(BAND_WEIGHTS).toEqual({ falsePositive: 0.05, falseNegative: 0.95 });
    const { bands, rows } = choose(0.8, 64);
    expect({ bands, rows }).toEqual({ bands: 10, rows: 6 });
    const curve = [0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9].map((s) => Number(collisionProbability(s, bands, rows).toFixed(3)));
    expect(curve).toEqual([0.007, 0.146, 0.38, 0.714, 0.859, 0.952, 0.991, 0.999]);
    expect(choose(0.8, 128)).toEqual({ bands: 16, rows: 8 });
  });
});

describe('OnePermutationHasher', () => {
  it('is deterministic and depends on the seed', () => {
    const set = randomSet(40, rng(1));
    const sign = (seed: number) => {
      const out = new Uint32Array(64);
      new OnePermutationHasher(64, seed).sign(set, set.length, out, 0);
      return [...out];
    };
    expect(sign(1)).toEqual(sign(1));
    expect(sign(2)).not.toEqual(sign(1));
  });

  it('fills every bin, even for a set far smaller than the signature', () => {
    const set = randomSet(3, rng(2));
    const out = new Uint32Array(64).fill(0xffffffff);
    new OnePermutationHasher(64, 1).sign(set, set.length, out, 0);
    const fromSet = new Set(
      [...set].map((x) => {
        const probe = new Uint32Array(64);
        new OnePermutationHasher(64, 1).sign(Uint32Array.of(x), 1, probe, 0);
        return probe[0];
      }),
    );
    expect(new Set(out).size).toBeLessThanOrEqual(3);
    for (const v of out) expect(fromSet.has(v)).toBe(true);
  });

  it('agrees on a bin with probability ≈ Jaccard (densification keeps the estimator unbiased)', () => {
    const random = rng(3);
    // 64 bins take the power-of-two shift, 48 the general floor: both must stay unbiased.
    for (const [size, shared, bins] of [
      [40, 36, 64],
      [40, 27, 64],
      [12, 10, 64],
      [200, 150, 64],
      [40, 30, 48],
    ] as const) {
      const jaccard = shared / (2 * size - shared);
      let agree = 0;
      const trials = 300;
      for (let t = 0; t < trials; t++) {
        const [a, b] = pair(size, shared, random);
        const h = new OnePermutationHasher(bins, t);
        const sa = new Uint32Array(bins);
        const sb = new Uint32Array(bins);
        h.sign(a, a.length, sa, 0);
        h.sign(b, b.length, sb, 0);
        for (let i = 0; i < bins; i++) if (sa[i] === sb[i]) agree++;
      }
      expect(agree / (trials * bins)).toBeCloseTo(jaccard, 1);
    }
  });

  it('band keys hash each band of rows', () => {
    const sig = Uint32Array.from({ length: 12 }, (_, i) => i);
    const other = sig.slice();
    other[5] = 99;
    const ka = new Uint32Array(3);
    const kb = new Uint32Array(3);
    bandKeys(sig, 0, 3, 4, ka, 0);
    bandKeys(other, 0, 3, 4, kb, 0);
    expect([ka[0] === kb[0], ka[1] === kb[1], ka[2] === kb[2]]).toEqual([true, false, true]);
    // Identical rows in different bands still give different keys.
    const flat = new Uint32Array(8).fill(7);
    const kf = new Uint32Array(2);
    bandKeys(flat, 0, 2, 4, kf, 0);
    expect(kf[0]).not.toBe(kf[1]);
  });
});
