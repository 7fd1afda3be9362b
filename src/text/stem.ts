/** Porter stems of words, cached, as every part of threadsift compares them. */
import { porterStem } from './porter.js';
import { commonStem } from './word-frequency.js';

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Porter stem with a bounded cache (word frequencies are Zipfian, so the cache hit rate is high). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = isNumeric(word) ? word : (commonStem(word) ?? porterStem(word));
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** stem(word) for a word that is neither numeric nor among the common words (commonRank 0). */
export function rareStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = porterStem(word);
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
