/**
 * Findings -> score, ordered reasons and the flag. Each signal contributes weight × its strongest
 * finding; contributions combine as independent evidence (noisy-OR), so the score stays in [0, 1] and
 * more independent kinds of evidence raise it. Only this module decides `flagged`.
 */
import type { Config } from '../config.js';
import { formatReason } from '../reasons.js';
import type { Comment, Finding, Reason, ScoredComment } from '../types.js';

export function scoreComment(comment: Comment, findings: Finding[], config: Config): ScoredComment {
  // Findings grouped by signal, in the order signals first reported (a comment has a handful). Indexed
  // loops and insertion sorts: this runs for every comment, mostly before V8 has optimised it, when
  // for-of, find and sort allocate.
  const groups: Group[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    let group: Group | undefined;
    for (let g = 0; g < groups.length && !group; g++) if (groups[g]!.signal === f.signal) group = groups[g];
    if (!group) groups.push((group = { signal: f.signal, contribution: 0, list: [] }));
    group.list.push(f);
  }
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    let strongest = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < group.list.length; i++) strongest = Math.max(strongest, group.list[i]!.strength);
    group.contribution = (config.signals[group.signal]?.weight ?? 0) * strongest;
    insertionSort(group.list, (a, b) => b.strength - a.strength);
  }
  insertionSort(groups, (a, b) => b.contribution - a.contribution);
  let remaining = 1;
  for (let g = 0; g < groups.length; g++) remaining *= 1 - groups[g]!.contribution;
  const score = Math.round((1 - remaining) * 1000) / 1000;
  const reasons: Reason[] = [];
  for (let g = 0; g < groups.length; g++) {
    const list = groups[g]!.list;
    for (let i = 0; i < list.length; i++) reasons.push(toReason(list[i]!));
  }
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
  const scored: ScoredComment = {
    id: comment.id,
    index: comment.index,
    author: comment.author ?? null,
    text: comment.text,
    score,
    flagged: !allowed && score >= config.threshold,
    reasons,
  };
  // Where the comment sits in its thread and file, for the reports that show it (CSV, JSONL, GitHub).
  if (comment.createdAt !== undefined) scored.createdAt = comment.createdAt;
  if (comment.parentId !== undefined) scored.parentId = comment.parentId;
  if (comment.line !== undefined) scored.line = comment.line;
  return scored;
}

interface Group {
  signal: string;
  contribution: number;
  list: Finding[];
}

/**
 * Stable in-place sort: what Array.prototype.sort gives, without its scratch copy for the short arrays
 * of one comment (a long one, such as a spam comment with hundreds of links, takes the built-in sort).
 */
function insertionSort<T>(items: T[], compare: (a: T, b: T) => number): void {
  if (items.length > 32) {
    items.sort(compare);
    return;
  }
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
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
