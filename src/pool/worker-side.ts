/** The worker's half of OrderedPool: tasks from the pool's port, each result posted back and signalled. */
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { threadPath, type FromWorker } from './ordered-pool.js';

/** What OrderedPool gives each worker (workerData): its data, its port and the shared counter. */
interface PoolWorkerData {
  data: unknown;
  port: MessagePort;
  signal: Int32Array;
}

/** The data the pool was made with (OrderedPoolOptions.data). */
export const poolData = (): unknown => (workerData as PoolWorkerData).data;

/**
 * Run `handle` on every task the pool sends, in order, and `between` after each one. An exception is a
 * bug: its message goes back to the pool, which rethrows it. Posting "ready" tells the pool that tasks no
 * longer need to run on its side.
 */
export function serveTasks<T, R>(handle: (task: T) => R, between?: () => void): void {
  const { port, signal } = workerData as PoolWorkerData;
  const post = (message: FromWorker<R>) => {
    port.postMessage(message);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  port.on('message', ({ seq, task }: { seq: number; task: T }) => {
    let reply: FromWorker<R>;
    try {
      reply = { seq, result: handle(task) };
    } catch (err) {
      reply = err instanceof Error ? { seq, error: err.message, ...(err.stack ? { stack: err.stack } : {}) } : { seq, error: String(err) };
    }
    post(reply);
    between?.();
  });
  post({ ready: true, thread: threadPath() ?? '' });
}
