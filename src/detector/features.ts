/**
 * What the machine-text detector measures in a comment's prose (see prose.ts): a few dozen named style
 * measurements, and the words it uses. Every measurement is a rate or a share, so it means the same in a
 * tweet and in a forum answer. Each has a plain-words label for the evidence, and a sign: measurements of
 * what people do and language models do not (shouting, slang, profanity, typos, emoji, exclamation marks,
 * sloppy casing or spacing) may only lower the score (sign -1); the fit is not allowed to turn them into
 * machine evidence, whatever a training set's generator happened to do.
 */
import { foldsLikeLowerCase } from '../text/phrases.js';
import { tokens as tokenList, type Tokens } from '../text/tokens.js';
import { proseOf } from './prose.js';
import { punctuation, sentences } from './punctuation.js';
import {
  B_COMMON, B_LESS, B_MID, B_RARE, B_UNLISTED, K_ARTICLE, K_ASSISTANT, K_BALANCE, K_CAPITAL, K_CONTRACTION,
  K_ELONGATED, K_FIRST_PLURAL, K_FIRST_SINGULAR, K_HEDGE, K_LOWER_I, K_NEGATION, K_NUMBER, K_PROFANITY, K_RALLYING,
  K_SECOND, K_SHOUT, K_SLANG, K_THIRD, K_TYPO, factsFor, learnForm,
} from './words.js';

/** One named style measurement. */
export interface StyleFeature {
  /** kebab-case, stable: the model file names its weights by it. */
  id: string;
  /** Plain words for the evidence, said when the measurement raised the score ("no contractions"). */
  label: string;
  /**
   * The direction the measurement may count in, fixed by what is known of machine and human writing
   * across genres, never by one data set: 1 only towards machine-written, -1 only towards human, 0
   * either way (genre decides, and the fit may find none). A signed measurement counts from zero (its
   * absence is no evidence); one of either direction counts from its mean.
   */
  sign: 1 | -1 | 0;
  /** For sign 0: plain words for a value below the mean, said when that raised the score ("few sentences"). */
  low?: string;
}

const F = (id: string, label: string, sign: 1 | -1 | 0 = 0, low?: string): StyleFeature => ({ id, label, sign, ...(low ? { low } : {}) });

/** The style measurements, in the order of the vector `measure` returns. */
export const STYLE_FEATURES: readonly StyleFeature[] = [
  F('length', 'a long text', 0, 'a short text'),
  // Word choice: models prefer a middle-register, longer, more formal vocabulary (Liang et al. 2024).
  F('common-words', 'few of the very commonest words', -1),
  F('mid-frequency-words', 'many everyday words', 0, 'few everyday words'),
  F('less-common-words', 'a formal vocabulary', 1),
  F('rare-words', 'uncommon words', 1),
  F('unlisted-lowercase', 'words outside the common vocabulary', 0, 'only common vocabulary'),
  F('unlisted-capitalised', 'names and capitalised terms', 0, 'few names'),
  F('mean-word-rank', 'a vocabulary rarer than everyday speech', 1),
  F('word-length', 'long words', 1),
  F('long-words', 'many long words', 1),
  F('assistant-vocabulary', 'words assistant models favour', 1),
  F('rallying-vocabulary', 'the upbeat rallying words of generated posts', 1),
  F('conversational-hedges', 'hedges and fillers (probably, actually, stuff)', -1),
  F('hedged-balance', 'hedged balance ("However,", "it is important to")', 1),
  // Casing and spacing: models write edited text; people shout, skip capitals and slip.
  F('shouting', 'words in capitals', -1),
  F('no-capitals', 'no capital letters', -1),
  F('lowercase-sentence-starts', 'sentences starting in lower case', -1),
  F('lowercase-i', 'a lower-case "i"', -1),
  F('capitalised-words', 'many capitalised words', 0, 'few capitalised words'),
  F('sentence-capitals', 'every sentence capitalised', 1),
  F('typos', 'misspellings', -1),
  F('spacing-slips', 'spacing slips around punctuation', -1),
  F('repeated-punctuation', 'repeated punctuation (!!, ??)', -1),
  // Punctuation, per word.
  F('commas', 'many commas', 1),
  F('full-stops', 'many full stops', 0, 'few full stops'),
  // An exclamation mark is the writer's own emphasis, as shouting and emoji are: it may only count as human.
  F('exclamations', 'exclamation marks', -1),
  F('questions', 'questions', 0, 'no questions'),
  F('colons', 'colons', 0, 'no colons'),
  F('semicolons', 'semicolons', 0, 'no semicolons'),
  F('dashes', 'dashes', 0, 'no dashes'),
  F('ellipses', 'ellipses (...)', -1),
  F('parentheses', 'parentheses', 0, 'no parentheses'),
  F('quotation-marks', 'quotation marks', 0, 'no quotation marks'),
  F('ampersands', 'ampersands', 0, 'no ampersands'),
  F('ends-with-punctuation', 'ends on a finished sentence', 1),
  F('emoji', 'emoji and emoticons', -1),
  // Sentences: models write complete, even sentences (Muñoz-Ortiz et al. 2024).
  F('sentences', 'several sentences', 0, 'few sentences'),
  F('sentence-length', 'long sentences', 0, 'short sentences'),
  F('sentence-length-variation', 'sentences of varied length', -1),
  F('conjunction-starts', 'sentences opening with And/But/So', -1),
  // Function words: people speak of themselves, argue and address each other (HC3).
  F('first-person-singular', 'first person (I, me, my)', -1),
  F('first-person-plural', "first person plural (we, our, let's)", 0, 'no first person plural'),
  F('second-person', 'addresses the reader (you, your)', -1),
  F('third-person', 'third-person pronouns', 0, 'no third-person pronouns'),
  F('articles', 'articles (the, a)', 1),
  F('negations', 'negations', -1),
  F('contractions', 'contractions', -1),
  F('no-contractions', 'no contractions', 1),
  F('slang', 'slang and text-speak', -1),
  F('profanity', 'profanity', -1),
  F('elongated-words', 'stretched words (sooo)', -1),
  F('numbers', 'numbers', 0, 'no numbers'),
];

const INDEX = new Map(STYLE_FEATURES.map((f, i) => [f.id, i]));
/** Position of a style feature in the vector. */
export const styleIndex = (id: string): number => INDEX.get(id)!;

// Emoticons typed with punctuation: :) :-( ;P :D xD <3 (the colon of one is not a colon).
const EMOTICON = /(?<![\p{L}\p{N}])(?:[:;=][-'^o]?[)(\][pPdDoO3/\\|*]+|\b[xX][dD]+\b|<3+)(?![\p{L}\p{N}])/gu;
// Names both sides and argues neither (HC3's "organised, neutral" answers). Written in lower case and run
// over the lower-cased prose: V8 runs flag "iu" several times slower, and where foldsLikeLowerCase holds
// the two find the same matches (text/phrases.ts); elsewhere the "iu" form runs over the prose itself.
const HEDGED_BALANCE =
  /\b(?:however,|on the other hand\b|that said,|it(?: is|'s) (?:also )?(?:important|worth|essential|crucial) to\b|to some (?:extent|degree)\b|(?:it|this) (?:is|was) not (?:solely|simply|just|entirely)\b|while (?:it|this|there|some|many|the|they|these) [^.?!,]{3,80},)/gu;
const HEDGED_BALANCE_ANY_CASE = new RegExp(HEDGED_BALANCE.source, 'giu');
/** What the prose puts where it blanked markup out. */
const isBlank = (c: number) => c === 32 || c === 0x200b;

/** What `measure` found in a comment. */
export interface Measured {
  /** The prose the measurements were taken on (same length as the comment). */
  prose: string;
  tokens: Tokens;
  /** Word tokens (letters, not bare numbers). */
  words: number;
  /** The vector, in STYLE_FEATURES order. */
  style: Float64Array;
  /** Where the word lists and patterns matched (the first few), by feature id: the evidence behind them. */
  matches: Map<string, Array<[number, number]>>;
}

const MAX_MATCHES = 3;

/**
 * Measure a comment's style. Its words are the text's tokens that start outside the markup the prose
 * blanks (links, mentions, hashtags, character references); `known` passes the tokens of this very text
 * when the caller already has them (the thread's features).
 */
export function measure(text: string, known?: Tokens): Measured {
  const raw = proseOf(text);
  const emoticons = raw.match(EMOTICON)?.length ?? 0;
  const prose = emoticons ? raw.replace(EMOTICON, (m) => ' '.repeat(m.length)) : raw;
  const all = known ?? tokenList(text);
  const tokens = prose === text ? all : all.filter((k) => !isBlank(prose.charCodeAt(all.start(k))));
  const style = new Float64Array(STYLE_FEATURES.length);
  const v = (id: string, x: number) => {
    style[INDEX.get(id)!] = x;
  };
  let words = 0;
  let numbers = 0;
  const bands = [0, 0, 0, 0, 0];
  let unlistedCapital = 0;
  let logRank = 0;
  let letters = 0;
  let longWords = 0;
  let shouting = 0;
  let capitalised = 0;
  let lowerI = 0;
  let firstS = 0;
  let firstP = 0;
  let second = 0;
  let third = 0;
  let articles = 0;
  let negations = 0;
  let contractions = 0;
  let slang = 0;
  let profanity = 0;
  let elongated = 0;
  let assistant = 0;
  let rallying = 0;
  let hedges = 0;
  let typos = 0;
  let balanceTrigger = false;
  const matches = new Map<string, Array<[number, number]>>();
  const match = (id: string, start: number, end: number) => {
    const list = matches.get(id);
    if (!list) matches.set(id, [[start, end]]);
    else if (list.length < MAX_MATCHES) list.push([start, end]);
  };
  const f = factsFor(tokens);
  for (let k = 0; k < tokens.length; k++) {
    const id = tokens.form(k);
    if (id >= f.known.length || f.known[id] === 0) learnForm(f, id, tokens, k);
    const kind = f.kind[id]!;
    if (kind & K_NUMBER) {
      numbers++;
      continue;
    }
    words++;
    const band = f.band[id]!;
    bands[band]!++;
    if (band === B_UNLISTED && kind & K_CAPITAL) unlistedCapital++;
    logRank += f.logRank[id]!;
    const length = tokens.end(k) - tokens.start(k);
    letters += length;
    if (length >= 9) longWords++;
    if (kind & K_SHOUT) shouting++;
    if (k > 0 && kind & K_CAPITAL) capitalised++;
    if (kind & K_LOWER_I) lowerI++;
    if (kind & K_CONTRACTION) contractions++;
    if (kind & K_FIRST_SINGULAR) firstS++;
    if (kind & K_FIRST_PLURAL) firstP++;
    if (kind & K_SECOND) second++;
    if (kind & K_THIRD) third++;
    if (kind & K_ARTICLE) articles++;
    if (kind & K_NEGATION) negations++;
    if (kind & K_SLANG) slang++;
    if (kind & K_PROFANITY) profanity++;
    if (kind & K_ELONGATED) elongated++;
    if (kind & K_HEDGE) hedges++;
    if (kind & K_BALANCE) balanceTrigger = true;
    if (kind & K_TYPO) typos++;
    if (kind & K_ASSISTANT) {
      assistant++;
      match('assistant-vocabulary', tokens.start(k), tokens.end(k));
    }
    if (kind & K_RALLYING) {
      rallying++;
      match('rallying-vocabulary', tokens.start(k), tokens.end(k));
    }
  }
  const common = bands[B_COMMON]!;
  const mid = bands[B_MID]!;
  const less = bands[B_LESS]!;
  const rare = bands[B_RARE]!;
  const unlistedLower = bands[B_UNLISTED]! - unlistedCapital;
  const w = Math.max(1, words);
  v('length', Math.log(1 + words));
  v('common-words', common / w);
  v('mid-frequency-words', mid / w);
  v('less-common-words', less / w);
  v('rare-words', rare / w);
  v('unlisted-lowercase', unlistedLower / w);
  v('unlisted-capitalised', unlistedCapital / w);
  v('mean-word-rank', logRank / w);
  v('word-length', letters / w);
  v('long-words', longWords / w);
  v('shouting', shouting / w);
  v('capitalised-words', capitalised / w);
  v('lowercase-i', lowerI / w);
  v('first-person-singular', firstS / w);
  v('first-person-plural', firstP / w);
  v('second-person', second / w);
  v('third-person', third / w);
  v('articles', articles / w);
  v('negations', negations / w);
  v('contractions', contractions / w);
  v('no-contractions', contractions === 0 ? 1 : 0);
  v('slang', slang / w);
  v('profanity', profanity / w);
  v('elongated-words', elongated / w);
  v('numbers', numbers / Math.max(1, words + numbers));
  v('assistant-vocabulary', assistant / w);
  v('rallying-vocabulary', rallying / w);
  v('conversational-hedges', hedges / w);
  v('typos', typos / w);
  punctuation(prose, w, emoticons, v);
  const sentenceCount = sentences(prose, tokens, v);
  let balanced = 0;
  if (balanceTrigger) {
    const lower = prose.toLowerCase();
    const folded = foldsLikeLowerCase(prose, lower);
    for (const m of (folded ? lower : prose).matchAll(folded ? HEDGED_BALANCE : HEDGED_BALANCE_ANY_CASE)) {
      balanced++;
      match('hedged-balance', m.index, m.index + m[0].length);
    }
  }
  v('hedged-balance', balanced / Math.max(1, sentenceCount));
  return { prose, tokens, words, style, matches };
}

/** Digits carry no general meaning ("2015", "10k"): every run of them is one symbol. */
export const wordKey = (lower: string) => (/\d/.test(lower) ? lower.replace(/\d+/g, '#') : lower);

/** The distinct words of a measured comment (lower case, digits folded), each with its first span. */
export function wordsOf(m: Measured): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (let k = 0; k < m.tokens.length; k++) {
    const key = wordKey(m.tokens.lower(k));
    if (!out.has(key)) out.set(key, [m.tokens.start(k), m.tokens.end(k)]);
  }
  return out;
}
