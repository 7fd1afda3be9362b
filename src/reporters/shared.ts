/** Ordering helpers every reporter shares, so all formats list comments and reasons the same way. */
import type { Reason, ScoredComment } from '../types.js';

/** Comments worst first; equal scores keep thread order. */
export const worstFirst = (a: ScoredComment, b: ScoredComment): number => b.score - a.score || a.index - b.index;

/**
 * Reasons in display order: the strongest reason of each signal first, then the rest, so that one signal's
 * many phrase matches do not crowd the other signals out of a "top reasons" cut (the terminal's order).
 */
export function orderedReasons(comment: ScoredComment): Reason[] {
  const seen = new Set<string>();
  const leads: Reason[] = [];
  const rest: Reason[] = [];
  for (const r of comment.reasons) {
    (seen.has(r.signal) ? rest : leads).push(r);
    seen.add(r.signal);
  }
  return [...leads, ...rest];
}

/** A line of a comment's reasons in a text report: a reason, and how often the comment gave that very message. */
export interface ListedReason {
  reason: Reason;
  times: number;
}

/**
 * orderedReasons as the text reports list them: a message a comment repeats ("Click here" four times in
 * one e-mail's footer) is one line that says how often. The JSON and HTML reports keep every reason,
 * each with its own span. `ordered`: the comment's orderedReasons, when the caller has them already.
 */
export function listedReasons(comment: ScoredComment, ordered: readonly Reason[] = orderedReasons(comment)): ListedReason[] {
  const lines = new Map<string, ListedReason>();
  for (const reason of ordered) {
    const key = `${reason.signal}\n${reason.message}`;
    const line = lines.get(key);
    if (line) line.times++;
    else lines.set(key, { reason, times: 1 });
  }
  return [...lines.values()];
}

/** What follows a listed reason's message: " (×n)" when the comment gave it n > 1 times. */
export const timesNote = (times: number): string => (times > 1 ? ` (×${times})` : '');

/** A listed reason's message, with its timesNote. */
export const listedMessage = ({ reason, times }: ListedReason): string => reason.message + timesNote(times);

/** The other comments a comment's reasons point at (duplicate partners, echoed parents), once each. */
export function relatedIds(comment: ScoredComment): string[] {
  return [...new Set(orderedReasons(comment).flatMap((r) => r.related ?? []))];
}

/** The strongest evidence each signal found in a comment (0..1), by signal id, for per-signal columns. */
export function signalStrengths(comment: ScoredComment): Map<string, number> {
  const strengths = new Map<string, number>();
  for (const r of comment.reasons) strengths.set(r.signal, Math.max(strengths.get(r.signal) ?? 0, r.strength));
  return strengths;
}
