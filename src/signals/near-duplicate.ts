import { threadFeatures, type ThreadFeatures } from '../text/features.js';
import { candidatePairs } from '../text/candidates.js';
import { dice, longestCommonRun, weightedJaccard } from '../text/similarity.js';
import type { Finding, Signal } from '../types.js';

export interface NearDuplicateOptions {
  /** Character-bigram Dice at or above this links a pair (light edits of the same text). */
  characterThreshold: number;
  /** IDF-weighted content-word Jaccard at or above this links a pair (paraphrases). */
  wordThreshold: number;
  /** Texts with fewer content words are linked only when identical. */
  minContentWords: number;
  /** Identical texts shorter than this many characters ("lol", "+1") are not evidence. */
  minExactChars: number;
}

/** A lone copy at least this similar may be a double post. */
const DOUBLE_POST_SIMILARITY = 0.75;
/** Evidence of a possible double post: shown, but not enough to flag on its own. */
const DOUBLE_POST_STRENGTH = 0.35;

interface Link {
  other: number;
  similarity: number;
  method: 'exact' | 'characters' | 'words';
}

/**
 * How two comments relate: identical after folding; character-bigram Dice over the folded text (light
 * edits); IDF-weighted Jaccard over content-word stems (paraphrases that reorder or swap words; words
 * every comment in the thread uses weigh little). Quoted material is left out of all three.
 */
export function pairSimilarity(f: ThreadFeatures, i: number, j: number): { exact: boolean; characters: number; words: number } {
  const a = f.comments[i]!;
  const b = f.comments[j]!;
  if (a.folded.length > 0 && a.folded === b.folded) return { exact: true, characters: 1, words: 1 };
  const n = f.comments.length;
  const idf = (t: string) => Math.log(1 + (n + 1) / ((f.docFreq.get(t) ?? 0) + (f.article.stems.has(t) ? 1 : 0) + 0.5));
  return { exact: false, characters: dice(a.profile, b.profile), words: weightedJaccard(a.contentStems, b.contentStems, idf) };
}

/** Evidence strength of one link, before the bonus for larger clusters. */
function linkStrength(link: Link, o: NearDuplicateOptions): number {
  if (link.method === 'exact') return 0.85;
  if (link.method === 'characters') return 0.6 + 0.35 * ((link.similarity - o.characterThreshold) / (1 - o.characterThreshold));
  return Math.min(0.9, 0.35 + 1.6 * (link.similarity - o.wordThreshold));
}

/** Comments that say nearly the same thing as another comment in the thread. */
export const nearDuplicate: Signal<NearDuplicateOptions> = {
  id: 'near-duplicate',
  description: 'Comments that repeat or paraphrase another comment in the same thread',
  weight: 0.9,
  defaultOptions: { characterThreshold: 0.8, wordThreshold: 0.25, minContentWords: 6, minExactChars: 12 },
  analyze(thread, ctx) {
    const f = threadFeatures(thread);
    const n = thread.comments.length;
    const o = ctx.options;
    const links: Link[][] = Array.from({ length: n }, () => []);
    for (const [i, j] of candidatePairs(f, Math.min(o.characterThreshold, o.wordThreshold))) {
      const a = f.comments[i]!;
      const b = f.comments[j]!;
      const sim = pairSimilarity(f, i, j);
      let link: Omit<Link, 'other'> | undefined;
      if (sim.exact) {
        if (a.folded.length >= o.minExactChars) link = { similarity: 1, method: 'exact' };
      } else if (Math.min(a.content.length, b.content.length) >= o.minContentWords) {
        if (sim.characters >= o.characterThreshold) link = { similarity: sim.characters, method: 'characters' };
        else if (sim.words >= o.wordThreshold) link = { similarity: sim.words, method: 'words' };
      }
      if (!link) continue;
      links[i]!.push({ other: j, ...link });
      links[j]!.push({ other: i, ...link });
    }
    const findings: Finding[] = [];
    links.forEach((mine, i) => {
      if (mine.length === 0) return;
      mine.sort((x, y) => y.similarity - x.similarity || x.other - y.other);
      const best = mine[0]!;
      const me = f.comments[i]!;
      const them = f.comments[best.other]!;
      const run = longestCommonRun(me.tokens.map((t) => t.lower), them.tokens.map((t) => t.lower));
      const span: [number, number] | undefined =
        run.length >= 3 ? [me.tokens[run.aStart]!.start, me.tokens[run.aStart + run.length - 1]!.end] : undefined;
      const comment = thread.comments[i]!;
      // Two near-identical copies are often one person's double post (or an export that lists a reply
      // twice); a third copy, or a reworded copy, is what a campaign looks like.
      const copies = mine.length + 1;
      const doublePost = copies === 2 && best.similarity >= DOUBLE_POST_SIMILARITY;
      const strength = doublePost ? DOUBLE_POST_STRENGTH : Math.min(1, linkStrength(best, o) + (copies >= 3 ? 0.15 : 0));
      findings.push({
        signal: 'near-duplicate',
        commentId: comment.id,
        strength,
        reason: {
          code: doublePost ? 'DOUBLE_POST' : best.method === 'exact' ? 'EXACT_DUPLICATE' : best.method === 'words' ? 'PARAPHRASE' : 'NEAR_DUPLICATE',
          args: {
            partner: thread.comments[best.other]!.id,
            similarity: round(best.similarity),
            method: best.method,
            sharedText: span ? comment.text.slice(span[0], span[1]) : undefined,
            links: mine.map((l) => ({ id: thread.comments[l.other]!.id, similarity: round(l.similarity) })),
          },
        },
        ...(span ? { span } : {}),
        related: mine.map((l) => thread.comments[l.other]!.id),
      });
    });
    return findings;
  },
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
