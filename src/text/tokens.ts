/** Word tokens with offsets, stems and content-word filtering, shared by all signals. */
import { isAscii, matchableText, originalEnd, originalStart } from './normalize.js';
import { FNV_OFFSET, FNV_PRIME } from '../util/hash.js';
import { CAPITALIZED, CONTENT, NUMERIC, WordForms } from './word-forms.js';

export interface Token {
  /** Lower-cased word, apostrophes plain, acronym dots removed ("u.s." -> "us"). */
  lower: string;
  /** Porter stem of `lower`; equal stems mean "the same word" everywhere in threadsift. */
  stem: string;
  start: number;
  end: number;
  /** Written with a capital letter in the source. */
  capitalized: boolean;
  /** Not a stopword, and long enough (or numeric) to carry meaning. */
  content: boolean;
}

// Acronyms with dots (U.S., E.U.) first, then words with inner apostrophes or hyphens kept apart.
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/** Forms are shared run-wide; past this many a fresh table starts (old ones live while their tokens do). */
const FORMS_LIMIT = 200_000;
let forms = new WordForms();

/** Token storage: (form, start, end) triples in shared chunks, so a text's tokens need no allocation of their own. */
const CHUNK_INTS = 1 << 16;
let chunk = new Int32Array(CHUNK_INTS);
let used = 0;

/**
 * The words of one text, in order, stored flat. Read token k with `lower(k)`, `stem(k)`, `start(k)`,
 * `end(k)`, `isContent(k)`, `isCapitalized(k)`; `at(k)` builds a Token object for the few places that
 * want one (reports, tests).
 */
export class Tokens {
  constructor(
    private readonly forms: WordForms,
    private readonly data: Int32Array,
    private readonly base: number,
    readonly length: number,
  ) {}

  lower(k: number): string {
    return this.forms.lower[this.data[this.base + 3 * k]!]!;
  }

  stem(k: number): string {
    return this.forms.stem[this.data[this.base + 3 * k]!]!;
  }

  start(k: number): number {
    return this.data[this.base + 3 * k + 1]!;
  }

  end(k: number): number {
    return this.data[this.base + 3 * k + 2]!;
  }

  isContent(k: number): boolean {
    return (this.forms.flags[this.data[this.base + 3 * k]!]! & CONTENT) !== 0;
  }

  isCapitalized(k: number): boolean {
    return (this.forms.flags[this.data[this.base + 3 * k]!]! & CAPITALIZED) !== 0;
  }

  /** isNumeric of the lower form. */
  isNumeric(k: number): boolean {
    return (this.forms.flags[this.data[this.base + 3 * k]!]! & NUMERIC) !== 0;
  }

  /** frequencyRank of the lower form (remembered per word form). */
  rank(k: number): number {
    return this.forms.rank(this.data[this.base + 3 * k]!);
  }

  /**
   * The number of token k's word form in its form table (see `table`): equal numbers, the same form as
   * written. For callers that remember something per form.
   */
  form(k: number): number {
    return this.data[this.base + 3 * k]!;
  }

  /** The form table these tokens number their forms in: a cache of per-form facts is valid for one table. */
  get table(): object {
    return this.forms;
  }

  /** Token k as written ("It's", "U.S."). */
  written(k: number): string {
    return this.forms.written(this.data[this.base + 3 * k]!);
  }

  at(k: number): Token {
    return { lower: this.lower(k), stem: this.stem(k), start: this.start(k), end: this.end(k), capitalized: this.isCapitalized(k), content: this.isContent(k) };
  }

  toArray(): Token[] {
    return Array.from({ length: this.length }, (_, k) => this.at(k));
  }

  /** The tokens for which `keep(k)` holds, in order. */
  filter(keep: (k: number) => boolean): Tokens {
    const out = new TokenWriter(this.forms, this.length);
    for (let k = 0; k < this.length; k++) {
      if (keep(k)) out.push(this.data[this.base + 3 * k]!, this.start(k), this.end(k));
    }
    return out.finish();
  }

  /** Content tokens only (these same tokens when all of them are). */
  content(): Tokens {
    const flags = this.forms.flags;
    let all = true;
    for (let i = this.base; i < this.base + 3 * this.length && all; i += 3) all = (flags[this.data[i]!]! & CONTENT) !== 0;
    if (all) return this;
    const out = new TokenWriter(this.forms, this.length);
    for (let i = this.base; i < this.base + 3 * this.length; i += 3) {
      if (flags[this.data[i]!]! & CONTENT) out.push(this.data[i]!, this.data[i + 1]!, this.data[i + 2]!);
    }
    return out.finish();
  }
}

/**
 * Appends one text's triples to the current chunk (a fresh chunk when they might not fit). The space
 * for `max` tokens is claimed at once, so writers may be open at the same time (a filter callback that
 * tokenizes); the unclaimed rest is given back when nothing was claimed after it.
 */
class TokenWriter {
  private data: Int32Array;
  private readonly base: number;
  /** Integers claimed in the shared chunk; 0 for a text with an array of its own. */
  private readonly claimed: number;
  private n = 0;

  /** `max`: an upper bound on the tokens to come. */
  constructor(
    private readonly forms: WordForms,
    max: number,
  ) {
    const need = 3 * max;
    if (need > CHUNK_INTS) {
      // A text too long for a chunk gets an array of its own, grown as its tokens come.
      this.data = new Int32Array(CHUNK_INTS);
      this.base = 0;
      this.claimed = 0;
    } else {
      if (used + need > CHUNK_INTS) {
        chunk = new Int32Array(CHUNK_INTS);
        used = 0;
      }
      this.data = chunk;
      this.base = used;
      this.claimed = need;
      used += need;
    }
  }

  push(form: number, start: number, end: number): void {
    const i = this.base + 3 * this.n++;
    if (i + 3 > this.data.length) {
      const grown = new Int32Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[i] = form;
    this.data[i + 1] = start;
    this.data[i + 2] = end;
  }

  finish(): Tokens {
    if (this.claimed === 0) return new Tokens(this.forms, this.data.slice(0, 3 * this.n), 0, this.n);
    if (this.data === chunk && used === this.base + this.claimed) used = this.base + 3 * this.n;
    return new Tokens(this.forms, this.data, this.base, this.n);
  }
}

/** How many word forms the current table holds: a form is interned once, whichever tokenizer path reads it. */
export function wordFormCount(): number {
  return forms.size;
}

/** Tokenize `text`; offsets index into `text` itself (zero-width characters inside a word are skipped). */
export function tokens(text: string): Tokens {
  if (forms.size >= FORMS_LIMIT) forms = new WordForms();
  // At most one token per two characters: a word is followed by a character that is in no word (it
  // would have continued otherwise), except an acronym ("U.S.", at least four characters) and the last.
  const out = new TokenWriter(forms, (text.length + 1) >> 1);
  if (isAscii(text)) {
    asciiTokens(text, out);
    return out.finish();
  }
  const { visible, plain } = matchableText(text);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(plain); m; m = WORD.exec(plain)) {
    const raw = m[0];
    out.push(forms.intern(raw), originalStart(visible, m.index), originalEnd(visible, m.index + raw.length));
  }
  return out.finish();
}

/** ASCII character classes of WORD: 1 a letter (\p{L}), 2 a digit (\p{N}), 0 neither. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : c >= 48 && c <= 57 ? 2 : 0;
const DOT = 46;
const APOSTROPHE = 39;

/**
 * WORD's matches in ASCII text, scanned by hand (matchableText changes nothing in ASCII): the same tokens
 * the regex gives (tested), without a match array and a substring per word.
 */
function asciiTokens(text: string, out: TokenWriter): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = ASCII_WORD[text.charCodeAt(i)]!;
    if (kind === 0) {
      i++;
      continue;
    }
    const start = i;
    // fnv1a of the word, computed as it is scanned (a form found by either path must hash alike).
    let h = FNV_OFFSET;
    if (kind === 1 && text.charCodeAt(i + 1) === DOT && ASCII_WORD[text.charCodeAt(i + 2)] === 1 && text.charCodeAt(i + 3) === DOT) {
      // An acronym, (letter .){2,}: WORD's first alternative wins where it matches.
      while (ASCII_WORD[text.charCodeAt(i)] === 1 && text.charCodeAt(i + 1) === DOT) {
        h = Math.imul(Math.imul(h ^ text.charCodeAt(i), FNV_PRIME) ^ DOT, FNV_PRIME);
        i += 2;
      }
    } else {
      // Letters and digits, with inner apostrophes followed by more of them.
      for (;;) {
        while (i < n && ASCII_WORD[text.charCodeAt(i)]! !== 0) h = Math.imul(h ^ text.charCodeAt(i++), FNV_PRIME);
        if (text.charCodeAt(i) !== APOSTROPHE || !ASCII_WORD[text.charCodeAt(i + 1)]) break;
        h = Math.imul(h ^ APOSTROPHE, FNV_PRIME);
        i++;
      }
    }
    out.push(forms.internRange(text, start, i, h), start, i);
  }
}

/** tokens(text) as objects. */
export function tokenize(text: string): Token[] {
  return tokens(text).toArray();
}
