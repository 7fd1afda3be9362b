import { EVERYDAY_COPIES, EVERYDAY_NOTE, everydayPhrase } from '../text/everyday.js';
import { differInLinksOrQuotes, threadFeatures, type ThreadFeatures } from '../text/features.js';
import { longestSharedRun } from '../text/similarity-bounds.js';
import type { Tokens } from '../text/tokens.js';
import type { Finding, Signal, Thread } from '../types.js';
import { number, whole } from '../options.js';
import { findLinks, type Link } from './near-duplicate-links.js';
import { ids, otherLinks, pct, quote, type Args } from './wording.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type NearDuplicateCode = 'EXACT_DUPLICATE' | 'NEAR_DUPLICATE' | 'PARAPHRASE' | 'DOUBLE_POST';

/** Partners only similar to a comment that its reason names; `related` and `args.links` hold them all. */
const SIMILAR_NAMED = 5;

interface ShownLink {
  id: string;
  similarity: number;
  method?: string;
}

/** A partner's similarity as said: a share of weighted words, or of characters (an inexact one never reads 100%). */
function similarityOf(l: ShownLink): string {
  if (l.method === 'words') return `${pct(l.similarity)} of words`;
  return l.method === 'exact' ? pct(l.similarity) : pct(Math.min(l.similarity, 0.99));
}

/**
 * The partners after the one named: " (also #9)" for those as alike as it (its copies), and
 * "; similar: #13 (51%)" for the closest others with their similarity, so a paraphrase never reads as a
 * copy; the partners beyond those listed are counted ("3 more").
 */
function othersSuffix(a: Args): string {
  const links = a.links as ShownLink[] | undefined;
  if (!links || links.length === 0) return '';
  const [first, ...rest] = links as [ShownLink, ...ShownLink[]];
  const alike = rest.filter((l) => l.method === first.method && l.similarity === first.similarity);
  const less = rest.filter((l) => !alike.includes(l));
  const similar = less.slice(0, SIMILAR_NAMED).map((l) => `#${l.id} (${similarityOf(l)})`);
  // args.links stops at MAX_RELATED partners; args.copies counts every comment of the cluster, this one too.
  const more = less.length - similar.length + Math.max(0, Number(a.copies ?? 0) - 1 - links.length);
  return (
    (alike.length ? ` (also ${ids(alike.map((l) => l.id))})` : '') +
    (similar.length ? `; similar: ${similar.join(', ')}${more ? `, ${more} more` : ''}` : more ? `; ${more} more copies or similar comments` : '')
  );
}

/** Said of a short everyday phrase, whose few copies are weak evidence. */
const everydayNote = (a: Args): string => (a.everyday ? EVERYDAY_NOTE : '');

export interface NearDuplicateOptions {
  /**
   * Character-bigram Dice at or above this links a pair (light edits of the same text), when the pair
   * also shares weighted words at the lower of the two thresholds.
   */
  characterThreshold: number;
  /** IDF-weighted content-word Jaccard at or above this links a pair (paraphrases). */
  wordThreshold: number;
  /** Texts with fewer content words are linked only when identical. */
  minContentWords: number;
  /** Identical texts shorter than this many characters ("lol", "+1") are not evidence. */
  minExactChars: number;
}

/** A lone copy at least this similar may be a double post. */
const DOUBLE_POST_SIMILARITY = 0.75;
/** Evidence of a possible double post: shown, but not enough to flag on its own. */
const DOUBLE_POST_STRENGTH = 0.35;

/** An exact copy of another comment. */
const EXACT_STRENGTH = 0.85;
/** A light edit: 0.6 at the character threshold, rising linearly to 0.95 at identical bigrams. */
const CHARACTER_BASE = 0.6;
const CHARACTER_RANGE = 0.35;
/** A paraphrase: 0.35 at the word threshold, rising by 0.016 per point of weighted overlap, at most 0.9. */
const PARAPHRASE_BASE = 0.35;
const PARAPHRASE_SLOPE = 1.6;
const PARAPHRASE_MAX = 0.9;
/** Added when three or more comments carry the text: a campaign rather than a double post. */
const CAMPAIGN_BONUS = 0.15;

/** A few copies of a short everyday phrase (src/text/everyday.ts): below the threshold alone. */
const EVERYDAY_STRENGTH = 0.5;

/** Evidence strength of one link, before the bonus for larger clusters. */
function linkStrength(link: Link, o: NearDuplicateOptions): number {
  if (link.method === 'exact') return EXACT_STRENGTH;
  if (link.method === 'characters') return CHARACTER_BASE + CHARACTER_RANGE * ((link.similarity - o.characterThreshold) / (1 - o.characterThreshold));
  return Math.min(PARAPHRASE_MAX, PARAPHRASE_BASE + PARAPHRASE_SLOPE * (link.similarity - o.wordThreshold));
}

/** Comments that say nearly the same thing as another comment in the thread. */
export const nearDuplicate: Signal<NearDuplicateOptions, NearDuplicateCode> = {
  id: 'near-duplicate',
  description: 'Comments that repeat or paraphrase another comment in the same thread',
  weight: 0.45,
  defaultOptions: { characterThreshold: 0.8, wordThreshold: 0.25, minContentWords: 6, minExactChars: 12 },
  // Strength scales by 1 - characterThreshold (so below 1); low thresholds would make every pair a candidate.
  optionsSchema: {
    characterThreshold: number(0.5, 1, { below: true }),
    wordThreshold: number(0.1, 1),
    minContentWords: whole(1, 1000),
    minExactChars: whole(1, 100_000),
  },
  gathers: 'duplicate-clusters',
  messages: {
    EXACT_DUPLICATE: (a) => `same text as comment #${String(a.partner)}${otherLinks(a)}${othersSuffix(a)}${everydayNote(a)}`,
    NEAR_DUPLICATE: (a) =>
      `${pct(a.similarity)} similar to comment #${String(a.partner)}${a.sharedText ? `, sharing ${quote(a.sharedText)}` : ''}${othersSuffix(a)}${everydayNote(a)}`,
    PARAPHRASE: (a) =>
      `paraphrases comment #${String(a.partner)} (${pct(a.similarity)} of weighted words shared${a.sharedText ? `, incl. ${quote(a.sharedText)}` : ''})${othersSuffix(a)}`,
    DOUBLE_POST: (a) =>
      `${pct(a.similarity)} the same as comment #${String(a.partner)} — one more copy would make a campaign; two may be a double post`,
  },
  meanings: {
    EXACT_DUPLICATE:
      'The same text (after normalising case, spacing and punctuation) as another comment of the thread: copy-paste posting. `related` names the partners, and `args.links` gives the `similarity` and `method` (`exact`, `characters` or `words`) of each. `args.linksOrQuotesDiffer`: the two differ in their links or quoted lines (a fresh short link per post). With `args.everyday`, the text is a short phrase of everyday words that people write on their own, and fewer than five copies are weak evidence.',
    NEAR_DUPLICATE:
      'Nearly the same characters as another comment (character-bigram similarity at or above `characterThreshold`, with weighted words shared at the lower of the two thresholds): a template with light edits. `args.sharedText` quotes the longest shared run; `args.everyday` as for EXACT_DUPLICATE.',
    PARAPHRASE:
      'Shares most of its weighted content words with another comment (at or above `wordThreshold`) while the wording differs: a rewritten template.',
    DOUBLE_POST:
      'One close copy of another comment and no more: weak evidence, since people double-post by accident; a third copy makes it a cluster.',
  },
  analyze(thread, ctx) {
    const f = threadFeatures(thread);
    const o = ctx.options;
    const { groups, links: repLinks } = findLinks(f, o);
    // Expand representative links to every copy: a comment links to its identical copies and to the
    // copies of every text its representative links to.
    const groupOfRep = new Map<number, number[]>();
    for (const g of groups) groupOfRep.set(g[0]!, g);
    const findings: Finding<NearDuplicateCode>[] = [];
    for (const g of groups) {
      const rep = g[0]!;
      // Copies are counted in full but listed only up to MAX_RELATED, so a flood of 20,000 identical
      // comments costs linear time, not 20,000 lists of 20,000 partners.
      const linked = [...(repLinks[rep] ?? [])].sort((x, y) => y.similarity - x.similarity || x.other - y.other);
      const copies = g.length + linked.reduce((n, l) => n + (groupOfRep.get(l.other)?.length ?? 1), 0);
      const others: Link[] = [];
      for (const l of linked) {
        for (const other of groupOfRep.get(l.other) ?? [l.other]) {
          if (others.length >= MAX_RELATED) break;
          others.push({ ...l, other });
        }
      }
      for (const i of g) {
        const exact = g.slice(0, MAX_RELATED + 1).filter((j) => j !== i).slice(0, MAX_RELATED);
        const mine: Link[] = [...exact.map((j) => ({ other: j, similarity: 1, method: 'exact' as const })), ...others];
        if (mine.length === 0) continue;
        findings.push(describe(thread, f, o, i, mine, copies));
      }
    }
    return findings.sort((a, b) => f.indexById.get(a.commentId)! - f.indexById.get(b.commentId)!);
  },
};

/** Related ids listed per finding; larger clusters are summarised by their count. */
const MAX_RELATED = 20;

function describe(thread: Thread, f: ThreadFeatures, o: NearDuplicateOptions, i: number, mine: Link[], copies: number): Finding<NearDuplicateCode> {
  // An exact copy is named before a link as similar by another measure.
  mine.sort((x, y) => y.similarity - x.similarity || Number(y.method === 'exact') - Number(x.method === 'exact') || x.other - y.other);
  const best = mine[0]!;
  const me = f.comments[i]!;
  const them = f.comments[best.other]!;
  const words = (t: Tokens) => {
    const out: string[] = [];
    for (let k = 0; k < t.length; k++) out.push(t.lower(k));
    return out;
  };
  // Copies of one text share one features object, and all of their words.
  const run = me === them ? { aStart: 0, bStart: 0, length: me.tokens.length } : longestSharedRun(words(me.tokens), words(them.tokens));
  const span: [number, number] | undefined =
    run.length >= 3 ? [me.tokens.start(run.aStart), me.tokens.end(run.aStart + run.length - 1)] : undefined;
  const comment = thread.comments[i]!;
  // Copies share one features object when their texts are identical (threadFeatures).
  const linksDiffer = best.method === 'exact' && me !== them && differInLinksOrQuotes(comment.text, thread.comments[best.other]!.text);
  // Two near-identical copies are often one person's double post (or an export that lists a reply
  // twice); a third copy, or a reworded copy, is what a campaign looks like.
  const doublePost = copies === 2 && best.similarity >= DOUBLE_POST_SIMILARITY;
  const full = doublePost ? DOUBLE_POST_STRENGTH : Math.min(1, linkStrength(best, o) + (copies >= 3 ? CAMPAIGN_BONUS : 0));
  const everyday = copies < EVERYDAY_COPIES && everydayPhrase(thread.comments[i]!.text, me.tokens);
  const strength = everyday ? Math.min(full, EVERYDAY_STRENGTH) : full;
  const shown = mine.slice(0, MAX_RELATED);
  return {
    signal: 'near-duplicate',
    commentId: comment.id,
    strength,
    reason: {
      code: doublePost ? 'DOUBLE_POST' : best.method === 'exact' ? 'EXACT_DUPLICATE' : best.method === 'words' ? 'PARAPHRASE' : 'NEAR_DUPLICATE',
      args: {
        partner: thread.comments[best.other]!.id,
        similarity: round(best.similarity),
        method: best.method,
        sharedText: span ? comment.text.slice(span[0], span[1]) : undefined,
        copies,
        ...(everyday ? { everyday: true } : {}),
        ...(linksDiffer ? { linksOrQuotesDiffer: true } : {}),
        links: shown.map((l) => ({ id: thread.comments[l.other]!.id, similarity: round(l.similarity), method: l.method })),
      },
    },
    ...(span ? { span } : {}),
    related: shown.map((l) => thread.comments[l.other]!.id),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
