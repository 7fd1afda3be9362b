/**
 * The language a comment is written in, as far as English-only signals need to know: is this text one
 * they can judge? Computed once per comment by the pipeline (src/analyze.ts).
 *
 * The answer errs towards English. Calling an English comment foreign silences every English-only
 * signal on it, and short, informal English (tweets, SMS, "lol ur so right") is exactly where
 * character-trigram detectors fail: franc-min alone calls many English tweets and SMS another language
 * (bench/language.mjs measures both on labelled data). So:
 * 1. Script first. A text whose letters are mostly Cyrillic, CJK, Arabic, Greek... is not English, however
 *    short. A word that mixes Latin with Cyrillic or Greek letters counts as Latin: that is an English
 *    word spelt with look-alike letters to dodge filters, not a Russian one.
 * 2. Latin script: function words. English is called English by its own function words; another
 *    language only when two or more distinct function words of its own make up a quarter of the words
 *    and English ones are rare (src/data/function-words.ts). No word counts for both.
 * 3. Latin script, almost no English function words, and letters English does not use (ñ, ş, ő, ạ: 4% of
 *    the letters or more): another language, which franc-min names.
 * 4. Otherwise franc-min names the language only for long texts (20+ words) with almost no English
 *    function words, few common English words and a clear winner; else "und" (undetermined), which
 *    English-only signals judge like English.
 * Steps 1–2 are one pass over the characters and a table lookup per word; franc runs on a few comments.
 */
import { createRequire } from 'node:module';
import type * as Franc from 'franc-min';
import { ENGLISH_FUNCTION_WORDS, OTHER_FUNCTION_WORDS } from '../data/function-words.js';
import { FRANC_SCRIPTS, HAN, KANA, LATIN, NOT_RUSSIAN, RUSSIAN_ONLY, SCRIPT_LANGUAGE, SCRIPTS } from '../data/scripts.js';
import { dominantScript, isAsciiLetter, NON_LATIN_LETTER, scriptCounts, scriptOf } from './script.js';
import { tokens, type Tokens } from './tokens.js';

// Loaded on first use: building franc-min's trigram tables takes a while, and most runs never need them.
const require = createRequire(import.meta.url);
let franc: typeof Franc | undefined;
const francAll = (text: string) => (franc ??= require('franc-min') as typeof Franc).francAll(text);

/** ISO 639-3 code of English, as signals declare it. */
export const ENGLISH = 'eng';
/** ISO 639-3 "undetermined": too little text, or no clear language. */
export const UNDETERMINED = 'und';

/** A comment's language, with how it was decided. */
export interface Language {
  /** ISO 639-3 code ("eng", "rus", "spa", "cmn"), or "und" when the text does not show it. */
  code: string;
  /** The writing system of most of its letters ("Latin", "Cyrillic", "Han"...); "none" without letters. */
  script: string;
  /**
   * What decided it: the script alone, function words, letters English does not use (named by franc-min),
   * franc-min alone, or too little evidence.
   */
  basis: 'script' | 'function-words' | 'letters' | 'franc' | 'insufficient';
}

/** A foreign language needs at least this many distinct function words of its own... */
const MIN_FOREIGN_WORDS = 2;
/** ...making up at least this share of the words... */
const MIN_FOREIGN_SHARE = 0.25;
/** ...while English function words are at most this share. */
const MAX_ENGLISH_SHARE = 0.1;
/** Neither letters nor franc-min judge a text where this share of the words are capitalised. */
const MAX_CAPITALIZED_SHARE = 0.5;
/** A text of at least this many words without English function words... */
const MIN_ACCENTED_WORDS = 5;
/** ...with at least this many letters English does not use (two different ones at least)... */
const MIN_ACCENTED_LETTERS = 2;
/** ...making up at least this share of its Latin letters is another language, which franc-min names. */
const MIN_ACCENTED_SHARE = 0.04;
/** franc-min is asked only about texts this long (it is unreliable on shorter ones)... */
const FRANC_MIN_WORDS = 20;
/** ...with at most this share of English function words... */
const FRANC_MAX_ENGLISH_SHARE = 0.05;
/** ...and believed only with this lead of its best language over English (franc's scores are 0..1). */
const FRANC_MIN_LEAD = 0.2;
/** franc-min is not asked about text with fewer words of 4+ letters than this... */
const FRANC_MIN_LONG_WORDS = 10;
/** ...or where this share of them are among... */
const MIN_COMMON_ENGLISH_SHARE = 0.2;
/** ...the commonest English words up to this rank. */
const COMMON_ENGLISH_RANK = 5_000;
/** Function words are counted in the first this many tokens: enough to tell, and long comments cost no more. */
const SAMPLE_TOKENS = 120;
/** In a script of several languages, franc-min's best must lead the runner-up by this much to name it. */
const NAME_MIN_LEAD = 0.1;
/** Fewer letters than this in a non-Latin script: not English, but too little to name the language. */
const MIN_LETTERS_TO_NAME = 10;

/** Function word -> bit set of the languages that list it (bit 0: English; bit k: OTHER_FUNCTION_WORDS[k - 1]). */
const WORDS = new Map<string, number>();
for (const w of ENGLISH_FUNCTION_WORDS.words) WORDS.set(w, 1);
OTHER_FUNCTION_WORDS.forEach((list, k) => {
  for (const w of list.words) WORDS.set(w, (WORDS.get(w) ?? 0) | (1 << (k + 1)));
});

const URL_LIKE = /\b(?:https?:\/\/|www\.)\S*/giu;

/** Per-call scratch: function words by language (index 0: English), the foreign ones found. */
const languageHits = new Int32Array(OTHER_FUNCTION_WORDS.length + 1);
const foreignWords: string[] = [];
const foreignBits: number[] = [];

/**
 * The language of a comment's text. `words` are its tokens (src/text/tokens.ts) when the caller has them
 * already (the pipeline passes the thread features' tokens, which leave out quotes and links); otherwise
 * the text is tokenized here, without its links.
 */
export function detectLanguage(text: string, words?: Tokens): Language {
  const own = words ?? tokens(text.includes('://') || text.includes('www.') ? text.replace(URL_LIKE, ' ') : text);
  // Most comments have no letter outside Latin: one native scan settles the script for them.
  const top = NON_LATIN_LETTER.test(text) ? dominantScript(text) : LATIN;
  if (top === -1) return { code: UNDETERMINED, script: 'none', basis: 'insufficient' };
  if (top !== LATIN) return nonLatin(text, top);
  return latin(text, own);
}

/** Latin script: English or another language by function words, franc-min for long texts without them. */
function latin(text: string, own: Tokens): Language {
  languageHits.fill(0);
  foreignWords.length = 0;
  foreignBits.length = 0;
  let words = 0;
  const sample = Math.min(own.length, SAMPLE_TOKENS);
  // Past this many English function words no other language can win: the text is English.
  const englishEnough = MAX_ENGLISH_SHARE * sample;
  // Found on the first foreign word only: English text seldom has one.
  let handles: number[] | undefined;
  for (let k = 0; k < sample; k++) {
    if (own.isNumeric(k)) continue;
    words++;
    const bits = WORDS.get(own.lower(k));
    if (bits === undefined) continue;
    if (bits === 1) {
      if (++languageHits[0]! > englishEnough) return { code: ENGLISH, script: 'Latin', basis: 'function-words' };
      continue;
    }
    handles ??= handleSpans(text);
    if (inSpans(handles, own.start(k))) continue;
    foreignWords.push(own.lower(k));
    foreignBits.push(bits);
    for (let b = 1; b < languageHits.length; b++) if (bits & (1 << b)) languageHits[b]!++;
  }
  if (words === 0) return { code: UNDETERMINED, script: 'none', basis: 'insufficient' };
  const english = languageHits[0]!;
  let best = 1;
  for (let b = 2; b < languageHits.length; b++) if (languageHits[b]! > languageHits[best]!) best = b;
  const foreign = languageHits[best]!;
  if (foreign >= MIN_FOREIGN_SHARE * words && english <= MAX_ENGLISH_SHARE * words && distinct(best) >= MIN_FOREIGN_WORDS) {
    return { code: OTHER_FUNCTION_WORDS[best - 1]!.code, script: 'Latin', basis: 'function-words' };
  }
  if (english > FRANC_MAX_ENGLISH_SHARE * words) return { code: ENGLISH, script: 'Latin', basis: 'function-words' };
  // Lists of names ("Bon Jovi, Def Leppard, Mötley Crüe") and shouting are not running text: letters and
  // trigrams say nothing about them.
  if (capitalizedWords(own, sample) >= MAX_CAPITALIZED_SHARE * words) return english > 0 ? { code: ENGLISH, script: 'Latin', basis: 'function-words' } : { code: UNDETERMINED, script: 'Latin', basis: 'insufficient' };
  if (words >= MIN_ACCENTED_WORDS && accentedShare(text) >= MIN_ACCENTED_SHARE) {
    // Letters English does not use (ñ, ç, ş, ő, ạ...) in a text without English function words: franc-min names it.
    const first = francAll(text)[0];
    if (first && first[0] !== ENGLISH && first[0] !== UNDETERMINED) return { code: first[0], script: 'Latin', basis: 'letters' };
  }
  if (words >= FRANC_MIN_WORDS && !mostlyEnglishWords(own, sample)) {
    // The lead over English, not over the runner-up: close kin (Indonesian and Malay, Croatian and
    // Bosnian) share the top, and either is "not English".
    const ranked = francAll(text);
    const first = ranked[0];
    const english = ranked.find(([code]) => code === ENGLISH)?.[1] ?? 0;
    if (first && first[0] !== ENGLISH && first[0] !== UNDETERMINED && first[1] - english >= FRANC_MIN_LEAD) {
      return { code: first[0], script: 'Latin', basis: 'franc' };
    }
  }
  if (english > 0) return { code: ENGLISH, script: 'Latin', basis: 'function-words' };
  return { code: UNDETERMINED, script: 'Latin', basis: 'insufficient' };
}

/** @handles and #hashtags are names, not words of a language: "@la_di_da" is not Italian. */
const HANDLE = /[@#][\p{L}\p{N}_]+/gu;

function handleSpans(text: string): number[] {
  const spans: number[] = [];
  if (!text.includes('@') && !text.includes('#')) return spans;
  HANDLE.lastIndex = 0;
  for (let m = HANDLE.exec(text); m; m = HANDLE.exec(text)) spans.push(m.index, m.index + m[0].length);
  return spans;
}

const inSpans = (spans: number[], at: number) => {
  for (let j = 0; j < spans.length; j += 2) if (at >= spans[j]! && at < spans[j + 1]!) return true;
  return false;
};

function capitalizedWords(own: Tokens, sample: number): number {
  let n = 0;
  for (let k = 0; k < sample; k++) if (!own.isNumeric(k) && own.isCapitalized(k)) n++;
  return n;
}

/** UTF-8 read as Latin-1 ("Ã©" for "é", "Ã¯Â¿Â½"): broken encoding, not another language. */
const MOJIBAKE = /[\u00c2\u00c3][\u0080-\u00bf]/;

/** Share of the Latin letters that carry marks English does not use (é, ñ, ş, ő, ư...): 0 for ASCII text. */
function accentedShare(text: string): number {
  let plain = 0;
  let accented = 0;
  // One letter repeated is a habit, not a language: "ü" for "you" in Singapore SMS.
  let first = -1;
  let another = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (isAsciiLetter(c)) plain++;
    } else if (scriptOf(c) === LATIN && !(c >= 0xff21 && c <= 0xff5a)) {
      accented++;
      const lower = c | 0x20;
      if (first === -1) first = lower;
      else if (lower !== first) another = true;
    }
  }
  return accented < MIN_ACCENTED_LETTERS || !another || MOJIBAKE.test(text) ? 0 : accented / (plain + accented);
}

/**
 * Whether franc-min should stay out: too few real words (4+ letters, no digits) for trigrams, or many of
 * them common English words (SUBTLEX-US rank). Long text without English function words is more often
 * junk (markup, emoji codes like "<U+0001F62D>", lists of names) than another language.
 */
function mostlyEnglishWords(own: Tokens, sample: number): boolean {
  let long = 0;
  let common = 0;
  // Short words ("a", "di", "per", "con") are common in too many languages to say anything.
  for (let k = 0; k < sample; k++) {
    const word = own.lower(k);
    if (word.length < 4 || DIGIT.test(word)) continue;
    long++;
    if (own.rank(k) <= COMMON_ENGLISH_RANK) common++;
  }
  return long < FRANC_MIN_LONG_WORDS || common >= MIN_COMMON_ENGLISH_SHARE * long;
}

const DIGIT = /\d/;

/** Distinct function words of language list k found in the text ("di di di" is one). */
function distinct(k: number): number {
  const seen = new Set<string>();
  for (let j = 0; j < foreignWords.length; j++) if (foreignBits[j]! & (1 << k)) seen.add(foreignWords[j]!);
  return seen.size;
}

function nonLatin(text: string, script: number): Language {
  const name = script === HAN && scriptCounts[KANA]! > 0 ? 'Kana' : SCRIPTS[script]!;
  const shown = name === 'Kana' ? 'Japanese' : name;
  const fixed = SCRIPT_LANGUAGE[name] ?? (name === 'Han' ? 'cmn' : undefined);
  if (fixed) return { code: fixed, script: shown, basis: 'script' };
  if (name === 'Cyrillic' && RUSSIAN_ONLY.test(text) && !NOT_RUSSIAN.test(text)) return { code: 'rus', script: shown, basis: 'script' };
  if (FRANC_SCRIPTS.has(name) && scriptCounts[script]! >= MIN_LETTERS_TO_NAME) {
    const [first, second] = francAll(text);
    if (first && first[0] !== UNDETERMINED && first[0] !== ENGLISH && first[1] - (second?.[1] ?? 0) >= NAME_MIN_LEAD) {
      return { code: first[0], script: shown, basis: 'franc' };
    }
  }
  return { code: UNDETERMINED, script: shown, basis: 'script' };
}

/**
 * Whether a signal that declares `languages` judges a comment in `language`. Latin-script or letterless
 * text of undetermined language is judged as English: short English is the commonest undetermined text.
 */
export function judges(languages: readonly string[] | undefined, language: Language): boolean {
  if (languages === undefined || languages.includes(language.code)) return true;
  const latinOrBlank = language.script === 'Latin' || language.script === 'none';
  return language.code === UNDETERMINED && latinOrBlank && languages.includes(ENGLISH);
}
