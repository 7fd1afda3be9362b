import type { Finding, Signal } from '../types.js';
import { number, whole } from '../options.js';

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
export const crossThread: Signal<CrossThreadOptions> = {
  id: 'cross-thread',
  description: 'Comments that also appear, nearly verbatim, under other threads of the same run (MinHash-LSH, verified)',
  weight: 0.9,
  defaultOptions: { threshold: 0.8, minWords: 5 },
  // Below 0.5 the index would compare nearly every pair of a large archive.
  optionsSchema: { threshold: number(0.5, 1), minWords: whole(1, 1000) },
  analyze(thread, ctx) {
    const lookup = ctx.corpus;
    if (!lookup) return [];
    const findings: Finding[] = [];
    for (const comment of thread.comments) {
      const cluster = lookup(comment.id);
      if (!cluster) continue;
      const otherThreads = cluster.threads.length - 1;
      const strength = Math.min(1, 0.55 + 0.15 * otherThreads);
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
          },
        },
      });
    }
    return findings;
  },
};
