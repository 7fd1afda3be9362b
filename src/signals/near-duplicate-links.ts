/**
 * The near-duplicate signal's search: which comments of a thread are copies, light edits or paraphrases of
 * each other (near-duplicate.ts turns the links into findings and their strengths).
 */
import type { ThreadFeatures } from '../text/features.js';
import { heaviestFirst, prefixFilterPairs } from '../text/candidates.js';
import { diceCanReach, nonSpaceLength, weightedJaccardSorted } from '../text/similarity.js';
import { diceAtLeast, reachesWeight } from '../text/similarity-bounds.js';
import { checkMemoryEvery } from '../memory.js';
import type { NearDuplicateOptions } from './near-duplicate.js';

/** Terms in more than this share of comments (and more than MIN_INDEXED_DOC_FREQ) are not indexed. */
const INDEXED_DOC_SHARE = 0.02;
const MIN_INDEXED_DOC_FREQ = 30;

/** A verified link from one comment to another: how similar, and by which measure. */
export interface Link {
  other: number;
  similarity: number;
  method: 'exact' | 'characters' | 'words';
}

/** How many texts use a content stem: the thread's comments, and the article, which counts as one more. */
function textFreq(f: ThreadFeatures, term: string): number {
  return (f.docFreq.get(term) ?? 0) + (f.article.stems.has(term) ? 1 : 0);
}

/** IDF weight of a content stem used by `freq` texts (textFreq). */
function idf(f: ThreadFeatures, freq: number): number {
  return Math.log(1 + (f.comments.length + 1) / (freq + 0.5));
}

/**
 * How two comments relate: identical after folding; character-bigram Dice over the folded text (light
 * edits); IDF-weighted Jaccard over content-word stems (paraphrases that reorder or swap words; words
 * every comment in the thread uses weigh little). Quoted material is left out of all three.
 *
 * Verified links between distinct texts. Identical texts are grouped first and only one representative
 * per group is compared; candidates come from an exact prefix-filtering join over IDF-weighted words.
 * A pair is compared by characters only when its weighted-word similarity reaches the lower of the two
 * thresholds: a light edit keeps most of its words, while the bigram profiles of two long texts in one
 * language converge (unrelated answers of 1,500 characters or more reach a Dice of 0.8), so characters
 * alone are no evidence of a copy. The price: a copy with typos in nearly every word is not linked.
 */
export function findLinks(f: ThreadFeatures, o: NearDuplicateOptions): { groups: number[][]; links: Link[][] } {
  const n = f.comments.length;
  // Groups of identical texts by their first comment; an array of members only for texts that repeat
  // (a million distinct comments would otherwise be a million one-element arrays).
  const firstOf = new Map<string, number>();
  const copiesOf = new Map<number, number[]>();
  const firsts: number[] = [];
  for (let i = 0; i < n; i++) {
    checkMemoryEvery();
    const c = f.comments[i]!;
    if (c.folded.length < o.minExactChars) continue;
    const first = firstOf.get(c.folded);
    if (first === undefined) {
      firstOf.set(c.folded, i);
      firsts.push(i);
    } else {
      const members = copiesOf.get(first);
      if (members) members.push(i);
      else copiesOf.set(first, [first, i]);
    }
  }
  firstOf.clear();
  // Filled only where a pair was verified: most comments of a large thread link to nothing.
  const links: Link[][] = new Array<Link[]>(n);
  // Representatives with enough words take part in the paraphrase join.
  const reps = firsts.filter((i) => f.comments[i]!.content.length >= o.minContentWords);
  const termIds = new Map<string, number>();
  const weightList: number[] = [];
  const freqs: number[] = [];
  const records = reps.map((i) => {
    const ids: number[] = [];
    let total = 0;
    f.comments[i]!.contentStems.forEach((t) => {
      let id = termIds.get(t);
      if (id === undefined) {
        id = weightList.length;
        termIds.set(t, id);
        const freq = textFreq(f, t);
        freqs.push(freq);
        weightList.push(idf(f, freq));
      }
      ids.push(id);
      total += weightList[id]!;
    });
    return { ids, total };
  });
  const weights = Float64Array.from(weightList);
  // The join's global term order (heaviest first, ties by id), as a rank per term: each record then
  // sorts its terms as plain numbers, without a comparison function.
  const byRank = heaviestFirst(weights, freqs);
  const rankOf = new Int32Array(byRank.length);
  byRank.forEach((id, rank) => (rankOf[id] = rank));
  // Each record's terms as ranks, heaviest first (for weightedJaccardAtLeast), and as term ids in that
  // order (for the join). Plain loops: callbacks per element are slow in code run once per thread.
  const ranks: Int32Array[] = [];
  const sorted = records.map((r) => {
    const terms = new Int32Array(r.ids.length);
    for (let k = 0; k < terms.length; k++) terms[k] = rankOf[r.ids[k]!]!;
    terms.sort();
    ranks.push(terms.slice());
    for (let k = 0; k < terms.length; k++) terms[k] = byRank[terms[k]!]!;
    return { terms, total: r.total };
  });
  const rankWeights = new Float64Array(byRank.length);
  for (let rank = 0; rank < byRank.length; rank++) rankWeights[rank] = weights[byRank[rank]!]!;
  const byId = records.map((r) => Int32Array.from(r.ids).sort());
  const candidates = prefixFilterPairs(sorted, weights, {
    threshold: Math.min(o.wordThreshold, o.characterThreshold),
    maxDocFreq: Math.max(MIN_INDEXED_DOC_FREQ, Math.ceil(INDEXED_DOC_SHARE * reps.length)),
    minShared: 2,
  });
  const charCounts = new Int32Array(reps.length).fill(-1);
  const charCount = (x: number) => (charCounts[x]! >= 0 ? charCounts[x]! : (charCounts[x] = nonSpaceLength(f.comments[reps[x]!]!.folded)));
  // The join's candidates may reach `least` (the lower threshold) by its bound; their exact word
  // similarity decides which go on to the characters. Most candidates of a large thread share a few
  // words and no more, and never need a bigram profile.
  const least = Math.min(o.wordThreshold, o.characterThreshold);
  for (let c = 0; c < candidates.length; c += 2) {
    const x = candidates[c]!;
    const y = candidates[c + 1]!;
    if (!reachesWeight(ranks[x]!, ranks[y]!, rankWeights, records[x]!.total, records[y]!.total, least)) continue;
    const words = weightedJaccardSorted(byId[x]!, byId[y]!, weights, records[x]!.total, records[y]!.total);
    if (words < least) continue;
    const i = reps[x]!;
    const j = reps[y]!;
    // Dice cannot reach the threshold when one text has far fewer characters: skip computing it. A
    // character link wins; only otherwise do the words decide.
    const characters = diceCanReach(charCount(x), charCount(y), o.characterThreshold) ? diceAtLeast(f.comments[i]!.profile, f.comments[j]!.profile, o.characterThreshold) : 0;
    let similarity = characters;
    let method: Link['method'] = 'characters';
    if (characters < o.characterThreshold) {
      if (words < o.wordThreshold) continue;
      similarity = words;
      method = 'words';
    }
    (links[i] ??= []).push({ other: j, similarity, method });
    (links[j] ??= []).push({ other: i, similarity, method });
  }
  const groups: number[][] = [];
  for (const first of firsts) {
    const members = copiesOf.get(first);
    if (members) groups.push(members);
    else if (links[first] !== undefined) groups.push([first]);
  }
  return { groups, links };
}
