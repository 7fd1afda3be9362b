/**
 * Worker threads that run tasks and hand back their results in the order the tasks were submitted, to a
 * caller that never yields to the event loop: the input loop reads and parses synchronously, so results
 * are taken off each worker's MessagePort with receiveMessageOnPort, and the caller sleeps on a shared
 * counter (Atomics.wait) that every worker bumps after posting a result.
 *
 * Memory is bounded by a window: at most `window` tasks, weighing at most `windowWeight` together (one
 * task always fits), are between submission and delivery, whether running, queued or done and waiting
 * for an earlier one. Until a worker has started (loading its modules takes a while), tasks run on the
 * calling thread, so a run that turns out small never waits for one.
 */
import { existsSync, readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { MessagePort, Worker } from 'node:worker_threads';

/** What the pool is made with. */
export interface OrderedPoolOptions<T, R> {
  /** Worker threads to start. */
  size: number;
  /** The worker's compiled module; it calls serveTasks (see worker-side.ts). */
  script: URL;
  /** Given to every worker as workerData.data. */
  data: unknown;
  /** Tasks between submission and delivery, at most. */
  window: number;
  /** Their total weight, at most (a task heavier than this still runs, alone). */
  windowWeight: number;
  /** Runs a task on the calling thread while no worker has started; without it, tasks wait for a worker. */
  runHere?: (task: T) => R;
  /** Receives every result, in submission order. */
  deliver: (result: R) => void;
}

/** Messages from a worker (see worker-side.ts). */
export type FromWorker<R> = { ready: true; thread: string } | { seq: number; result: R } | { seq: number; error: string; stack?: string };

/** node:worker_threads, loaded on first use: most runs start no worker. */
const workerThreads = () => createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');

/** Tasks queued on one worker: one running and one waiting, so it never waits for the caller. */
const PER_WORKER = 2;
/** How long the caller sleeps before looking whether a busy worker is still alive. */
const LIVENESS_MS = 500;

interface Slot {
  worker: Worker;
  port: MessagePort;
  ready: boolean;
  busy: number;
  /** /proc/self/task/<tid> of the worker's thread (Linux; else empty), to tell a worker that died from a slow one. */
  thread: string;
}

export class OrderedPool<T, R> {
  private readonly slots: Slot[];
  /** Bumped by a worker after each message it posts. */
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly results = new Map<number, R>();
  private readonly weights = new Map<number, number>();
  private nextSeq = 0;
  private nextDelivery = 0;
  private weight = 0;
  private closed = false;

  /** Start the workers (or none, when the worker's module is not built): their start-up goes on in the background. */
  constructor(private readonly o: OrderedPoolOptions<T, R>) {
    const size = existsSync(fileURLToPath(o.script)) ? o.size : 0;
    const { MessageChannel, Worker } = workerThreads();
    this.slots = Array.from({ length: size }, () => {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(o.script, { workerData: { data: o.data, port: port2, signal: this.signal }, transferList: [port2] });
      // A worker that fails to start leaves its tasks to the caller; its error event must not end the process.
      worker.on('error', () => undefined);
      worker.unref();
      return { worker, port: port1, ready: false, busy: 0, thread: '' };
    });
  }

  /** Submit a task weighing `weight`; may first wait for room in the window, delivering what is done. */
  submit(task: T, weight: number): void {
    this.receive();
    while (this.nextSeq - this.nextDelivery >= this.o.window || (this.weight > 0 && this.weight + weight > this.o.windowWeight)) this.wait();
    const seq = this.nextSeq++;
    this.weights.set(seq, weight);
    this.weight += weight;
    if (this.o.runHere && !this.slots.some((s) => s.ready)) {
      this.results.set(seq, this.o.runHere(task));
      this.receive();
      return;
    }
    if (this.slots.length === 0) throw new Error(`no worker thread can start: ${fileURLToPath(this.o.script)} is missing`);
    while (!this.slots.some((s) => s.ready)) this.wait();
    let slot = this.leastBusy();
    while (slot.busy >= PER_WORKER) {
      this.wait();
      slot = this.leastBusy();
    }
    slot.busy++;
    slot.port.postMessage({ seq, task });
  }

  /** Wait for every submitted task and deliver its result, then stop the workers. */
  finish(): void {
    while (this.nextDelivery < this.nextSeq) this.wait();
    this.close();
  }

  /** Stop the workers without waiting for what they are doing (after an error). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.slots) {
      s.port.close();
      void s.worker.terminate();
    }
  }

  private leastBusy(): Slot {
    let best: Slot | undefined;
    for (const s of this.slots) if (s.ready && (!best || s.busy < best.busy)) best = s;
    return best!;
  }

  /** Sleep until a worker posts something, then take it; a busy worker that died is an error. */
  private wait(): void {
    const seen = Atomics.load(this.signal, 0);
    if (this.receive()) return;
    if (Atomics.wait(this.signal, 0, seen, LIVENESS_MS) === 'timed-out') {
      for (const s of this.slots) {
        if (s.busy > 0 && s.thread && !existsSync(s.thread)) throw new Error('an analysis worker thread stopped unexpectedly');
      }
    }
    this.receive();
  }

  /** Take every message the workers have posted and deliver the results now in order; true when there were any. */
  private receive(): boolean {
    const { receiveMessageOnPort } = workerThreads();
    let any = false;
    for (const s of this.slots) {
      for (let m = receiveMessageOnPort(s.port); m; m = receiveMessageOnPort(s.port)) {
        any = true;
        const message = m.message as FromWorker<R>;
        if ('ready' in message) {
          s.ready = true;
          s.thread = message.thread;
          continue;
        }
        s.busy--;
        if ('error' in message) {
          const error = new Error(`in a worker thread: ${message.error}`);
          if (message.stack) error.stack = message.stack;
          throw error;
        }
        this.results.set(message.seq, message.result);
      }
    }
    while (this.results.has(this.nextDelivery)) {
      const seq = this.nextDelivery++;
      const result = this.results.get(seq)!;
      this.results.delete(seq);
      this.weight -= this.weights.get(seq)!;
      this.weights.delete(seq);
      this.o.deliver(result);
    }
    return any;
  }
}

/** The /proc path of the calling thread (Linux), or undefined where there is none. */
export function threadPath(): string | undefined {
  try {
    return `/proc/self/${readlinkSync('/proc/thread-self').split('/').slice(1).join('/')}`;
  } catch {
    return undefined;
  }
}
