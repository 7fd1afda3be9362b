import { AGREEMENT_OPENERS } from '../data/agreement.js';
import { threadFeatures } from '../text/features.js';
import type { Tokens } from '../text/tokens.js';
import { DEFAULT_PHRASE_WEIGHT, matchPhrases } from '../text/phrases.js';
import type { Finding, Signal } from '../types.js';
import { unit } from '../options.js';

export interface EchoReplyOptions {
  /** Share of the reply's content words that must come from the parent to count as restating it. */
  minRestatement: number;
}

/**
 * A reply that opens with agreement and restates the comment it answers: the parent when the export
 * records parent ids, otherwise the comment just before it.
 */
export const echoReply: Signal<EchoReplyOptions> = {
  id: 'echo-reply',
  description: 'Replies that open with agreement ("Absolutely.", "Excellent point.") and restate the comment before them',
  weight: 0.3,
  // English agreement openers and English stems for the restatement.
  languages: ['eng'],
  defaultOptions: { minRestatement: 0.15 },
  optionsSchema: { minRestatement: unit() },
  analyze(thread, ctx) {
    const features = threadFeatures(thread);
    const findings: Finding[] = [];
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
      // Restatement: content words the reply repeats from its parent, beyond the article's topic words.
      const topic = features.article.topicStems;
      const own = [...mine.contentStems].filter((s) => !topic.has(s));
      const shared = own.filter((s) => theirs.contentStems.has(s));
      const restated = own.length > 0 ? shared.length / own.length : 0;
      const base = (opener.entry.weight ?? DEFAULT_PHRASE_WEIGHT) + 0.25;
      const strength = Math.min(1, restated >= ctx.options.minRestatement ? base + 0.2 + restated : base);
      findings.push({
        signal: 'echo-reply',
        commentId: comment.id,
        strength,
        reason: {
          code: restated >= ctx.options.minRestatement ? 'ECHO_REPLY_RESTATES' : 'ECHO_REPLY',
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

/** The first content word with this stem, as written (lower-cased). */
function firstLower(content: Tokens, stem: string): string {
  for (let k = 0; k < content.length; k++) if (content.stem(k) === stem) return content.lower(k);
  return stem;
}
