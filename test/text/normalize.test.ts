import { describe, expect, it } from 'vitest';
import { foldText, matchableText, normalizeSameLength, normalizeText, visibleText } from '../../src/text/normalize.js';
import { rng } from '../helpers.js';

/** foldText as specified: normalise, lower-case, punctuation runs to a space, whitespace collapsed. */
const reference = (text: string) =>
  normalizeText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s']+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('foldText', () => {
  it('folds ASCII text in one pass exactly as the general pipeline does (every ASCII character, random mixes)', () => {
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
    for (const c of ascii) for (const text of [c, `a${c}b`, `${c}x${c}`, ` ${c} `]) expect(foldText(text), JSON.stringify(text)).toBe(reference(text));
    const random = rng(11);
    const pick = "aZ09' .,!?-_\t\n\r\v\f\"#@/\\()[]{}<>~`*+=|:;%$&^\x00\x1b\x7f";
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => pick[Math.floor(random() * pick.length)]).join('');
      expect(foldText(text), JSON.stringify(text)).toBe(reference(text));
    }
    expect(foldText("  It's  GREAT -- really, isn't it?! ")).toBe("it's great really isn't it");
  });

  it('folds non-ASCII text as the general pipeline does (every BMP character, astral ones, mixes)', () => {
    for (const text of ['Crème brûlée — très bien!', 'cru\u200Bcial ＦＵＬＬ', 'Ünïcode’s “quotes”', 'İstanbul ſtraße', 'e\u0301 \u00A0x\u2028y', '😀 ok 𝐁old']) {
      expect(foldText(text)).toBe(reference(text));
    }
    for (let c = 0x80; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [`a${ch}b`, `é ${ch}`]) expect(foldText(text), c.toString(16)).toBe(reference(text));
    }
  });
});

describe('visibleText', () => {
  it('removes exactly the invisible characters and maps every visible one back to its offset', () => {
    const invisible = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;
    const random = rng(12);
    const pick = ['a', 'b', ' ', 'é', '😀', '\u00AD', '\u180E', '\u200B', '\u200F', '\u202A', '\u202E', '\u2060', '\u2064', '\u2065', '\u2066', '\u206F', '\uFEFF', '\u200A', '\u2010'];
    const texts = ['', 'plain', '\uFEFF', '\u200B\u200Bx', 'x\u200B', 'cru\u200Bcial'];
    for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: Math.floor(random() * 12) }, () => pick[Math.floor(random() * pick.length)]).join(''));
    for (let c = 0; c < 0x10000; c++) texts.push(`a${String.fromCharCode(c)}b`);
    for (const text of texts) {
      const kept = [...Array(text.length).keys()].filter((i) => !invisible.test(text[i]!));
      const { text: out, map } = visibleText(text);
      expect(out, JSON.stringify(text)).toBe(kept.map((i) => text[i]).join(''));
      if (kept.length === text.length) expect(map).toBeNull();
      else expect(Array.from(map!), JSON.stringify(text)).toEqual([...kept, text.length]);
    }
  });
});

describe('matchableText', () => {
  it('is visibleText, then normalizeSameLength of the visible text (ASCII decided in one scan)', () => {
    const texts = ['plain ascii, "quoted" -- dashes', 'cru\u200Bcial “quotes” – dash', 'Ünïcode’s', '', '\u00AD\uFEFF'];
    for (let c = 0; c < 0x3000; c += 7) texts.push(`a${String.fromCharCode(c)}b`);
    for (const text of texts) {
      const visible = visibleText(text);
      expect(matchableText(text), JSON.stringify(text)).toEqual({ visible, plain: normalizeSameLength(visible.text) });
    }
  });
});
