/**
 * `scan --index FILE`: the scan's side of the persistent index. Each thread is matched against what
 * earlier runs stored just before it is analysed (the matches are the seen-before signal's evidence), and
 * stored with its verdicts just after (src/seen/session.ts).
 */
import type { Command } from 'commander';
import { analyzeThread, type RunContext } from '../analyze.js';
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import type { InputIO } from '../input-threads.js';
import { giveIndex } from '../run-needs.js';
import { IndexSession } from '../seen/session.js';
import { waitSeconds } from '../seen/sqlite.js';
import type { Thread, ThreadReport } from '../types.js';
import { VERSION } from '../version.js';

/** The scan options of the index. */
export interface IndexOptions {
  index?: string;
  indexTexts?: boolean;
}

/** Add the index options to the scan command. */
export function addIndexOptions(cmd: Command): Command {
  return cmd
    .option('--index <file>', 'report comments an earlier run stored in this index (SQLite; made when missing), then store this run\'s (see docs/index.md)')
    .option('--index-texts', 'store the comments\' texts in the index too (by default only their sketches, ids, dates and verdicts)');
}

/** The run's index session, when --index is given (which enables the signal that reads it). */
export function openScanIndex(opts: IndexOptions, config: Config, io: InputIO): IndexSession | undefined {
  if (!opts.index) {
    if (opts.indexTexts) throw new UsageError('--index-texts needs --index FILE');
    return undefined;
  }
  return IndexSession.open(opts.index, giveIndex(config), {
    texts: Boolean(opts.indexTexts),
    wait: waitSeconds(io.env),
    cwd: io.cwd,
    tool: `threadsift ${VERSION}`,
    started: Date.now(),
  });
}

/** Analyse one thread; with an index, matched against it first and stored in it after. */
export function analyzeIndexed(thread: Thread, config: Config, run: RunContext = {}, index?: IndexSession): ThreadReport {
  if (!index) return analyzeThread(thread, config, run);
  const seenBefore = index.match(thread);
  const report = analyzeThread(thread, config, seenBefore.size ? { ...run, seenBefore } : run);
  index.record(thread, report);
  return report;
}
