/**
 * Similarity measures over precomputed profiles, so an all-pairs or candidate-pair pass never re-reads
 * text. `dice` reproduces string-similarity's compareTwoStrings exactly (same whitespace removal, same
 * multiset bigram intersection, same formula), but each string's bigrams are counted once.
 */
import { isSpace } from './normalize.js';

/** A string's character-bigram multiset as sorted unique codes with counts. */
export interface BigramProfile {
  /** Bigram codes (high UTF-16 unit << 16 | low unit), ascending. */
  codes: Uint32Array;
  counts: Uint32Array;
  /** Length of the string after whitespace removal. */
  length: number;
  /** The whitespace-free string when shorter than 2 (compareTwoStrings compares those directly). */
  short?: string;
}

// Scratch space for one text's bigram codes before they are counted: grown to twice the longest text
// seen and kept (the scan caps comments at 20,000 characters, so at most 160 KB).
let scratch = new Uint32Array(1024);

export function bigramProfile(text: string): BigramProfile {
  if (scratch.length < text.length) scratch = new Uint32Array(2 * text.length);
  // Adjacent characters of the text with whitespace removed, read in place.
  let n = 0;
  let k = 0;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    n++;
    if (prev >= 0) scratch[k++] = ((prev << 16) | c) >>> 0;
    prev = c;
  }
  if (n < 2) return { codes: new Uint32Array(0), counts: new Uint32Array(0), length: n, short: text.replace(/\s+/g, '') };
  const all = scratch.subarray(0, k).sort();
  let unique = 1;
  for (let i = 1; i < k; i++) if (all[i] !== all[i - 1]) unique++;
  // Codes and counts share one buffer: one allocation per profile.
  const both = new Uint32Array(2 * unique);
  const codes = both.subarray(0, unique);
  const counts = both.subarray(unique);
  let u = -1;
  for (let i = 0; i < k; i++) {
    if (i === 0 || all[i] !== all[i - 1]) codes[++u] = all[i]!;
    counts[u]!++;
  }
  return { codes, counts, length: n };
}

/** Dice coefficient of two bigram profiles; equals compareTwoStrings(a, b) for the source strings. */
export function dice(a: BigramProfile, b: BigramProfile): number {
  if (a.length < 2 || b.length < 2) {
    if (a.length < 2 && b.length < 2) return a.short === b.short ? 1 : 0;
    return 0;
  }
  let i = 0;
  let j = 0;
  let intersection = 0;
  const ac = a.codes;
  const bc = b.codes;
  while (i < ac.length && j < bc.length) {
    const x = ac[i]!;
    const y = bc[j]!;
    if (x === y) {
      intersection += Math.min(a.counts[i]!, b.counts[j]!);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2.0 * intersection) / (a.length + b.length - 2);
}

/**
 * Whether Dice of two texts can be at least `threshold`, from their lengths alone (whitespace not
 * counted, as in their bigram profiles): at most min(bigrams) are shared, so Dice ≤ 2·min / sum. Texts
 * too short for bigrams are left to dice. Exact: dice's own arithmetic never exceeds this bound.
 */
export function diceCanReach(lengthA: number, lengthB: number, threshold: number): boolean {
  if (lengthA < 2 || lengthB < 2) return true;
  return (2.0 * Math.min(lengthA - 1, lengthB - 1)) / (lengthA + lengthB - 2) >= threshold;
}

/** Length of `text` without whitespace (what bigramProfile counts). */
export function nonSpaceLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) n++;
  return n;
}

/** Weighted Jaccard of two term sets: sum of shared weights over sum of the union's weights. */
export function weightedJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: (term: string) => number): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  let total = 0;
  for (const t of a) {
    const w = weight(t);
    total += w;
    if (b.has(t)) shared += w;
  }
  for (const t of b) if (!a.has(t)) total += weight(t);
  return total === 0 ? 0 : shared / total;
}

/**
 * Weighted Jaccard of two ascending term-id arrays with precomputed totals: the same value as
 * weightedJaccard over the equivalent sets, without hashing.
 */
export function weightedJaccardSorted(a: Int32Array, b: Int32Array, weights: Float64Array, totalA: number, totalB: number): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared += weights[x]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = totalA + totalB - shared;
  return union <= 0 ? 0 : shared / union;
}

/** Plain Jaccard of two sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  return weightedJaccard(a, b, () => 1);
}

/**
 * The longest run of consecutive equal word keys shared by two token sequences, as index ranges:
 * the piece of text a moderator can see was copied.
 */
export function longestCommonRun(a: readonly string[], b: readonly string[]): { aStart: number; bStart: number; length: number } {
  // Exact copies are most of what near-duplicate describes: the whole text is the run.
  if (a.length === b.length && a.every((x, i) => x === b[i])) return { aStart: 0, bStart: 0, length: a.length };
  let best = { aStart: 0, bStart: 0, length: 0 };
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        cur[j] = prev[j - 1]! + 1;
        if (cur[j]! > best.length) best = { aStart: i - cur[j]!, bStart: j - cur[j]!, length: cur[j]! };
      } else cur[j] = 0;
    }
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return best;
}
