/**
 * MinHash signatures by one-permutation hashing (OPH) with optimal densification, and LSH band keys.
 *
 * OPH (Li, Owen, Zhang 2012) hashes each shingle once: the hash picks one of `numPerm` bins and the
 * bin keeps its minimum, so a signature costs O(|set| + numPerm) instead of classic MinHash's
 * O(|set| × numPerm). Comments are short (a few dozen words for 64 bins), so many bins start empty;
 * Shrivastava's optimal densification (ICML 2017) fills empty bin i with the value of the first
 * originally non-empty bin on a pseudo-random probe sequence that depends only on (i, attempt), so two
 * texts fill the same empty bin from the same source bin and the probability that bin i agrees stays
 * their Jaccard similarity.
 */
import { fmix32, mixInto } from '../util/hash.js';

const TWO_32 = 4294967296;
/** Densification probes precomputed per bin; a bin that needs more (rare) computes them. */
const CACHED_PROBES = 8;

/** Computes OPH signatures into caller-owned typed arrays; scratch is reused across calls. */
export class OnePermutationHasher {
  private readonly filled: Uint8Array;
  private readonly seedMix: number;
  private readonly probes: Uint32Array;
  /** 32 − log2(numPerm) when numPerm is a power of two: then the bin is a shift, same value as the floor. */
  private readonly binShift: number;

  constructor(
    readonly numPerm: number,
    seed: number,
  ) {
    if (!Number.isInteger(numPerm) || numPerm < 1) throw new RangeError(`numPerm must be a positive integer, got ${numPerm}`);
    this.filled = new Uint8Array(numPerm);
    this.seedMix = fmix32(seed ^ 0x2545f491);
    this.binShift = (numPerm & (numPerm - 1)) === 0 ? 32 - Math.log2(numPerm) : -1;
    this.probes = new Uint32Array(numPerm * CACHED_PROBES);
    for (let bin = 0; bin < numPerm; bin++) {
      for (let attempt = 1; attempt <= CACHED_PROBES; attempt++) this.probes[bin * CACHED_PROBES + attempt - 1] = this.probe(bin, attempt);
    }
  }

  /** The attempt-th source bin tried for empty `bin`: depends on nothing but (seed, bin, attempt). */
  private probe(bin: number, attempt: number): number {
    return Math.floor((fmix32(mixInto(mixInto(this.seedMix, bin), attempt)) / TWO_32) * this.numPerm);
  }

  /** Signature of the set `shingles[0 .. n)` (n ≥ 1) into `out[at .. at + numPerm)`. */
  sign(shingles: Uint32Array, n: number, out: Uint32Array, at: number): void {
    const k = this.numPerm;
    const shift = this.binShift;
    const filled = this.filled;
    filled.fill(0);
    out.fill(0xffffffff, at, at + k);
    for (let i = 0; i < n; i++) {
      const g = fmix32(shingles[i]! ^ this.seedMix);
      // High bits choose the bin (unbiased for any numPerm); the whole value orders within the bin.
      const bin = shift >= 0 ? (shift === 32 ? 0 : g >>> shift) : Math.floor((g / TWO_32) * k);
      filled[bin] = 1;
      if (g < out[at + bin]!) out[at + bin] = g;
    }
    for (let bin = 0; bin < k; bin++) {
      if (filled[bin] === 1) continue;
      for (let attempt = 1; ; attempt++) {
        const source = attempt <= CACHED_PROBES ? this.probes[bin * CACHED_PROBES + attempt - 1]! : this.probe(bin, attempt);
        if (filled[source] === 1) {
          out[at + bin] = out[at + source]!;
          break;
        }
      }
    }
  }
}

/** One 32-bit key per band: a hash of the band's `rows` signature values. */
export function bandKeys(sig: Uint32Array, sigAt: number, bands: number, rows: number, out: Uint32Array, outAt: number): void {
  for (let b = 0; b < bands; b++) {
    let h = b;
    const start = sigAt + b * rows;
    for (let r = 0; r < rows; r++) h = mixInto(h, sig[start + r]!);
    out[outAt + b] = fmix32(h ^ rows);
  }
}

/** Probability that a pair with Jaccard similarity `s` shares at least one of `bands` bands of `rows` rows. */
export function collisionProbability(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

/** Simpson's rule with `steps` (even) intervals; the integrands here are smooth polynomials. */
function integrate(f: (x: number) => number, a: number, b: number, steps = 200): number {
  const h = (b - a) / steps;
  let sum = f(a) + f(b);
  for (let i = 1; i < steps; i++) sum += f(a + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

/** Weights of the two error integrals in `optimalBands`. */
export interface BandWeights {
  falsePositive: number;
  falseNegative: number;
}

/**
 * datasketch's `_optimal_param`: over all (bands, rows) with bands × rows ≤ numPerm, minimise
 *   fpWeight · ∫₀ᵗ P(s) ds + fnWeight · ∫ₜ¹ (1 − P(s)) ds,   P(s) = 1 − (1 − sʳ)ᵇ.
 * Ties keep the first (fewest bands) pair, as datasketch's loop does.
 */
export function optimalBands(threshold: number, numPerm: number, weights: BandWeights): { bands: number; rows: number } {
  let best = { bands: 1, rows: 1 };
  let bestError = Infinity;
  for (let b = 1; b <= numPerm; b++) {
    for (let r = 1; r <= Math.floor(numPerm / b); r++) {
      const fp = integrate((s) => collisionProbability(s, b, r), 0, threshold);
      const fn = integrate((s) => 1 - collisionProbability(s, b, r), threshold, 1);
      const error = weights.falsePositive * fp + weights.falseNegative * fn;
      if (error < bestError) {
        bestError = error;
        best = { bands: b, rows: r };
      }
    }
  }
  return best;
}
