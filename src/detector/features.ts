/**
 * What the machine-text detector measures in a comment's prose (see prose.ts): a few dozen named style
 * measurements, and the words it uses. Every measurement is a rate or a share, so it means the same in a
 * tweet and in a forum answer. Each has a plain-words label for the evidence, and a sign: measurements of
 * what people do and language models do not (shouting, slang, profanity, typos, emoji, sloppy casing or
 * spacing) may only lower the score (sign -1); the fit is not allowed to turn them into machine evidence,
 * whatever a training set's generator happened to do.
 */
import { ASSISTANT_VOCABULARY, CONVERSATIONAL_HEDGES, RALLYING_VOCABULARY } from '../data/style-lexicons.js';
import { commonRank, commonWord } from '../text/word-frequency.js';
import { tokens as tokenList, type Tokens } from '../text/tokens.js';
import { proseOf } from './prose.js';

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
  F('exclamations', 'exclamation marks', 0, 'no exclamation marks'),
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

const set = (words: string): ReadonlySet<string> => new Set(words.split(' '));
const FIRST_SINGULAR = set("i me my mine myself i'm i've i'd i'll im ive");
const FIRST_PLURAL = set("we us our ours ourselves let's we're we've we'll we'd");
const SECOND = set("you your yours yourself yourselves you're you've you'll you'd ya y'all");
const THIRD = set("he him his she her hers they them their theirs he's she's they're they've they'll");
const ARTICLES = set('the a an');
const NEGATIONS = set('not no never nothing nobody none neither nor cannot');
const CONJUNCTIONS = set('and but so or yet');
// Spellings and abbreviations of chat, not of edited prose; each is a word no model writes unasked.
const SLANG = set(
  'lol lmao lmfao rofl omg omfg wtf smh tbh imo imho idk idc btw fyi af rn ngl fr bruh bro dude yall ya yeah yep yup nope nah ' +
    'gonna wanna gotta kinda sorta lemme gimme dunno cuz coz bc tho thru u ur r n pls plz thx ty ppl yrs wk ' +
    'dont cant wont didnt doesnt isnt wasnt arent shouldnt couldnt wouldnt thats whats theres hes shes ive youre theyre ' +
    'haha hahaha lmaoo hmm hmmm ugh meh wow ok okay k ha',
);
// Common English swearing: people swear in comments; assistants do not.
const PROFANITY = set(
  'fuck fucking fucked fucker fuckin motherfucker shit shitty bullshit damn damned goddamn ass asshole bitch bitches bastard crap ' +
    'dick pussy piss pissed hell wtf stfu hoe hoes',
);

/** Frequency rank at or below which a word counts as "common" (the, is, people...). */
const COMMON = 100;
const ASSISTANT = new Set(ASSISTANT_VOCABULARY.words);
const RALLYING = new Set(RALLYING_VOCABULARY.words);
const HEDGES = new Set(CONVERSATIONAL_HEDGES.words);
const MID = 1_000;
const LESS = 5_000;
// Words after which the hedged-balance pattern can match: the pattern runs only on texts with one.
const BALANCE_TRIGGERS = set('however hand said important worth essential crucial extent degree solely simply just entirely while');

// What a word form is, as bits: worked out once per form (a thread has ~10x fewer forms than words).
const K_FIRST_SINGULAR = 1;
const K_FIRST_PLURAL = 2;
const K_SECOND = 4;
const K_THIRD = 8;
const K_ARTICLE = 16;
const K_NEGATION = 32;
const K_SLANG = 64;
const K_PROFANITY = 128;
const K_ELONGATED = 256;
const K_ASSISTANT = 512;
const K_RALLYING = 1024;
const K_HEDGE = 2048;
const K_TYPO = 4096;
const K_BALANCE = 8192;

// Facts of a form as written, in the same bits: its case and what its letters are.
const K_SHOUT = 1 << 14;
const K_CAPITAL = 1 << 15;
const K_LOWER_I = 1 << 16;
const K_CONTRACTION = 1 << 17;
const K_NUMBER = 1 << 18;

/**
 * Whether a word belongs to a word list whose measurement has a fixed direction (slang, profanity,
 * hedges, first and second person, negations, articles, the assistant and rallying vocabularies): such a
 * word counts through its list only, so a fit cannot give it the opposite weight as a word ("gonna" as
 * machine evidence because some model wrote it to sound casual).
 */
export function inSignedList(word: string): boolean {
  return (
    SLANG.has(word) || PROFANITY.has(word) || HEDGES.has(word) || FIRST_SINGULAR.has(word) || SECOND.has(word) ||
    NEGATIONS.has(word) || ARTICLES.has(word) || ASSISTANT.has(word) || RALLYING.has(word)
  );
}

/** Frequency band of a form: B_COMMON… B_RARE by rank, then unlisted (rank Infinity). */
const B_COMMON = 0;
const B_MID = 1;
const B_LESS = 2;
const B_RARE = 3;
const B_UNLISTED = 4;

/**
 * What `measure` needs of each word form, worked out the first time the form is seen: a thread has about
 * ten times fewer forms than words, so the per-word work is a few array reads. Valid for one form table.
 */
interface FormFacts {
  table: object;
  known: Uint8Array;
  kind: Int32Array;
  band: Uint8Array;
  logRank: Float64Array;
}
let facts: FormFacts | undefined;

function factsFor(tokens: Tokens): FormFacts {
  if (facts?.table !== tokens.table) facts = { table: tokens.table, known: new Uint8Array(1024), kind: new Int32Array(1024), band: new Uint8Array(1024), logRank: new Float64Array(1024) };
  return facts;
}

function learnForm(f: FormFacts, id: number, tokens: Tokens, k: number): void {
  if (id >= f.known.length) {
    let size = f.known.length;
    while (size <= id) size *= 2;
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    f.known = grow(f.known, (n) => new Uint8Array(n));
    f.kind = grow(f.kind, (n) => new Int32Array(n));
    f.band = grow(f.band, (n) => new Uint8Array(n));
    f.logRank = grow(f.logRank, (n) => new Float64Array(n));
  }
  const lower = tokens.lower(k);
  const written = tokens.written(k);
  const rank = tokens.rank(k);
  const first = written.charCodeAt(0);
  let kind = kindOf(lower);
  if (isUpper(first)) kind |= K_CAPITAL;
  // Only a word outside the common vocabulary, not capitalised (a name), can be a slip of the keyboard.
  else if (!Number.isFinite(rank) && isTypo(lower)) kind |= K_TYPO;
  if (written.length >= 3 && isAllCaps(written, 0, written.length)) kind |= K_SHOUT;
  if (written === 'i') kind |= K_LOWER_I;
  if (isContraction(written, 0, written.length)) kind |= K_CONTRACTION;
  if (tokens.isNumeric(k)) kind |= K_NUMBER;
  f.kind[id] = kind;
  f.band[id] = rank <= COMMON ? B_COMMON : rank <= MID ? B_MID : rank <= LESS ? B_LESS : Number.isFinite(rank) ? B_RARE : B_UNLISTED;
  f.logRank[id] = Math.log(Number.isFinite(rank) ? rank : 50_000);
  f.known[id] = 1;
}

function kindOf(lower: string): number {
  return (
    (FIRST_SINGULAR.has(lower) ? K_FIRST_SINGULAR : 0) |
    (FIRST_PLURAL.has(lower) ? K_FIRST_PLURAL : 0) |
    (SECOND.has(lower) ? K_SECOND : 0) |
    (THIRD.has(lower) ? K_THIRD : 0) |
    (ARTICLES.has(lower) ? K_ARTICLE : 0) |
    (NEGATIONS.has(lower) || lower.endsWith("n't") ? K_NEGATION : 0) |
    (SLANG.has(lower) ? K_SLANG : 0) |
    (PROFANITY.has(lower) ? K_PROFANITY : 0) |
    (isElongated(lower) ? K_ELONGATED : 0) |
    (ASSISTANT.has(lower) ? K_ASSISTANT : 0) |
    (RALLYING.has(lower) ? K_RALLYING : 0) |
    (HEDGES.has(lower) ? K_HEDGE : 0) |
    (BALANCE_TRIGGERS.has(lower) ? K_BALANCE : 0)
  );
}

/** A letter written three times or more in a row ("sooo", "nooo"). */
function isElongated(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2) && /\p{L}/u.test(word[i]!)) return true;
  }
  return false;
}

const EMOJI = /\p{Extended_Pictographic}/gu;
// Emoticons typed with punctuation: :) :-( ;P :D xD <3 (the colon of one is not a colon).
const EMOTICON = /(?<![\p{L}\p{N}])(?:[:;=][-'^o]?[)(\][pPdDoO3/\\|*]+|\b[xX][dD]+\b|<3+)(?![\p{L}\p{N}])/gu;
// Names both sides and argues neither (HC3's "organised, neutral" answers); \b-anchored alternatives only.
const HEDGED_BALANCE =
  /\bhowever,|\bon the other hand\b|\bthat said,|\bit(?: is|'s) (?:also )?(?:important|worth|essential|crucial) to\b|\bto some (?:extent|degree)\b|\b(?:it|this) (?:is|was) not (?:solely|simply|just|entirely)\b|\bwhile (?:it|this|there|some|many|the|they|these) [^.?!,]{3,80},/giu;
/** What the prose puts where it blanked markup out. */
const isBlank = (c: number) => c === 32 || c === 0x200b;
const HAS_LOWER = /[a-z]/;
const HAS_UPPER = /[A-Z]/;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetterCode = (c: number) => isUpper(c) || isLower(c) || c > 0xbf;

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
  if (balanceTrigger) for (const m of prose.matchAll(HEDGED_BALANCE)) {
    balanced++;
    match('hedged-balance', m.index, m.index + m[0].length);
  }
  v('hedged-balance', balanced / Math.max(1, sentenceCount));
  return { prose, tokens, words, style, matches };
}

const CONTRACTION = /^(?:\p{L}+n't|\p{L}+'(?:re|ve|ll|d|m)|(?:it|that|there|he|she|what|who|let|here|where)'s)$/u;

function isContraction(prose: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end - 1; i++) if (prose.charCodeAt(i) === 39) return CONTRACTION.test(prose.slice(start, end).toLowerCase());
  return false;
}

/** Common words a misspelling is one edit away from: the 5,000 commonest, where slips are recognisable. */
const TYPO_TARGET_RANK = 5_000;

/**
 * The common words, and every string one deletion away from one of them (SymSpell's deletion index):
 * a word is one edit from a common word exactly when the word, or one of its own deletions, meets a
 * common word or one of its deletions. Built on first use.
 */
let deletionIndex: { words: Set<string>; deletions: Set<string> } | undefined;

function typoIndex(): { words: Set<string>; deletions: Set<string> } {
  if (deletionIndex) return deletionIndex;
  const words = new Set<string>();
  const deletions = new Set<string>();
  for (let rank = 1; rank <= TYPO_TARGET_RANK; rank++) {
    const w = commonWord(rank);
    if (w === undefined) break;
    if (w.length < 3 || !/^[a-z]+$/.test(w)) continue;
    words.add(w);
    for (let i = 0; i < w.length; i++) deletions.add(w.slice(0, i) + w.slice(i + 1));
  }
  return (deletionIndex = { words, deletions });
}

/**
 * A word not in the common vocabulary (lower case, plain letters, 4 to 15 of them) that one deletion,
 * insertion, substitution or swap of adjacent letters turns into a common word ("becuase", "recieve"):
 * a slip of the keyboard.
 */
export function isTypo(word: string): boolean {
  const n = word.length;
  if (n < 4 || n > 15 || !/^[a-z]+$/.test(word) || commonRank(word) > 0) return false;
  const { words, deletions } = typoIndex();
  if (deletions.has(word)) return true; // a letter missing
  for (let i = 0; i < n; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (words.has(d) || deletions.has(d)) return true; // a letter extra; a letter changed or two swapped
  }
  return false;
}

function isAllCaps(text: string, start: number, end: number): boolean {
  let upper = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isLower(c)) return false;
    if (isUpper(c)) upper++;
  }
  return upper >= 2;
}

/** Punctuation rates per word, and the slips people make and editors remove. */
/**
 * Positions of `c` in `text`, found by the engine's own string search (a comment is mostly letters and
 * spaces: scanning it character by character in script costs more than these few searches).
 */
function each(text: string, c: string, visit: (i: number) => number | void): void {
  for (let i = text.indexOf(c); i >= 0; ) {
    const next = visit(i);
    i = text.indexOf(c, (typeof next === 'number' ? next : i) + 1);
  }
}

/** Punctuation rates per word, and the slips people make and editors remove. */
function punctuation(prose: string, words: number, emoticons: number, v: (id: string, x: number) => void): void {
  let commas = 0;
  let stops = 0;
  let exclamations = 0;
  let questions = 0;
  let ellipses = 0;
  let repeated = 0;
  let slips = 0;
  let dashes = 0;
  const at = (i: number) => prose.charCodeAt(i);
  // A space before the mark, after a word: "word ,".
  const spaceBefore = (i: number) => i > 1 && at(i - 1) === 32 && isLetterCode(at(i - 2));
  each(prose, ',', (i) => {
    if (isDigit(at(i - 1)) && isDigit(at(i + 1))) return; // 1,000
    commas++;
    if (isLetterCode(at(i + 1)) && isLetterCode(at(i - 1))) slips++;
    if (spaceBefore(i)) slips++;
  });
  each(prose, '.', (i) => {
    if (at(i + 1) === 46) {
      let j = i;
      while (at(j) === 46) j++;
      ellipses++;
      if (j - i > 3) repeated++;
      return j - 1;
    }
    stops++;
    // "end.Next": a missing space (not "U.S." or "3.5", whose neighbours are capitals or digits).
    if (isLower(at(i - 1)) && isUpper(at(i + 1)) && isLower(at(i + 2))) slips++;
    return undefined;
  });
  // Runs of ! and ?: one mark is an exclamation or a question, a run is repeated punctuation.
  const marks = (c: string) =>
    each(prose, c, (i) => {
      if (at(i - 1) === 33 || at(i - 1) === 63) return; // inside a run already counted
      let j = i;
      let question = false;
      while (at(j) === 33 || at(j) === 63) question = at(j++) === 63 || question;
      if (j - i > 1) {
        repeated++;
        if (question) questions++;
      } else if (c === '!') exclamations++;
      else questions++;
      if (spaceBefore(i)) slips++;
    });
  marks('!');
  marks('?');
  let colons = 0;
  each(prose, ':', (i) => void (isDigit(at(i + 1)) ? 0 : colons++));
  // A spaced or doubled hyphen is a dash too.
  each(prose, '-', (i) => {
    if (at(i + 1) === 45) {
      dashes++;
      return i + 1;
    }
    if (at(i - 1) === 32 && at(i + 1) === 32) dashes++;
    return undefined;
  });
  const count = (c: string) => {
    let n = 0;
    each(prose, c, () => void n++);
    return n;
  };
  dashes += count('—') + count('–');
  ellipses += count('…');
  const per = (x: number) => x / words;
  v('commas', per(commas));
  v('full-stops', per(stops));
  v('exclamations', per(exclamations));
  v('questions', per(questions));
  v('colons', per(colons));
  v('semicolons', per(count(';')));
  v('dashes', per(dashes));
  v('ellipses', per(ellipses));
  v('parentheses', per(count('(')));
  v('quotation-marks', per((count('"') + count('“') + count('”')) / 2));
  v('ampersands', per(count('&')));
  v('repeated-punctuation', per(repeated));
  v('spacing-slips', per(slips));
  v('no-capitals', HAS_LOWER.test(prose) && !HAS_UPPER.test(prose) ? 1 : 0);
  v('emoji', per((prose.match(EMOJI)?.length ?? 0) + emoticons));
  v('ends-with-punctuation', endsWithPunctuation(prose) ? 1 : 0);
}

/**
 * Whether the last thing written, emoji, closing quotes and brackets aside, is . ! or ?. Emoji and their
 * joiners are all outside ASCII: any such character is stepped over (a letter in another alphabet too,
 * which then ends nothing either way).
 */
function endsWithPunctuation(prose: string): boolean {
  for (let i = prose.length - 1; i >= 0; i--) {
    const c = prose.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63) return true;
    if (c <= 32 || c === 34 || c === 39 || c === 41 || c === 0x2019 || c === 0x201d || c === 0xa0) continue;
    if (c >= 0x2000 && !(c >= 0x2010 && c <= 0x2027 && c !== 0x2019 && c !== 0x201d)) continue;
    return false;
  }
  return false;
}

/** Sentence count, length and spread; how sentences open. Returns the number of sentences. */
// A sentence ends after a run of . ! ? followed by a space or the end, or at a line break. One native
// search per end: no character of the text is visited by script.
const SENTENCE_END = /[.!?]+(?=\s|$)|\n/g;

function sentences(prose: string, tokens: Tokens, v: (id: string, x: number) => void): number {
  let n = 0;
  let sum = 0;
  let squares = 0;
  let lowerStarts = 0;
  let conjunctionStarts = 0;
  let k = 0;
  const sentence = (end: number) => {
    const first = k;
    while (k < tokens.length && tokens.start(k) < end) k++;
    const count = k - first;
    if (count === 0) return;
    n++;
    sum += count;
    squares += count * count;
    if (isLower(prose.charCodeAt(tokens.start(first)))) lowerStarts++;
    if (CONJUNCTIONS.has(tokens.lower(first))) conjunctionStarts++;
  };
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(prose); m; m = SENTENCE_END.exec(prose)) sentence(m.index + m[0].length);
  sentence(prose.length);
  const mean = n ? sum / n : 0;
  const sd = n ? Math.sqrt(Math.max(0, squares / n - mean * mean)) : 0;
  v('sentences', Math.log(1 + n));
  v('sentence-length', Math.log(1 + mean));
  v('sentence-length-variation', n >= 2 && mean > 0 ? sd / mean : 0);
  v('lowercase-sentence-starts', n ? lowerStarts / n : 0);
  v('sentence-capitals', n && lowerStarts === 0 ? 1 : 0);
  v('conjunction-starts', n ? conjunctionStarts / n : 0);
  return n;
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
