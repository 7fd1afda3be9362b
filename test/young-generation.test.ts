import { beforeEach, describe, expect, it, vi } from 'vitest';

// The V8 flag calls are what this module does: record them instead of changing the test process's heap.
const setFlagsFromString = vi.fn();
vi.mock('node:v8', async (original) => ({ ...(await original<typeof import('node:v8')>()), setFlagsFromString }));

const { mayTune, SMALL_RUN_CHARS, YoungGeneration } = await import('../src/young-generation.js');
const { main } = await import('../src/cli.js');
const { fixture, ROOT } = await import('./helpers.js');

const GROWTH_1 = '--semi-space-growth-factor=1';
const GROWTH_2 = '--semi-space-growth-factor=2';

describe('young generation of a scan', () => {
  beforeEach(() => setFlagsFromString.mockClear());

  it('is tuned on V8 11 only, and never when the user set a semi-space flag', () => {
    expect(mayTune([], undefined, '11.3.244.8-node.30')).toBe(true);
    expect(mayTune([], undefined, '12.4.254.21-node.33')).toBe(false);
    expect(mayTune(['--max-semi-space-size=64'], undefined, '11.3.244.8-node.30')).toBe(false);
    expect(mayTune(['--max_semi_space_size=64'], undefined, '11.3.244.8-node.30')).toBe(false);
    expect(mayTune([], '--semi-space-growth-factor=4 --max-old-space-size=900', '11.3.244.8-node.30')).toBe(false);
    expect(mayTune(['--max-old-space-size=900'], '', '11.3.244.8-node.30')).toBe(true);
  });

  it('holds growth at 1 until more than SMALL_RUN_CHARS characters are read, then gives V8 its factor 2 back, once', () => {
    const young = new YoungGeneration(true);
    expect(setFlagsFromString.mock.calls).toEqual([[GROWTH_1]]);
    young.read(SMALL_RUN_CHARS - 10);
    young.read(10);
    expect(young.small).toBe(true);
    young.read(1);
    expect(young.small).toBe(false);
    young.read(5);
    young.release();
    expect(setFlagsFromString.mock.calls).toEqual([[GROWTH_1], [GROWTH_2]]);
    new YoungGeneration(false).release();
    expect(setFlagsFromString.mock.calls).toHaveLength(2);
  });

  it.runIf(mayTune(process.execArgv, process.env.NODE_OPTIONS, process.versions.v8))('is set for a scan and given back when it ends', async () => {
    const io = { stdout: () => undefined, stderr: () => undefined, readStdin: () => Buffer.from(''), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: ROOT };
    expect(await main([fixture('putin-xi-summit.txt')], io)).toBe(0);
    expect(setFlagsFromString.mock.calls).toEqual([[GROWTH_1], [GROWTH_2]]);
  });
});
