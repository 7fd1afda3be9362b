/**
 * Name data for grounding: demonyms link "Russian" to "Russia" (so naming the country an article is
 * about is not mistaken for engaging with a specific), and generic capitalised words are never specifics.
 * Words are lower case as written; src/text/article.ts links their stems.
 */

/** Demonyms and other words that name a country: [word, country], as written in lower case. */
export const DEMONYM_PAIRS: ReadonlyArray<readonly [string, string]> = [
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

/** Capitalised words that name no particular thing: weekdays, months, compass adjectives, titles. */
export const GENERIC_CAPITALIZED: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'western', 'eastern', 'northern', 'southern', 'west', 'east', 'north', 'south',
  'president', 'minister', 'prime', 'chancellor', 'leader', 'leaders', 'mr', 'mrs', 'ms', 'dr',
  'government', 'state', 'states', 'national', 'international', 'global', 'world',
]);
