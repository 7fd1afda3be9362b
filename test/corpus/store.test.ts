import { describe, expect, it } from 'vitest';
import { GrowableF64, GrowableU32, StringPool, U32_CHUNK, U32RunPool } from '../../src/corpus/store.js';

describe('StringPool', () => {
  it('round-trips any string, numeric ids included, across chunk boundaries', () => {
    const pool = new StringPool();
    const samples = ['', '0', '1', '42', '007', '-1', '1e3', '123456789', '1234567890123', 'c1', 'naïve 東京 😀', 'x'.repeat(12_000_000), 'after the big one'];
    const handles = samples.map((s) => pool.add(s));
    expect(handles.map((h) => pool.get(h))).toEqual(samples);
    // Canonical small integers take no storage.
    expect(handles[1]).toBeLessThan(0);
    expect(handles[4]).toBeGreaterThanOrEqual(0);
  });
});

describe('growable arrays and the run pool', () => {
  it('keep every value through growth', () => {
    const u = new GrowableU32(1);
    const f = new GrowableF64(1);
    for (let i = 0; i < 10_000; i++) {
      u.push(i * 3);
      f.push(i + 0.5);
    }
    expect(u.length).toBe(10_000);
    expect(u.data[9_999]).toBe(29_997);
    expect(f.data[1234]).toBe(1234.5);
    u.reserve(100_000);
    expect(u.data.length).toBeGreaterThanOrEqual(110_000);
    expect(u.data[5]).toBe(15);
  });

  it('stores runs contiguously, opening a new chunk when one would straddle', () => {
    const pool = new U32RunPool();
    const big = new Uint32Array(U32_CHUNK - 3).fill(7);
    pool.append(big, 0, big.length);
    expect([pool.lastChunk, pool.lastStart]).toEqual([0, 0]);
    pool.append(Uint32Array.of(9, 1, 2, 3, 4), 1, 4);
    expect([pool.lastChunk, pool.lastStart]).toEqual([1, 0]);
    expect([...pool.chunks[1]!.subarray(0, 4)]).toEqual([1, 2, 3, 4]);
    const huge = new Uint32Array(U32_CHUNK + 5);
    pool.append(huge, 0, huge.length);
    expect(pool.chunks[pool.lastChunk]!.length).toBe(U32_CHUNK + 5);
  });
});
