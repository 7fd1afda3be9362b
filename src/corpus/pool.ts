/**
 * Worker threads for CorpusIndex: texts are sketched in batches off the main thread, and the results
 * are integrated strictly in add order, so the index ends up exactly as with no workers.
 *
 * `add` never blocks and never queues unboundedly: once every worker has MAX_IN_FLIGHT batches, the
 * main thread sketches the next batch itself. Memory for texts in flight is therefore bounded by
 * workers × MAX_IN_FLIGHT × BATCH_SIZE texts, and a producer that never yields to the event loop still
 * works (it just gets no help from the workers until `close`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { compiledModule } from '../paths.js';
import type { SketchBatch, SketchParams, Sketcher } from './sketch.js';
import type { SketchRequest } from './worker.js';

/** Texts per message: large enough to amortise messaging, small enough to keep both cores busy. */
const BATCH_SIZE = 512;
const MAX_IN_FLIGHT = 4;

interface Pending {
  seq: number;
  /** Index of the batch's first comment. */
  first: number;
  result: SketchBatch | null;
}

/** Where the compiled worker lives: dist/corpus/worker.js (also when this module runs bundled). */
const WORKER_URL = compiledModule('corpus/worker.js');

/** The worker threads of one CorpusIndex, with the batch in progress and the results awaiting integration. */
export class WorkerPool {
  private readonly workers: Worker[];
  private texts: string[] = [];
  private first = 0;
  private seq = 0;
  private next = 0;
  private inFlight = 0;
  private readonly queue: Pending[] = [];
  private readonly bySeq = new Map<number, Pending>();
  private failure: Error | null = null;
  private settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  private closing = false;

  constructor(
    size: number,
    params: SketchParams,
    private readonly sketcher: Sketcher,
    private readonly integrate: (batch: SketchBatch, firstComment: number) => void,
  ) {
    if (!existsSync(fileURLToPath(WORKER_URL))) {
      throw new Error(`corpus workers need the compiled worker at ${fileURLToPath(WORKER_URL)}: run \`npm run build\`, or use workers: 0`);
    }
    // Loaded here, not at start-up: most runs start no worker.
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(WORKER_URL, { workerData: params });
      // An index abandoned mid-stream must not keep the process alive; close() refs them while waiting.
      w.unref();
      w.on('message', (m: { seq: number; batch: SketchBatch }) => this.received(m.seq, m.batch));
      w.on('error', (e: Error) => this.fail(e));
      w.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`corpus worker exited early (code ${code})`));
      });
      return w;
    });
  }

  add(comment: number, text: string): void {
    if (this.failure) throw this.failure;
    if (this.texts.length === 0) this.first = comment;
    this.texts.push(text);
    if (this.texts.length >= BATCH_SIZE) this.dispatch();
  }

  /** Sketch and integrate everything added, then stop the workers. */
  async close(): Promise<void> {
    this.dispatch();
    try {
      if (this.queue.length > 0) {
        for (const w of this.workers) w.ref();
        await new Promise<void>((resolve, reject) => {
          this.settle = { resolve, reject };
          if (this.failure) reject(this.failure);
        });
      }
      if (this.failure) throw this.failure;
    } finally {
      this.closing = true;
      await Promise.all(this.workers.map((w) => w.terminate()));
    }
  }

  private dispatch(): void {
    if (this.texts.length === 0) return;
    const pending: Pending = { seq: this.seq++, first: this.first, result: null };
    this.queue.push(pending);
    if (this.inFlight < this.workers.length * MAX_IN_FLIGHT) {
      this.bySeq.set(pending.seq, pending);
      this.inFlight++;
      const request: SketchRequest = { seq: pending.seq, texts: this.texts };
      this.workers[this.next]!.postMessage(request);
      this.next = (this.next + 1) % this.workers.length;
    } else {
      pending.result = this.sketcher.batch(this.texts);
      this.drain();
    }
    this.texts = [];
  }

  private received(seq: number, batch: SketchBatch): void {
    const pending = this.bySeq.get(seq);
    if (!pending) return;
    this.bySeq.delete(seq);
    this.inFlight--;
    pending.result = batch;
    this.drain();
  }

  private drain(): void {
    while (this.queue.length > 0 && this.queue[0]!.result) {
      const done = this.queue.shift()!;
      this.integrate(done.result!, done.first);
    }
    if (this.queue.length === 0) this.settle?.resolve();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.settle?.reject(this.failure);
  }
}
