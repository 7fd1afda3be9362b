/** The punctuation and sentence measurements of the detector's style vector (see features.ts). */
import type { Tokens } from '../text/tokens.js';
import { CONJUNCTIONS, isLower, isUpper } from './words.js';

const EMOJI = /\p{Extended_Pictographic}/gu;
const HAS_LOWER = /[a-z]/;
const HAS_UPPER = /[A-Z]/;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetterCode = (c: number) => isUpper(c) || isLower(c) || c > 0xbf;

/**
 * Positions of `c` in `text`, found by the engine's own string search (a comment is mostly letters and
 * spaces: scanning it character by character in script costs more than these few searches).
 */
function each(text: string, c: string, visit: (i: number) => number | void): void {
  for (let i = text.indexOf(c); i >= 0; ) {
    const next = visit(i);
    i = text.indexOf(c, (typeof next === 'number' ? next : i) + 1);
  }
}

/** Punctuation rates per word, and the slips people make and editors remove. */
export function punctuation(prose: string, words: number, emoticons: number, v: (id: string, x: number) => void): void {
  let commas = 0;
  let stops = 0;
  let exclamations = 0;
  let questions = 0;
  let ellipses = 0;
  let repeated = 0;
  let slips = 0;
  let dashes = 0;
  const at = (i: number) => prose.charCodeAt(i);
  // A space before the mark, after a word: "word ,".
  const spaceBefore = (i: number) => i > 1 && at(i - 1) === 32 && isLetterCode(at(i - 2));
  each(prose, ',', (i) => {
    if (isDigit(at(i - 1)) && isDigit(at(i + 1))) return; // 1,000
    commas++;
    if (isLetterCode(at(i + 1)) && isLetterCode(at(i - 1))) slips++;
    if (spaceBefore(i)) slips++;
  });
  each(prose, '.', (i) => {
    if (at(i + 1) === 46) {
      let j = i;
      while (at(j) === 46) j++;
      ellipses++;
      if (j - i > 3) repeated++;
      return j - 1;
    }
    stops++;
    // "end.Next": a missing space (not "U.S." or "3.5", whose neighbours are capitals or digits).
    if (isLower(at(i - 1)) && isUpper(at(i + 1)) && isLower(at(i + 2))) slips++;
    return undefined;
  });
  // Runs of ! and ?: one mark is an exclamation or a question, a run is repeated punctuation.
  const marks = (c: string) =>
    each(prose, c, (i) => {
      if (at(i - 1) === 33 || at(i - 1) === 63) return; // inside a run already counted
      let j = i;
      let question = false;
      while (at(j) === 33 || at(j) === 63) question = at(j++) === 63 || question;
      if (j - i > 1) {
        repeated++;
        if (question) questions++;
      } else if (c === '!') exclamations++;
      else questions++;
      if (spaceBefore(i)) slips++;
    });
  marks('!');
  marks('?');
  let colons = 0;
  each(prose, ':', (i) => void (isDigit(at(i + 1)) ? 0 : colons++));
  // A spaced or doubled hyphen is a dash too.
  each(prose, '-', (i) => {
    if (at(i + 1) === 45) {
      dashes++;
      return i + 1;
    }
    if (at(i - 1) === 32 && at(i + 1) === 32) dashes++;
    return undefined;
  });
  const count = (c: string) => {
    let n = 0;
    each(prose, c, () => void n++);
    return n;
  };
  dashes += count('—') + count('–');
  ellipses += count('…');
  const per = (x: number) => x / words;
  v('commas', per(commas));
  v('full-stops', per(stops));
  v('exclamations', per(exclamations));
  v('questions', per(questions));
  v('colons', per(colons));
  v('semicolons', per(count(';')));
  v('dashes', per(dashes));
  v('ellipses', per(ellipses));
  v('parentheses', per(count('(')));
  v('quotation-marks', per((count('"') + count('“') + count('”')) / 2));
  v('ampersands', per(count('&')));
  v('repeated-punctuation', per(repeated));
  v('spacing-slips', per(slips));
  v('no-capitals', HAS_LOWER.test(prose) && !HAS_UPPER.test(prose) ? 1 : 0);
  v('emoji', per((prose.match(EMOJI)?.length ?? 0) + emoticons));
  v('ends-with-punctuation', endsWithPunctuation(prose) ? 1 : 0);
}

/**
 * Whether the last thing written, emoji, closing quotes and brackets aside, is . ! or ?. Emoji and their
 * joiners are all outside ASCII: any such character is stepped over (a letter in another alphabet too,
 * which then ends nothing either way).
 */
function endsWithPunctuation(prose: string): boolean {
  for (let i = prose.length - 1; i >= 0; i--) {
    const c = prose.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63) return true;
    if (c <= 32 || c === 34 || c === 39 || c === 41 || c === 0x2019 || c === 0x201d || c === 0xa0) continue;
    if (c >= 0x2000 && !(c >= 0x2010 && c <= 0x2027 && c !== 0x2019 && c !== 0x201d)) continue;
    return false;
  }
  return false;
}

// A sentence ends after a run of . ! ? followed by a space or the end, or at a line break. One native
// search per end: no character of the text is visited by script.
const SENTENCE_END = /[.!?]+(?=\s|$)|\n/g;

/** Sentence count, length and spread; how sentences open. Returns the number of sentences. */
export function sentences(prose: string, tokens: Tokens, v: (id: string, x: number) => void): number {
  let n = 0;
  let sum = 0;
  let squares = 0;
  let lowerStarts = 0;
  let conjunctionStarts = 0;
  let k = 0;
  const sentence = (end: number) => {
    const first = k;
    while (k < tokens.length && tokens.start(k) < end) k++;
    const count = k - first;
    if (count === 0) return;
    n++;
    sum += count;
    squares += count * count;
    if (isLower(prose.charCodeAt(tokens.start(first)))) lowerStarts++;
    if (CONJUNCTIONS.has(tokens.lower(first))) conjunctionStarts++;
  };
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(prose); m; m = SENTENCE_END.exec(prose)) sentence(m.index + m[0].length);
  sentence(prose.length);
  const mean = n ? sum / n : 0;
  const sd = n ? Math.sqrt(Math.max(0, squares / n - mean * mean)) : 0;
  v('sentences', Math.log(1 + n));
  v('sentence-length', Math.log(1 + mean));
  v('sentence-length-variation', n >= 2 && mean > 0 ? sd / mean : 0);
  v('lowercase-sentence-starts', n ? lowerStarts / n : 0);
  v('sentence-capitals', n && lowerStarts === 0 ? 1 : 0);
  v('conjunction-starts', n ? conjunctionStarts / n : 0);
  return n;
}
