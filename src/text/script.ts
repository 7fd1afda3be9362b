/** Which writing system a text's letters are in (the tables are in src/data/scripts.ts). */
import { CYRILLIC, GREEK, HAN, KANA, LATIN, OTHER, RANGES, SCRIPTS } from '../data/scripts.js';

/** Script index + 2 of each UTF-16 code unit, filled in on first sight (0: not yet looked up, 1: not a letter). */
const scriptCache = new Int8Array(0x10000);

/** Script index of a non-ASCII code unit, or -1 when it is not a letter (or a mark inside a word). */
export function scriptOf(c: number): number {
  const cached = scriptCache[c]!;
  if (cached !== 0) return cached - 2;
  const script = lookUpScript(c);
  scriptCache[c] = script + 2;
  return script;
}

function lookUpScript(c: number): number {
  // High surrogates of the CJK extension planes (U+20000–U+3FFFF): the pair counts once, as Han.
  if (c >= 0xd840 && c <= 0xd8bf) return HAN;
  // Variation selectors and combining marks for symbols dress emoji up; they are not writing.
  if ((c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x20d0 && c <= 0x20ff) || !/[\p{L}\p{M}]/u.test(String.fromCharCode(c))) return -1;
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = RANGES[mid]!;
    if (c < r[0]) hi = mid - 1;
    else if (c > r[1]) lo = mid + 1;
    else return r[2];
  }
  return OTHER;
}

export const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/** Letters by script, as counted by the last dominantScript call. */
export const scriptCounts = new Int32Array(SCRIPTS.length);

/** A character in a block of letters of a script other than Latin (RANGES, and CJK extension planes). */
// eslint-disable-next-line no-misleading-character-class -- ranges of code units: a block's combining marks belong to it
export const NON_LATIN_LETTER = /[\u0370-\u1cff\u1f00-\u1fff\u2de0-\u2dff\u3041-\u9fff\ua640-\ua69f\uac00-\ud7af\uf900-\ufaff\ufb1d-\ufdff\ufe70-\ufefc\uff66-\uff9d]|[\ud840-\ud8bf]/;

/**
 * The script most letters are in (-1: no letters). A word mixing Latin with Cyrillic or Greek letters
 * counts as Latin: look-alike letters hide an English word, they do not make it Russian.
 */
export function dominantScript(text: string): number {
  scriptCounts.fill(0);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const script = c < 128 ? (isAsciiLetter(c) ? LATIN : -1) : scriptOf(c);
    if (script < 0) {
      i++;
      continue;
    }
    let latinLetters = 0;
    let otherLetters = 0;
    let otherScript = -1;
    let lookalike = true;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      const s = d < 128 ? (isAsciiLetter(d) ? LATIN : -1) : scriptOf(d);
      if (s === -1) {
        if (isApostrophe(d) && i + 1 < n && scriptOf(text.charCodeAt(i + 1)) >= 0) continue;
        break;
      }
      if (s === LATIN) latinLetters++;
      else {
        otherLetters++;
        if (otherScript !== s) otherScript = otherScript === -1 ? s : OTHER;
        if (s !== CYRILLIC && s !== GREEK) lookalike = false;
      }
      // CJK is written without spaces: each character stands alone.
      if (s === HAN || s === KANA) {
        i++;
        break;
      }
    }
    if (otherLetters > 0 && latinLetters > 0 && lookalike) {
      scriptCounts[LATIN] = scriptCounts[LATIN]! + latinLetters + otherLetters;
    } else {
      scriptCounts[LATIN] = scriptCounts[LATIN]! + latinLetters;
      if (otherLetters > 0) scriptCounts[otherScript] = scriptCounts[otherScript]! + otherLetters;
    }
  }
  let top = LATIN;
  for (let s = 1; s < SCRIPTS.length; s++) if (scriptCounts[s]! > scriptCounts[top]!) top = s;
  return scriptCounts[top] === 0 ? -1 : top;
}
