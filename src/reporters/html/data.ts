/**
 * What the HTML report's page script renders: the report reduced to what the page shows, with comment ids
 * resolved to positions in one array, so that links between comments, clusters and authors are numbers
 * the page looks up, never text from the input.
 */
import type { Report, ScoredComment } from '../../types.js';
import { orderedReasons, worstFirst } from '../shared.js';

/** One reason of a comment, in display order. */
export interface PageReason {
  /** Position in PageData.signals. */
  signal: number;
  strength: number;
  /** Position in PageData.messages: one stock phrase's wording recurs on thousands of comments. */
  message: number;
  /** 0-based, half-open, into the comment's text (UTF-16 code units, as in the report). */
  span?: [number, number];
  /** Partner comments: a position in PageData.comments, or the id as text when it is not in the report. */
  related?: Array<number | string>;
}

export interface PageComment {
  /** Position in PageData.threads. */
  thread: number;
  id: string;
  /** Position in PageData.authors, or -1 when the export names no author. */
  author: number;
  text: string;
  score: number;
  flagged: boolean;
  reasons: PageReason[];
  /** Position in PageData.clusters of the duplicate cluster holding the comment, or -1. */
  cluster: number;
}

export interface PageThread {
  id: string;
  source: string;
  title: string;
  verdict: string;
  verdictCode: string;
  comments: number;
  flagged: number;
  botShare: number;
}

export interface PageAuthor {
  name: string;
  comments: number;
  flagged: number;
  /** Duplicate and cross-thread clusters holding at least one of the author's comments. */
  clusters: number;
}

/** A duplicate cluster inside one thread. */
export interface PageCluster {
  thread: number;
  id: string;
  similarity: number;
  /** Positions in PageData.comments, in thread order. */
  members: number[];
}

/** Comments repeated across threads of the run. */
export interface PageCrossCluster {
  id: string;
  size: number;
  similarity: { min: number; mean: number };
  representative: string;
  /** The threads it spans: a position in PageData.threads, or -1 with the source when not in the report. */
  threads: Array<{ thread: number; source: string; id: string }>;
  /** Copies: position in PageData.comments (-1 when the report left it out), with its thread as above. */
  members: Array<{ comment: number; thread: number; id: string }>;
}

export interface PageData {
  threshold: number;
  /** Signal ids: the run's signals in registry order, then any other signal a reason names. */
  signals: string[];
  /** Reasons' wording, each once. */
  messages: string[];
  threads: PageThread[];
  /** Every comment in the report (flagged only with --quiet), worst first across threads. */
  comments: PageComment[];
  /** Authors by flagged comments, then comments, then name. */
  authors: PageAuthor[];
  clusters: PageCluster[];
  cross: PageCrossCluster[];
}

/** The report as the page's data. `quiet` keeps flagged comments only, as in the other formats. */
export function pageData(report: Report, quiet: boolean): PageData {
  const signals = report.signals.map((s) => s.id);
  const signalIndex = new Map(signals.map((id, i) => [id, i]));
  const signalOf = (id: string) => {
    let i = signalIndex.get(id);
    if (i === undefined) signalIndex.set(id, (i = signals.push(id) - 1));
    return i;
  };

  const messages: string[] = [];
  const messageIndex = new Map<string, number>();
  const messageOf = (text: string) => {
    let i = messageIndex.get(text);
    if (i === undefined) messageIndex.set(text, (i = messages.push(text) - 1));
    return i;
  };

  const entries: Array<{ thread: number; comment: ScoredComment }> = [];
  report.threads.forEach((t, thread) => {
    for (const comment of t.comments) if (!quiet || comment.flagged) entries.push({ thread, comment });
  });
  entries.sort((a, b) => worstFirst(a.comment, b.comment) || a.thread - b.thread);
  // Per thread, comment id -> position in the page's comment array.
  const positions = report.threads.map(() => new Map<string, number>());
  entries.forEach((e, i) => positions[e.thread]!.set(e.comment.id, i));

  const authorIndex = new Map<string, number>();
  const authors: PageAuthor[] = [];
  const authorOf = (name: string | null) => {
    if (name === null || name === '') return -1;
    let i = authorIndex.get(name);
    if (i === undefined) authorIndex.set(name, (i = authors.push({ name, comments: 0, flagged: 0, clusters: 0 }) - 1));
    return i;
  };

  const comments: PageComment[] = entries.map(({ thread, comment: c }) => {
    const author = authorOf(c.author);
    if (author >= 0) {
      authors[author]!.comments++;
      if (c.flagged) authors[author]!.flagged++;
    }
    const reasons = orderedReasons(c).map((r): PageReason => {
      const out: PageReason = { signal: signalOf(r.signal), strength: r.strength, message: messageOf(r.message) };
      if (r.span && r.span[0] < r.span[1]) out.span = [r.span[0], r.span[1]];
      if (r.related?.length) out.related = r.related.map((id) => positions[thread]!.get(id) ?? id);
      return out;
    });
    return { thread, id: c.id, author, text: c.text, score: c.score, flagged: c.flagged, reasons, cluster: -1 };
  });

  const touched = (members: number[]) => {
    const seen = new Set<number>();
    for (const m of members) {
      const a = m >= 0 ? comments[m]!.author : -1;
      if (a >= 0 && !seen.has(a)) {
        seen.add(a);
        authors[a]!.clusters++;
      }
    }
  };

  const clusters: PageCluster[] = [];
  report.threads.forEach((t, thread) => {
    for (const cl of t.clusters) {
      const members = cl.commentIds.map((id) => positions[thread]!.get(id)).filter((m): m is number => m !== undefined);
      if (members.length === 0) continue;
      for (const m of members) comments[m]!.cluster = clusters.length;
      clusters.push({ thread, id: cl.id, similarity: cl.similarity, members });
      touched(members);
    }
  });

  // Cross-thread clusters name threads by source and id; the same pair finds the thread in this report.
  const threadKey = (source: string, id: string) => JSON.stringify([source, id]);
  const threadIndex = new Map(report.threads.map((t, i) => [threadKey(t.source, t.id), i]));
  const cross: PageCrossCluster[] = (report.crossThreadClusters ?? []).map((cl) => {
    const members = cl.members.map((m) => {
      const thread = threadIndex.get(threadKey(m.source, m.threadId)) ?? -1;
      return { comment: thread >= 0 ? (positions[thread]!.get(m.commentId) ?? -1) : -1, thread, id: m.commentId };
    });
    touched(members.map((m) => m.comment));
    return {
      id: cl.id,
      size: cl.size,
      similarity: cl.similarity,
      representative: cl.representative,
      threads: cl.threads.map((t) => ({ thread: threadIndex.get(threadKey(t.source, t.id)) ?? -1, source: t.source, id: t.id })),
      members,
    };
  });

  // Authors are renumbered by rank, so comments' author positions are remapped after the sort.
  const ranked = authors.map((a, i) => ({ a, i })).sort((x, y) => y.a.flagged - x.a.flagged || y.a.comments - x.a.comments || (x.a.name < y.a.name ? -1 : x.a.name > y.a.name ? 1 : 0));
  const rank = new Array<number>(authors.length);
  ranked.forEach((r, k) => (rank[r.i] = k));
  for (const c of comments) if (c.author >= 0) c.author = rank[c.author]!;

  return {
    threshold: report.settings.threshold,
    signals,
    messages,
    threads: report.threads.map((t) => ({
      id: t.id,
      source: t.source,
      title: t.title,
      verdict: t.summary.verdict,
      verdictCode: t.summary.verdictCode,
      comments: t.commentCount,
      flagged: t.summary.flagged,
      botShare: t.summary.botShare,
    })),
    comments,
    authors: ranked.map((r) => r.a),
    clusters,
    cross,
  };
}

/**
 * JSON to place inside `<script type="application/json">`. The HTML parser ends that element at the first
 * `</script` and treats `<!--` specially whatever the JSON means, so no `<`, `>` or `&` may appear
 * literally; U+2028/U+2029 are escaped too so that the text is also a valid JavaScript literal. All of
 * these can occur only inside JSON strings, where a \u escape means the same character.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
