/**
 * What the detector knows of a word form: the word lists whose measurement has a fixed direction (see
 * StyleFeature.sign in features.ts), its case, its frequency band, and whether it is a slip of the
 * keyboard. Worked out once per form and kept as bits.
 */
import { ASSISTANT_VOCABULARY, CONVERSATIONAL_HEDGES, RALLYING_VOCABULARY } from '../data/style-lexicons.js';
import { commonRank, commonWord } from '../text/word-frequency.js';
import type { Tokens } from '../text/tokens.js';

const set = (words: string): ReadonlySet<string> => new Set(words.split(' '));
const FIRST_SINGULAR = set("i me my mine myself i'm i've i'd i'll im ive");
const FIRST_PLURAL = set("we us our ours ourselves let's we're we've we'll we'd");
const SECOND = set("you your yours yourself yourselves you're you've you'll you'd ya y'all");
const THIRD = set("he him his she her hers they them their theirs he's she's they're they've they'll");
const ARTICLES = set('the a an');
const NEGATIONS = set('not no never nothing nobody none neither nor cannot');
export const CONJUNCTIONS = set('and but so or yet');
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
export const K_FIRST_SINGULAR = 1;
export const K_FIRST_PLURAL = 2;
export const K_SECOND = 4;
export const K_THIRD = 8;
export const K_ARTICLE = 16;
export const K_NEGATION = 32;
export const K_SLANG = 64;
export const K_PROFANITY = 128;
export const K_ELONGATED = 256;
export const K_ASSISTANT = 512;
export const K_RALLYING = 1024;
export const K_HEDGE = 2048;
export const K_TYPO = 4096;
export const K_BALANCE = 8192;

// Facts of a form as written, in the same bits: its case and what its letters are.
export const K_SHOUT = 1 << 14;
export const K_CAPITAL = 1 << 15;
export const K_LOWER_I = 1 << 16;
export const K_CONTRACTION = 1 << 17;
export const K_NUMBER = 1 << 18;

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
export const B_COMMON = 0;
export const B_MID = 1;
export const B_LESS = 2;
export const B_RARE = 3;
export const B_UNLISTED = 4;

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

export function factsFor(tokens: Tokens): FormFacts {
  if (facts?.table !== tokens.table) facts = { table: tokens.table, known: new Uint8Array(1024), kind: new Int32Array(1024), band: new Uint8Array(1024), logRank: new Float64Array(1024) };
  return facts;
}

export function learnForm(f: FormFacts, id: number, tokens: Tokens, k: number): void {
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

export const isUpper = (c: number) => c >= 65 && c <= 90;
export const isLower = (c: number) => c >= 97 && c <= 122;

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
