import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/progress.js';

describe('progress bar', () => {
  it('draws at most every 100 ms, always the last frame, and erases itself', () => {
    let out = '';
    let clock = 1000;
    const p = createProgress(4, (s) => (out += s), true, () => clock);
    p.tick(1, 10);
    clock = 1050;
    p.tick(2, 20);
    clock = 1200;
    p.tick(3, 30);
    p.tick(4, 1234);
    p.done();
    const frames = out.split('\r').filter(Boolean);
    expect(frames).toEqual([
      '[######..................] 1/4 inputs, 10 comments',
      '[##################......] 3/4 inputs, 30 comments',
      '[########################] 4/4 inputs, 1,234 comments',
      '\u001b[2K',
    ]);
  });

  it('draws nothing when disabled (not a terminal, or CI)', () => {
    let out = '';
    const p = createProgress(10, (s) => (out += s), false);
    p.tick(5, 100);
    p.done();
    expect(out).toBe('');
  });
});
