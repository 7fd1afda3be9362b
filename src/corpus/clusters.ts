/** Clusters from verified links: members, representative, similarity and threads of each group. */
import { hex64 } from '../util/hash.js';
import type { Linked } from './link.js';
import type { StringPool } from './store.js';

/** A uint32 that indexes nothing: the unique text of an ignored comment, an empty slot of a table. */
export const NONE = 0xffffffff;

/** A group of comments whose texts are identical or nearly so (linked by verified pairs ≥ threshold). */
export interface CorpusCluster {
  /** 16 hex digits: the 64-bit hash of the representative's normalised words; stable across runs. */
  id: string;
  /** Number of comments. */
  size: number;
  /** Distinct thread ids, sorted. */
  threads: string[];
  /** Sorted by threadId, then commentId (UTF-16 code-unit order). */
  members: Array<{ threadId: string; commentId: string }>;
  /** ≤ 120 characters of the most repeated text in the cluster (whitespace collapsed). */
  representative: string;
  /**
   * Over the directly linked comment pairs: exact duplicates count 1, verified pairs their Jaccard,
   * each weighted by how many comment pairs it stands for.
   */
  similarity: { min: number; mean: number };
  /** Members span two or more threads. */
  crossThread: boolean;
  /**
   * With `links: true`: the verified pairs as [i, j, similarity], i < j indexing `members`, sorted.
   * A text with several identical copies is linked through its first member; identical copies are
   * linked to each other implicitly (similarity 1) and not listed.
   */
  links?: Array<[number, number, number]>;
}

/** What building clusters reads of a CorpusIndex besides the links: its per-text and per-comment arrays. */
export interface ClusterSource {
  /** Per unique text: its copies, the halves of its 64-bit hash, and its excerpt's handle in `strings`. */
  multiplicity: Uint32Array;
  textHi: Uint32Array;
  textLo: Uint32Array;
  excerptHandle: Float64Array;
  /** Comments added; per comment, in add order: its unique text (NONE: ignored), thread and id's handle. */
  comments: number;
  commentUnique: Uint32Array;
  commentThread: Uint32Array;
  commentId: Float64Array;
  threadNames: readonly string[];
  strings: StringPool;
  /** Whether to list each cluster's verified links. */
  links: boolean;
}

/** Order of (threadId, commentId) keys: by thread, then by comment id, in UTF-16 code-unit order. */
export function compareKeys(threadA: string, idA: string, threadB: string, idB: string): number {
  if (threadA !== threadB) return threadA < threadB ? -1 : 1;
  if (idA !== idB) return idA < idB ? -1 : 1;
  return 0;
}

/** The clusters of the linked unique texts with two comments or more: largest first, then by id. */
export function buildClusters({ order, components, edgeA, edgeB, edgeSim }: Linked, from: ClusterSource): CorpusCluster[] {
  const n = order.length;
  const mult = (rank: number) => from.multiplicity[order[rank]!]!;
  // Per component root: total comments and the representative (most copies, then lowest rank).
  const total = new Float64Array(n);
  const representative = new Uint32Array(n);
  const root = new Uint32Array(n);
  for (let r = 0; r < n; r++) {
    const top = components.find(r);
    root[r] = top;
    if (total[top] === 0 || mult(r) > mult(representative[top]!)) representative[top] = r;
    total[top]! += mult(r);
  }
  const clusterOf = new Int32Array(n).fill(-1);
  const roots: number[] = [];
  for (let r = 0; r < n; r++) {
    if (root[r] === r && total[r]! >= 2) {
      clusterOf[r] = roots.length;
      roots.push(r);
    }
  }
  const k = roots.length;
  const minSim = new Float64Array(k).fill(1);
  const weightedSum = new Float64Array(k);
  const weight = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    const m = mult(r);
    if (m < 2) continue;
    const c = clusterOf[root[r]!]!;
    const pairs = (m * (m - 1)) / 2;
    weightedSum[c]! += pairs;
    weight[c]! += pairs;
  }
  const links: Array<Array<[number, number, number]>> = Array.from({ length: from.links ? k : 0 }, () => []);
  for (let e = 0; e < edgeSim.length; e++) {
    const a = edgeA.data[e]!;
    const b = edgeB.data[e]!;
    const c = clusterOf[root[a]!]!;
    const w = mult(a) * mult(b);
    const s = edgeSim.data[e]!;
    weightedSum[c]! += w * s;
    weight[c]! += w;
    if (s < minSim[c]!) minSim[c] = s;
    if (from.links) links[c]!.push([a, b, s]);
  }

  // Members of all clusters, sorted once by (threadId, commentId); handing them out in that order
  // leaves every cluster's list sorted and its threads in order.
  const rankOf = new Uint32Array(n);
  for (let r = 0; r < n; r++) rankOf[order[r]!] = r;
  const clustered: Array<{ threadId: string; commentId: string; rank: number; cluster: number }> = [];
  for (let i = 0; i < from.comments; i++) {
    const u = from.commentUnique[i]!;
    if (u === NONE) continue;
    const cluster = clusterOf[root[rankOf[u]!]!]!;
    if (cluster < 0) continue;
    clustered.push({ threadId: from.threadNames[from.commentThread[i]!]!, commentId: from.strings.get(from.commentId[i]!), rank: rankOf[u]!, cluster });
  }
  clustered.sort((a, b) => compareKeys(a.threadId, a.commentId, b.threadId, b.commentId));
  const members: Array<Array<{ threadId: string; commentId: string }>> = Array.from({ length: k }, () => []);
  const threads: string[][] = Array.from({ length: k }, () => []);
  // Index in `members` of each unique text's first member, for links.
  const firstMember = new Map<number, number>();
  for (const m of clustered) {
    const list = members[m.cluster]!;
    // A comment read twice (the same page in two inputs: one thread key) is one member.
    const last = list[list.length - 1];
    if (last && last.threadId === m.threadId && last.commentId === m.commentId) {
      if (from.links && !firstMember.has(m.rank)) firstMember.set(m.rank, list.length - 1);
      continue;
    }
    if (from.links && !firstMember.has(m.rank)) firstMember.set(m.rank, list.length);
    list.push({ threadId: m.threadId, commentId: m.commentId });
    const t = threads[m.cluster]!;
    if (t[t.length - 1] !== m.threadId) t.push(m.threadId);
  }

  const clusters = roots.map((top, c): CorpusCluster => {
    const rep = order[representative[top]!]!;
    const cluster: CorpusCluster = {
      id: hex64(from.textHi[rep]!, from.textLo[rep]!),
      size: members[c]!.length,
      threads: threads[c]!,
      members: members[c]!,
      representative: from.strings.get(from.excerptHandle[rep]!),
      similarity: { min: minSim[c]!, mean: weightedSum[c]! / weight[c]! },
      crossThread: threads[c]!.length >= 2,
    };
    if (from.links) {
      cluster.links = links[c]!
        .map(([a, b, s]): [number, number, number] => {
          const i = firstMember.get(a)!;
          const j = firstMember.get(b)!;
          return i < j ? [i, j, s] : [j, i, s];
        })
        .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    }
    return cluster;
  });
  return clusters.sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
