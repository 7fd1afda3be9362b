import { PROMO, type PromoEntry, type PromoKind } from '../data/promo.js';
import { threadFeatures } from '../text/features.js';
import { combineWeights, DEFAULT_PHRASE_WEIGHT, matchPhrases } from '../text/phrases.js';
import { dice } from '../text/similarity.js';
import type { Finding, Signal, Thread } from '../types.js';
import { unit, whole } from '../options.js';

/** Options of the promo signal. */
export interface PromoOptions {
  /** Two comments by one author at least this similar (character Dice of folded text) are repeats. */
  repeatSimilarity: number;
  /** Folded texts shorter than this ("lol", "omg") repeat by chance and are not evidence. */
  minRepeatChars: number;
  /**
   * A link or handle with more than this many words of the commenter's own around it is more likely a
   * citation or a reply than an advert: its evidence is scaled down in proportion.
   */
  pointerContextWords: number;
  /**
   * Above this many words, any promotional wording is a smaller part of what the comment says, and its
   * evidence is scaled down in proportion.
   */
  longCommentWords: number;
}

const CODES: Record<PromoKind, string> = {
  link: 'PROMO_LINK',
  'self-promotion': 'PROMO_SELF',
  'call-to-action': 'PROMO_CALL_TO_ACTION',
  money: 'PROMO_MONEY',
  contact: 'PROMO_CONTACT',
};

/** One repeat: the same author posting the same text again; often a double post, so weak alone. */
const REPEAT_STRENGTH = 0.3;
/** Three or more copies by one author is a campaign, not a double post. */
const REPEATS_STRENGTH = 0.6;
/** Authors with more comments than this in one thread are checked for exact repeats only. */
const MAX_FUZZY_AUTHOR_COMMENTS = 300;
/** Long comments keep at least this share of their promo evidence. */
const MIN_LENGTH_FACTOR = 0.4;
/** Kinds that only point somewhere; what the comment says around them decides how promotional they are. */
const POINTERS: ReadonlySet<PromoKind> = new Set(['link', 'contact']);

/** `limit / words`, at most 1 and at least `floor`: evidence diluted by the text around it. */
const dilution = (words: number, limit: number, floor: number) => (words <= limit ? 1 : Math.max(floor, limit / words));

/**
 * Promotional spam: links, self-promotion, calls to action, money and giveaway bait, contact handles
 * (one finding per match, codes by kind), and the same author posting near-identical comments.
 */
export const promo: Signal<PromoOptions> = {
  id: 'promo',
  description: 'Promotional spam: links, "check out my channel", calls to action, money bait, contact handles, one author repeating a comment',
  weight: 1,
  defaultOptions: { repeatSimilarity: 0.8, minRepeatChars: 12, pointerContextWords: 20, longCommentWords: 60 },
  optionsSchema: { repeatSimilarity: unit(), minRepeatChars: whole(1, 100_000), pointerContextWords: whole(1, 100_000), longCommentWords: whole(1, 100_000) },
  analyze(thread, ctx) {
    const o = ctx.options;
    const features = threadFeatures(thread);
    const findings: Finding[] = [];
    thread.comments.forEach((comment, i) => {
      const quotes = features.comments[i]!.quotes;
      const matches = matchPhrases(comment.text, PROMO).filter((m) => !quotes.some(([s, e]) => m.span[0] < e && s < m.span[1]));
      if (matches.every((m) => (m.entry as PromoEntry).supporting)) return;
      // Each construction counts once, however often it repeats ("plz plz plz").
      const pointers = new Map<string, number>();
      const pitches = new Map<string, number>();
      for (const m of matches) {
        const entry = m.entry as PromoEntry;
        (POINTERS.has(entry.kind) ? pointers : pitches).set(entry.id, entry.weight ?? DEFAULT_PHRASE_WEIGHT);
      }
      // Words of a URL are not words the commenter wrote: count only the text around the matches.
      const tokens = features.comments[i]!.tokens;
      let words = 0;
      for (let k = 0; k < tokens.length; k++) {
        const start = tokens.start(k);
        if (!matches.some((m) => start >= m.span[0] && start < m.span[1])) words++;
      }
      const pointer = combineWeights([...pointers.values()]) * dilution(words, o.pointerContextWords, MIN_LENGTH_FACTOR);
      const strength = combineWeights([pointer, ...pitches.values()]) * dilution(words, o.longCommentWords, MIN_LENGTH_FACTOR);
      for (const m of matches) {
        const entry = m.entry as PromoEntry;
        findings.push({
          signal: 'promo',
          commentId: comment.id,
          strength,
          reason: {
            code: CODES[entry.kind],
            args: { text: m.text, entry: entry.id, kind: entry.kind, note: entry.note, source: entry.source, matches: matches.length },
          },
          span: m.span,
        });
      }
    });
    findings.push(...authorRepeats(thread, o));
    return findings;
  },
};

/** Comments whose author posted a near-identical comment elsewhere in the thread. */
function authorRepeats(thread: Thread, o: PromoOptions): Finding[] {
  const features = threadFeatures(thread);
  const byAuthor = new Map<string, number[]>();
  thread.comments.forEach((c, i) => {
    const author = c.author?.trim().toLowerCase();
    if (!author || features.comments[i]!.folded.length < o.minRepeatChars) return;
    const list = byAuthor.get(author);
    if (list) list.push(i);
    else byAuthor.set(author, [i]);
  });
  const findings: Finding[] = [];
  for (const indices of byAuthor.values()) {
    if (indices.length < 2) continue;
    // A prolific author makes all-pairs comparison quadratic: beyond the limit only exact copies count.
    const fuzzy = indices.length <= MAX_FUZZY_AUTHOR_COMMENTS;
    const sameText = new Map<string, number[]>();
    if (!fuzzy) {
      for (const i of indices) {
        const key = features.comments[i]!.folded;
        const list = sameText.get(key);
        if (list) list.push(i);
        else sameText.set(key, [i]);
      }
    }
    for (const i of indices) {
      const mine = features.comments[i]!;
      const copies = (fuzzy ? indices : sameText.get(mine.folded)!)
        .filter((j) => j !== i)
        .map((j) => {
          const theirs = features.comments[j]!;
          return { j, similarity: mine.folded === theirs.folded ? 1 : dice(mine.profile, theirs.profile) };
        })
        .filter((x) => x.similarity >= o.repeatSimilarity)
        .sort((a, b) => b.similarity - a.similarity || a.j - b.j);
      if (copies.length === 0) continue;
      findings.push({
        signal: 'promo',
        commentId: thread.comments[i]!.id,
        strength: copies.length >= 2 ? REPEATS_STRENGTH : REPEAT_STRENGTH,
        reason: {
          code: 'PROMO_AUTHOR_REPEAT',
          args: {
            author: thread.comments[i]!.author,
            partner: thread.comments[copies[0]!.j]!.id,
            similarity: Math.round(copies[0]!.similarity * 1000) / 1000,
            copies: copies.length + 1,
          },
        },
        related: copies.map((x) => thread.comments[x.j]!.id),
      });
    }
  }
  return findings;
}
