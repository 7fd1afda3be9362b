/**
 * What every signal reads of one comment: the quotes and links that are not the commenter's own words,
 * its tokens and content stems, and (built on first use) its bigram profile and content-word pairs.
 */
import { foldText } from './normalize.js';
import { bigramProfile, type BigramProfile } from './similarity.js';
import { tokens as tokenList, type Tokens } from './tokens.js';
import { QUOTE_FORMS, type QuoteForm } from '../data/quotes.js';

export interface CommentFeatures {
  /** Spans of quoted material (the parent, the article) that is not the commenter's own text. */
  quotes: Array<[number, number]>;
  /** The text with quotes and links blanked (same length): the commenter's own words. */
  own: string;
  /** Tokens of `own`. */
  tokens: Tokens;
  /** Content tokens only, in order. */
  content: Tokens;
  contentStems: ReadonlySet<string>;
  /** Case-folded, punctuation-free text (what near-duplicate compares). */
  folded: string;
  /** Character-bigram profile of `folded`, built on first use. */
  readonly profile: BigramProfile;
  /** contentPairs of the comment's text and `content`, built on first use. */
  readonly pairs: Int32Array;
}

/** Most comments quote nothing: one shared empty list instead of one per comment. */
const NO_QUOTES: Array<[number, number]> = [];

/**
 * The distinct content stems of a comment. A comment has a handful, and a million comments each with its
 * own Set cost ~160 bytes apiece: a small set is an array of exactly its stems, searched in place; a
 * large one (over 8) a Set.
 */
class StemSet implements ReadonlySet<string> {
  private readonly items: readonly string[];
  private readonly lookup: Set<string> | undefined;

  constructor(content: Tokens) {
    const items: string[] = [];
    let lookup: Set<string> | undefined;
    for (let k = 0; k < content.length; k++) {
      const stem = content.stem(k);
      if (lookup ? lookup.has(stem) : items.includes(stem)) continue;
      items.push(stem);
      if (!lookup && items.length > 8) lookup = new Set(items);
      else lookup?.add(stem);
    }
    // slice() gives an array of exactly this length; push grows the backing store ahead of need.
    this.items = items.length ? items.slice() : NO_STEMS;
    this.lookup = lookup;
  }

  get size(): number {
    return this.items.length;
  }

  has(stem: string): boolean {
    return this.lookup ? this.lookup.has(stem) : this.items.includes(stem);
  }

  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    for (let i = 0; i < this.items.length; i++) fn(this.items[i]!, this.items[i]!, this);
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.items.values() as SetIterator<string>;
  }

  values(): SetIterator<string> {
    return this[Symbol.iterator]();
  }

  keys(): SetIterator<string> {
    return this[Symbol.iterator]();
  }

  entries(): SetIterator<[string, string]> {
    return this.items.map((s): [string, string] => [s, s]).values() as SetIterator<[string, string]>;
  }
}

const NO_STEMS: readonly string[] = [];

/** Quoted spans, merged and sorted. Short quotations (under 24 characters) are the commenter's own words. */
export function quoteSpans(text: string, forms: readonly QuoteForm[] = QUOTE_FORMS): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // Indexed loops: this runs for every comment, mostly before V8 has optimised it, when for-of allocates.
  for (let f = 0; f < forms.length; f++) {
    const form = forms[f]!;
    let present = false;
    for (let r = 0; r < form.requires.length && !present; r++) present = text.includes(form.requires[r]!);
    if (!present) continue;
    for (const m of text.matchAll(form.pattern)) {
      if (form.id === 'single-quoted' && m[0].length < 26) continue;
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  if (spans.length === 0) return NO_QUOTES;
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** The text with quoted spans blanked out (same length, so offsets still hold). */
export function unquoted(text: string, quotes: Array<[number, number]>): string {
  let out = text;
  for (const [s, e] of quotes) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

// Links are promo's evidence; as words ("https", "www", "com") they would look like a shared topic.
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"]+/giu;
// A link needs "://" or "www." (no letter of "www" has another case form): most comments have neither.
const mayHaveUrl = (text: string) => text.includes('://') || /www\./i.test(text);

/** CommentFeatures with its two lazy parts built on first use (shared getters, no closures per comment). */
class LazyCommentFeatures implements CommentFeatures {
  private bigrams: BigramProfile | undefined;
  private contentPairs: Int32Array | undefined;
  readonly contentStems: StemSet;

  constructor(
    private readonly text: string,
    readonly quotes: Array<[number, number]>,
    readonly own: string,
    readonly tokens: Tokens,
    readonly content: Tokens,
    readonly folded: string,
  ) {
    this.contentStems = new StemSet(content);
  }

  // Only candidate pairs need Dice, so most comments never build their bigram profile.
  get profile(): BigramProfile {
    return (this.bigrams ??= bigramProfile(this.folded));
  }

  get pairs(): Int32Array {
    return (this.contentPairs ??= contentPairs(this.text, this.content));
  }
}

/**
 * Whether two comments whose own words fold alike (`folded` equal: the caller checks) still differ once
 * their links and quoted lines count: a bot posting one text with a fresh short link each time. Their
 * copies are "the same" only with that said.
 */
export function differInLinksOrQuotes(a: string, b: string): boolean {
  return a !== b && foldText(a) !== foldText(b);
}

export function commentFeatures(text: string): CommentFeatures {
  const quotes = quoteSpans(text);
  const urls = mayHaveUrl(text) ? [...text.matchAll(URL)].map((m): [number, number] => [m.index, m.index + m[0].length]) : [];
  const own = quotes.length || urls.length ? unquoted(text, [...quotes, ...urls]) : text;
  const tokens = tokenList(own);
  const folded = foldText(own);
  // Lower-case ASCII text folds to itself: one string, not two equal ones.
  return new LazyCommentFeatures(text, quotes, own, tokens, tokens.content(), folded === own ? own : folded);
}

/** Characters that end a phrase: . , ! ? ; : ( ) " */
const PHRASE_BREAK = new Set([46, 44, 33, 63, 59, 58, 40, 41, 34]);

/**
 * Adjacent content-token pairs that are not separated by sentence punctuation, as the positions k in
 * `content` of each pair's second word (the pair is k - 1, k).
 */
export function contentPairs(text: string, content: Tokens): Int32Array {
  const pairs: number[] = [];
  next: for (let i = 1; i < content.length; i++) {
    const aEnd = content.end(i - 1);
    const bStart = content.start(i);
    if (bStart - aEnd > 12) continue;
    for (let k = aEnd; k < bStart; k++) if (PHRASE_BREAK.has(text.charCodeAt(k))) continue next;
    pairs.push(i);
  }
  return Int32Array.from(pairs);
}
