/**
 * Similarities decided against a threshold, for the near-duplicate join: each stops as soon as what is
 * left to compare cannot reach the threshold, and otherwise gives the exact value of the plain function in
 * ./similarity.ts (tested against it), so links and strengths are those of a full comparison.
 */
import { dice, type BigramProfile } from './similarity.js';

/**
 * Most candidate pairs of a thread of long comments are unrelated texts that share a few rare words.
 * Their similarity needs deciding only against the threshold, so the two tests below stop as soon as
 * what is left to compare cannot reach it; a pair that may reach it gets its exact value from the
 * shared similarity functions, so links and strengths are exactly those of a full comparison. The
 * bounds allow for rounding (SLACK), so they only ever let a pair through, never turn one away.
 */
const SLACK = 1e-9;

/** dice(a, b) when it is at least `threshold`; otherwise 0. */
export function diceAtLeast(a: BigramProfile, b: BigramProfile, threshold: number): number {
  if (a.length < 2 || b.length < 2) return dice(a, b);
  // Dice = 2·shared / (bigrams of a + bigrams of b); each profile counts length - 1 bigrams.
  const need = (threshold * (a.length + b.length - 2)) / 2 - SLACK * (a.length + b.length);
  let restA = a.length - 1;
  let restB = b.length - 1;
  let shared = 0;
  let i = 0;
  let j = 0;
  const ac = a.codes;
  const bc = b.codes;
  while (i < ac.length && j < bc.length) {
    if (shared + Math.min(restA, restB) < need) return 0;
    const x = ac[i]!;
    const y = bc[j]!;
    if (x === y) {
      shared += Math.min(a.counts[i]!, b.counts[j]!);
      restA -= a.counts[i++]!;
      restB -= b.counts[j++]!;
    } else if (x < y) restA -= a.counts[i++]!;
    else restB -= b.counts[j++]!;
  }
  return shared < need ? 0 : dice(a, b);
}

/**
 * Whether the weighted Jaccard of two term sets can be at least `threshold`: J ≥ t exactly when the
 * shared weight is at least t·(Wa + Wb)/(1 + t). Terms are compared heaviest first (as ranks), so the
 * weight not yet compared on either side, which bounds what more can be shared, falls fastest.
 */
export function reachesWeight(a: Int32Array, b: Int32Array, rankWeights: Float64Array, totalA: number, totalB: number, threshold: number): boolean {
  const need = (threshold * (totalA + totalB)) / (1 + threshold) - SLACK * (totalA + totalB);
  let restA = totalA;
  let restB = totalB;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (shared + Math.min(restA, restB) < need) return false;
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      const w = rankWeights[x]!;
      shared += w;
      restA -= w;
      restB -= w;
      i++;
      j++;
    } else if (x < y) restA -= rankWeights[a[i++]!]!;
    else restB -= rankWeights[b[j++]!]!;
  }
  return shared >= need;
}

/**
 * The longest run of consecutive equal words of `a` and `b`, the first such run in the order of the
 * classic dynamic programme (earliest end in `a`, then in `b`): the same result as longestCommonRun in
 * ./similarity.ts, which fills every cell of the |a|×|b| table. Here only the cells where the words are
 * equal are visited, through each word's positions in `b`: two long comments share few words at each
 * position, and the full table of a 5,000-comment thread of long answers dominated its analysis.
 */
export function longestSharedRun(a: readonly string[], b: readonly string[]): { aStart: number; bStart: number; length: number } {
  if (a.length === b.length && a.every((x, i) => x === b[i])) return { aStart: 0, bStart: 0, length: a.length };
  const positions = new Map<string, number[]>();
  for (let j = 1; j <= b.length; j++) {
    const list = positions.get(b[j - 1]!);
    if (list) list.push(j);
    else positions.set(b[j - 1]!, [j]);
  }
  let best = { aStart: 0, bStart: 0, length: 0 };
  // Run lengths ending at each position of b, for the previous word of a and for this one; only the
  // positions set are cleared again.
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  let prevSet: number[] = [];
  let curSet: number[] = [];
  for (let i = 1; i <= a.length; i++) {
    const at = positions.get(a[i - 1]!);
    if (at) {
      for (let k = 0; k < at.length; k++) {
        const j = at[k]!;
        const length = prev[j - 1]! + 1;
        cur[j] = length;
        curSet.push(j);
        if (length > best.length) best = { aStart: i - length, bStart: j - length, length };
      }
    }
    for (let k = 0; k < prevSet.length; k++) prev[prevSet[k]!] = 0;
    [prev, cur] = [cur, prev];
    [prevSet, curSet] = [curSet, prevSet];
    curSet.length = 0;
  }
  return best;
}
