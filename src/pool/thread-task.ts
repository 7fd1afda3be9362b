/**
 * One thread's analysis as a task: the same function runs on the main thread and in the worker threads
 * of a scan, so a report does not depend on where its threads were analysed.
 */
import { analyzeThread } from '../analyze.js';
import type { Config } from '../config.js';
import { formatKnownError, memoryError } from '../errors.js';
import { MemoryExceeded } from '../memory.js';
import { forgetTexts } from '../text/phrases.js';
import type { StreamOptions, ThreadStream } from '../reporters/types.js';
import type { CorpusMembership, InputProblem, Thread, ThreadReport } from '../types.js';

/** A thread to analyse, with its comments' cross-thread clusters when the run had a corpus pass. */
export interface ThreadTask {
  thread: Thread;
  corpus?: Array<[commentId: string, cluster: CorpusMembership]>;
}

/** What the run's summary and gates need of an analysed thread. */
export interface ThreadTally {
  id: string;
  source: string;
  comments: number;
  flagged: number;
  botShare: number;
}

/** An analysed thread: its report (or its streamed text), or why it could not be analysed. */
export type ThreadOutcome = { tally: ThreadTally; report: ThreadReport } | { tally: ThreadTally; parts: string[] } | { problem: InputProblem };

/** How threads are analysed and what comes back: the report, or the streamed format's text. */
export interface TaskSettings {
  config: Config;
  stream?: { format: ThreadStream; options: StreamOptions };
}

/** Analyse one thread. A thread that does not fit in memory is that input's problem; the run goes on. */
export function runThreadTask(task: ThreadTask, settings: TaskSettings): ThreadOutcome {
  const { thread } = task;
  const clusters = task.corpus && new Map(task.corpus);
  const crossThread = clusters && ((id: string) => clusters.get(id));
  let report: ThreadReport;
  try {
    report = analyzeThread(thread, settings.config, crossThread ? { corpus: crossThread } : {});
  } catch (err) {
    forgetTexts();
    if (!(err instanceof MemoryExceeded)) throw err;
    return { problem: { source: thread.source, message: formatKnownError(memoryError(thread.source, err)) } };
  }
  forgetTexts();
  const tally = { id: report.id, source: report.source, comments: report.commentCount, flagged: report.summary.flagged, botShare: report.summary.botShare };
  if (!settings.stream) return { tally, report };
  return { tally, parts: settings.stream.format.thread(thread, report, crossThread, settings.stream.options) };
}
