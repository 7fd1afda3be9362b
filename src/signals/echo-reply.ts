import { AGREEMENT_OPENERS } from '../data/agreement.js';
import { threadFeatures } from '../text/features.js';
import type { Tokens } from '../text/tokens.js';
import { DEFAULT_PHRASE_WEIGHT, matchPhrases } from '../text/phrases.js';
import type { Finding, Signal } from '../types.js';
import { unit } from '../options.js';
import { list, quote } from './wording.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type EchoReplyCode = 'ECHO_REPLY' | 'ECHO_REPLY_RESTATES';

export interface EchoReplyOptions {
  /** Share of the reply's content words that must come from the parent to count as restating it. */
  minRestatement: number;
}

/**
 * A reply that opens with agreement and restates the comment it answers: the parent when the export
 * records parent ids, otherwise the comment just before it.
 */
/**
 * Strength of an echo reply: the opener's own weight raised by 0.25 for standing at the very start of a
 * reply; when the reply also restates its parent, a further 0.2 plus the share of its words it repeats.
 */
const ECHO_OPENER_BONUS = 0.25;
const ECHO_RESTATES_BONUS = 0.2;
function echoStrength(openerWeight: number, restated: number | undefined): number {
  const base = openerWeight + ECHO_OPENER_BONUS;
  return Math.min(1, restated !== undefined ? base + ECHO_RESTATES_BONUS + restated : base);
}

export const echoReply: Signal<EchoReplyOptions, EchoReplyCode> = {
  id: 'echo-reply',
  description: 'Replies that open with agreement ("Absolutely.", "Excellent point.") and restate the comment before them',
  weight: 0.3,
  // English agreement openers and English stems for the restatement.
  languages: ['eng'],
  defaultOptions: { minRestatement: 0.15 },
  optionsSchema: { minRestatement: unit() },
  messages: {
    ECHO_REPLY: (a) => `opens with agreement (${quote(a.opener)}) in reply to #${String(a.parent)}`,
    ECHO_REPLY_RESTATES: (a) =>
      `opens with agreement (${quote(a.opener)}) and restates #${String(a.parent)} (${list(a.sharedTerms)})`,
  },
  meanings: {
    ECHO_REPLY:
      'A reply that opens with stock agreement ("Absolutely.", "Excellent point.") to the comment before it or its parent (`args.parent`): how reply bots pad a thread.',
    ECHO_REPLY_RESTATES:
      'An agreeing opener followed by a restatement of the comment replied to (`args.sharedTerms`, at least `minRestatement` of its words): agreement that adds nothing.',
  },
  analyze(thread, ctx) {
    const features = threadFeatures(thread);
    const findings: Finding<EchoReplyCode>[] = [];
    const threaded = thread.comments.some((c) => c.parentId !== undefined);
    thread.comments.forEach((comment, i) => {
      const opener = matchPhrases(comment.text, AGREEMENT_OPENERS).find((m) => m.span[0] === 0);
      if (!opener) return;
      // With parent ids in the export, a comment without one is top-level and answers nobody.
      const parentIndex = threaded ? (comment.parentId !== undefined ? features.indexById.get(comment.parentId) : undefined) : i - 1;
      // A comment that names itself as its parent (a damaged export) answers nobody.
      if (parentIndex === undefined || parentIndex < 0 || parentIndex === i) return;
      const parent = thread.comments[parentIndex]!;
      const mine = features.comments[i]!;
      const theirs = features.comments[parentIndex]!;
      // Restatement: content words the reply repeats from its parent, beyond the article's topic words and
      // the opener's own ("You are absolutely right" restates nothing by its "absolutely").
      const topic = features.article.topicStems;
      const own = stemsFrom(mine.content, opener.span[1]).filter((s) => !topic.has(s));
      const shared = own.filter((s) => theirs.contentStems.has(s));
      const restated = own.length > 0 ? shared.length / own.length : 0;
      const restates = restated >= ctx.options.minRestatement;
      const strength = echoStrength(opener.entry.weight ?? DEFAULT_PHRASE_WEIGHT, restates ? restated : undefined);
      findings.push({
        signal: 'echo-reply',
        commentId: comment.id,
        strength,
        reason: {
          code: restates ? 'ECHO_REPLY_RESTATES' : 'ECHO_REPLY',
          args: {
            opener: opener.text,
            parent: parent.id,
            parentKnown: comment.parentId !== undefined,
            sharedTerms: shared
              .map((s) => firstLower(mine.content, s))
              .slice(0, 6),
            restated: Math.round(restated * 100) / 100,
          },
        },
        span: opener.span,
        related: [parent.id],
      });
    });
    return findings;
  },
};

/** The distinct stems of the content words that start at or after `from`, in order. */
function stemsFrom(content: Tokens, from: number): string[] {
  const stems = new Set<string>();
  for (let k = 0; k < content.length; k++) if (content.start(k) >= from) stems.add(content.stem(k));
  return [...stems];
}

/** The first content word with this stem, as written (lower-cased). */
function firstLower(content: Tokens, stem: string): string {
  for (let k = 0; k < content.length; k++) if (content.stem(k) === stem) return content.lower(k);
  return stem;
}
