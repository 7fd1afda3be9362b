/**
 * A scan's analysis of its threads, results in input order: on the calling thread while the run is
 * small, and in worker threads (an OrderedPool) once it has read enough to be worth their start-up.
 * Workers make the scan's configuration themselves (a configuration holds a loaded model, which cannot
 * be sent) from the texts of the files the main thread read and the patterns it proved safe
 * (scanConfigForWorkers), and run the same task function: the report does not
 * depend on where a thread was analysed.
 */
import type { ScanConfigSource } from '../commands/scan-config.js';
import { compiledModule } from '../paths.js';
import type { StreamOptions } from '../reporters/types.js';
import type { Thread } from '../types.js';
import { OrderedPool } from './ordered-pool.js';
import { runThreadTask, type TaskSettings, type ThreadOutcome, type ThreadTask } from './thread-task.js';

/** What a worker needs to analyse threads as the main thread would. */
export interface AnalysisWorkerData {
  source: ScanConfigSource;
  /** The streamed format's name in the registry, and its options. */
  stream?: { format: string; options: StreamOptions };
  /** Streamed outcomes carry the comments' verdicts (TaskSettings.verdicts). */
  verdicts?: boolean;
}

/**
 * What a run does beside the analysis of each thread, on the calling thread: `prepare` as the thread is
 * handed over (what its task carries besides the thread), `settle` with its outcome, in input order, before
 * the run takes it. Both are called once per thread, whether it is analysed here or in a worker.
 */
export interface ThreadCompanion {
  prepare(thread: Thread): Omit<ThreadTask, 'thread'>;
  settle(outcome: ThreadOutcome): void;
}

/** How a scan analyses its threads. */
export interface AnalysisPlan {
  settings: TaskSettings;
  /** Worker threads to use once the run is large enough; 0 analyses every thread on the calling thread. */
  workers: number;
  worker: AnalysisWorkerData;
  /**
   * Characters read before the workers start (default START_CHARS, START_CHARS_WITH_INDEX with a
   * companion). When given, no thread is analysed on the calling thread once they have started
   * (THREADSIFT_POOL_CHARS: tests compare the two paths).
   */
  startChars?: number;
  /** The run's use of the persistent index, when it has one. */
  companion?: ThreadCompanion;
}

/**
 * The pool starts once the run has read this many characters of text in at least two threads. A pooled
 * run costs more CPU than the main thread alone: the threads' analysis costs the same, but each worker
 * has to start, threads and results are copied, and each isolate compiles and collects on its own; below
 * about four million characters, two workers finish no sooner than the main thread alone.
 * With an index the main thread has matching of its own to do beside the analysis, and one worker pays
 * from about two million. A single thread never starts one (docs/scaling.md has the figures).
 */
const START_CHARS = 4_000_000;
const START_CHARS_WITH_INDEX = 2_000_000;
/** Tasks between submission and delivery, per worker. */
const WINDOW_PER_WORKER = 4;
/** Characters of text between submission and delivery: what a scan holds of threads in flight. */
const WINDOW_CHARS = 16_000_000;

/**
 * The worker's script: src/pool/analysis-worker.ts bundled into one CommonJS file by the build
 * (rolldown.config.mjs), beside dist/threadsift.cjs and dist/paths.js alike.
 */
const WORKER_URL = compiledModule('analysis-worker.cjs');

/** Characters of a thread's text (body and comments). */
export const threadChars = (thread: Thread): number => thread.body.length + thread.comments.reduce((n, c) => n + c.text.length, 0);

export class ThreadAnalysis {
  private pool: OrderedPool<ThreadTask, ThreadOutcome> | undefined;
  private threads = 0;
  private chars = 0;

  private readonly deliver: (outcome: ThreadOutcome) => void;

  constructor(
    private readonly plan: AnalysisPlan,
    deliver: (outcome: ThreadOutcome) => void,
  ) {
    const companion = plan.companion;
    this.deliver = companion
      ? (outcome) => {
          companion.settle(outcome);
          deliver(outcome);
        }
      : deliver;
  }

  /**
   * Count a thread the run has read, and start the workers once the run is large (see startIfLarge).
   * A run with a corpus pass counts its threads as that pass reads them: the workers then start while it
   * runs and are ready when the analysis begins, and the calling thread never analyses the first threads
   * itself, cold, while they start (with an index it has matching and storing to do besides). Idle, they
   * hold little beside the corpus index (docs/scaling.md measures it).
   */
  consider(thread: Thread): void {
    this.threads++;
    this.chars += threadChars(thread);
    this.startIfLarge();
  }

  /** Whether the workers have been started. */
  get started(): boolean {
    return this.pool !== undefined;
  }

  /** Start the workers when what has been counted makes the run large enough. */
  private startIfLarge(): void {
    if (this.pool || this.plan.workers === 0 || this.threads < 2 || this.chars < (this.plan.startChars ?? (this.plan.companion ? START_CHARS_WITH_INDEX : START_CHARS))) return;
    this.pool = new OrderedPool({
      size: this.plan.workers,
      script: WORKER_URL,
      data: this.plan.worker,
      window: WINDOW_PER_WORKER * this.plan.workers,
      windowWeight: WINDOW_CHARS,
      ...(this.plan.startChars === undefined ? { runHere: (task: ThreadTask) => runThreadTask(task, this.plan.settings) } : {}),
      deliver: this.deliver,
    });
  }

  /** Analyse a thread; its outcome is delivered once those of the threads added before it have been. */
  add(given: ThreadTask): void {
    const task = this.plan.companion ? { ...given, ...this.plan.companion.prepare(given.thread) } : given;
    if (this.pool) this.pool.submit(task, threadChars(task.thread));
    else this.deliver(runThreadTask(task, this.plan.settings));
  }

  /** Deliver every outcome still to come, and stop the workers. */
  finish(): void {
    this.pool?.finish();
  }

  /** Stop the workers without waiting (after an error). */
  close(): void {
    this.pool?.close();
  }
}
