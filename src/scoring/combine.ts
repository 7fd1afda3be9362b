/**
 * Findings -> score, ordered reasons and the flag. Each signal contributes weight × its strongest
 * finding; contributions combine as independent evidence (noisy-OR), so the score stays in [0, 1] and
 * more independent kinds of evidence raise it. Only this module decides `flagged`.
 */
import type { Config } from '../config.js';
import { formatReason } from '../reasons.js';
import type { Comment, Finding, Reason, ScoredComment } from '../types.js';

export function scoreComment(comment: Comment, findings: Finding[], config: Config): ScoredComment {
  // Findings grouped by signal, in the order signals first reported (a comment has a handful).
  const groups: Array<{ signal: string; contribution: number; list: Finding[] }> = [];
  for (const f of findings) {
    let group = groups.find((g) => g.signal === f.signal);
    if (!group) groups.push((group = { signal: f.signal, contribution: 0, list: [] }));
    group.list.push(f);
  }
  let remaining = 1;
  for (const g of groups) {
    let strongest = Number.NEGATIVE_INFINITY;
    for (const f of g.list) strongest = Math.max(strongest, f.strength);
    g.contribution = (config.signals[g.signal]?.weight ?? 0) * strongest;
    if (g.list.length > 1) g.list.sort((a, b) => b.strength - a.strength);
  }
  if (groups.length > 1) groups.sort((a, b) => b.contribution - a.contribution);
  for (const g of groups) remaining *= 1 - g.contribution;
  const score = Math.round((1 - remaining) * 1000) / 1000;
  const reasons: Reason[] = [];
  for (const g of groups) for (const f of g.list) reasons.push(toReason(f));
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
