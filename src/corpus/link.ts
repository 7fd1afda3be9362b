/**
 * The finish-time half of the engine: canonical order, LSH candidate pairs from band keys, exact
 * verification, union-find. Works on unique texts only (exact duplicates were merged on add).
 */
import { intersectIfPossible, MinRootUnionFind, radixSortPairs } from './lsh.js';
import { GrowableF64, GrowableU32 } from './store.js';

/** Each member of a bucket is verified against at most this many members before it (canonical order). */
export const BUCKET_WINDOW = 128;

/** What linking reads: per unique text (index u), its 64-bit text hash, band keys and shingle run. */
export interface UniqueTexts {
  count: number;
  textHi: Uint32Array;
  textLo: Uint32Array;
  /** `bands` keys per text, row-major by unique index. */
  keys: Uint32Array;
  bands: number;
  shingleChunks: readonly Uint32Array[];
  shingleChunk: Uint32Array;
  shingleStart: Uint32Array;
  shingleCount: Uint32Array;
}

/** Verified links between unique texts, all in canonical ranks. */
export interface Linked {
  /** order[rank] = unique index; ranks sort texts by (textHi, textLo). */
  order: Uint32Array;
  components: MinRootUnionFind;
  edgeA: GrowableU32;
  edgeB: GrowableU32;
  edgeSim: GrowableF64;
  candidatePairs: number;
}

/** Unique indices sorted by 64-bit text hash: an order that no input order, chunking or worker count can change. */
export function canonicalOrder(t: UniqueTexts): Uint32Array {
  const n = t.count;
  const ids = new Uint32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  // LSD: the low word first, then a stable pass on the high word.
  const byLo = radixSortPairs(t.textLo.slice(0, n), ids, new Uint32Array(n), new Uint32Array(n), n);
  const hi = new Uint32Array(n);
  for (let r = 0; r < n; r++) hi[r] = t.textHi[byLo.vals[r]!]!;
  return radixSortPairs(hi, byLo.vals.slice(), new Uint32Array(n), new Uint32Array(n), n).vals.slice();
}

/** Candidate pairs from every band, each verified once by exact Jaccard; pairs ≥ threshold are linked. */
export function link(t: UniqueTexts, threshold: number): Linked {
  const n = t.count;
  const bands = t.bands;
  const order = canonicalOrder(t);
  // Band keys re-laid in canonical order: the band loop then reads them sequentially, not at random.
  const keys = new Uint32Array(n * bands);
  for (let r = 0; r < n; r++) {
    const from = order[r]! * bands;
    for (let j = 0; j < bands; j++) keys[r * bands + j] = t.keys[from + j]!;
  }
  const components = new MinRootUnionFind(n);
  const edgeA = new GrowableU32();
  const edgeB = new GrowableU32();
  const edgeSim = new GrowableF64();
  let candidatePairs = 0;
  const bandKey = new Uint32Array(n);
  const bandRank = new Uint32Array(n);
  const scratchKey = new Uint32Array(n);
  const scratchRank = new Uint32Array(n);
  for (let band = 0; band < bands; band++) {
    for (let r = 0; r < n; r++) {
      bandKey[r] = keys[r * bands + band]!;
      bandRank[r] = r;
    }
    // Stable: within a bucket, ranks stay ascending.
    const bucket = radixSortPairs(bandKey, bandRank, scratchKey, scratchRank, n);
    let start = 0;
    while (start < n) {
      const key = bucket.keys[start]!;
      let end = start + 1;
      while (end < n && bucket.keys[end] === key) end++;
      for (let p = start + 1; p < end; p++) {
        const y = bucket.vals[p]!;
        for (let q = Math.max(start, p - BUCKET_WINDOW); q < p; q++) {
          const x = bucket.vals[q]!;
          if (sharedEarlierBand(keys, x * bands, y * bands, band)) continue;
          candidatePairs++;
          const sim = jaccard(t, order[x]!, order[y]!, threshold);
          if (sim >= threshold) {
            edgeA.push(x);
            edgeB.push(y);
            edgeSim.push(sim);
            components.union(x, y);
          }
        }
      }
      start = end;
    }
  }
  return { order, components, edgeA, edgeB, edgeSim, candidatePairs };
}

/** Whether two texts' band keys agree in a band before `band` (then that band already paired them). */
function sharedEarlierBand(keys: Uint32Array, a: number, b: number, band: number): boolean {
  for (let j = 0; j < band; j++) if (keys[a + j] === keys[b + j]) return true;
  return false;
}

/** Exact Jaccard of unique texts a and b, or 0 when it is provably below the threshold. */
function jaccard(t: UniqueTexts, a: number, b: number, threshold: number): number {
  const aLen = t.shingleCount[a]!;
  const bLen = t.shingleCount[b]!;
  const shared = intersectIfPossible(
    t.shingleChunks[t.shingleChunk[a]!]!,
    t.shingleStart[a]!,
    aLen,
    t.shingleChunks[t.shingleChunk[b]!]!,
    t.shingleStart[b]!,
    bLen,
    threshold,
  );
  return shared < 0 ? 0 : shared / (aLen + bLen - shared);
}
