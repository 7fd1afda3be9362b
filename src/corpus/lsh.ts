/**
 * Building blocks of LSH candidate generation and clustering over typed arrays: a stable radix sort
 * that groups equal band keys (much faster and leaner than a Map of buckets at a million keys), exact
 * Jaccard over sorted hash runs, and a deterministic union-find.
 */

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;
const RADIX_MASK = RADIX - 1;

/**
 * Stable LSD radix sort of `keys[0 .. n)` carrying `vals` along, in three 11-bit passes. Uses the two
 * scratch arrays (same lengths) and returns whichever pair holds the sorted result.
 */
export function radixSortPairs(
  keys: Uint32Array,
  vals: Uint32Array,
  scratchKeys: Uint32Array,
  scratchVals: Uint32Array,
  n: number,
): { keys: Uint32Array; vals: Uint32Array } {
  const counts = new Uint32Array(RADIX);
  let srcK = keys;
  let srcV = vals;
  let dstK = scratchKeys;
  let dstV = scratchVals;
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(srcK[i]! >>> shift) & RADIX_MASK]!++;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = srcK[i]!;
      const at = counts[(k >>> shift) & RADIX_MASK]!++;
      dstK[at] = k;
      dstV[at] = srcV[i]!;
    }
    [srcK, dstK] = [dstK, srcK];
    [srcV, dstV] = [dstV, srcV];
  }
  return { keys: srcK, vals: srcV };
}

/**
 * |A ∩ B| of two sorted unique uint32 runs when J(A, B) ≥ threshold is still possible, else -1.
 * J ≥ t needs |A ∩ B| ≥ t/(1+t) · (|A| + |B|); the merge stops as soon as the elements left cannot
 * reach that, so a dissimilar pair costs a few steps instead of |A| + |B|.
 */
export function intersectIfPossible(
  a: Uint32Array,
  aStart: number,
  aLen: number,
  b: Uint32Array,
  bStart: number,
  bLen: number,
  threshold: number,
): number {
  if (Math.min(aLen, bLen) < threshold * Math.max(aLen, bLen)) return -1;
  // The small epsilon keeps a pair at exactly the threshold (e.g. 4/5 at 0.8) from being cut off by rounding.
  const need = Math.ceil((threshold / (1 + threshold)) * (aLen + bLen) - 1e-9);
  let i = aStart;
  let j = bStart;
  const aEnd = aStart + aLen;
  const bEnd = bStart + bLen;
  let shared = 0;
  while (i < aEnd && j < bEnd) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else {
      if (x < y) i++;
      else j++;
      if (shared + Math.min(aEnd - i, bEnd - j) < need) return -1;
    }
  }
  return shared;
}

/** Union-find whose root is always the smallest member, so the forest never depends on union order. */
export class MinRootUnionFind {
  readonly parent: Uint32Array;

  constructor(n: number) {
    this.parent = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      const up = p[p[x]!]!;
      p[x] = up;
      x = up;
    }
    return x;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}
