/**
 * Word shingles of normalised text as sorted unique 32-bit hashes: the set that MinHash samples and that
 * exact verification intersects. Words are those of `foldText` (NFKC, zero-width characters removed,
 * typographic quotes and dashes made plain, lower case, punctuation runs dropped); this module also
 * drops apostrophes at word edges, so `'great'` and `great` are one word while `don't` stays whole.
 *
 * foldText's five regular-expression passes cost more than everything else done per comment, so the
 * Shingler folds while it scans, classifying each character once (ASCII by table, other characters by
 * the same Unicode classes, cached). `shingleStrings` (test/corpus/reference.ts) is the plain foldText
 * version; the tests hold the two equal for every BMP character.
 */
import { isInvisible } from '../text/normalize.js';
import { FNV_OFFSET, FNV_PRIME, fmix32, mixInto } from '../util/hash.js';

const SPACE = 32;
const APOSTROPHE = 39;
const SEPARATOR = 0;
const WORD = 1;
const APOSTROPHE_KIND = 2;
/** Removed as if absent: the word continues across it. */
const INVISIBLE_KIND = 3;
const UNKNOWN = 255;

// What foldText makes of each ASCII character: letters and digits are word characters (upper case
// folded to lower), the apostrophe is kept, everything else separates words.
const ASCII_KIND = new Uint8Array(128);
const ASCII_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const upper = c >= 65 && c <= 90;
  ASCII_LOWER[c] = upper ? c + 32 : c;
  ASCII_KIND[c] = upper || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? WORD : c === APOSTROPHE ? APOSTROPHE_KIND : SEPARATOR;
}

// normalizeText's typographic single quotes, which become apostrophes (checked before letters: U+02BC
// is a letter to Unicode but an apostrophe to foldText).
const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc]);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const bmpKind = new Uint8Array(0x10000).fill(UNKNOWN);

/** What foldText makes of one code point (after NFKC and lower-casing), given as a string. */
function unicodeKind(cp: number, s: string): number {
  if (isInvisible(cp)) return INVISIBLE_KIND;
  if (SINGLE_QUOTES.has(cp)) return APOSTROPHE_KIND;
  return LETTER_OR_DIGIT.test(s) ? WORD : SEPARATOR;
}

/**
 * Turns one text at a time into its shingle set, reusing scratch buffers so that a million calls
 * allocate almost nothing. Not re-entrant: read `shingles`, `count`, `textHi` and `textLo` before the
 * next `run`.
 */
export class Shingler {
  /** Sorted unique shingle hashes of the last text, in `shingles[0 .. count)`. */
  shingles: Uint32Array = new Uint32Array(1024);
  count = 0;
  /**
   * 64-bit hash of the last text's word sequence, exact-duplicate identity: FNV-1a over the characters
   * (hi) and murmur3 rounds over the word hashes (lo). Two lanes that fail independently, and the
   * character lane still tells apart texts whose words differ only by a 32-bit word-hash collision.
   */
  textHi = 0;
  textLo = 0;
  private wordHashes: Uint32Array = new Uint32Array(1024);

  /** `shingleSize` words per shingle; 1 means word sets. */
  constructor(readonly shingleSize: number) {
    if (!Number.isInteger(shingleSize) || shingleSize < 1) throw new RangeError(`shingleSize must be a positive integer, got ${shingleSize}`);
  }

  /** Fold `text` and compute its shingle set and text hash; returns the number of unique shingles. */
  run(text: string): number {
    // Pure-ASCII text (most comments) needs no NFKC: its raw scan is already what foldText gives.
    let words = this.scan(text, true);
    if (words < 0) words = this.scan(text.normalize('NFKC').toLowerCase(), false);
    this.count = this.collectShingles(words);
    return this.count;
  }

  /**
   * Split into words and hash them. `raw`: the text must be ASCII (returns -1 at the first other
   * character); otherwise it is already NFKC and lower case, and other characters are classified.
   */
  private scan(s: string, raw: boolean): number {
    let words = 0;
    let laneA = FNV_OFFSET;
    let laneB = 0x9747b28c;
    let word = FNV_OFFSET;
    let inWord = false;
    // Apostrophes seen since the last letter: kept only if another letter follows in the same word.
    let pendingApostrophes = 0;
    // The kind of a surrogate pair, decided at its high half, applies to its low half too.
    let lowHalfKind = -1;
    for (let i = 0; i <= s.length; i++) {
      let c = i < s.length ? s.charCodeAt(i) : SPACE;
      let kind: number;
      if (c < 128) {
        kind = ASCII_KIND[c]!;
        c = ASCII_LOWER[c]!;
      } else if (raw) return -1;
      else if (lowHalfKind >= 0) {
        kind = lowHalfKind;
        lowHalfKind = -1;
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        kind = lowHalfKind = unicodeKind(s.codePointAt(i)!, s.slice(i, i + 2));
      } else {
        kind = bmpKind[c]!;
        if (kind === UNKNOWN) kind = bmpKind[c] = unicodeKind(c, String.fromCharCode(c));
      }
      if (kind === INVISIBLE_KIND) continue;
      if (kind === SEPARATOR) {
        if (inWord) {
          if (words === this.wordHashes.length) this.wordHashes = grow(this.wordHashes);
          const h = fmix32(word);
          this.wordHashes[words++] = h;
          laneA = Math.imul(laneA ^ SPACE, FNV_PRIME);
          laneB = mixInto(laneB, h);
        }
        inWord = false;
        pendingApostrophes = 0;
        word = FNV_OFFSET;
        continue;
      }
      if (kind === APOSTROPHE_KIND) {
        if (inWord) pendingApostrophes++;
        continue;
      }
      for (; pendingApostrophes > 0; pendingApostrophes--) {
        word = Math.imul(word ^ APOSTROPHE, FNV_PRIME);
        laneA = Math.imul(laneA ^ APOSTROPHE, FNV_PRIME);
      }
      inWord = true;
      word = Math.imul(word ^ c, FNV_PRIME);
      laneA = Math.imul(laneA ^ c, FNV_PRIME);
    }
    this.textHi = fmix32(laneA ^ words);
    this.textLo = fmix32(laneB ^ words);
    return words;
  }

  private collectShingles(words: number): number {
    const k = this.shingleSize;
    const n = k === 1 ? words : words === 0 ? 0 : Math.max(1, words - k + 1);
    if (n > this.shingles.length) this.shingles = new Uint32Array(Math.max(n, this.shingles.length * 2));
    const out = this.shingles;
    if (k === 1) out.set(this.wordHashes.subarray(0, n));
    else {
      for (let i = 0; i < n; i++) {
        let h = k;
        // A text shorter than k words is one shingle of all its words.
        const end = Math.min(i + k, words);
        for (let j = i; j < end; j++) h = mixInto(h, this.wordHashes[j]!);
        out[i] = fmix32(h);
      }
    }
    const view = out.subarray(0, n);
    view.sort();
    let unique = 0;
    for (let i = 0; i < n; i++) if (i === 0 || view[i] !== view[unique - 1]) view[unique++] = view[i]!;
    return unique;
  }
}

function grow(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}
