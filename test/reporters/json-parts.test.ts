import { describe, expect, it } from 'vitest';
import { jsonParts, LazyList } from '../../src/reporters/json-parts.js';
import { rng } from '../helpers.js';

/** Random JSON-ish values: containers of every shape, values JSON leaves out, toJSON, awkward strings and numbers. */
function randomValue(random: () => number, level: number): unknown {
  const leaves: Array<() => unknown> = [
    () => null,
    () => random() < 0.5,
    () => Math.round(random() * 1000) / 7,
    () => [Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 5e-7][Math.floor(random() * 5)],
    () => ['', 'plain', 'line\nbreak', 'quote " and \\ slash', 'é😀\u2028\u0000', '\uD800 lone'][Math.floor(random() * 6)],
    () => undefined,
    () => () => 1,
    () => Symbol('s'),
    () => new Date(Math.floor(random() * 1e12)),
    () => [new String('ab'), new Number(5), new Boolean(false)][Math.floor(random() * 3)],
    () => {
      const result = random() < 0.5 ? undefined : { via: 'toJSON' };
      return { toJSON: () => result };
    },
  ];
  if (level <= 0 || random() < 0.3) return leaves[Math.floor(random() * leaves.length)]!();
  const n = Math.floor(random() * 5);
  if (random() < 0.5) return Array.from({ length: n }, () => randomValue(random, level - 1));
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) out[['a', 'b c', '2', '"q"', 'é', `k${i}`][Math.floor(random() * 6)]!] = randomValue(random, level - 1);
  return out;
}

describe('jsonParts', () => {
  it('concatenates to exactly JSON.stringify(value, null, 2), whatever depth it lays out itself', () => {
    const random = rng(41);
    for (let i = 0; i < 3000; i++) {
      const value = randomValue(random, 5);
      const expected = JSON.stringify(value, null, 2);
      for (const depth of [0, 1, 2, 4, 8]) {
        const parts = [...jsonParts(value, depth)];
        expect(parts.length ? parts.join('') : undefined, `depth ${depth}`).toBe(expected);
      }
    }
  });

  it('writes each value below the laid-out depth as one part', () => {
    const report = { threads: [{ id: 't', comments: [{ id: '1', reasons: [] }, { id: '2', reasons: [{ code: 'X' }] }] }] };
    const parts = [...jsonParts(report, 4)];
    expect(parts.join('')).toBe(JSON.stringify(report, null, 2));
    expect(parts).toContain(`,\n        ${JSON.stringify({ id: '2', reasons: [{ code: 'X' }] }, null, 2).replace(/\n/g, '\n        ')}`);
  });
});

describe('LazyList (items made as they are written)', () => {
  it('writes exactly the JSON of the array of its items, and makes each item only when it is written', () => {
    const random = rng(7);
    for (let round = 0; round < 50; round++) {
      const items = Array.from({ length: Math.floor(random() * 6) }, () => randomValue(random, 2));
      let made = 0;
      const value = { before: 1, list: new LazyList(items.length, (i) => (made++, items[i])), after: [2] };
      const parts = jsonParts(value, 3);
      expect(made).toBe(0);
      expect([...parts].join('')).toBe(JSON.stringify({ before: 1, list: items, after: [2] }, null, 2));
      expect(made).toBe(items.length);
    }
  });
});
