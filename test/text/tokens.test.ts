import { describe, expect, it } from 'vitest';
import { isNumeric, tokenize, tokens } from '../../src/text/tokens.js';
import { frequencyRank } from '../../src/text/word-frequency.js';
import { rng } from '../helpers.js';

describe('tokenize', () => {
  it('keeps acronyms, possessives and contractions, and marks content words', () => {
    const tokens = tokenize("The U.S. and Russia's energy deals don't matter, 2024 e.g. X.");
    expect(tokens.map((t) => t.lower)).toEqual(['the', 'us', 'and', 'russia', 'energy', 'deals', "don't", 'matter', '2024', 'eg', 'x']);
    expect(tokens.filter((t) => t.content).map((t) => t.stem)).toEqual(['russia', 'energi', 'deal', 'matter', '2024']);
    expect(tokens.filter((t) => t.capitalized).map((t) => t.lower)).toEqual(['the', 'us', 'russia', 'x']);
  });

  it('gives offsets into the original text across zero-width characters', () => {
    const text = 'cru\u200Bcial to moni\u200Dtor';
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.lower, text.slice(t.start, t.end)])).toEqual([
      ['crucial', 'cru\u200Bcial'],
      ['to', 'to'],
      ['monitor', 'moni\u200Dtor'],
    ]);
  });

  it('isNumeric agrees with /^\\p{N}+$/u, deciding ASCII without it', () => {
    for (const word of ['', '0', '2024', '12ab', 'ab12', 'hello', '٣', '١٢', '12١', '²', 'Ⅻ', '3.5', "1'2", '½']) {
      expect(isNumeric(word), word).toBe(/^\p{N}+$/u.test(word));
    }
  });

  it('stores tokens flat: earlier texts read back intact after later ones fill and replace the shared chunks', () => {
    const random = rng(7);
    const vocab = ['Energy', 'energy', 'U.S.', "Russia's", 'deals', 'the', '2024', 'Ünïcode', 'x'];
    const texts = Array.from({ length: 3000 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 60) }, () => vocab[Math.floor(random() * vocab.length)]).join(' '),
    );
    // One text longer than a chunk (65,536 integers = 21,845 tokens) gets storage of its own.
    texts.push(Array.from({ length: 30_000 }, (_, i) => vocab[i % vocab.length]).join(' '));
    const lists = texts.map((t) => tokens(t));
    texts.forEach((text, i) => {
      const list = lists[i]!;
      expect(list.toArray()).toEqual(tokenize(text));
      expect(list.toArray().map((t) => text.slice(t.start, t.end))).toEqual(text.split(' '));
    });
    const content = lists[0]!.content();
    expect(content.toArray()).toEqual(tokenize(texts[0]!).filter((t) => t.content));
  });

  it('knows each word form\'s numeric flag and frequency rank, as isNumeric and frequencyRank give them', () => {
    const list = tokens('The 2024 sanctions on Shenzhen, 12ab and ٣ zzzqx the sanctions');
    const seen = Array.from({ length: list.length }, (_, k) => [list.lower(k), list.isNumeric(k), list.rank(k)]);
    expect(seen).toEqual(Array.from({ length: list.length }, (_, k) => [list.lower(k), isNumeric(list.lower(k)), frequencyRank(list.lower(k))]));
    expect(seen.filter(([, numeric]) => numeric).map(([w]) => w)).toEqual(['2024', '٣']);
    expect(list.rank(list.length - 1)).toBe(frequencyRank('sanctions'));
    expect(list.lower(8)).toBe("zzzqx");
    expect(list.rank(8)).toBe(Number.POSITIVE_INFINITY);
  });
});
