/**
 * Reports of `threadsift clusters`: comments repeated across threads. Pure: they return text (the JSON
 * one as a sequence of pieces, so a million-comment result is never one string) and only the CLI writes.
 */
import { Chalk } from 'chalk';
import { threadIdFromSource } from '../util/thread-id.js';
import { escapeInvisible, excerpt, stripControls } from '../text/sanitize.js';
import type { CrossThreadCluster, InputProblem } from '../types.js';

export interface ClustersReport {
  tool: { name: string; version: string };
  settings: { similarity: number; minWords: number; lsh: Record<string, number> };
  summary: {
    threads: number;
    comments: number;
    ignored: number;
    uniqueTexts: number;
    clusters: number;
    commentsInClusters: number;
    candidatePairs: number;
    verifiedPairs: number;
    errors: number;
  };
  clusters: CrossThreadCluster[];
  errors: InputProblem[];
}

/** Versioned JSON ({schemaVersion: 1, ..., crossThreadClusters: [...]}), one cluster per piece. */
export function* clustersJson(report: ClustersReport): Generator<string> {
  const { clusters, ...rest } = report;
  const head = escapeInvisible(JSON.stringify({ schemaVersion: 1, ...rest }));
  yield `${head.slice(0, -1)},"crossThreadClusters":[`;
  for (let i = 0; i < clusters.length; i++) yield `${i ? ',' : ''}\n${escapeInvisible(JSON.stringify(clusters[i]))}`;
  yield '\n]}\n';
}

/**
 * A line about the run, then the largest clusters (all of them with `verbose`). `members` gives, per
 * cluster, an excerpt of each member's text in the order of its `members`: each is then listed under its
 * cluster with its thread and id.
 */
export function clustersTerminal(report: ClustersReport, options: { color: boolean; verbose: boolean; members?: string[][] | undefined }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const { summary, settings, clusters } = report;
  const shown = options.verbose ? clusters : clusters.slice(0, 20);
  // A member's thread as the terminal report names one: the file, and the thread id when the file holds several.
  const where = (m: CrossThreadCluster['members'][number]) =>
    `${stripControls(m.source)}${threadIdFromSource(m.source) === m.threadId ? '' : ` (${excerpt(m.threadId, 40)})`}`;
  const lines = [
    c.bold(
      `${summary.clusters} cluster(s) of comments repeated across threads: ${summary.commentsInClusters} of ${summary.comments} comments in ${summary.threads} threads (similarity ≥ ${settings.similarity}; ${summary.ignored} comments under ${settings.minWords} words not compared).`,
    ),
    ...shown.flatMap((cl, i) => [
      `  ${c.cyan(stripControls(cl.id))}  ${cl.size} copies in ${cl.threads.length} threads  ${c.dim(`min similarity ${cl.similarity.min.toFixed(2)}`)}  ${excerpt(cl.representative, 80)}`,
      ...(options.members?.[i]?.map((text, k) => `      ${c.dim(where(cl.members[k]!))} ${c.bold(`#${excerpt(cl.members[k]!.commentId, 40)}`)}  ${text}`) ?? []),
    ]),
  ];
  if (shown.length < clusters.length) lines.push(c.dim(`  … ${clusters.length - shown.length} more; -v or --format json lists all`));
  return `${lines.join('\n')}\n`;
}
