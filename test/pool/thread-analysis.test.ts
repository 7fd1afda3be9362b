/**
 * When a scan starts its worker threads (src/pool/thread-analysis.ts): never for one thread, from four
 * million characters read in two or more threads, and from two million when an index gives the main
 * thread matching of its own (docs/scaling.md has the measurements behind both).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { ThreadAnalysis, type AnalysisPlan } from '../../src/pool/thread-analysis.js';
import type { Thread } from '../../src/types.js';

const thread = (id: string, chars: number): Thread => ({
  id,
  source: 'test.json',
  title: id,
  body: '',
  comments: [{ id: '1', index: 1, text: 'x'.repeat(chars) }],
});

function plan(withIndex: boolean): AnalysisPlan {
  return {
    settings: { config: defaultConfig() },
    workers: 2,
    worker: { source: { cwd: process.cwd(), overrides: {} } },
    ...(withIndex ? { companion: { prepare: () => ({}), settle: () => undefined } } : {}),
  };
}

/** Whether the workers start once threads of these sizes have been read. */
function startsAfter(sizes: number[], withIndex = false): boolean {
  const analysis = new ThreadAnalysis(plan(withIndex), () => undefined);
  try {
    sizes.forEach((chars, i) => analysis.consider(thread(`t${i}`, chars)));
    return analysis.started;
  } finally {
    analysis.close();
  }
}

describe('when a scan starts its workers', () => {
  it('starts them from four million characters in two or more threads', () => {
    expect(startsAfter([1_900_000, 2_000_000])).toBe(false);
    expect(startsAfter([2_000_000, 2_000_000])).toBe(true);
  });

  it('starts them from two million with an index, whose matching keeps the main thread busy', () => {
    expect(startsAfter([900_000, 1_000_000], true)).toBe(false);
    expect(startsAfter([1_000_000, 1_000_000], true)).toBe(true);
  });

  it('never starts them for a single thread, however long', () => {
    expect(startsAfter([9_000_000])).toBe(false);
    expect(startsAfter([9_000_000], true)).toBe(false);
  });
});
