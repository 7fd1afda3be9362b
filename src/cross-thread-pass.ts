/**
 * The run-wide pass behind the cross-thread signal and `threadsift clusters`: turns a finished corpus
 * index into report clusters (with source and thread ids) and a per-thread lookup for scoring. Pure:
 * the CLI feeds the index and prints the result.
 */
import type { RunContext } from './analyze.js';
import { CorpusIndex, type CorpusResult } from './corpus/index.js';
import type { CorpusCluster } from './corpus/clusters.js';
import { onPages } from './corpus/pages.js';
import { ConfigError } from './errors.js';
import type { CorpusMembership, CrossThreadCluster, Thread } from './types.js';
import { pageAddress } from './util/page.js';

export interface CorpusPass {
  clusters: CrossThreadCluster[];
  /** The same clusters as the engine's (run-wide thread keys), in the same order. */
  keyed: CorpusCluster[];
  result: CorpusResult;
  /** The run context of the thread with this run-wide key (see threadKeys). */
  lookup: (key: string) => RunContext;
  /** The comments of the thread with this key that are in cross-thread clusters, with their cluster. */
  members: (key: string) => Array<[commentId: string, cluster: CorpusMembership]> | undefined;
}

/**
 * The run-wide pass for the cross-thread signal: every comment of every input into a CorpusIndex
 * (MinHash-LSH; only signatures, ids and an excerpt are held), then the clusters that span two or
 * more threads, and a per-thread lookup for the second, scoring pass.
 */
export async function corpusPass(index: CorpusIndex, names: Map<string, { source: string; id: string }>, pages?: ReadonlyMap<string, string>): Promise<CorpusPass> {
  const result = await index.finish();
  // Each cluster as the report shows it (its view), beside the engine's (all its members).
  const viewed: Array<{ found: CorpusCluster; c: CorpusCluster }> = [];
  for (const found of result.clusters) {
    if (!found.crossThread) continue;
    const c = pages ? onPages(found, (key) => pages.get(key) ?? key, (key) => names.get(key)!.source) : found;
    if (c) viewed.push({ found, c });
  }
  // Largest first, as the engine orders them: the page step may have made some smaller.
  viewed.sort(({ c: a }, { c: b }) => b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const membership = new Map<string, Map<string, CorpusMembership>>();
  const clusters: CrossThreadCluster[] = [];
  for (const { found, c } of viewed) {
    const shared: CorpusMembership = { id: c.id, size: c.size, threads: c.threads, representative: c.representative, similarity: c.similarity };
    // Every member gets the cluster, also the copies of a page's other exports that the view leaves out.
    for (const m of found.members) {
      let byComment = membership.get(m.threadId);
      if (!byComment) membership.set(m.threadId, (byComment = new Map()));
      byComment.set(m.commentId, shared);
    }
    clusters.push({
      id: c.id,
      size: c.size,
      threads: c.threads.map((key) => names.get(key)!),
      members: c.members.map((m) => ({ source: names.get(m.threadId)!.source, threadId: names.get(m.threadId)!.id, commentId: m.commentId })),
      representative: c.representative,
      similarity: c.similarity,
    });
  }
  return {
    clusters,
    keyed: viewed.map(({ c }) => c),
    result,
    lookup: (key) => {
      const byComment = membership.get(key);
      return byComment ? { corpus: (id) => byComment.get(id) } : {};
    },
    members: (key) => {
      const byComment = membership.get(key);
      return byComment && [...byComment];
    },
  };
}

/**
 * Run-wide thread keys, assigned in reading order. A thread whose export gives its page's address and real
 * comment ids (see pageAddress) is known by the address: `["address","id"]`, the same key in whichever
 * input it is read, so the same page exported on two days is one thread and its comments are not copies of
 * themselves under "another thread" (the clusters count a comment read twice once). Otherwise
 * "source#id", and "source#id~2", "~3"... when a source repeats an id, so two threads never share
 * cross-thread membership. Reading the same inputs again in the same order gives the same keys.
 */
export function threadKeys(): (thread: Thread) => string {
  const seen = new Map<string, number>();
  return (thread) => {
    // Both parts come from the export: as a JSON pair, no address and id can be made to read as another's.
    const page = pageAddress(thread);
    if (page) return JSON.stringify([page, thread.id]);
    const base = `${thread.source}#${thread.id}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  };
}

/**
 * Record the name a report gives the thread with run-wide key `key`: its input and id. A page read from
 * several inputs (one key) is named by the first of them in path order, as `clusters --sketches` names it.
 */
export function nameThread(names: Map<string, { source: string; id: string }>, key: string, thread: Thread): void {
  const named = names.get(key);
  if (!named || thread.source < named.source) names.set(key, { source: thread.source, id: thread.id });
}

/** A corpus index; bad similarity settings are the configuration's fault, not a bug. */
export function newCorpusIndex(threshold: number, minWords: number, workers = 0): CorpusIndex {
  try {
    return new CorpusIndex({ threshold, minShingles: minWords, workers });
  } catch (err) {
    if (err instanceof RangeError) {
      throw new ConfigError(`cross-thread settings: ${err.message.replace('threshold', 'similarity threshold').replace('minShingles', 'minWords')}`, 'similarity must be above 0 and at most 1; minWords a whole number ≥ 1');
    }
    throw err;
  }
}
