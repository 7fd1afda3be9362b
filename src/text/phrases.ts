/** Runs phrase-list entries over text and returns matches with offsets into the original text. */
import type { PhraseEntry } from '../data/types.js';
import { normalizeSameLength } from './normalize.js';

export interface PhraseMatch {
  entry: PhraseEntry;
  span: [number, number];
  text: string;
}

export const DEFAULT_PHRASE_WEIGHT = 0.45;

const compiled = new WeakMap<PhraseEntry, RegExp>();

export function compilePhrase(entry: PhraseEntry): RegExp {
  let re = compiled.get(entry);
  if (!re) {
    re = new RegExp(entry.pattern, 'giu');
    compiled.set(entry, re);
  }
  return re;
}

const anyOf = new WeakMap<readonly PhraseEntry[], RegExp>();

/** One alternation of a whole list: most comments match no entry, and one scan tells. */
function anyPhrase(entries: readonly PhraseEntry[]): RegExp {
  let re = anyOf.get(entries);
  if (!re) {
    re = new RegExp(entries.map((e) => `(?:${e.pattern})`).join('|'), 'iu');
    anyOf.set(entries, re);
  }
  return re;
}

/** All non-overlapping matches of all entries, in text order; the first entry wins an overlap. */
export function matchPhrases(text: string, entries: readonly PhraseEntry[]): PhraseMatch[] {
  const plain = normalizeSameLength(text);
  if (entries.length === 0 || !anyPhrase(entries).test(plain)) return [];
  const found: PhraseMatch[] = [];
  for (const entry of entries) {
    const re = compilePhrase(entry);
    re.lastIndex = 0;
    for (const m of plain.matchAll(re)) {
      if (m[0].length === 0) continue;
      const span: [number, number] = [m.index, m.index + m[0].length];
      if (found.some((f) => span[0] < f.span[1] && f.span[0] < span[1])) continue;
      found.push({ entry, span, text: text.slice(span[0], span[1]) });
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

/** Evidence of several independent matches: 1 - prod(1 - weight). */
export function combineWeights(weights: number[]): number {
  return 1 - weights.reduce((acc, w) => acc * (1 - w), 1);
}
