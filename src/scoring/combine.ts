/**
 * Findings -> score, ordered reasons and the flag. Each signal contributes weight × its strongest
 * finding; contributions combine as independent evidence (noisy-OR), so the score stays in [0, 1] and
 * more independent kinds of evidence raise it. Only this module decides `flagged`.
 */
import type { Config } from '../config.js';
import { formatReason } from '../reasons.js';
import type { Comment, Finding, Reason, ScoredComment } from '../types.js';

export function scoreComment(comment: Comment, findings: Finding[], config: Config): ScoredComment {
  const bySignal = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = bySignal.get(f.signal) ?? [];
    list.push(f);
    bySignal.set(f.signal, list);
  }
  const contributions = [...bySignal].map(([signal, list]) => {
    const weight = config.signals[signal]?.weight ?? 0;
    const strongest = Math.max(...list.map((f) => f.strength));
    return { signal, contribution: weight * strongest, list: list.sort((a, b) => b.strength - a.strength) };
  });
  contributions.sort((a, b) => b.contribution - a.contribution);
  let score = 1 - contributions.reduce((acc, c) => acc * (1 - c.contribution), 1);
  score = Math.round(score * 1000) / 1000;
  const reasons: Reason[] = contributions.flatMap(({ list }) => list.map(toReason));
  const allowed =
    comment.author !== undefined && config.allowAuthors.some((a) => a.toLowerCase() === comment.author!.toLowerCase());
  if (allowed) {
    reasons.unshift({
      signal: 'config',
      code: 'AUTHOR_ALLOWED',
      strength: 0,
      args: { author: comment.author },
      message: formatReason({ code: 'AUTHOR_ALLOWED', args: { author: comment.author } }),
    });
  }
  return {
    id: comment.id,
    index: comment.index,
    author: comment.author ?? null,
    text: comment.text,
    score,
    flagged: !allowed && score >= config.threshold,
    reasons,
  };
}

function toReason(f: Finding): Reason {
  const reason: Reason = {
    signal: f.signal,
    code: f.reason.code,
    strength: Math.round(f.strength * 1000) / 1000,
    message: formatReason(f.reason),
    args: f.reason.args,
  };
  if (f.related?.length) reason.related = f.related;
  if (f.span) reason.span = f.span;
  return reason;
}
