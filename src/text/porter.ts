/**
 * Porter stemmer, written with plain string scans: the same output as `natural`'s PorterStemmer
 * (natural/lib/natural/stemmers/porter_stemmer.js, MIT), which builds regular expressions for every
 * suffix it tries: stemming is done for every new word of every comment.
 *
 * Equal stems are threadsift's definition of "the same word", so this must not drift from natural's
 * output, quirks included (its consonant/vowel groups can give fractional measures, "y" after consonants
 * is a vowel, a suffix replaced to "" counts as no replacement). test/text/porter.test.ts compares the two
 * on every shipped common word and on every word of the fixtures.
 */

const isVowel = (c: string | undefined) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';

/**
 * natural's consonant/vowel classes, without building its strings. A character is a vowel when it is
 * a, e, i, o or u, or a "y" right after a consonant (a character that is none of a, e, i, o, u, y).
 * natural groups runs: consonants merge with consonants, a-e-i-o-u runs merge with each other, and a
 * vowel "y" is always a group of its own (so "bya" is C V V, and its measure is fractional).
 */
const CONSONANT = 0;
const VOWEL = 1;
const Y_VOWEL = 2;

function charClass(token: string, i: number): number {
  const c = token[i];
  if (isVowel(c)) return VOWEL;
  if (c === 'y' && i > 0 && !isVowel(token[i - 1]) && token[i - 1] !== 'y') return Y_VOWEL;
  return CONSONANT;
}

const isVowelAt = (token: string, i: number) => charClass(token, i) !== CONSONANT;

/** Whether the characters at `from`, `from + 1`, `from + 2` are consonant, vowel, consonant. */
const cvcAt = (token: string, from: number) =>
  !isVowelAt(token, from) && isVowelAt(token, from + 1) && !isVowelAt(token, from + 2);

/** natural's measure: groups, less one leading consonant group and one trailing vowel group, halved. */
function measure(token: string | null): number {
  if (!token) return -1;
  let groups = 0;
  let previous = -1;
  for (let i = 0; i < token.length; i++) {
    const k = charClass(token, i);
    if (k !== previous || k === Y_VOWEL) groups++;
    previous = k;
  }
  const leadingConsonant = charClass(token, 0) === CONSONANT ? 1 : 0;
  const trailingVowel = groups > leadingConsonant && previous !== CONSONANT ? 1 : 0;
  return (groups - leadingConsonant - trailingVowel) / 2;
}

function hasVowel(token: string, end = token.length): boolean {
  for (let i = 0; i < end; i++) if (isVowelAt(token, i)) return true;
  return false;
}

const last = (token: string, back = 1) => token[token.length - back] ?? '';

/** Ends with two equal characters that are not a, e, i, o, u. */
function endsWithDoubleConsonant(token: string): boolean {
  return token.length >= 2 && last(token) === last(token, 2) && !isVowel(last(token));
}

/** `token` with `suffix` replaced, or null when it does not end with it (natural's attemptReplace). */
function replaceSuffix(token: string, suffix: string, replacement: string): string | null {
  return token.endsWith(suffix) ? token.slice(0, token.length - suffix.length) + replacement : null;
}

type Rule = readonly [suffix: string, replacement: string];

/**
 * natural's attemptReplacePatterns: every rule is tried in order; the measure condition is judged on the
 * original token, the replacement applied to the running result, and an empty result is no change.
 */
function replaceRules(token: string, rules: readonly Rule[], minMeasure: number | null): string {
  let result = token;
  for (const [suffix, replacement] of rules) {
    if (minMeasure === null || measure(replaceSuffix(token, suffix, '')) > minMeasure) {
      result = replaceSuffix(result, suffix, replacement) || result;
    }
  }
  return result;
}

function step1a(token: string): string {
  if (token.endsWith('sses') || token.endsWith('ies')) return token.slice(0, -2);
  if (last(token) === 's' && last(token, 2) !== 's' && token.length > 2) return token.slice(0, -1);
  return token;
}

const STEP1B_RULES: readonly Rule[] = [
  ['at', 'ate'],
  ['bl', 'ble'],
  ['iz', 'ize'],
];

function step1b(token: string): string {
  if (token.endsWith('eed')) {
    return measure(token.slice(0, -3)) > 0 ? token.slice(0, -1) : token;
  }
  const stripped = token.endsWith('ed') ? token.slice(0, -2) : token.endsWith('ing') ? token.slice(0, -3) : null;
  if (!stripped || !hasVowel(stripped)) return token;
  const replaced = replaceRules(stripped, STEP1B_RULES, null);
  if (replaced !== stripped) return replaced;
  const end = last(stripped);
  if (endsWithDoubleConsonant(stripped) && end !== 'l' && end !== 's' && end !== 'z') return stripped.slice(0, -1);
  if (measure(stripped) === 1 && stripped.length >= 3 && cvcAt(stripped, stripped.length - 3) && end !== 'w' && end !== 'x' && end !== 'y') {
    return stripped + 'e';
  }
  return stripped;
}

function step1c(token: string): string {
  if (last(token) !== 'y') return token;
  // natural: a vowel group before the last group; the last character is the last group or ends it.
  return hasVowel(token, token.length - 1) ? token.slice(0, -1) + 'i' : token;
}

const STEP2_RULES: readonly Rule[] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['abli', 'able'],
  ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'],
  ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'],
  ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];

const STEP3_RULES: readonly Rule[] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];

const STEP4_SUFFIXES: ReadonlySet<string> = new Set([
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
]);

/** Characters a regular expression's "." does not match. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function step4(token: string): string {
  // natural's patterns start with /^(.+?)/, and "." matches no line break: such a word keeps its suffix.
  if (LINE_BREAK.test(token)) return token;
  // natural's /^(.+?)(al|ance|...)$/: the shortest non-empty prefix, so the longest listed suffix.
  for (let len = 5; len >= 2; len--) {
    if (token.length - len < 1) continue;
    if (STEP4_SUFFIXES.has(token.slice(-len))) {
      const stem = token.slice(0, -len);
      if (measure(stem) > 1) return stem;
      break;
    }
  }
  // Then /^(.+?)(s|t)(ion)$/: drop "ion" after s or t.
  if (token.length >= 5 && token.endsWith('ion') && (last(token, 4) === 's' || last(token, 4) === 't')) {
    const stem = token.slice(0, -3);
    if (measure(stem) > 1) return stem;
  }
  return token;
}

function step5a(token: string): string {
  const withoutE = last(token) === 'e' ? token.slice(0, -1) : token;
  const m = measure(withoutE);
  if (m > 1) return withoutE;
  if (m === 1) {
    // natural: categorizeChars(token).substr(-4, 3) === 'CVC', and the next-to-last letter not w, x or y.
    const from = token.length >= 4 ? token.length - 4 : token.length === 3 ? 0 : -1;
    const cvc = from >= 0 && cvcAt(token, from) && !'wxy'.includes(last(token, 2));
    if (!cvc) return withoutE;
  }
  return token;
}

function step5b(token: string): string {
  return measure(token) > 1 && token.endsWith('ll') ? token.slice(0, -1) : token;
}

/** The Porter stem of a word, identical to natural's PorterStemmer.stem. */
export function porterStem(word: string): string {
  if (word.length < 3) return word;
  return step5b(step5a(step4(replaceRules(replaceRules(step1c(step1b(step1a(word.toLowerCase()))), STEP2_RULES, 0), STEP3_RULES, 0))));
}
