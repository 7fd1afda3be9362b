import type { CorpusMembership, Report, ReportHead, Thread, ThreadReport } from '../types.js';

export interface ReporterOptions {
  /** Emit ANSI colour (decided by the CLI from the terminal, --no-color, NO_COLOR, FORCE_COLOR). */
  color: boolean;
  /** Show every comment and every reason. */
  verbose: boolean;
  /** Show flagged comments only. */
  quiet: boolean;
  /** CSV: cells as the data has them, without the apostrophe that keeps a spreadsheet from running a formula. */
  csvRaw?: boolean;
}

/**
 * A reporter is a pure function from a report to the text to write: one string, or parts to write one
 * after another, made as they are written (a large JSON report, see json-parts.ts).
 */
export type Reporter<Text extends string | Iterable<string> = string> = (report: Report, options: ReporterOptions) => Text;

/** Options of a streamed report: those of every reporter, and whether comment lines carry the full text. */
export interface StreamOptions extends ReporterOptions {
  includeText: boolean;
}

/** A comment's cross-thread cluster from the run's corpus pass, when it has one. */
export type CrossThreadLookup = (commentId: string) => CorpusMembership | undefined;

/**
 * A report written as the scan goes, thread by thread in input order, so that memory holds the threads
 * being analysed and never the run. `thread` may run in a worker thread: it gets plain data and returns
 * text, and must not depend on which thread runs it or on what it wrote before.
 */
export interface ThreadStream {
  /** The text for one analysed thread (its input thread and report, comment for comment), in parts. */
  thread(thread: Thread, report: ThreadReport, crossThread: CrossThreadLookup | undefined, options: StreamOptions): string[];
  /** The text after the last thread (what the run found across threads, its errors and its summary), in parts. */
  end(head: ReportHead, options: StreamOptions): string[];
}
