/**
 * Per-thread text features, computed once and shared by every signal: tokens, content stems, bigram
 * profiles, document frequencies, and what the article is about (topic) versus what it says in
 * particular (anchors). Cached per Thread object, so signals stay pure and cheap.
 */
import { checkMemoryEvery } from '../memory.js';
import type { Thread } from '../types.js';
import { foldText } from './normalize.js';
import { bigramProfile, type BigramProfile } from './similarity.js';
import { detectLanguage, ENGLISH, judges } from './language.js';
import { isNumeric } from './stem.js';
import { tokens as tokenList, type Token, type Tokens } from './tokens.js';
import { lemmaRank } from './word-frequency.js';
import { GENERIC_CAPITALIZED, linkedStems } from '../data/names.js';
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

/** Why a term counts as one of the article's specifics. */
export type AnchorKind = 'name' | 'number' | 'term' | 'phrase';

export interface Anchor {
  kind: AnchorKind;
  text: string;
}

export interface ArticleFeatures {
  /** Article has enough English text (see MIN_ARTICLE_WORDS) for grounding signals to judge against. */
  judgeable: boolean;
  /** Stems of the title, the lede and the article's most repeated names: naming these is not engagement. */
  topicStems: Set<string>;
  /** Every content stem in the title and body. */
  stems: Set<string>;
  /** Every adjacent content-stem pair ("stem stem") in the title and body. */
  bigrams: Set<string>;
  /** The article's specifics: stem or "stem stem" -> kind and the words as the article wrote them. */
  anchors: Map<string, Anchor>;
}

export interface ThreadFeatures {
  comments: CommentFeatures[];
  article: ArticleFeatures;
  /** Content stem -> number of comments containing it. */
  docFreq: Map<string, number>;
  /** Comment id -> position in thread.comments. */
  indexById: Map<string, number>;
}

/**
 * Articles shorter than this give grounding signals nothing reliable to compare against: a forum post
 * asking "Thoughts on X?" invites comments to bring their own topics.
 */
export const MIN_ARTICLE_WORDS = 150;
/** A body word whose commonest form is rarer than this rank is specific vocabulary ("sanctions", "tourism"). */
const RARE_RANK = 20_000;
/** A body phrase is specific when one of its words is rarer than this rank ("frozen assets"). */
const PHRASE_RARE_RANK = 5_000;
/** A capitalised word at least this common is a name only as part of a phrase ("New START"). */
const NAME_COMMON_RANK = 2_000;
/** A name in at least this share of the article's sentences is what the article is about. */
const TOPIC_SENTENCE_SHARE = 0.2;

const cache = new WeakMap<Thread, ThreadFeatures>();

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

/** contentPairs as Token objects (for the article: one text per thread). */
function tokenPairs(text: string, content: Tokens): Array<[Token, Token]> {
  return Array.from(contentPairs(text, content), (k): [Token, Token] => [content.at(k - 1), content.at(k)]);
}

function splitSentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[^.!?\n]+(?:[.!?]+["'”’)]*|\n|$)/g;
  for (const m of text.matchAll(re)) {
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function expandDemonyms(stems: Set<string>): void {
  for (const s of [...stems]) {
    for (const other of linkedStems(s)) stems.add(other);
  }
}

export function articleFeatures(title: string, body: string): ArticleFeatures {
  const titleList = tokenList(title).content();
  const bodyList = tokenList(body);
  const bodyContentList = bodyList.content();
  const titleTokens = titleList.toArray();
  const bodyTokens = bodyList.toArray();
  const bodyContent = bodyContentList.toArray();
  const bodyPairs = tokenPairs(body, bodyContentList);
  const stems = new Set([...titleTokens, ...bodyContent].map((t) => t.stem));
  const bigrams = new Set<string>();
  for (const [a, b] of [...tokenPairs(title, titleList), ...bodyPairs]) {
    bigrams.add(`${a.stem} ${b.stem}`);
  }
  // The grounding signals compare English stems: an article in another language gives them nothing to compare.
  const judgeable = bodyContent.length >= MIN_ARTICLE_WORDS / 2 && bodyTokens.length >= MIN_ARTICLE_WORDS && judges([ENGLISH], detectLanguage(body, bodyList));

  const sentences = splitSentences(body);
  const lede = sentences[0];
  const topicStems = new Set(titleTokens.map((t) => t.stem));
  for (const t of bodyContent) if (lede && t.start < lede.end) topicStems.add(t.stem);

  // Names (capitalised mid-sentence) repeated through the article are its topic, not its specifics.
  const sentenceStarts = new Set(sentences.map((s) => body.slice(s.start).search(/\S/) + s.start));
  const nameSentences = new Map<string, Set<number>>();
  // Tokens come in text order, so the sentence index only moves forward.
  let si = 0;
  bodyContent.forEach((t) => {
    while (si < sentences.length - 1 && t.start >= sentences[si]!.end) si++;
    if (!t.capitalized || sentenceStarts.has(t.start)) return;
    const set = nameSentences.get(t.stem) ?? new Set<number>();
    set.add(si);
    nameSentences.set(t.stem, set);
  });
  for (const [s, where] of nameSentences) {
    if (where.size >= 2 && where.size >= TOPIC_SENTENCE_SHARE * sentences.length) topicStems.add(s);
  }
  expandDemonyms(topicStems);

  const anchors = new Map<string, Anchor>();
  const word = (t: Token) => body.slice(t.start, t.end);
  if (judgeable) {
    for (const t of bodyContent) {
      if (topicStems.has(t.stem) || (lede && t.start < lede.end)) continue;
      if (anchors.has(t.stem)) continue;
      if (isNumeric(t.lower)) anchors.set(t.stem, { kind: 'number', text: word(t) });
      else if (nameSentences.has(t.stem) && !GENERIC_CAPITALIZED.has(t.lower)) {
        // A capitalised everyday word ("New", "Board") is specific only inside its phrase.
        if (lemmaRank(t.lower) > NAME_COMMON_RANK) anchors.set(t.stem, { kind: 'name', text: word(t) });
      }
      // Participles and adverbs describe; the specifics an article gives are things.
      else if (lemmaRank(t.lower) > RARE_RANK && !/(?:ing|ed|ly)$/.test(t.lower)) anchors.set(t.stem, { kind: 'term', text: word(t) });
    }
    for (const [a, b] of bodyPairs) {
      if (lede && a.start < lede.end) continue;
      if (topicStems.has(a.stem) || topicStems.has(b.stem)) continue;
      const named = (t: Token) => nameSentences.has(t.stem) && !GENERIC_CAPITALIZED.has(t.lower);
      if (!named(a) && !named(b) && Math.max(lemmaRank(a.lower), lemmaRank(b.lower)) <= PHRASE_RARE_RANK) continue;
      anchors.set(`${a.stem} ${b.stem}`, { kind: 'phrase', text: body.slice(a.start, b.end) });
    }
  }
  return { judgeable, topicStems, stems, bigrams, anchors };
}

/**
 * Forget a thread's features once its signals have run: they are the largest part of an analysis, and
 * the thread itself stays alive until its report is made.
 */
export function forgetFeatures(thread: Thread): void {
  cache.delete(thread);
}

/** Features for a thread, computed on first use and cached for the thread's lifetime. */
export function threadFeatures(thread: Thread): ThreadFeatures {
  let f = cache.get(thread);
  if (f) return f;
  // Features depend on the text alone: copies of a comment (spam floods) share one computation.
  const byText = new Map<string, CommentFeatures>();
  const comments = thread.comments.map((c) => {
    checkMemoryEvery();
    let cf = byText.get(c.text);
    if (!cf) byText.set(c.text, (cf = commentFeatures(c.text)));
    return cf;
  });
  const docFreq = new Map<string, number>();
  const count = (s: string) => docFreq.set(s, (docFreq.get(s) ?? 0) + 1);
  for (let i = 0; i < comments.length; i++) {
    checkMemoryEvery();
    comments[i]!.contentStems.forEach(count);
  }
  const indexById = new Map<string, number>();
  for (let i = 0; i < thread.comments.length; i++) {
    checkMemoryEvery();
    indexById.set(thread.comments[i]!.id, i);
  }
  f = { comments, article: articleFeatures(thread.title, thread.body), docFreq, indexById };
  cache.set(thread, f);
  return f;
}
