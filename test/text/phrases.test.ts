import { describe, expect, it } from 'vitest';
import type { PhraseEntry } from '../../src/data/types.js';
import { foldsLikeLowerCase, matchPhrases } from '../../src/text/phrases.js';

const entry = (id: string, pattern: string): PhraseEntry => ({ id, pattern, note: 'test entry', source: 'test' });

describe('matching lower-cased text in place of flag "i"', () => {
  it('is equivalent for every BMP character that foldsLikeLowerCase accepts (each ASCII letter, \\w, \\b)', () => {
    const letters = [...'abcdefghijklmnopqrstuvwxyz'].map((l) => [new RegExp(l, 'iu'), new RegExp(l, 'u')] as const);
    const classes = [
      [/\w/iu, /\w/u],
      [/\bx/iu, /\bx/u],
    ] as const;
    let accepted = 0;
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const text = String.fromCodePoint(cp);
      const lower = text.toLowerCase();
      if (!foldsLikeLowerCase(text, lower)) continue;
      accepted++;
      for (const [insensitive, sensitive] of letters) {
        if (insensitive.test(text) !== sensitive.test(lower)) throw new Error(`U+${cp.toString(16)} vs ${sensitive.source}`);
      }
      const [w, wLower] = classes[0];
      if (w.test(text) !== wLower.test(lower)) throw new Error(`U+${cp.toString(16)} vs \\w`);
      const [b, bLower] = classes[1];
      if (b.test(`${text}x`) !== bLower.test(`${lower}x`)) throw new Error(`U+${cp.toString(16)} vs \\b`);
    }
    expect(accepted).toBeGreaterThan(60_000);
    expect(foldsLikeLowerCase('ſaid', 'ſaid')).toBe(false);
    expect(foldsLikeLowerCase('İ', 'İ'.toLowerCase())).toBe(false);
  });

  it('finds what flag "iu" finds in text with a long s', () => {
    const list = [entry('that-said', "\\bthat said\\b"), entry('crucial', '\\bcrucial to monitor\\b')];
    expect(matchPhrases('That ſaid, it is CRUCIAL to monitor.', list).map((m) => [m.entry.id, m.text])).toEqual([
      ['that-said', 'That ſaid'],
      ['crucial', 'CRUCIAL to monitor'],
    ]);
    expect(matchPhrases('That said, it is CRUCIAL to monitor.', list).map((m) => m.text)).toEqual(['That said', 'CRUCIAL to monitor']);
  });
});
