/**
 * The reading of a scan's inputs, each thread handed to the scan's ThreadAnalysis in input order. Without
 * a corpus pass, each thread is analysed as it is read. With one (a signal needs the run-wide corpus),
 * every comment is indexed in a first pass, then each thread is analysed with its cross-thread clusters:
 * threads read in the first pass are kept for the second up to a budget of characters, beyond which the
 * inputs are read a second time instead.
 */
import type { CorpusIndex } from '../corpus/index.js';
import { corpusPass, nameThread, newCorpusIndex, threadKeys } from '../cross-thread-pass.js';
import { forEachThread, type InputIO } from '../input-threads.js';
import { samePage } from '../util/page.js';
import { collectBetweenWork } from '../memory.js';
import type { ParseOptions } from '../parsers/types.js';
import { threadChars, type ThreadAnalysis } from '../pool/thread-analysis.js';
import type { CorpusSettings, CrossThreadCluster, InputProblem, Thread } from '../types.js';

/**
 * Characters of text kept from the first pass for the second (THREADSIFT_KEEP_CHARS overrides it). The
 * threads kept are let go once the budget is passed, early in a large run, while the corpus index is
 * still small: the peak of memory stays that of the index.
 */
const KEEP_IN_MEMORY_CHARS = 64_000_000;

export interface ScannedInputs {
  /** Inputs that could not be read, in reading order. */
  problems: InputProblem[];
  /** Clusters across threads, when the run had a corpus pass. */
  clusters?: CrossThreadCluster[];
}

/** Every thread of the inputs analysed, in input order. */
export function scanEachThread(args: string[], opts: { inputFormat?: string }, parseOptions: ParseOptions, io: InputIO, analysis: ThreadAnalysis): ScannedInputs {
  const problems = forEachThread(args, opts, parseOptions, io, (thread) => {
    analysis.consider(thread);
    analysis.add({ thread });
  });
  analysis.finish();
  return { problems };
}

/** Every thread of the inputs analysed with the run-wide corpus pass `corpus` configures. */
export async function scanWithCorpus(
  args: string[],
  opts: { inputFormat?: string },
  parseOptions: ParseOptions,
  io: InputIO,
  analysis: ThreadAnalysis,
  corpus: CorpusSettings,
): Promise<ScannedInputs> {
  // The index starts with the second thread: a run of one thread has nothing to compare across.
  let index: CorpusIndex | undefined;
  const names = new Map<string, { source: string; id: string }>();
  // Each thread key's page (samePage), so that exports of one page are not other threads of each other.
  const pages = new Map<string, string>();
  const keyOf = threadKeys();
  const keys = new Map<Thread, string>();
  const addAll = (thread: Thread) => {
    const key = keys.get(thread)!;
    nameThread(names, key, thread);
    for (const c of thread.comments) index!.add(key, c.id, c.text);
  };
  const kept: Thread[] = [];
  let keptChars = 0;
  let spilled = false;
  const budget = Number(io.env.THREADSIFT_KEEP_CHARS) || KEEP_IN_MEMORY_CHARS;
  // Workers start during the first pass, once the run is large enough (ThreadAnalysis.consider).
  const problems = forEachThread(args, opts, parseOptions, io, (thread) => {
    analysis.consider(thread);
    const key = keyOf(thread);
    keys.set(thread, key);
    if (!pages.has(key)) pages.set(key, samePage(thread) ?? key);
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
  // Each thread is let go once handed over: its text features (cached per thread) can then be collected
  // before the next thread, and before the report is written.
  kept.reverse();
  if (!index) {
    keys.clear();
    for (let thread = kept.pop(); thread; thread = kept.pop()) analysis.add({ thread });
    analysis.finish();
    return { problems, clusters: [] };
  }
  const pass = await corpusPass(index, names, pages);
  pages.clear();
  // Only the clusters and each thread's members are needed from here on: the index is collected before
  // the analysis begins, and with it the memory of the pass.
  index = undefined;
  collectBetweenWork();
  const task = (thread: Thread, key: string) => {
    const members = pass.members(key);
    return members ? { thread, corpus: members } : { thread };
  };
  if (spilled) {
    // The second reading assigns the same keys: the inputs come back in the same order.
    const again = threadKeys();
    forEachThread(args, opts, parseOptions, io, (thread) => analysis.add(task(thread, again(thread))), true);
  } else {
    for (let thread = kept.pop(); thread; thread = kept.pop()) {
      const key = keys.get(thread)!;
      keys.delete(thread);
      analysis.add(task(thread, key));
    }
  }
  analysis.finish();
  return { problems, clusters: pass.clusters };
}
