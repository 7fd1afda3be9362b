import { describe, expect, it } from 'vitest';
import { normalizeSameLength, originalEnd, originalStart, visibleText } from '../../src/text/normalize.js';
import { porterStem } from '../../src/text/porter.js';
import { STOPWORDS } from '../../src/data/stopwords.js';
import { isNumeric } from '../../src/text/stem.js';
import { tokenize, tokens, wordFormCount, type Token } from '../../src/text/tokens.js';
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

  it('stores tokens flat: every text reads back as the object tokenizer gave it, after later texts fill and replace the chunks', () => {
    const random = rng(7);
    const vocab = ['Energy', 'energy', 'ENERGY', 'U.S.', 'u.s.', "Russia's", 'deals', 'the', 'The', '2024', 'Ünïcode', 'x', 'e.g.', 'cru\u200Bcial', '“quoted”'];
    const texts = Array.from({ length: 3000 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 60) }, () => vocab[Math.floor(random() * vocab.length)]).join(' '),
    );
    // Texts over 43,690 characters (more than 65,536 integers, at three per possible token) get an array
    // of their own, grown as their tokens come.
    texts.push(Array.from({ length: 30_000 }, (_, i) => vocab[i % vocab.length]).join(' '));
    const lists = texts.map((t) => tokens(t));
    texts.forEach((text, i) => {
      expect(lists[i]!.toArray(), text.slice(0, 80)).toEqual(objectTokens(text));
      expect(lists[i]!.content().toArray()).toEqual(objectTokens(text).filter((t) => t.content));
    });
  });

  it("scans ASCII text by hand to exactly the regex tokenizer's words: acronyms, apostrophes, digits, every ASCII character", () => {
    const random = rng(8);
    const pieces = ['a', 'B', 'z', '7', '.', "'", ' ', '-', ',', 'U.S.', 'e.g.', "don't", "'s", "rock'n'roll", 'x.y', 'A.B.C', '..', "''", '\t', '\n', '_', '@', 'é'];
    const texts = ['', '.', "'", 'a.', 'a.b', 'a.b.', 'a.b.c', '1.2.', "a'", "'a", "a''b", "a'1", 'U.S.A.', 'ab.c.d.', "it's U.S.'s", 'end.'];
    for (let c = 0; c < 128; c++) texts.push(`a${String.fromCharCode(c)}b`, `A.${String.fromCharCode(c)}.`, `x'${String.fromCharCode(c)}`);
    for (let i = 0; i < 5000; i++) texts.push(Array.from({ length: Math.floor(random() * 25) }, () => pieces[Math.floor(random() * (pieces.length - 1))]).join(''));
    for (const text of texts) expect(tokenize(text), JSON.stringify(text)).toEqual(objectTokens(text));
    // The same word forms whether a text took the ASCII scan or the regex (one non-ASCII character).
    const ascii = tokens("The U.S. isn't Russia's");
    const other = tokens("The U.S. isn't Russia's é");
    for (let k = 0; k < ascii.length; k++) expect([other.lower(k), other.stem(k), other.rank(k)]).toEqual([ascii.lower(k), ascii.stem(k), ascii.rank(k)]);
    // A form met by the ASCII scan and again by the regex (or the other way) is one form: both hash alike.
    for (const regexFirst of [false, true]) {
      // Fresh forms each time (an acronym, a word with an apostrophe, a plain one), and a non-ASCII
      // word that sends its text to the regex.
      const n = wordFormCount();
      const letters = [...String(n)].map((d) => String.fromCharCode(65 + Number(d))).join('.');
      const forms = [`Q.${letters}.`, `zq${n}'t`, `zq${n}x`].join(' ');
      const other = ` ñ${wordFormCount()}`;
      tokens(regexFirst ? forms + other : forms);
      const before = wordFormCount();
      tokens(regexFirst ? forms : forms + other);
      expect(wordFormCount() - before, `${forms} (${regexFirst ? 'regex' : 'ASCII scan'} first)`).toBe(regexFirst ? 0 : 1);
    }
    // "yaczfa" and "glbppa" have the same 32-bit FNV-1a hash: forms are told apart by their characters.
    for (const text of ['yaczfa glbppa', 'glbppa yaczfa é']) expect(tokenize(text)).toEqual(objectTokens(text));
  });

  it('lets a filter callback tokenize other texts (writers claim their space when they open)', () => {
    const outer = tokens('alpha beta gamma delta');
    const kept = outer.filter((k) => {
      expect(tokens('one two three four five six').toArray()).toEqual(objectTokens('one two three four five six'));
      return k !== 1;
    });
    expect(kept.toArray().map((t) => t.lower)).toEqual(['alpha', 'gamma', 'delta']);
    expect(outer.toArray()).toEqual(objectTokens('alpha beta gamma delta'));
  });

  it('starts a new table of word forms past 200,000, and tokens of the old one still read back', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = (i: number) => Array.from({ length: 5 }, (_, d) => letters[Math.floor(i / 26 ** d) % 26]).join('');
    const many = Array.from({ length: 200_001 }, (_, i) => word(i)).join(' ');
    const before = tokens('Energy deals, the U.S. way');
    const big = tokens(many);
    const after = tokens('Energy deals, the U.S. way');
    for (const list of [before, after]) expect(list.toArray()).toEqual(objectTokens('Energy deals, the U.S. way'));
    expect([big.lower(0), big.lower(200_000), big.length]).toEqual([word(0), word(200_000), 200_001]);
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

/** The tokenizer as it was before tokens were stored flat: one object per word, from the text alone. */
function objectTokens(text: string): Token[] {
  const visible = visibleText(text);
  const plain = normalizeSameLength(visible.text);
  const out: Token[] = [];
  for (const m of plain.matchAll(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu)) {
    const raw = m[0];
    let lower = raw.toLowerCase().replace(/\./g, '');
    if (lower.endsWith("'s")) lower = lower.slice(0, -2);
    const numeric = isNumeric(lower);
    const content = !STOPWORDS.has(lower) && (numeric ? lower.length >= 2 : lower.length >= 3);
    out.push({
      lower,
      stem: content && !numeric ? porterStem(lower) : lower,
      start: originalStart(visible, m.index),
      end: originalEnd(visible, m.index + raw.length),
      capitalized: raw[0] !== raw[0]!.toLowerCase(),
      content,
    });
  }
  return out;
}
