import { describe, expect, it } from 'vitest';
import { excerpt, spreadsheetSafe, stripControls } from '../../src/text/sanitize.js';
import { rng } from '../helpers.js';

// The plain definitions: every expression applied, and code points counted with Array.from. The
// functions under test skip work when nothing can change; they must give exactly these results.
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_])/g;
const C1 = /\u009B[0-?]*[ -/]*[@-~]|\u009D[^\u0007\u009C]*(?:\u0007|\u009C)?/g;
const referenceStrip = (text: string, keepNewlines = false) => {
  const out = text
    .replace(ANSI, '')
    .replace(C1, '')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, '');
  return keepNewlines ? out : out.replace(/[\t\n]+/g, ' ');
};
const referenceExcerpt = (text: string, max: number) => {
  const head = text.length > max * 8 + 256 ? text.slice(0, max * 8 + 256) : text;
  const clean = referenceStrip(head).replace(/\s+/g, ' ').trim();
  if (head !== text && Array.from(clean).length <= max) return `${clean}…`;
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
};

/** Random text from pieces that matter here: escapes, controls, bidi marks, surrogates (paired and lone), spaces. */
function randomText(random: () => number): string {
  const pieces = ['a', 'Zz', ' ', '  ', '\t', '\n', '\r', '\u001B[31m', '\u001B]8;;http://x\u0007', '\u001B', '\u009B2J', '\u009D0;t\u009C', '\u0000', '\u007F', '\u0085', '\u202E', '\u2067', '\u200F', '\u061C', '\u200B', '😀', '\uD83D', '\uDE00', 'é', '—', '=1+2', '@x'];
  return Array.from({ length: Math.floor(random() * 30) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
}

describe('stripControls', () => {
  it('removes escape sequences, controls and bidi marks exactly as the plain expressions do, and returns clean text as it is', () => {
    const random = rng(5);
    for (let i = 0; i < 20_000; i++) {
      const text = randomText(random);
      expect(stripControls(text), JSON.stringify(text)).toBe(referenceStrip(text));
      expect(stripControls(text, true), JSON.stringify(text)).toBe(referenceStrip(text, true));
    }
    for (let c = 0; c < 0x3000; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      expect(stripControls(text), c.toString(16)).toBe(referenceStrip(text));
    }
    expect(stripControls('red \u001B[31mALERT\u001B[0m\tnow\n')).toBe('red ALERT now ');
    expect(stripControls('line\none', true)).toBe('line\none');
  });
});

describe('excerpt', () => {
  it('cuts at code points, never inside a surrogate pair, as Array.from counting does', () => {
    const random = rng(6);
    for (let i = 0; i < 20_000; i++) {
      const text = randomText(random);
      const max = Math.floor(random() * 12);
      expect(excerpt(text, max), `${JSON.stringify(text)} ${max}`).toBe(referenceExcerpt(text, max));
    }
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 8 }, () => randomText(random)).join(random() < 0.5 ? ' ' : '\n\t ');
      const max = 1 + Math.floor(random() * 60);
      expect(excerpt(text, max), `${JSON.stringify(text)} ${max}`).toBe(referenceExcerpt(text, max));
    }
    expect(excerpt(`${'x'.repeat(9)}😀😀`, 10)).toBe(`${'x'.repeat(9)}…`);
    expect(excerpt(`${'x'.repeat(8)}😀😀`, 10)).toBe(`${'x'.repeat(8)}😀😀`);
    expect(excerpt('  many   spaces\there  ', 100)).toBe('many spaces here');
  });

  it('reads only the head of a huge comment and marks the cut', () => {
    const huge = `${'word '.repeat(20)}${'z'.repeat(5_000_000)}`;
    expect(excerpt(huge, 10)).toBe('word word…');
    const spaced = `short${' '.repeat(5000)}`;
    expect(excerpt(spaced, 100)).toBe(referenceExcerpt(spaced, 100));
  });
});

describe('spreadsheetSafe', () => {
  it('neutralises formulas after controls are removed', () => {
    expect(spreadsheetSafe('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(spreadsheetSafe('\u001B[0m+1')).toBe("'+1");
    expect(spreadsheetSafe('plain, text')).toBe('plain, text');
  });
});
