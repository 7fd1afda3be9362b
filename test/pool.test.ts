/**
 * OrderedPool (src/pool/ordered-pool.ts): results in submission order whatever order the workers finish
 * in, a bounded window, tasks on the caller until a worker has started, and errors that end the run
 * instead of hanging it. The workers load the compiled pool (dist/), as the command does.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OrderedPool } from '../src/pool/ordered-pool.js';
import { present, rng, ROOT } from './helpers.js';

const built = present(join(ROOT, 'dist', 'pool', 'worker-side.js'));
const SCRIPT = pathToFileURL(join(ROOT, 'test', 'pool-worker.mjs'));

interface Task {
  n: number;
  ms?: number;
  fail?: boolean;
  die?: boolean;
}
interface Result {
  n: number;
  where: string;
}

function spin(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

/** Submit short tasks until one has run in a worker: the workers have started. */
function untilStarted(p: OrderedPool<Task, Result>, delivered: Result[]): number {
  let n = 0;
  const deadline = Date.now() + 20_000;
  while (!delivered.some((r) => r.where === 'worker') && Date.now() < deadline) p.submit({ n: n++, ms: 5 }, 1);
  return n;
}

function pool(delivered: Result[], options: { window?: number; script?: URL } = {}) {
  return new OrderedPool<Task, Result>({
    size: 2,
    script: options.script ?? SCRIPT,
    data: { tag: 'worker' },
    window: options.window ?? 4,
    windowWeight: 1_000,
    runHere: (task) => {
      spin(task.ms ?? 0);
      return { n: task.n, where: 'here' };
    },
    deliver: (r) => delivered.push(r),
  });
}

describe.runIf(built)('OrderedPool', () => {
  it('delivers every result in submission order, from the caller and from the workers, within the window', () => {
    const random = rng(7);
    const delivered: Result[] = [];
    const p = pool(delivered, { window: 4 });
    let submitted = untilStarted(p, delivered);
    const total = submitted + 120;
    for (let n = submitted; n < total; n++) {
      p.submit({ n, ms: Math.floor(random() * 6) }, 1);
      submitted++;
      expect(submitted - delivered.length).toBeLessThanOrEqual(4);
    }
    p.finish();
    expect(delivered.map((r) => r.n)).toEqual(Array.from({ length: total }, (_, n) => n));
    // The first task is submitted before any worker could have started; later ones go to the workers.
    expect(delivered[0]!.where).toBe('here');
    expect(delivered.some((r) => r.where === 'worker')).toBe(true);
  });

  it('a heavy task still runs when it alone outweighs the window', () => {
    const delivered: Result[] = [];
    const p = pool(delivered);
    p.submit({ n: 0 }, 5_000);
    p.submit({ n: 1 }, 5_000);
    p.finish();
    expect(delivered.map((r) => r.n)).toEqual([0, 1]);
  });

  it('an exception in a worker is rethrown to the caller, not swallowed', () => {
    const delivered: Result[] = [];
    const p = pool(delivered);
    const n = untilStarted(p, delivered);
    expect(() => {
      p.submit({ n, fail: true }, 1);
      p.finish();
    }).toThrow(`task ${n} failed`);
    p.close();
  });

  it.runIf(existsSync('/proc/thread-self'))('a worker thread that dies is an error, not a hang', () => {
    const delivered: Result[] = [];
    const p = pool(delivered);
    const first = untilStarted(p, delivered);
    expect(() => {
      for (let n = first; n < first + 4; n++) p.submit({ n, die: true }, 1);
      p.finish();
    }).toThrow('stopped unexpectedly');
    p.close();
  });

  it('without a built worker module, every task runs on the caller', () => {
    const delivered: Result[] = [];
    const p = pool(delivered, { script: pathToFileURL(join(ROOT, 'no-such-worker.js')) });
    for (let n = 0; n < 10; n++) p.submit({ n }, 1);
    p.finish();
    expect(delivered.map((r) => `${r.n}:${r.where}`)).toEqual(Array.from({ length: 10 }, (_, n) => `${n}:here`));
  });
});

describe('runThreadTask', () => {
  it('forgets the texts the phrase lists matched once the thread is analysed: nothing of it stays in a worker', async () => {
    const { runThreadTask } = await import('../src/pool/thread-task.js');
    const { rememberedTexts } = await import('../src/text/phrases.js');
    const { defaultConfig } = await import('../src/config.js');
    const { makeThread } = await import('./helpers.js');
    const thread = makeThread([
      'This partnership could have far-reaching implications. It will be crucial to monitor.',
      'Check out my channel for daily guitar covers, link in my bio',
      'I walked past the site yesterday and nothing has been built since March at all',
    ]);
    const outcome = runThreadTask({ thread }, { config: defaultConfig() });
    expect('report' in outcome && outcome.report.summary.flagged).toBeGreaterThan(0);
    expect(rememberedTexts()).toBe(0);
  });
});
