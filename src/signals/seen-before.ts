import type { Finding, Signal } from '../types.js';
import { crossThread, everydaySuffix, repostStrength, type CrossThreadOptions } from './cross-thread.js';
import { ids, pct, quote } from './wording.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type SeenBeforeCode = 'SEEN_BEFORE';

/**
 * The similarity threshold and minWords of the index's matching: the same engine, and the same settings,
 * as the cross-thread signal's.
 */
export type SeenBeforeOptions = CrossThreadOptions;

/** "2026-03-01" from an ISO 8601 time: the day is what a reader compares. */
const day = (iso: unknown) => String(iso).slice(0, 10);

/**
 * A comment that an earlier run already saw, nearly verbatim, under another thread: the index
 * (`--index FILE`, src/seen/) remembers the sketches and verdicts of every comment scanned with it. This
 * signal only turns the run's matches into evidence, so it is silent without an index.
 */
export const seenBefore: Signal<SeenBeforeOptions, SeenBeforeCode> = {
  id: 'seen-before',
  description: 'Comments posted before, nearly verbatim, under threads that an earlier run stored in the index (--index FILE)',
  weight: crossThread.weight,
  // The cross-thread signal's defaults and bounds: the index is the same MinHash-LSH engine, kept on disk.
  defaultOptions: { ...crossThread.defaultOptions },
  optionsSchema: crossThread.optionsSchema,
  needs: { index: (o) => ({ threshold: o.threshold, minWords: o.minWords }) },
  messages: {
    SEEN_BEFORE: (a) => {
      const same = Number(a.similarity) === 1 ? 'the same words' : `${pct(a.similarity)} the same words`;
      const where = a.title ? quote(a.title) : `thread ${quote(a.thread)}`;
      const when = `${a.dateKind === 'posted' ? 'posted' : 'indexed'} ${day(a.date)}`;
      // Past the candidates a run verifies, the counts are of those verified: lower bounds, said so.
      const atLeast = a.atLeast ? 'at least ' : '';
      const spread =
        Number(a.copies) > 1 ? `; ${atLeast}${String(a.copies)} such comments under ${atLeast}${String(a.threads)} thread${Number(a.threads) === 1 ? '' : 's'} in the index` : '';
      return `seen before under another thread: ${same} as comment ${ids(a.comment)} of ${where} (${String(a.source)}), ${when}${a.flagged ? ', flagged then' : ''}${spread}${everydaySuffix(a)}`;
    },
  },
  meanings: {
    SEEN_BEFORE:
      'The comment (or a near copy, word-set similarity at or above `threshold`) was stored in the index (`--index FILE`) by an earlier run, under another thread: a text posted before, elsewhere. `args` give the earliest such comment: `source`, `thread`, `title` and `comment` (its input, thread and id), `date` and `dateKind` (`posted`: its own date; `indexed`: when its run started), `similarity`, and `flagged` (whether that run flagged it); `copies` and `threads` count the matching comments stored and the threads they were under; with `args.atLeast` more stored texts matched than a run verifies (512, those sharing the most bands), and the counts are lower bounds. With `args.everyday`, as for CROSS_THREAD_DUPLICATE: a short everyday phrase under fewer than five threads in all is weak evidence.',
  },
  analyze(thread, ctx) {
    const seen = ctx.seenBefore;
    if (!seen) return [];
    const findings: Finding<SeenBeforeCode>[] = [];
    for (let i = 0; i < thread.comments.length; i++) {
      const comment = thread.comments[i]!;
      const earlier = seen.get(comment.id);
      if (!earlier) continue;
      // The cross-thread signal's curve by the number of threads: a text posted under another article
      // last month is the same evidence as one posted there in this run.
      const { strength, everyday } = repostStrength(thread, i, earlier.threads + 1);
      findings.push({
        signal: 'seen-before',
        commentId: comment.id,
        strength,
        reason: {
          code: 'SEEN_BEFORE',
          args: {
            source: earlier.source,
            thread: earlier.threadId,
            title: earlier.threadTitle,
            comment: earlier.commentId,
            date: earlier.date,
            dateKind: earlier.dateKind,
            similarity: earlier.similarity,
            copies: earlier.copies,
            threads: earlier.threads,
            flagged: earlier.flagged,
            ...(earlier.capped ? { atLeast: true } : {}),
            ...(everyday ? { everyday: true } : {}),
          },
        },
      });
    }
    return findings;
  },
};
