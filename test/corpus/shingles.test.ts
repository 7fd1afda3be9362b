import { describe, expect, it } from 'vitest';
import { fmix32, FNV_OFFSET, FNV_PRIME, hex64, mixInto } from '../../src/util/hash.js';
import { Shingler } from '../../src/corpus/shingles.js';
import { shingleStrings } from './reference.js';
import { foldText } from '../../src/text/normalize.js';
import { rng, sentence, vocabulary } from './gen.js';

function sketch(text: string, k = 1) {
  const s = new Shingler(k);
  const n = s.run(text);
  return { shingles: [...s.shingles.subarray(0, n)], hi: s.textHi, lo: s.textLo };
}

/** The word sequence foldText gives, with edge apostrophes trimmed (what the Shingler hashes in order). */
function foldedWords(text: string): string[] {
  return foldText(text)
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}

function jaccardOf(a: readonly number[] | Set<string>, b: readonly number[] | Set<string>): number {
  const A = new Set<unknown>(a);
  const B = new Set<unknown>(b);
  let shared = 0;
  for (const x of A) if (B.has(x)) shared++;
  return shared / (A.size + B.size - shared);
}

describe('hash', () => {
  // Cluster ids are derived from these values: a change here changes every id users have seen.
  it('is pinned to known values', () => {
    expect([fmix32(0), fmix32(1), fmix32(0xdeadbeef)]).toEqual([0, 1364076727, 233162409]);
    expect(mixInto(0, 1)).toBe(651101558);
    expect(hex64(0xabc, 0x1)).toBe('00000abc00000001');
  });

  it('shingles and text hash are pinned and deterministic', () => {
    const a = sketch('The quick brown fox jumps over the lazy dog');
    expect(a.shingles).toEqual([25146578, 1112308516, 2443789735, 2645181690, 2929260716, 3305589240, 3810673407, 4051879017]);
    expect([a.hi, a.lo]).toEqual([3898487895, 1940660866]);
    expect(sketch('The quick brown fox jumps over the lazy dog')).toEqual(a);
  });
});

describe('Shingler', () => {
  it('folds case, zero-width characters, punctuation runs, typographic quotes and edge apostrophes away', () => {
    const base = sketch("It's a great day for the people of this town");
    for (const variant of [
      "IT'S A GREAT DAY FOR THE PEOPLE OF THIS TOWN",
      'It\u2019s a gr\u200beat day\u2060 for the people of this town!!!',
      "It's... a great -- day, for the people of this town ?!?!",
      "'It's' a 'great' day for the people of this town''",
      '  It\'s   a great\tday\nfor the people of this town\uFEFF',
      'Ｉｔ\'ｓ a great day for the people of this town',
    ]) {
      expect(sketch(variant), variant).toEqual(base);
    }
    expect(sketch("Its a great day for the people of this town").hi).not.toBe(base.hi);
  });

  it('hashes exactly the words shingleStrings names (ASCII fast path and Unicode path agree)', () => {
    const random = rng(7);
    const vocab = [...vocabulary(300, random), 'naïve', 'Straße', 'don\u2019t', '東京', 'emoji😀word', 'ＡＢＣ', 'x\u200By'];
    for (let i = 0; i < 300; i++) {
      const a = sentence(vocab, 5 + Math.floor(random() * 40), random);
      const b = sentence(vocab, 5 + Math.floor(random() * 40), random);
      for (const k of [1, 2, 3]) {
        const sa = sketch(a, k);
        const sb = sketch(b, k);
        expect(sa.shingles.length).toBe(shingleStrings(a, k).size);
        expect(jaccardOf(sa.shingles, sb.shingles)).toBeCloseTo(jaccardOf(shingleStrings(a, k), shingleStrings(b, k)), 12);
      }
    }
  });

  it('folds every BMP character (and sample astral ones) exactly as foldText does', () => {
    // Reference: foldText's words, hashed here the way the Shingler documents (FNV-1a, then fmix32).
    const wordHash = (w: string) => {
      let h = FNV_OFFSET;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
      return fmix32(h);
    };
    const mismatches: string[] = [];
    const astral = [0x1f600, 0x1d400, 0x20000, 0x1f1fa, 0x10400, 0xe0041];
    for (const cp of [...Array(0x10000).keys(), ...astral]) {
      const ch = String.fromCodePoint(cp);
      const text = `Ab${ch}cD ${ch}ef`;
      const expected = [...new Set(foldedWords(text).map(wordHash))].sort((a, b) => a - b);
      if (sketch(text).shingles.join() !== expected.join()) mismatches.push(cp.toString(16));
    }
    expect(mismatches).toEqual([]);
  });

  it('treats word order as text identity but not as set membership', () => {
    const a = sketch('one two three four five six');
    const b = sketch('six five four three two one');
    expect(b.shingles).toEqual(a.shingles);
    expect([b.hi, b.lo]).not.toEqual([a.hi, a.lo]);
    expect(sketch('one two three four five six', 2).shingles).not.toEqual(sketch('six five four three two one', 2).shingles);
  });

  it('handles empty, whitespace-only and punctuation-only texts', () => {
    for (const t of ['', '   ', '!!! ??? ...', '\u200b\u200b']) expect(sketch(t).shingles).toEqual([]);
    expect(sketch('', 3).shingles).toEqual([]);
    // Shorter than k words: one shingle of everything.
    expect(sketch('just two', 3).shingles).toHaveLength(1);
    expect(() => new Shingler(0)).toThrow(RangeError);
  });
});
