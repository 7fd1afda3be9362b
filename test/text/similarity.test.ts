import stringSimilarity from 'string-similarity';
import { describe, expect, it } from 'vitest';
import { rng } from '../helpers.js';
import { bigramProfile, dice, diceCanReach, jaccard, longestCommonRun, nonSpaceLength, weightedJaccard, weightedJaccardSorted } from '../../src/text/similarity.js';

// Pairs chosen to exercise compareTwoStrings' edge cases: identical, empty, one-character, whitespace
// only, repeated bigrams (multiset counting), case, non-BMP characters, and real near-duplicates.
const PAIRS: Array<[string, string]> = [
  ['', ''],
  ['a', 'a'],
  ['a', 'b'],
  ['', 'ab'],
  ['ab', 'ab'],
  ['   ', ' '],
  ['a b', 'ab'],
  ['aaaa', 'aa'],
  ['abab', 'baba'],
  ['abcab', 'cabca'],
  ['Night', 'nacht'],
  ['france', 'French'],
  ['healed', 'sealed'],
  ['sharp', 'sharped'],
  ['Olive-green table for sale, in extremely good condition.', 'For sale: table in very good  condition, olive green in colour.'],
  ['Check out my channel!!! subscribe', 'check out my channel, subscribe please'],
  ['It will be crucial to monitor.', 'It will be crucial to follow.'],
  ['😀😀 great 😀', '😀 great 😀😀'],
  ['Ça va très bien', 'ca va tres bien'],
  ['The same words in a different order here', 'here order different a in words same The'],
  ['x'.repeat(500), 'x'.repeat(499) + 'y'],
];

describe('dice over bigram profiles', () => {
  it.each(PAIRS)('equals string-similarity compareTwoStrings exactly for %j / %j', (a, b) => {
    expect(dice(bigramProfile(a), bigramProfile(b))).toBe(stringSimilarity.compareTwoStrings(a, b));
    expect(dice(bigramProfile(b), bigramProfile(a))).toBe(stringSimilarity.compareTwoStrings(b, a));
  });

  it('agrees on random strings from a small alphabet (many repeated bigrams)', () => {
    const rand = rng(42);
    // Every kind of whitespace compareTwoStrings removes, between a few letters.
    const alphabet = ['a', 'b', ' ', 'c', '\t', '\u00A0', '\u2003', '\u3000', '\uFEFF', '\u2028', '\n'];
    const word = () => Array.from({ length: Math.floor(rand() * 30) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let i = 0; i < 500; i++) {
      const a = word();
      const b = word();
      expect(dice(bigramProfile(a), bigramProfile(b))).toBe(stringSimilarity.compareTwoStrings(a, b));
    }
  });
});

describe('set similarities', () => {
  it('jaccard and weighted jaccard', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set(['a']))).toBe(0);
    const w = (t: string) => (t === 'rare' ? 3 : 1);
    expect(weightedJaccard(new Set(['rare', 'x']), new Set(['rare', 'y']), w)).toBeCloseTo(3 / 5);
    // The sorted-id form agrees with the set form: ids 0 = rare (3), 1 = x (1), 2 = y (1).
    const weights = Float64Array.from([3, 1, 1]);
    expect(weightedJaccardSorted(Int32Array.from([0, 1]), Int32Array.from([0, 2]), weights, 4, 4)).toBeCloseTo(3 / 5);
  });

  it('nonSpaceLength counts what a bigram profile counts, and diceCanReach never rules out a pair that reaches the threshold', () => {
    for (const [a, b] of PAIRS) {
      expect(nonSpaceLength(a)).toBe(bigramProfile(a).length);
      expect(nonSpaceLength(b)).toBe(bigramProfile(b).length);
    }
    // Whitespace is JavaScript's \s, for every BMP character.
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect(nonSpaceLength(`a${ch}b`), c.toString(16)).toBe(`a${ch}b`.replace(/\s+/g, '').length);
    }
    expect(nonSpaceLength('a\u00A0b\u2003c\u3000d\uFEFFe\u2028f\tg')).toBe(7);
    const rand = rng(9);
    const text = () => Array.from({ length: Math.floor(rand() * 40) }, () => 'ab c'[Math.floor(rand() * 4)]).join('');
    let ruledOut = 0;
    for (let n = 0; n < 3000; n++) {
      const [a, b] = [text(), text()];
      const threshold = [0.5, 0.8, 0.95][n % 3]!;
      if (diceCanReach(nonSpaceLength(a), nonSpaceLength(b), threshold)) continue;
      ruledOut++;
      expect(dice(bigramProfile(a), bigramProfile(b)), `${a} / ${b}`).toBeLessThan(threshold);
    }
    expect(ruledOut).toBeGreaterThan(500);
  });

  it('longestCommonRun finds the longest shared word run in both sequences', () => {
    const a = 'we must act on the housing crisis now'.split(' ');
    const b = 'i think on the housing crisis we wait'.split(' ');
    expect(longestCommonRun(a, b)).toEqual({ aStart: 3, bStart: 2, length: 4 });
    expect(longestCommonRun(['x'], ['y']).length).toBe(0);
    expect(longestCommonRun(a, [...a])).toEqual({ aStart: 0, bStart: 0, length: a.length });
    expect(longestCommonRun([], [])).toEqual({ aStart: 0, bStart: 0, length: 0 });
  });

  it('longestCommonRun gives the first longest run, as a plain scan of every alignment does', () => {
    const rand = rng(5);
    const words = (n: number) => Array.from({ length: n }, () => 'abc'[Math.floor(rand() * 3)]!);
    const reference = (a: string[], b: string[]) => {
      let best = { aStart: 0, bStart: 0, length: 0 };
      for (let i = 0; i < a.length; i++)
        for (let j = 0; j < b.length; j++) {
          let k = 0;
          while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
          // The scan that ends a run first wins ties, like the dynamic programme's row-major order.
          if (k > best.length || (k === best.length && k > 0 && i + k < best.aStart + best.length)) best = { aStart: i, bStart: j, length: k };
        }
      return best;
    };
    for (let n = 0; n < 400; n++) {
      const a = words(Math.floor(rand() * 12));
      const b = n % 4 === 0 ? [...a] : words(Math.floor(rand() * 12));
      expect(longestCommonRun(a, b), `${a.join('')} / ${b.join('')}`).toEqual(reference(a, b));
    }
  });
});
