/**
 * Candidate pairs for near-duplicate verification. Small threads compare every pair; larger ones use an
 * inverted index over content stems so only pairs that share words are verified.
 */
import type { ThreadFeatures } from './features.js';

/** Below this many comments, every pair is compared. */
export const ALL_PAIRS_LIMIT = 400;

export function* candidatePairs(f: ThreadFeatures, _threshold: number): Generator<[number, number]> {
  const n = f.comments.length;
  if (n <= ALL_PAIRS_LIMIT) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) yield [i, j];
    return;
  }
  const postings = new Map<string, number[]>();
  f.comments.forEach((c, i) => {
    for (const s of c.contentStems) {
      const list = postings.get(s);
      if (list) list.push(i);
      else postings.set(s, [i]);
    }
  });
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    seen.clear();
    for (const s of f.comments[i]!.contentStems) {
      for (const j of postings.get(s)!) if (j > i) seen.add(j);
    }
    if (f.comments[i]!.contentStems.size === 0) {
      for (let j = i + 1; j < n; j++) if (f.comments[j]!.contentStems.size === 0) seen.add(j);
    }
    for (const j of [...seen].sort((a, b) => a - b)) yield [i, j];
  }
}
