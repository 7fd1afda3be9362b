/**
 * A memory ceiling that degrades instead of crashing: the loops that grow with an input (reading its
 * comments, their text features, scoring) call checkMemory() every so often. Once the heap is large, a
 * full collection now and then says how much is really alive; if that is too close to V8's limit, the
 * input being read is given up with a MemoryExceeded error, which the command line reports as that input's error
 * (exit 2) while the other inputs of the batch are still read. Without this, V8 aborts the whole process
 * (exit 134) and the batch's good inputs are lost with it.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The input being read needs more memory than the process may use. */
export class MemoryExceeded extends Error {
  override readonly name = 'MemoryExceeded';
  constructor(readonly limitMb: number) {
    super(`needs more memory than the ${limitMb} MB the heap may use`);
  }
}

/**
 * Share of the heap limit that may stay alive. The rest is room for what is made between two looks (a
 * Map of a million entries doubles its table in one step) and for writing the report.
 */
const ALIVE = 0.6;
/** The share of the limit at which the heap is looked at, however much was alive at the last look. */
const LAST_LOOK = 0.65;
/** The heap is looked at (with a full collection) past this size at first... */
const FIRST_LOOK = 256 * 2 ** 20;
/** ...and after that once it has grown by this factor over what was alive at the last look. */
const GROWTH = 1.35;

let trigger = 0;
let collect: (() => void) | undefined;

/** A full garbage collection, through V8's own gc() (exposed on first need). */
function fullCollection(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/** Calls made between two looks at the heap by checkMemoryEvery. */
const EVERY = 1024;
let calls = 0;

/** checkMemory once every EVERY calls: cheap enough for a loop over every comment. */
export function checkMemoryEvery(): void {
  if (++calls >= EVERY) {
    calls = 0;
    checkMemory();
  }
}

/**
 * For a loop that only makes garbage (writing a report): keep the heap near what is alive, as
 * checkMemory does, but never give up, since what is alive is already the report's.
 */
export function relieveMemoryEvery(): void {
  if (++calls < EVERY) return;
  calls = 0;
  const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  if (trigger === 0) trigger = Math.min(FIRST_LOOK, 0.5 * limit);
  if (used < trigger) return;
  fullCollection();
  trigger = Math.min(Math.max(FIRST_LOOK, GROWTH * getHeapStatistics().used_heap_size), LAST_LOOK * limit);
}

/**
 * Throws MemoryExceeded when the heap, after a full collection, is too close to its limit. The looks
 * also keep the heap near what is alive: left alone, V8 lets a large heap fill with garbage up to twice
 * its live size before collecting, and the process's memory with it.
 */
export function checkMemory(): void {
  const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  if (trigger === 0) trigger = Math.min(FIRST_LOOK, 0.5 * limit);
  if (used < trigger) return;
  fullCollection();
  const alive = getHeapStatistics().used_heap_size;
  if (alive > ALIVE * limit) {
    trigger = Math.min(FIRST_LOOK, 0.5 * limit);
    throw new MemoryExceeded(Math.round(limit / 2 ** 20));
  }
  trigger = Math.min(Math.max(FIRST_LOOK, GROWTH * alive), LAST_LOOK * limit);
}

/** Between two pieces of work, the heap is looked at past this size... */
const BETWEEN_FLOOR = 64 * 2 ** 20;
let betweenTrigger = BETWEEN_FLOOR;

/**
 * Between two pieces of work (a worker thread's tasks; the end of a scan's corpus pass): a full
 * collection once the heap has grown by GROWTH over what was alive at the last one. Left alone, V8 lets
 * the garbage of thousands of analysed threads, or a corpus index no longer used, hold memory for the
 * rest of a long run.
 */
export function collectBetweenWork(): void {
  if (getHeapStatistics().used_heap_size < betweenTrigger) return;
  fullCollection();
  betweenTrigger = Math.max(BETWEEN_FLOOR, GROWTH * getHeapStatistics().used_heap_size);
}
