/** Word tokens with offsets, stems and content-word filtering, shared by all signals. */
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';
import { normalizeSameLength, originalEnd, originalStart, visibleText } from './normalize.js';
import { porterStem } from './porter.js';

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

// natural's list plus contraction stems and discourse words that carry no topic.
const EXTRA_STOPWORDS = [
  "it's", "i'm", "you're", "we're", "they're", "that's", "there's", "what's", "let's", "don't", "doesn't",
  "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "couldn't", "shouldn't", "wouldn't",
  "i've", "you've", "we've", "they've", "i'd", "you'd", "he's", "she's", "i'll", "you'll", "we'll", "they'll",
  'also', 'just', 'really', 'very', 'much', 'many', 'well', 'even', 'still', 'yet', 'though', 'however',
  'would', 'could', 'should', 'might', 'must', 'shall', 'may', 'will', 'can', 'one', 'get', 'got', 'like',
  'make', 'made', 'say', 'said', 'says', 'see', 'seem', 'seems', 'way', 'thing', 'things', 'lot', 'us',
  'our', 'their', 'them', 'they', 'its', 'it', 'this', 'that', 'these', 'those', 'de', 'la', 'le', 'el',
];
export const STOPWORDS: ReadonlySet<string> = new Set([...naturalStopwords, ...EXTRA_STOPWORDS]);

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Porter stem with a bounded cache (word frequencies are Zipfian, so the cache hit rate is high). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = isNumeric(word) ? word : porterStem(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Whether a word is all numbers (\p{N}+): "2024", "٣". ASCII is decided without the Unicode regex. */
export function isNumeric(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    // The only numbers in ASCII are 0-9; anything else non-ASCII is for the Unicode class to judge.
    return c < 128 ? false : /^\p{N}+$/u.test(s);
  }
  return true;
}

/** Tokenize `text`; offsets index into `text` itself (zero-width characters inside a word are skipped). */
export function tokenize(text: string): Token[] {
  const visible = visibleText(text);
  const plain = normalizeSameLength(visible.text);
  const tokens: Token[] = [];
  for (const m of plain.matchAll(WORD)) {
    const raw = m[0];
    const start = originalStart(visible, m.index);
    let lower = raw.toLowerCase();
    if (lower.includes('.')) lower = lower.replace(/\./g, '');
    // Possessives name the same thing as the bare noun: "Russia's" is "Russia".
    if (lower.endsWith("'s")) lower = lower.slice(0, -2);
    const numeric = isNumeric(lower);
    const content = !STOPWORDS.has(lower) && (numeric ? lower.length >= 2 : lower.length >= 3);
    const first = raw[0]!;
    tokens.push({
      lower,
      stem: content ? stem(lower) : lower,
      start,
      end: originalEnd(visible, m.index + raw.length),
      capitalized: first !== first.toLowerCase(),
      content,
    });
  }
  return tokens;
}
