/** The options of a corpus run, their defaults and checks, and the LSH bands they imply. */
import { optimalBands } from './minhash.js';

/** Options of a corpus run. All have defaults; see DEFAULTS. */
export interface CorpusOptions {
  /** Jaccard similarity of shingle sets at or above which two comments are linked. Default 0.8. */
  threshold?: number;
  /**
   * Words per shingle; 1 means word sets. Default 1: at a fixed threshold a k-word shingle set pays for
   * every edit k times, so longer shingles lose near-duplicates with a few words changed
   * (bench/corpus/run.mjs measures recall per edit level).
   */
  shingleSize?: number;
  /** MinHash signature length (OPH bins); bands × rows ≤ numPerm. Default 64. */
  numPerm?: number;
  /** Seed of the MinHash hash functions; results are exact either way, only recall varies. Default 1. */
  seed?: number;
  /** Texts with fewer distinct shingles are ignored. Default 5. */
  minShingles?: number;
  /** Also report each cluster's verified links (for evidence and for measuring precision). Default false. */
  links?: boolean;
  /**
   * Worker threads that sketch texts (0: all on the calling thread); results are identical either way.
   * Needs the compiled dist/. Default 0: texts and results are copied between threads, which costs CPU,
   * so a worker pays off only on inputs of several hundred thousand comments with a core to spare
   * (bench/corpus/run.mjs --workers measures it).
   */
  workers?: number;
}

/** Defaults of CorpusOptions. */
export const DEFAULTS: Required<CorpusOptions> = { threshold: 0.8, shingleSize: 1, numPerm: 64, seed: 1, minShingles: 5, links: false, workers: 0 };

/** CorpusOptions with defaults filled in; a RangeError names the first option out of range. */
export function resolveOptions(options: CorpusOptions): Required<CorpusOptions> {
  const o = { ...DEFAULTS, ...options };
  if (!(o.threshold > 0 && o.threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${o.threshold}`);
  if (!Number.isInteger(o.numPerm) || o.numPerm < 1 || o.numPerm > 1024) throw new RangeError(`numPerm must be an integer in 1..1024, got ${o.numPerm}`);
  if (!Number.isInteger(o.minShingles) || o.minShingles < 1) throw new RangeError(`minShingles must be a positive integer, got ${o.minShingles}`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer, got ${o.seed}`);
  if (!Number.isInteger(o.workers) || o.workers < 0 || o.workers > 16) throw new RangeError(`workers must be an integer in 0..16, got ${o.workers}`);
  return o;
}

/**
 * Weights of datasketch's error integrals. datasketch's default (0.5, 0.5) puts the S-curve's midpoint
 * on the threshold, so a pair at exactly t = 0.8 is found with probability 0.36–0.40. Here every
 * candidate is verified exactly, so a false positive costs one cheap set intersection while a false
 * negative is a lost detection: weighting misses 19:1 moves the curve left.
 *
 * For t = 0.8 and the default 64 permutations this gives 10 bands × 6 rows, P(s) = 1 − (1 − s⁶)¹⁰:
 *
 *     s                      0.3    0.5    0.6    0.7    0.75   0.8    0.85   0.9
 *     10 × 6 (default)       0.007  0.146  0.380  0.714  0.859  0.952  0.991  0.999
 *     5 × 11 (datasketch 64) 0.000  0.002  0.018  0.095  0.194  0.362  0.600  0.848
 *     9 × 13 (datasketch 128)0.000  0.001  0.012  0.084  0.195  0.399  0.686  0.929
 *
 * 64 permutations rather than 128: one-permutation hashing costs O(|set| + numPerm) per text, and each
 * text stores 10 band keys instead of 16, for the same recall (bench/corpus/run.mjs measures it).
 */
export const BAND_WEIGHTS = { falsePositive: 0.05, falseNegative: 0.95 };

/** LSH bands and rows for a threshold and signature length (memoised: the search integrates every split). */
export function choose(threshold: number, numPerm: number): { bands: number; rows: number } {
  const key = `${threshold}/${numPerm}`;
  let params = bandCache.get(key);
  if (!params) {
    params = optimalBands(threshold, numPerm, BAND_WEIGHTS);
    bandCache.set(key, params);
  }
  return params;
}
const bandCache = new Map<string, { bands: number; rows: number }>();
