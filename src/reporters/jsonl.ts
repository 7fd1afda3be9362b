/**
 * The JSONL report (`--format jsonl`): one JSON object per line, each with a `type`, written thread by
 * thread as the scan goes, so a run of millions of comments is read back (jq, DuckDB `read_json_auto`,
 * pandas `read_json(lines=True)`) without ever being one document in memory. Per thread, in input order:
 * one "thread" line, one "comment" line per comment, one "cluster" line per duplicate cluster of the
 * thread; after the last thread, one "cluster" line per cross-thread cluster (scope "across-threads"), one "error" line per input
 * that failed, and one "summary" line. Control, bidi and other invisible characters are written as \u
 * escapes, as in the JSON report, so no line can be split, reordered or hidden by the text it quotes.
 */
import { escapeInvisible } from '../text/sanitize.js';
import type { Comment, ReportHead, ScoredComment, Thread, ThreadReport } from '../types.js';
import type { CrossThreadLookup, StreamOptions, ThreadStream } from './types.js';

/** One line: the JSON of `value` with invisible characters escaped. */
const line = (value: object) => `${escapeInvisible(JSON.stringify(value))}\n`;

/** The strongest finding of each signal that gave a reason for the comment, in reason order. */
function strengths(comment: ScoredComment): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of comment.reasons) if (!(r.signal in out) || r.strength > out[r.signal]!) out[r.signal] = r.strength;
  return out;
}

/** A comment's line: who, when, in reply to what, its score, the evidence and the clusters it is in. */
function commentLine(report: ThreadReport, input: Comment, scored: ScoredComment, clusters: string[], crossThread: string | null, includeText: boolean): string {
  return line({
    type: 'comment',
    source: report.source,
    threadId: report.id,
    commentId: scored.id,
    index: scored.index,
    author: scored.author,
    date: input.createdAt ?? null,
    parent: input.parentId ?? null,
    score: scored.score,
    flagged: scored.flagged,
    strengths: strengths(scored),
    reasons: scored.reasons,
    clusters,
    crossThreadCluster: crossThread,
    ...(includeText ? { text: scored.text } : {}),
  });
}

/** Characters joined into one part: a thread of a million comments is many parts, never one huge string. */
const CHUNK_CHARS = 1 << 20;

/** Lines joined into parts of about CHUNK_CHARS. */
class Chunks {
  private readonly parts: string[] = [];
  private current = '';

  add(text: string): void {
    this.current += text;
    if (this.current.length >= CHUNK_CHARS) {
      this.parts.push(this.current);
      this.current = '';
    }
  }

  done(): string[] {
    if (this.current) this.parts.push(this.current);
    return this.parts;
  }
}

export const jsonlStream: ThreadStream = {
  thread(thread: Thread, report: ThreadReport, crossThread: CrossThreadLookup | undefined, options: StreamOptions): string[] {
    const { summary } = report;
    const out = new Chunks();
    out.add(line({
      type: 'thread',
      source: report.source,
      threadId: report.id,
      title: report.title,
      url: report.url ?? null,
      commentCount: report.commentCount,
      flagged: summary.flagged,
      botShare: summary.botShare,
      verdictCode: summary.verdictCode,
      verdict: summary.verdict,
    }));
    const clustersOf = new Map<string, string[]>();
    for (const c of report.clusters) {
      for (const id of c.commentIds) {
        const list = clustersOf.get(id);
        if (list) list.push(c.id);
        else clustersOf.set(id, [c.id]);
      }
    }
    // Report comments are the thread's comments, scored in the same order.
    report.comments.forEach((scored, i) => {
      if (options.quiet && !scored.flagged) return;
      const cross = crossThread?.(scored.id)?.id ?? null;
      out.add(commentLine(report, thread.comments[i]!, scored, clustersOf.get(scored.id) ?? [], cross, options.includeText));
    });
    for (const c of report.clusters) {
      out.add(line({ type: 'cluster', scope: 'thread', source: report.source, threadId: report.id, id: c.id, commentIds: c.commentIds, similarity: c.similarity }));
    }
    return out.done();
  },

  end(head: ReportHead): string[] {
    // A million-comment run has tens of thousands of clusters across threads: parts, not one string.
    const out = new Chunks();
    for (const c of head.crossThreadClusters ?? []) out.add(line({ type: 'cluster', scope: 'across-threads', ...c }));
    for (const e of head.errors) out.add(line({ type: 'error', source: e.source, message: e.message }));
    const { schemaVersion, tool, settings, signals, summary } = head;
    out.add(line({ type: 'summary', schemaVersion, tool, settings, signals, ...summary, crossThreadClusters: head.crossThreadClusters?.length ?? 0 }));
    return out.done();
  },
};
