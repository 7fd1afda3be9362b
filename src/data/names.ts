/**
 * Name data for grounding: demonyms link "Russian" to "Russia" (so naming the country an article is
 * about is not mistaken for engaging with a specific), and generic capitalised words are never specifics.
 * Keys and values are Porter stems of lower-case words, as tokens.ts produces them.
 */
import { stem } from '../text/stem.js';

const DEMONYM_PAIRS: Array<[string, string]> = [
  ['russian', 'russia'], ['chinese', 'china'], ['american', 'america'], ['american', 'us'],
  ['america', 'us'], ['british', 'britain'], ['british', 'uk'], ['english', 'england'],
  ['french', 'france'], ['german', 'germany'], ['italian', 'italy'], ['spanish', 'spain'],
  ['japanese', 'japan'], ['korean', 'korea'], ['indian', 'india'], ['canadian', 'canada'],
  ['mexican', 'mexico'], ['brazilian', 'brazil'], ['ukrainian', 'ukraine'], ['israeli', 'israel'],
  ['palestinian', 'palestine'], ['iranian', 'iran'], ['turkish', 'turkey'], ['european', 'europe'],
  ['australian', 'australia'], ['taiwanese', 'taiwan'], ['cuban', 'cuba'], ['venezuelan', 'venezuela'],
  ['polish', 'poland'], ['dutch', 'netherlands'], ['swedish', 'sweden'], ['saudi', 'arabia'],
  ['soviet', 'russia'], ['sino', 'china'], ['kremlin', 'russia'], ['washington', 'us'],
];

let demonyms: Map<string, string[]> | undefined;

/** Stems linked to a stem (both directions), built on first use: stemming at start-up would load the word table. */
export function linkedStems(s: string): readonly string[] {
  if (!demonyms) {
    const map = new Map<string, string[]>();
    const link = (a: string, b: string) => map.set(a, [...(map.get(a) ?? []), b]);
    for (const [a, b] of DEMONYM_PAIRS) {
      link(stem(a), stem(b));
      link(stem(b), stem(a));
    }
    demonyms = map;
  }
  return demonyms.get(s) ?? [];
}

/** Capitalised words that name no particular thing: weekdays, months, compass adjectives, titles. */
export const GENERIC_CAPITALIZED: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'western', 'eastern', 'northern', 'southern', 'west', 'east', 'north', 'south',
  'president', 'minister', 'prime', 'chancellor', 'leader', 'leaders', 'mr', 'mrs', 'ms', 'dr',
  'government', 'state', 'states', 'national', 'international', 'global', 'world',
]);
