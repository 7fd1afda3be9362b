/**
 * Text folding shared by every signal, so that "Its", "It’s" and "It's" (or a zero-width-joined copy of
 * a spam comment) compare equal.
 */

// Zero-width and invisible formatting characters that bots insert to dodge exact-match filters.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

const HAS_INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;

/** Text with invisible characters removed, and where each remaining character stood in the original. */
export interface Visible {
  text: string;
  /** map[i] is the original offset of text[i]; map[text.length] is the original length. Null: nothing removed. */
  map: Int32Array | null;
}

/** Whether a UTF-16 unit is one of the zero-width and formatting characters removed (INVISIBLE). */
export function isInvisible(c: number): boolean {
  return (
    c === 0xad || c === 0x180e || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206f) || c === 0xfeff
  );
}

/**
 * Remove zero-width and other invisible characters ("cru\u200Bcial" is "crucial" to a reader) while
 * keeping a way back to the original offsets, so spans still point into the comment as written.
 */
export function visibleText(text: string): Visible {
  if (!HAS_INVISIBLE.test(text)) return { text, map: null };
  const map = new Int32Array(text.length + 1);
  // The visible runs between invisible characters, joined once.
  const runs: string[] = [];
  let n = 0;
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (isInvisible(text.charCodeAt(i))) {
      if (i > runStart) runs.push(text.slice(runStart, i));
      runStart = i + 1;
      continue;
    }
    map[n++] = i;
  }
  if (runStart < text.length) runs.push(runStart === 0 ? text : text.slice(runStart));
  map[n] = text.length;
  return { text: runs.join(''), map: map.subarray(0, n + 1) };
}

/**
 * visibleText, and normalizeSameLength of what is visible: the text as word and phrase matching read it,
 * with the way back to original offsets. ASCII text (no invisible or typographic characters) is decided
 * in one scan.
 */
export function matchableText(text: string): { visible: Visible; plain: string } {
  if (!NON_ASCII.test(text)) return { visible: { text, map: null }, plain: text };
  const visible = visibleText(text);
  return { visible, plain: normalizeSameLength(visible.text) };
}

/** Original offset of a start position in visible text. */
export const originalStart = (v: Visible, pos: number): number => (v.map ? v.map[pos]! : pos);
/** Original offset of an end position (exclusive) in visible text. */
export const originalEnd = (v: Visible, pos: number): number => (v.map ? (pos === 0 ? 0 : v.map[pos - 1]! + 1) : pos);

// Every character the normalisations below change is outside ASCII: most comments need no pass at all.
const NON_ASCII = /[^\x00-\x7F]/;

/** Whether every character of the text is ASCII (then matchableText and normalizeText change nothing). */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** NFKC, invisible characters removed, typographic quotes and dashes made plain. Case is kept. */
export function normalizeText(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-');
}

/**
 * Like normalizeText, but with no change in length: each replaced character maps to exactly one
 * character, so offsets found in the result are offsets into the original text.
 */
export function normalizeSameLength(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text
    .replace(INVISIBLE, ' ')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-');
}

/** normalizeText, case-folded, punctuation runs dropped and whitespace collapsed: for comparing. */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return foldAscii(text);
  // What normalizeText does to double quotes and dashes cannot matter here (they separate words either
  // way), and whitespace is one more thing that separates: one replacement does the rest.
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(SINGLE_QUOTES, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

// Grown to twice the longest ASCII text folded and kept (a few tens of KB under the scan's 20,000-character cap).
let foldBuffer = Buffer.allocUnsafe(1024);

/**
 * foldText of ASCII text in one pass: the word characters are a-z, 0-9 and ' once lower-cased, and every
 * run of anything else (punctuation, spaces, controls) becomes one space, none at either end.
 */
function foldAscii(text: string): string {
  if (foldBuffer.length < text.length) foldBuffer = Buffer.allocUnsafe(2 * text.length);
  const out = foldBuffer;
  let n = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39) {
      if (gap && n > 0) out[n++] = 32;
      gap = false;
      out[n++] = c;
    } else gap = true;
  }
  return out.toString('latin1', 0, n);
}

/** Whether a UTF-16 unit is JavaScript's \s (what compareTwoStrings removes, what \s matches). */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
