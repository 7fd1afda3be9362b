import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_OPENERS } from '../../src/data/agreement.js';
import { BOILERPLATE } from '../../src/data/boilerplate.js';
import { PROMO } from '../../src/data/promo.js';
import type { PhraseEntry } from '../../src/data/types.js';
import { normalizeSameLength, originalEnd, originalStart, visibleText } from '../../src/text/normalize.js';
import { foldsLikeLowerCase, matchPhrases } from '../../src/text/phrases.js';
import { ROOT, rng } from '../helpers.js';

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

describe('matchPhrases finds what running every entry over the whole text finds', () => {
  /** The plain algorithm: each entry in order, all its matches ("giu"), earlier entries win overlaps. */
  function reference(text: string, entries: readonly PhraseEntry[]): Array<[string, number, number]> {
    const visible = visibleText(text);
    const plain = normalizeSameLength(visible.text);
    const found: Array<[string, number, number]> = [];
    for (const e of entries) {
      for (const m of plain.matchAll(new RegExp(e.pattern, 'giu'))) {
        if (m[0].length === 0) continue;
        const span: [number, number] = [originalStart(visible, m.index), originalEnd(visible, m.index + m[0].length)];
        if (found.some(([, s, t]) => span[0] < t && s < span[1])) continue;
        found.push([e.id, span[0], span[1]]);
      }
    }
    return found.sort((a, b) => a[1] - b[1]);
  }

  it('on the built-in lists, every fixture line, and texts made to trip position-driven matching', () => {
    const files = [join(ROOT, 'fixtures', 'putin-xi-summit.txt'), ...readdirSync(join(ROOT, 'test', 'fixtures'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))];
    const random = rng(5);
    // Addresses, domains and e-mails too: PROMO's entries that declare `needs` are skipped in texts without them.
    const pieces = ['check out my channel', 'subscribe', 'www.x.com/a', ' ', 'http://t.co/x', '😀', 'İ', 'ſub', '\u200B', 'plz', 'sub4sub', '@handle', 'a.b', '(dot) com', 'Great article', 'It will be crucial to monitor', 'only time will tell', 'Exactly.', 'I agree', 'Joe.B@Example.ORG', 'shop . NET', 'my-site[dot]ru/x', 'deals.io/today', 'x@y'];
    const texts = [
      ...files.flatMap((f) => readFileSync(f, 'utf8').split(/\n|\\n/)),
      ...Array.from({ length: 400 }, () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join(' ')),
    ];
    let matched = 0;
    for (const list of [PROMO, BOILERPLATE, AGREEMENT_OPENERS]) {
      for (const text of texts) {
        const got = matchPhrases(text, list).map((m): [string, number, number] => [m.entry.id, m.span[0], m.span[1]]);
        expect(got, text).toEqual(reference(text, list));
        matched += got.length;
      }
    }
    expect(matched).toBeGreaterThan(300);
  });

  it("an entry's `needs` finds something inside every match of its pattern (built-in lists)", () => {
    const texts = ['mail Joe.B@Example.ORG now', 'shop . NET', 'my-site [dot] ru/x and a.b', 'deals.io/today!', 'www.x.com/a', 'x@y.co', 'see example(dot)com/path'];
    const checked = new Map<string, number>();
    for (const list of [PROMO, BOILERPLATE, AGREEMENT_OPENERS]) {
      for (const e of list.filter((x) => x.needs !== undefined)) {
        checked.set(e.id, 0);
        for (const text of texts) {
          for (const m of text.matchAll(new RegExp(e.pattern, 'giu'))) {
            expect(new RegExp(e.needs!, 'iu').test(m[0]), `${e.id}: ${m[0]}`).toBe(true);
            checked.set(e.id, checked.get(e.id)! + 1);
          }
        }
      }
    }
    expect(checked.size).toBeGreaterThanOrEqual(3);
    for (const [id, n] of checked) expect(n, id).toBeGreaterThan(0);
  });

  it('with user-style patterns: capitals, backreferences, named groups, [^] (texts in sequence, so no state carries over)', () => {
    const list = [
      entry('visit', '\\bvisit \\S+'),
      entry('letters', '(\\w)(\\w)\\2'),
      entry('named', '\\b(?<w>go)+ team'),
      entry('named-too', '(?<w>yay)!'),
      entry('any', '\\bbuy[^]{0,20}(?:[a-z]+\\.com|\\bdot com)'),
      entry('plain', '\\bxy\\b|\\bcheck it\\b'),
      entry('upper', '[A-Z]{3,}'),
    ];
    const texts = ['Please visit mysite and visit othersite today', 'xy hello', 'go go team yay!', 'You should buy it, dot com has it cheaper',
      'CHECK it xy LOUD', 'ſ visit İt xy', 'nothing here', 'visit x, visit y, hello, buy now at shop.com'];
    for (const lists of [list, list.slice(1), list.slice(0, 3).reverse()]) {
      for (const text of [...texts, ...texts]) {
        expect(matchPhrases(text, lists).map((m) => [m.entry.id, m.span[0], m.span[1]]), text).toEqual(reference(text, lists));
      }
    }
    expect(matchPhrases('Please visit mysite and visit othersite today', list).filter((m) => m.entry.id === 'visit')).toHaveLength(2);
  });

  it('with entries that match empty, overlap, or sit inside each other', () => {
    const list = [entry('maybe', 'x*'), entry('ab', 'ab'), entry('abc', 'abc'), entry('b-run', 'b+'), entry('word', '\\bcab\\b')];
    for (const text of ['abcab', 'cab ab', 'xxabbb', 'x😀ab', 'aab abc cab', '']) {
      expect(matchPhrases(text, list).map((m) => [m.entry.id, m.span[0], m.span[1]]), text).toEqual(reference(text, list));
    }
  });
});
