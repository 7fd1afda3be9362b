/** Runs phrase-list entries over text and returns matches with offsets into the original text. */
import type { PhraseEntry } from '../data/types.js';
import { checkMemoryEvery } from '../memory.js';
import { matchableText, originalEnd, originalStart, type Visible } from './normalize.js';
import { anyOfSource, factorWordBoundary, standsAlone } from './regex-safety.js';

export interface PhraseMatch {
  entry: PhraseEntry;
  span: [number, number];
  text: string;
}

export const DEFAULT_PHRASE_WEIGHT = 0.45;

/**
 * V8 matches case-insensitive Unicode regexes (flag "iu") several times slower than case-sensitive ones.
 * Patterns written without capital letters are therefore run case-sensitively over lower-cased text,
 * which is equivalent whenever foldsLikeLowerCase holds; patterns with capitals (\S, \W, [A-Z]...) and
 * other texts use "iu".
 */

/**
 * Whether matching `lower` (= `text` lower-cased) case-sensitively with a pattern of lower-case ASCII
 * is the same as matching `text` with flag "iu". Two characters break it: "İ" lower-cases to two
 * characters (offsets would shift), and "ſ" (long s) matches "s" and \w under "iu" but stays "ſ". Every
 * other character of the BMP is checked by test/text/phrases.test.ts.
 */
export function foldsLikeLowerCase(text: string, lower: string): boolean {
  return lower.length === text.length && !lower.includes('\u017F');
}
interface Compiled {
  exact: RegExp;
  folded?: RegExp;
  /** The same patterns, sticky: does the entry match exactly here? Compiled on first use. */
  stickyExact?: RegExp;
  stickyFolded?: RegExp;
}

const compiled = new WeakMap<PhraseEntry, Compiled>();

function compile(source: string): Compiled {
  const pattern = factorWordBoundary(source);
  return { exact: new RegExp(pattern, 'giu'), ...(/[A-Z]/.test(source) ? {} : { folded: new RegExp(pattern, 'gu') }) };
}

function pick(c: Compiled, lower: string | undefined): RegExp {
  return lower !== undefined && c.folded ? c.folded : c.exact;
}

function entryRegexes(entry: PhraseEntry): Compiled {
  let c = compiled.get(entry);
  if (!c) compiled.set(entry, (c = compile(entry.pattern)));
  return c;
}

/**
 * How a list is matched. Entries share one alternation per way of reading the text; the rest ("alone")
 * are tested one by one: patterns with capitals (\S, [A-Z]...) cannot read lower-cased text, and
 * patterns with backreferences or named groups cannot share an expression (standsAlone). Entries that
 * declare `needs` are searched on their own too, and only in texts that hold their needs.
 */
interface ListPlan {
  /** Shared entries as one case-insensitive alternation, over the text itself. */
  all?: RegExp;
  aloneAll: readonly PhraseEntry[];
  /** Shared entries without capitals as one case-sensitive alternation, over lower-cased text. */
  folded?: RegExp;
  aloneFolded: readonly PhraseEntry[];
  /**
   * Shared entries that declare `needs`, kept out of the alternation of each reading: a text is searched
   * for one of them, on its own, only when its needs is found in the text.
   */
  needyAll: readonly Needy[];
  needyFolded: readonly Needy[];
}

interface Needy {
  entry: PhraseEntry;
  needs: RegExp;
}

const plans = new WeakMap<readonly PhraseEntry[], ListPlan>();

/** One alternation of a whole list: most comments match no entry, and one scan tells. */
function planOf(entries: readonly PhraseEntry[]): ListPlan {
  let plan = plans.get(entries);
  if (!plan) {
    const alternation = (list: readonly PhraseEntry[], flags: string) =>
      list.length ? new RegExp(anyOfSource(list.map((e) => e.pattern)), flags) : undefined;
    const shared = entries.filter((e) => !standsAlone(e.pattern));
    const lowerOnly = shared.filter((e) => !/[A-Z]/.test(e.pattern));
    // Over lower-cased text a needs is read case-sensitively too, so it must be written without capitals.
    const needy = (list: readonly PhraseEntry[], flags: string): Needy[] =>
      list.filter((e) => e.needs !== undefined && (flags === 'iu' || !/[A-Z]/.test(e.needs))).map((entry) => ({ entry, needs: new RegExp(entry.needs!, flags) }));
    const needyAll = needy(shared, 'iu');
    const needyFolded = needy(lowerOnly, 'u');
    plan = {
      all: alternation(shared.filter((e) => !needyAll.some((n) => n.entry === e)), 'giu'),
      aloneAll: entries.filter((e) => !shared.includes(e)),
      folded: alternation(lowerOnly.filter((e) => !needyFolded.some((n) => n.entry === e)), 'gu'),
      aloneFolded: entries.filter((e) => !lowerOnly.includes(e)),
      needyAll,
      needyFolded,
    };
    plans.set(entries, plan);
  }
  return plan;
}

/** The entries kept out of the alternation whose needs is in the subject (most texts: none, and no array). */
function presentNeedy(needy: readonly Needy[], subject: string): readonly PhraseEntry[] {
  let present: PhraseEntry[] | undefined;
  for (let k = 0; k < needy.length; k++) if (needy[k]!.needs.test(subject)) (present ??= []).push(needy[k]!.entry);
  return present ?? NO_ENTRIES;
}

const NO_ENTRIES: readonly PhraseEntry[] = Object.freeze([]);

/**
 * Where the earliest match of any entry in the list starts, or -1 when none matches: most comments
 * match no entry, and one scan tells. No entry can match before it, so entries' scans start there.
 * `searched`: the entries searched one by one (those that stand alone, and needy ones that are present).
 */
function firstMatch(combined: RegExp | undefined, searched: readonly PhraseEntry[], plain: string, lower: string | undefined): number {
  let first = combined ? (execFrom(combined, lower ?? plain, 0)?.index ?? -1) : -1;
  for (const e of searched) {
    const c = entryRegexes(e);
    const re = pick(c, lower);
    const m = execFrom(re, re === c.folded ? lower! : plain, 0);
    if (m && (first < 0 || m.index < first)) first = m.index;
  }
  return first;
}

function execFrom(re: RegExp, text: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(text);
}

/** The index after the code point at `i` (matchAll's step past an empty match with flag u). */
function nextCodePoint(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}

/**
 * Every position where some entry of the list matches, ascending, from the first (`first`): an
 * alternation matches at exactly the positions where one of its entries does (see anyOfSource), so
 * searching it again one code point past each finds the next. `res` are the list's alternation and the
 * regexes of the entries searched on their own; their positions are merged.
 */
function matchStarts(res: readonly RegExp[], text: string, first: number): number[] {
  const starts = [first];
  for (const re of res) {
    for (let m = execFrom(re, text, nextCodePoint(text, first)); m; m = execFrom(re, text, nextCodePoint(text, m.index))) starts.push(m.index);
  }
  if (res.length < 2) return starts;
  starts.sort((x, y) => x - y);
  return starts.filter((x, k) => k === 0 || x !== starts[k - 1]);
}

// Several signals match the same list over the same comment (boilerplate, and agenda-drift to skip
// filler words): remember recent results per list. Bounded, so a million-comment run stays flat.
const recent = new WeakMap<readonly PhraseEntry[], Map<string, readonly PhraseMatch[]>>();
const memos = new Set<Map<string, readonly PhraseMatch[]>>();
const RECENT_LIMIT = 50_000;

/** All non-overlapping matches of all entries, in text order; the first entry wins an overlap. */
export function matchPhrases(text: string, entries: readonly PhraseEntry[]): readonly PhraseMatch[] {
  // Called for every comment by several signals: where a large thread's garbage piles up.
  checkMemoryEvery();
  let memo = recent.get(entries);
  if (!memo) {
    recent.set(entries, (memo = new Map()));
    memos.add(memo);
  }
  let result = memo.get(text);
  if (!result) {
    if (memo.size >= RECENT_LIMIT) memo.clear();
    memo.set(text, (result = scan(text, entries)));
  }
  return result;
}

/** A text as the matcher reads it: invisible characters out, quotes and dashes plain, lower-cased. */
interface Prepared {
  visible: Visible;
  plain: string;
  /** `plain` lower-cased, when matching it case-sensitively equals flag "i" (see foldsLikeLowerCase). */
  lower: string | undefined;
}

// Every list reads the same prepared text (promo, boilerplate and agreement all scan each comment).
// Bounded by characters as well as entries: each entry holds copies of its text.
const preparedTexts = new Map<string, Prepared>();
const PREPARED_CHAR_LIMIT = 8_000_000;
let preparedChars = 0;

function prepare(text: string): Prepared {
  let p = preparedTexts.get(text);
  if (!p) {
    if (preparedTexts.size >= RECENT_LIMIT || preparedChars >= PREPARED_CHAR_LIMIT) {
      preparedTexts.clear();
      preparedChars = 0;
    }
    preparedChars += text.length;
    const { visible, plain } = matchableText(text);
    const lowered = plain.toLowerCase();
    p = { visible, plain, lower: foldsLikeLowerCase(plain, lowered) ? lowered : undefined };
    preparedTexts.set(text, p);
  }
  return p;
}

/**
 * Forget the texts remembered above. A scan calls it after each thread: the signals share these results
 * within a thread, while across threads they would only keep texts alive, in every worker.
 */
export function forgetTexts(): void {
  for (const memo of memos) memo.clear();
  preparedTexts.clear();
  preparedChars = 0;
}

/** How many texts are remembered above (matches and prepared forms): for tests. */
export function rememberedTexts(): number {
  let n = preparedTexts.size;
  for (const memo of memos) n += memo.size;
  return n;
}

// Most texts match no entry of a list: one shared, frozen result for them, not an array per text.
const NONE: readonly PhraseMatch[] = Object.freeze([]);

function scan(text: string, entries: readonly PhraseEntry[]): readonly PhraseMatch[] {
  if (entries.length === 0) return NONE;
  const { visible, plain, lower } = prepare(text);
  const plan = planOf(entries);
  const subject = lower ?? plain;
  const [combined, alone, needy] = lower === undefined ? [plan.all, plan.aloneAll, plan.needyAll] : [plan.folded, plan.aloneFolded, plan.needyFolded];
  const present = presentNeedy(needy, subject);
  const start = firstMatch(combined, present.length ? [...alone, ...present] : alone, plain, lower);
  if (start < 0) return NONE;
  const found: PhraseMatch[] = [];
  const add = (entry: PhraseEntry, at: number, length: number) => {
    const span: [number, number] = [originalStart(visible, at), originalEnd(visible, at + length)];
    if (found.some((f) => span[0] < f.span[1] && f.span[0] < span[1])) return;
    found.push({ entry, span, text: text.slice(span[0], span[1]) });
  };
  if (alone.length === 0) {
    // Every entry runs on one subject (lower-cased text, or the text itself), and can only match where
    // the alternation or a present needy entry does: try each entry at those few positions (sticky)
    // instead of scanning the text once per entry. Same matches as matchAll: the leftmost at or after
    // where the last ended.
    const res = present.map((e) => pick(entryRegexes(e), lower));
    const starts = matchStarts(combined ? [combined, ...res] : res, subject, start);
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e]!;
      const re = stickyRegex(entryRegexes(entry), lower !== undefined);
      let cursor = 0;
      for (let s = 0; s < starts.length; s++) {
        const at = starts[s]!;
        if (at < cursor) continue;
        const m = execFrom(re, subject, at);
        if (!m) continue;
        // An empty match is not evidence; matchAll would step one code point past it.
        if (m[0].length === 0) cursor = nextCodePoint(subject, at);
        else {
          add(entry, at, m[0].length);
          cursor = at + m[0].length;
        }
      }
    }
  } else {
    for (const entry of entries) {
      const c = entryRegexes(entry);
      const re = pick(c, lower);
      // matchAll starts where the pattern's lastIndex is.
      re.lastIndex = start;
      for (const m of (re === c.folded ? lower! : plain).matchAll(re)) if (m[0].length > 0) add(entry, m.index, m[0].length);
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

function stickyRegex(c: Compiled, folded: boolean): RegExp {
  if (folded && c.folded) return (c.stickyFolded ??= new RegExp(c.folded.source, 'yu'));
  return (c.stickyExact ??= new RegExp(c.exact.source, 'yiu'));
}

/** Evidence of several independent matches: 1 - prod(1 - weight). */
export function combineWeights(weights: number[]): number {
  return 1 - weights.reduce((acc, w) => acc * (1 - w), 1);
}
