import { describe, expect, it } from 'vitest';
import { intersectIfPossible, MinRootUnionFind, radixSortPairs } from '../../src/corpus/lsh.js';
import { rng } from './gen.js';

describe('radixSortPairs', () => {
  it('sorts by key, stably, for any n', () => {
    const random = rng(11);
    for (const n of [0, 1, 7, 1000, 5000]) {
      // Few distinct keys, so stability is exercised.
      const keys = Uint32Array.from({ length: n }, () => Math.floor(random() * 50) * 0x1010101 + (random() < 0.5 ? 0 : 0x80000000));
      const vals = Uint32Array.from({ length: n }, (_, i) => i);
      const expected = [...keys].map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const out = radixSortPairs(keys.slice(), vals, new Uint32Array(n), new Uint32Array(n), n);
      expect([...out.keys.subarray(0, n)]).toEqual(expected.map((e) => e[0]));
      expect([...out.vals.subarray(0, n)]).toEqual(expected.map((e) => e[1]));
    }
  });
});

describe('intersectIfPossible', () => {
  it('returns the exact intersection whenever J ≥ t is possible, and -1 only when J < t', () => {
    const random = rng(12);
    for (let trial = 0; trial < 3000; trial++) {
      const universe = 5 + Math.floor(random() * 60);
      const pick = () => Uint32Array.from(new Set(Array.from({ length: 1 + Math.floor(random() * universe) }, () => Math.floor(random() * universe)))).sort();
      const a = pick();
      const b = pick();
      const t = [0.5, 0.7, 0.8, 0.9, 1][trial % 5]!;
      const bs = new Set(b);
      const shared = [...a].filter((x) => bs.has(x)).length;
      const j = shared / (a.length + b.length - shared);
      // Offsets inside larger arrays, as in the pooled storage.
      const pa = Uint32Array.from([0, ...a, 0]);
      const pb = Uint32Array.from([9, 9, ...b]);
      const got = intersectIfPossible(pa, 1, a.length, pb, 2, b.length, t);
      if (j >= t) expect(got).toBe(shared);
      else expect(got === -1 || got === shared).toBe(true);
    }
  });

  it('keeps a pair at exactly the threshold', () => {
    const a = Uint32Array.of(1, 2, 3, 4, 5);
    const b = Uint32Array.of(1, 2, 3, 4);
    expect(intersectIfPossible(a, 0, 5, b, 0, 4, 0.8)).toBe(4);
  });
});

describe('MinRootUnionFind', () => {
  it('roots every component at its smallest member whatever the union order', () => {
    const unions: Array<[number, number]> = [
      [5, 3],
      [3, 9],
      [1, 2],
      [9, 4],
      [2, 7],
    ];
    for (const order of [unions, unions.slice().reverse()]) {
      const uf = new MinRootUnionFind(10);
      for (const [a, b] of order) uf.union(a, b);
      expect([...Array(10).keys()].map((i) => uf.find(i))).toEqual([0, 1, 1, 3, 3, 3, 6, 1, 8, 3]);
    }
  });
});
