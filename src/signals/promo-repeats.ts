/** Promo's author repeats: one author posting the same comment, or nearly, more than once in a thread. */
import { differInLinksOrQuotes, threadFeatures } from '../text/features.js';
import { dice } from '../text/similarity.js';
import type { Finding, Thread } from '../types.js';

/**
 * One repeat of a promotional comment: the same author posting it again; often a double post, so weak
 * alone. A double post of a comment that promotes nothing is not promotion: near-duplicate reports the
 * pair (an exact copy, or a near copy long enough to compare), and counting it here too would make one
 * double post two pieces of evidence. Each comment is judged by what it says itself: a copy that only
 * quotes the link promotes nothing.
 */
const REPEAT_STRENGTH = 0.3;
/** Three or more copies by one author is a campaign, not a double post. */
const REPEATS_STRENGTH = 0.6;
/** Authors with more comments than this in one thread are checked for exact repeats only. */
const MAX_FUZZY_AUTHOR_COMMENTS = 300;

/** The promo options author repeats read. */
export interface RepeatOptions {
  /** Comments shorter than this (folded characters) are not compared ("thanks!" twice is no campaign). */
  minRepeatChars: number;
  /** Character-bigram Dice at or above which two comments of one author are the same comment. */
  repeatSimilarity: number;
}

/**
 * Comments whose author posted a near-identical comment elsewhere in the thread: three or more copies of
 * any comment, two of one that `promotes` (it holds promotion of its own, not only a reference link).
 */
export function authorRepeats(thread: Thread, o: RepeatOptions, promotes: (i: number) => boolean): Finding<'PROMO_AUTHOR_REPEAT'>[] {
  const features = threadFeatures(thread);
  const byAuthor = new Map<string, number[]>();
  thread.comments.forEach((c, i) => {
    const author = c.author?.trim().toLowerCase();
    if (!author || features.comments[i]!.folded.length < o.minRepeatChars) return;
    const list = byAuthor.get(author);
    if (list) list.push(i);
    else byAuthor.set(author, [i]);
  });
  const findings: Finding<'PROMO_AUTHOR_REPEAT'>[] = [];
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
          const same = mine.folded === theirs.folded;
          return { j, same, similarity: same ? 1 : dice(mine.profile, theirs.profile) };
        })
        .filter((x) => x.similarity >= o.repeatSimilarity)
        .sort((a, b) => b.similarity - a.similarity || a.j - b.j);
      if (copies.length === 0 || (copies.length === 1 && !promotes(i))) continue;
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
            ...(copies[0]!.same && differInLinksOrQuotes(thread.comments[i]!.text, thread.comments[copies[0]!.j]!.text) ? { linksOrQuotesDiffer: true } : {}),
            copies: copies.length + 1,
          },
        },
        related: copies.map((x) => thread.comments[x.j]!.id),
      });
    }
  }
  return findings;
}
