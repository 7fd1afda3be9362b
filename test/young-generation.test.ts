import { describe, expect, it } from 'vitest';
import { mayTune, SMALL_RUN_CHARS, YoungGeneration } from '../src/young-generation.js';

describe('young generation of a scan', () => {
  it('is tuned on V8 11 only, and never when the user set a semi-space flag', () => {
    expect(mayTune([], undefined, '11.3.244.8-node.30')).toBe(true);
    expect(mayTune([], undefined, '12.4.254.21-node.33')).toBe(false);
    expect(mayTune(['--max-semi-space-size=64'], undefined, '11.3.244.8-node.30')).toBe(false);
    expect(mayTune([], '--semi-space-growth-factor=4 --max-old-space-size=900', '11.3.244.8-node.30')).toBe(false);
    expect(mayTune(['--max_semi_space_size=64'], undefined, '11.3.244.8-node.30')).toBe(false);
    expect(mayTune(['--max-old-space-size=900'], '', '11.3.244.8-node.30')).toBe(true);
  });

  it('stays small until more than SMALL_RUN_CHARS characters are read, then for good', () => {
    const young = new YoungGeneration(true);
    try {
      young.read(SMALL_RUN_CHARS - 10);
      expect(young.small).toBe(true);
      young.read(10);
      expect(young.small).toBe(true);
      young.read(1);
      expect(young.small).toBe(false);
      young.read(0);
      expect(young.small).toBe(false);
    } finally {
      young.release();
    }
    const untouched = new YoungGeneration(false);
    expect(untouched.small).toBe(false);
  });
});
