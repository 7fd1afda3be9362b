/**
 * The reading and analysis of a scan's inputs. Without a corpus pass, each thread is analysed as it is
 * read. With one (a signal needs the run-wide corpus), every comment is indexed in a first pass, then each
 * thread is analysed with its cross-thread clusters: threads read in the first pass are kept for the
 * second up to a budget of characters, beyond which the inputs are read a second time instead.
 */
import type { RunContext } from '../analyze.js';
import type { Config } from '../config.js';
import type { CorpusIndex } from '../corpus/index.js';
import { corpusPass, newCorpusIndex, threadKeys } from '../cross-thread-pass.js';
import { formatKnownError } from '../errors.js';
import { forEachThread, memoryError, type InputIO } from '../input-threads.js';
import { MemoryExceeded } from '../memory.js';
import type { ParseOptions } from '../parsers/types.js';
import type { IndexSession } from '../seen/session.js';
import type { CorpusSettings, CrossThreadCluster, InputProblem, Thread, ThreadReport } from '../types.js';
import { stripControls } from '../text/sanitize.js';
import { analyzeIndexed } from './scan-index.js';

/** Characters of text kept from the first pass for the second (THREADSIFT_KEEP_CHARS overrides it). */
const KEEP_IN_MEMORY_CHARS = 200_000_000;

/** Characters of a thread's text (body and comments). */
const threadChars = (thread: Thread) => thread.body.length + thread.comments.reduce((n, c) => n + c.text.length, 0);

export interface ScannedInputs {
  reports: ThreadReport[];
  problems: InputProblem[];
  /** Clusters across threads, when the run had a corpus pass. */
  clusters?: CrossThreadCluster[];
}

/** Every thread of the inputs analysed, in input order. */
export function scanEachThread(args: string[], opts: { inputFormat?: string }, parseOptions: ParseOptions, io: InputIO, config: Config, seen?: IndexSession): ScannedInputs {
  const reports: ThreadReport[] = [];
  const problems = forEachThread(args, opts, parseOptions, io, (thread) => reports.push(analyzeIndexed(thread, config, {}, seen)));
  return { reports, problems };
}

/** Every thread of the inputs analysed with the run-wide corpus pass `corpus` configures. */
export async function scanWithCorpus(
  args: string[],
  opts: { inputFormat?: string },
  parseOptions: ParseOptions,
  io: InputIO,
  config: Config,
  corpus: CorpusSettings,
  seen?: IndexSession,
): Promise<ScannedInputs> {
  const reports: ThreadReport[] = [];
  // The index starts with the second thread: a run of one thread has nothing to compare across.
  let index: CorpusIndex | undefined;
  const names = new Map<string, { source: string; id: string }>();
  const keyOf = threadKeys();
  const keys = new Map<Thread, string>();
  const addAll = (thread: Thread) => {
    const key = keys.get(thread)!;
    names.set(key, { source: thread.source, id: thread.id });
    for (const c of thread.comments) index!.add(key, c.id, c.text);
  };
  const kept: Thread[] = [];
  let keptChars = 0;
  let spilled = false;
  const budget = Number(io.env.THREADSIFT_KEEP_CHARS) || KEEP_IN_MEMORY_CHARS;
  const problems = forEachThread(args, opts, parseOptions, io, (thread) => {
    keys.set(thread, keyOf(thread));
    const size = threadChars(thread);
    if (!index && (kept.length >= 1 || keptChars + size > budget)) {
      index = newCorpusIndex(corpus.threshold, corpus.minWords);
      kept.forEach(addAll);
    }
    if (index) addAll(thread);
    if (spilled) {
      keys.delete(thread);
      return;
    }
    kept.push(thread);
    keptChars += size;
    if (keptChars > budget) {
      spilled = true;
      for (const t of kept) keys.delete(t);
      kept.length = 0;
    }
  });
  // Each thread is let go once analysed: its text features (cached per thread) can then be collected
  // before the next thread, and before the report is written.
  const analyzeKept = (thread: Thread, run?: RunContext) => {
    try {
      reports.push(analyzeIndexed(thread, config, run, seen));
    } catch (err) {
      if (!(err instanceof MemoryExceeded)) throw err;
      const line = formatKnownError(memoryError(thread.source, err));
      problems.push({ source: thread.source, message: line });
      io.stderr(`threadsift: ${stripControls(line)}\n`);
    }
  };
  kept.reverse();
  if (!index) {
    keys.clear();
    for (let thread = kept.pop(); thread; thread = kept.pop()) analyzeKept(thread);
    return { reports, problems, clusters: [] };
  }
  const pass = await corpusPass(index, names);
  if (spilled) {
    // The second reading assigns the same keys: the inputs come back in the same order.
    const again = threadKeys();
    forEachThread(args, opts, parseOptions, io, (thread) => reports.push(analyzeIndexed(thread, config, pass.lookup(again(thread)), seen)), true);
  } else {
    for (let thread = kept.pop(); thread; thread = kept.pop()) {
      const key = keys.get(thread)!;
      keys.delete(thread);
      analyzeKept(thread, pass.lookup(key));
    }
  }
  return { reports, problems, clusters: pass.clusters };
}
