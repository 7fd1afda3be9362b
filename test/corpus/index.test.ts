import { describe, expect, it } from 'vitest';
import { BUCKET_WINDOW, choose, CorpusIndex, excerpt, type CorpusOptions, type CorpusResult } from '../../src/corpus/index.js';
import { hex64 } from '../../src/util/hash.js';
import { Shingler } from '../../src/corpus/shingles.js';
import { Sketcher } from '../../src/corpus/sketch.js';
import { corpus, shuffle } from './gen.js';
import { jaccardBruteForce, shingleStrings } from './reference.js';

interface Item {
  threadId: string;
  commentId: string;
  text: string;
}

async function run(items: readonly Item[], options: CorpusOptions = {}): Promise<CorpusResult> {
  const index = new CorpusIndex(options);
  for (const it of items) index.add(it.threadId, it.commentId, it.text);
  return index.finish();
}

/** Texts spread over threads of 7 comments: t0/c0, t0/c1, ... */
function spread(texts: readonly string[]): Item[] {
  return texts.map((text, i) => ({ threadId: `t${Math.floor(i / 7)}`, commentId: `c${i % 7}`, text }));
}

function jaccard(a: string, b: string): number {
  const A = shingleStrings(a, 1);
  const B = shingleStrings(b, 1);
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  return shared / (A.size + B.size - shared);
}

const LETTER = 'Please stop the new pipeline project now, it will destroy our water and our jobs in this town';

describe('CorpusIndex', () => {
  it('groups exact duplicates across threads, with a stable id and exact similarity', async () => {
    const result = await run([
      { threadId: 'b', commentId: '2', text: LETTER },
      { threadId: 'a', commentId: '9', text: 'Something else entirely, about the weather and the local football team' },
      { threadId: 'a', commentId: '10', text: LETTER },
      { threadId: 'c', commentId: '1', text: LETTER },
    ]);
    expect(result.clusters).toHaveLength(1);
    const [c] = result.clusters;
    const s = new Shingler(1);
    s.run(LETTER);
    expect(c).toEqual({
      id: hex64(s.textHi, s.textLo),
      size: 3,
      threads: ['a', 'b', 'c'],
      members: [
        { threadId: 'a', commentId: '10' },
        { threadId: 'b', commentId: '2' },
        { threadId: 'c', commentId: '1' },
      ],
      representative: LETTER,
      similarity: { min: 1, mean: 1 },
      crossThread: true,
    });
    expect(result).toMatchObject({ comments: 4, ignored: 0, uniqueTexts: 2, candidatePairs: 0, verifiedPairs: 0 });
  });

  it('puts zero-width, punctuation-run and case variants of one text in one cluster', async () => {
    const variants = [
      LETTER,
      LETTER.replace('pipeline', 'pipe\u200bline').replace('water', 'wa\u2060ter'),
      `${LETTER.replace(/,/g, ',,,')}!!!!`,
      LETTER.toUpperCase(),
      LETTER.replace(/ /g, '  \u00a0'),
    ];
    const result = await run(variants.map((text, i) => ({ threadId: `t${i}`, commentId: '1', text })));
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0]!.size).toBe(5);
    expect(result.uniqueTexts).toBe(1);
  });

  it('links near-duplicates by verified Jaccard and reports min and pair-weighted mean similarity', async () => {
    const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet'.split(' ');
    const a = words.join(' ');
    const b = words.slice(1).join(' ');
    const result = await run(
      [
        { threadId: 't1', commentId: '1', text: a },
        { threadId: 't2', commentId: '1', text: a },
        { threadId: 't3', commentId: '1', text: b },
      ],
      { links: true },
    );
    expect(result.clusters).toHaveLength(1);
    const [c] = result.clusters;
    expect(c!.size).toBe(3);
    // One identical pair (1.0) and the verified link 0.9 standing for 2 comment pairs.
    expect(c!.similarity.min).toBeCloseTo(0.9, 12);
    expect(c!.similarity.mean).toBeCloseTo((1 + 2 * 0.9) / 3, 12);
    expect(c!.links).toEqual([[0, 2, 0.9]]);
    // The most repeated text represents the cluster.
    expect(c!.representative).toBe(a);
  });

  it('joins chains: A~B and B~C make one cluster even when A and C are not similar enough', async () => {
    const w = Array.from({ length: 20 }, (_, i) => `w${i}`);
    const a = w.join(' ');
    const b = [...w.slice(2), 'x1', 'x2'].join(' ');
    const c = [...w.slice(4), 'x1', 'x2', 'x3', 'x4'].join(' ');
    expect(jaccard(a, b)).toBeGreaterThanOrEqual(0.8);
    expect(jaccard(b, c)).toBeGreaterThanOrEqual(0.8);
    expect(jaccard(a, c)).toBeLessThan(0.8);
    const result = await run(spread([a, b, c]), { links: true });
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0]!.links).toHaveLength(2);
    expect(result.clusters[0]!.crossThread).toBe(false);
  });

  it('keeps a bucket far larger than BUCKET_WINDOW in one cluster with bounded work', async () => {
    const template = Array.from({ length: 30 }, (_, i) => `t${i}`);
    const texts = Array.from({ length: 1000 }, (_, i) => {
      const w = template.slice();
      w[i % 30] = `v${i}`;
      return w.join(' ');
    });
    const result = await run(spread(texts));
    expect(result.clusters.map((c) => c.size)).toEqual([1000]);
    expect(result.candidatePairs).toBeLessThanOrEqual(1000 * BUCKET_WINDOW * choose(0.8, 64).bands);
    expect(result.candidatePairs).toBeLessThan((1000 * 999) / 2);
  });

  it('ignores empty and very short texts (fewer than minShingles distinct words)', async () => {
    const items = ['thanks!', 'thanks!', 'Thanks!!', '', '   ', 'lol ok', 'great post thanks man'].map((text, i) => ({ threadId: `t${i}`, commentId: '1', text }));
    const result = await run(items);
    expect(result).toMatchObject({ comments: 7, ignored: 7, uniqueTexts: 0, clusters: [] });
    const lenient = await run(items, { minShingles: 1 });
    expect(lenient.clusters.map((c) => c.size)).toEqual([3]);
  });

  it('never reports a link below the threshold, and its similarity is the exact Jaccard', async () => {
    const texts = corpus(1500, 21);
    const items = spread(texts);
    const byKey = new Map(items.map((it) => [`${it.threadId}/${it.commentId}`, it.text]));
    for (const threshold of [0.6, 0.8, 0.9]) {
      const result = await run(items, { threshold, links: true });
      let links = 0;
      for (const c of result.clusters) {
        for (const [i, j, s] of c.links!) {
          const a = byKey.get(`${c.members[i]!.threadId}/${c.members[i]!.commentId}`)!;
          const b = byKey.get(`${c.members[j]!.threadId}/${c.members[j]!.commentId}`)!;
          expect(s).toBeGreaterThanOrEqual(threshold);
          expect(s).toBeCloseTo(jaccard(a, b), 12);
          links++;
        }
        expect(c.similarity.min).toBeGreaterThanOrEqual(threshold);
      }
      expect(links).toBe(result.verifiedPairs);
      expect(links).toBeGreaterThan(50);
    }
  });

  it('finds ≥ 95 % of the pairs that exact all-pairs Jaccard finds at 0.8', async () => {
    const texts = corpus(3000, 5);
    const brute = jaccardBruteForce(texts, 0.8);
    const result = await run(
      texts.map((text, i) => ({ threadId: 't', commentId: String(i), text })),
      { links: true },
    );
    const clusterOf = new Map<number, number>();
    const linked = new Set<string>();
    result.clusters.forEach((c, k) => {
      for (const m of c.members) clusterOf.set(Number(m.commentId), k);
      for (const [i, j] of c.links!) linked.add(`${c.members[i]!.commentId}/${c.members[j]!.commentId}`);
    });
    const inCluster = brute.filter(([i, j]) => clusterOf.has(i) && clusterOf.get(i) === clusterOf.get(j)).length;
    expect(brute.length).toBeGreaterThan(300);
    expect(inCluster / brute.length).toBeGreaterThanOrEqual(0.95);
    // Every brute-force pair is ≥ 0.8 by its own exact count, and every verified link is a brute-force pair.
    const brutePairs = new Set(brute.map(([i, j]) => `${i}/${j}`));
    for (const p of linked) {
      const [i, j] = p.split('/').map(Number) as [number, number];
      expect(brutePairs.has(`${Math.min(i, j)}/${Math.max(i, j)}`)).toBe(true);
    }
  });

  it('gives identical output whatever the input order', async () => {
    const items = spread(corpus(1200, 8));
    const base = await run(items, { links: true });
    expect(base.clusters.length).toBeGreaterThan(20);
    for (const seed of [1, 2]) expect(await run(shuffle(items, seed), { links: true })).toEqual(base);
  });

  it('takes the representative excerpt from the smallest (threadId, commentId) whatever the order', async () => {
    const items: Item[] = [
      { threadId: 'z', commentId: '1', text: LETTER.toUpperCase() },
      { threadId: 'a', commentId: '2', text: `${LETTER}!!!` },
      { threadId: 'a', commentId: '10', text: LETTER },
    ];
    for (const order of [items, items.slice().reverse(), shuffle(items, 3)]) {
      const [c] = (await run(order)).clusters;
      expect(c!.representative).toBe(LETTER);
    }
  });

  it('sketches the same in one batch or in any chunking', () => {
    const texts = corpus(700, 9);
    const params = { shingleSize: 1, numPerm: 64, seed: 1, bands: 10, rows: 6, minShingles: 5 };
    const whole = new Sketcher(params).batch(texts);
    for (const size of [1, 37, 512]) {
      const sketcher = new Sketcher(params);
      const parts = [];
      for (let i = 0; i < texts.length; i += size) parts.push(sketcher.batch(texts.slice(i, i + size)));
      expect(parts.flatMap((p) => [...p.meta])).toEqual([...whole.meta]);
      expect(parts.flatMap((p) => [...p.shingles])).toEqual([...whole.shingles]);
      expect(parts.flatMap((p) => [...p.keys])).toEqual([...whole.keys]);
      expect(parts.flatMap((p) => p.excerpts)).toEqual(whole.excerpts);
    }
  });

  it('rejects bad options and misuse', async () => {
    expect(() => new CorpusIndex({ threshold: 0 })).toThrow(RangeError);
    expect(() => new CorpusIndex({ numPerm: 0 })).toThrow(RangeError);
    expect(() => new CorpusIndex({ workers: -1 })).toThrow(RangeError);
    const index = new CorpusIndex();
    index.add('t', '1', LETTER);
    await index.finish();
    expect(() => index.add('t', '2', LETTER)).toThrow(/after finish/);
    await expect(index.finish()).rejects.toThrow(/twice/);
  });
});

describe('excerpt', () => {
  it('collapses whitespace, drops invisible characters and cuts at 120 characters', () => {
    expect(excerpt('  a\u200b b\n\n c\u00a0 ')).toBe('a b c');
    const long = excerpt('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('…')).toBe(true);
    // Never splits a surrogate pair.
    const emoji = excerpt(`${'x'.repeat(117)}😀😀😀😀`);
    expect(emoji.length).toBeLessThanOrEqual(120);
    expect(/[\ud800-\udbff]…$/.test(emoji)).toBe(false);
  });
});
