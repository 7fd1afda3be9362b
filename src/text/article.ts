/**
 * What an article is about (its topic: title, lede, most repeated names) and what it says in particular
 * (its anchors: numbers, names, rare terms and phrases), for the signals that judge whether a comment
 * engages with it.
 */
import { contentPairs } from './comment.js';
import { detectLanguage, ENGLISH, judges } from './language.js';
import { isNumeric, stem } from './stem.js';
import { tokens as tokenList, type Token, type Tokens } from './tokens.js';
import { lemmaRank } from './word-frequency.js';
import { DEMONYM_PAIRS, GENERIC_CAPITALIZED } from '../data/names.js';

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

let demonyms: Map<string, string[]> | undefined;

/** Stems linked to a stem (both directions), built on first use: stemming at start-up would load the word table. */
function linkedStems(s: string): readonly string[] {
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
