/**
 * One thread's analysis as a task: the same function runs on the main thread and in the worker threads
 * of a scan, so a report does not depend on where its threads were analysed.
 */
import { analyzeThread, type RunContext } from '../analyze.js';
import type { Config } from '../config.js';
import { formatKnownError, memoryError } from '../errors.js';
import { MemoryExceeded } from '../memory.js';
import { forgetTexts } from '../text/phrases.js';
import type { StreamOptions, ThreadStream } from '../reporters/types.js';
import type { CorpusMembership, InputProblem, SeenBefore, Thread, ThreadReport } from '../types.js';

/**
 * A thread to analyse, with its comments' cross-thread clusters when the run had a corpus pass, and their
 * earlier sightings when the run matched them against an index (both only for the comments that have one).
 */
export interface ThreadTask {
  thread: Thread;
  corpus?: Array<[commentId: string, cluster: CorpusMembership]>;
  seenBefore?: Array<[commentId: string, seen: SeenBefore]>;
}

/** A comment's verdict: its id, whether it is flagged, its score. */
export type Verdict = [commentId: string, flagged: boolean, score: number];

/** What the run's summary and gates need of an analysed thread. */
export interface ThreadTally {
  id: string;
  source: string;
  comments: number;
  flagged: number;
  botShare: number;
}

/**
 * An analysed thread: its report (or its streamed text, with its comments' verdicts when the settings ask
 * for them), or why it could not be analysed.
 */
export type ThreadOutcome = { tally: ThreadTally; report: ThreadReport } | { tally: ThreadTally; parts: string[]; verdicts?: Verdict[] } | { problem: InputProblem };

/** How threads are analysed and what comes back: the report, or the streamed format's text. */
export interface TaskSettings {
  config: Config;
  stream?: { format: ThreadStream; options: StreamOptions };
  /** A streamed outcome carries the comments' verdicts too (a run with an index stores them). */
  verdicts?: boolean;
}

/** The verdicts of an analysed thread's comments, or undefined when it could not be analysed. */
export function outcomeVerdicts(outcome: ThreadOutcome): Verdict[] | undefined {
  if ('report' in outcome) return outcome.report.comments.map((c) => [c.id, c.flagged, c.score]);
  return 'parts' in outcome ? outcome.verdicts : undefined;
}

/** Analyse one thread. A thread that does not fit in memory is that input's problem; the run goes on. */
export function runThreadTask(task: ThreadTask, settings: TaskSettings): ThreadOutcome {
  const { thread } = task;
  const clusters = task.corpus && new Map(task.corpus);
  const crossThread = clusters && ((id: string) => clusters.get(id));
  const run: RunContext = {};
  if (crossThread) run.corpus = crossThread;
  if (task.seenBefore) run.seenBefore = new Map(task.seenBefore);
  let report: ThreadReport;
  try {
    report = analyzeThread(thread, settings.config, run);
  } catch (err) {
    if (!(err instanceof MemoryExceeded)) throw err;
    return { problem: { source: thread.source, message: formatKnownError(memoryError(thread.source, err)) } };
  } finally {
    // The phrase matches remembered for this thread's signals would only keep its texts alive now.
    forgetTexts();
  }
  const tally = { id: report.id, source: report.source, comments: report.commentCount, flagged: report.summary.flagged, botShare: report.summary.botShare };
  if (!settings.stream) return { tally, report };
  const parts = settings.stream.format.thread(thread, report, crossThread, settings.stream.options);
  return settings.verdicts ? { tally, parts, verdicts: outcomeVerdicts({ tally, report })! } : { tally, parts };
}
