/**
 * `scan --index FILE`: the scan's side of the persistent index. Each thread is matched against what
 * earlier runs stored as it is handed to the analysis (the matches travel with its task, to a worker
 * thread too, as the seen-before signal's evidence), and stored with its verdicts as its outcome comes
 * back, in input order (src/seen/session.ts). The index is only ever used on the main thread.
 */
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import type { InputIO } from '../input-threads.js';
import type { ThreadCompanion } from '../pool/thread-analysis.js';
import { outcomeVerdicts } from '../pool/thread-task.js';
import { indexSettings } from '../run-needs.js';
import { IndexSession } from '../seen/session.js';
import { waitSeconds } from '../seen/sqlite.js';
import { VERSION } from '../version.js';

/** The scan options of the index. */
export interface IndexOptions {
  index?: string;
  indexTexts?: boolean;
}

/** Add the index options to the scan command. */
export function addIndexOptions(cmd: Command): Command {
  return cmd
    .option('--index <file>', "report comments an earlier run stored in this index (SQLite; made when missing), then store this run's (see docs/index.md)")
    .option('--index-texts', "store the comments' texts in the index too (by default only their sketches, ids, dates and verdicts)");
}

/**
 * The run's index session when --index is given; `config` is the scan's, made with the `index` override
 * (which enabled the signal that reads it).
 */
export function openScanIndex(opts: IndexOptions, config: Config, io: InputIO): IndexSession | undefined {
  if (!opts.index) {
    if (opts.indexTexts) throw new UsageError('--index-texts needs --index FILE');
    return undefined;
  }
  return IndexSession.open(opts.index, indexSettings(config), {
    texts: Boolean(opts.indexTexts),
    wait: waitSeconds(io.env),
    cwd: io.cwd,
    tool: `threadsift ${VERSION}`,
    started: Date.now(),
  });
}

/** The index's part in a scan's analysis: each thread matched as it is handed over, stored as it comes back. */
export function indexCompanion(session: IndexSession): ThreadCompanion {
  return {
    prepare: (thread) => {
      const seen = session.match(thread);
      return seen.size ? { seenBefore: [...seen] } : {};
    },
    settle: (outcome) => {
      const verdicts = outcomeVerdicts(outcome);
      session.record(verdicts && new Map(verdicts.map(([id, flagged, score]) => [id, { flagged, score }])));
    },
  };
}
