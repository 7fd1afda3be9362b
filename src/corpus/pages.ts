/**
 * Clusters as pages see them. Two exports of one page (Monday's and Tuesday's dump of an article) are two
 * threads to the engine when their comment ids are positions; a cluster holding a comment of both must not
 * call the page another thread of itself, nor count its copies twice.
 */

/** What the page step needs of a cluster: its thread keys, and its members with theirs, in its order. */
export interface PagedCluster<M extends { threadId: string }> {
  threads: string[];
  members: M[];
  size: number;
}

/**
 * The cluster with the exports of each page merged (`pageOf`: a thread key's page, see samePage in
 * src/util/page.ts): a page keeps the export holding most of the cluster's members (the first in path
 * order, `sourceOf`, on a tie), so that its copies count once. undefined when every member is on one page:
 * nothing was posted anywhere else. The cluster itself when no page has two exports in it.
 */
export function onPages<M extends { threadId: string }, C extends PagedCluster<M>>(c: C, pageOf: (key: string) => string, sourceOf: (key: string) => string): C | undefined {
  const perKey = new Map<string, number>();
  for (const m of c.members) perKey.set(m.threadId, (perKey.get(m.threadId) ?? 0) + 1);
  const kept = new Map<string, string>();
  for (const key of c.threads) {
    const page = pageOf(key);
    const best = kept.get(page);
    const more = best === undefined ? 1 : perKey.get(key)! - perKey.get(best)!;
    if (more > 0 || (more === 0 && sourceOf(key) < sourceOf(best!))) kept.set(page, key);
  }
  if (kept.size < 2) return undefined;
  if (kept.size === c.threads.length) return c;
  const keys = new Set(kept.values());
  const members = c.members.filter((m) => keys.has(m.threadId));
  return { ...c, threads: c.threads.filter((key) => keys.has(key)), members, size: members.length };
}
