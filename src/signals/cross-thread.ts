import { EVERYDAY_COPIES, EVERYDAY_NOTE, everydayPhrase } from '../text/everyday.js';
import { threadFeatures } from '../text/features.js';
import type { Finding, Signal, Thread } from '../types.js';
import { number, whole } from '../options.js';
import type { Args } from './wording.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type CrossThreadCode = 'CROSS_THREAD_DUPLICATE';

export interface CrossThreadOptions {
  /** Jaccard similarity of word sets at or above which comments in different threads are linked. */
  threshold: number;
  /** Comments with fewer distinct words are not compared across threads ("thanks!" is not a campaign). */
  minWords: number;
}

/**
 * A comment that also appears, nearly verbatim, under other threads of the run: the strongest sign of a
 * bot network. The clusters come from the corpus pass (src/corpus, MinHash-LSH with exact verification)
 * that the CLI runs over every input before scoring; this signal only turns a comment's cluster into
 * evidence, so it is silent when a thread is analysed on its own.
 */
/**
 * Strength by the number of other threads the text was also posted under: 0.7 for one (flagged alone at
 * weight 0.9), 0.85 for two, full from three: the wider a text is spread, the less it can be chance.
 */
const CROSS_THREAD_BASE = 0.55;
const CROSS_THREAD_PER_THREAD = 0.15;
const crossThreadStrength = (otherThreads: number) => Math.min(1, CROSS_THREAD_BASE + CROSS_THREAD_PER_THREAD * otherThreads);

/**
 * A short everyday phrase ("I love this so much") under fewer than EVERYDAY_COPIES threads: people write
 * it on their own under many articles, so it is weak evidence, under the threshold alone at this
 * signal's weight (0.9 × 0.4 = 0.36), and still adds to other evidence.
 */
const EVERYDAY_STRENGTH = 0.4;

/**
 * The strength of a text found under `threads` threads in all (this one included), and whether the
 * everyday rule weakened it: comment `index` of `thread` is read for that.
 */
export function repostStrength(thread: Thread, index: number, threads: number): { strength: number; everyday: boolean } {
  const strength = crossThreadStrength(threads - 1);
  const everyday = threads < EVERYDAY_COPIES && everydayPhrase(thread.comments[index]!.text, threadFeatures(thread).comments[index]!.tokens);
  return { strength: everyday ? Math.min(strength, EVERYDAY_STRENGTH) : strength, everyday };
}

/** Said of a text weakened by the everyday rule. */
export const everydaySuffix = (a: Args): string => (a.everyday ? EVERYDAY_NOTE : '');

export const crossThread: Signal<CrossThreadOptions, CrossThreadCode> = {
  id: 'cross-thread',
  description: 'Comments that also appear, nearly verbatim, under other threads of the same run (MinHash-LSH, verified)',
  weight: 0.9,
  defaultOptions: { threshold: 0.8, minWords: 5 },
  // Below 0.5 the index would compare nearly every pair of a large archive.
  optionsSchema: { threshold: number(0.5, 1), minWords: whole(1, 1000) },
  needs: { corpus: (o) => ({ threshold: o.threshold, minWords: o.minWords }) },
  messages: {
    CROSS_THREAD_DUPLICATE: (a) =>
      `also posted under ${Number(a.threads) - 1} other thread${Number(a.threads) === 2 ? '' : 's'} (${String(a.size)} copies in all, cross-thread cluster ${String(a.cluster)})${everydaySuffix(a)}`,
  },
  meanings: {
    CROSS_THREAD_DUPLICATE:
      "The comment (or a near copy, word-set similarity at or above `threshold`) also appears under other threads of the same run: one text posted across articles. `args.cluster` is the cluster id of the report's `crossThreadClusters`. With `args.everyday`, the text is a short phrase of everyday words that people write on their own, and fewer than five threads are weak evidence.",
  },
  analyze(thread, ctx) {
    const lookup = ctx.corpus;
    if (!lookup) return [];
    const findings: Finding<CrossThreadCode>[] = [];
    for (let i = 0; i < thread.comments.length; i++) {
      const comment = thread.comments[i]!;
      const cluster = lookup(comment.id);
      if (!cluster) continue;
      const { strength, everyday } = repostStrength(thread, i, cluster.threads.length);
      findings.push({
        signal: 'cross-thread',
        commentId: comment.id,
        strength,
        reason: {
          code: 'CROSS_THREAD_DUPLICATE',
          args: {
            cluster: cluster.id,
            size: cluster.size,
            threads: cluster.threads.length,
            similarity: cluster.similarity.min,
            representative: cluster.representative,
            ...(everyday ? { everyday: true } : {}),
          },
        },
      });
    }
    return findings;
  },
};
